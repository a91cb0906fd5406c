"""Re-check dates for facts that change with new rules, budgets or phone lines.

A contact in data/contacts.yml or a page's front matter may carry

    recheck: 2027-03-01
    recheck_note: what to look at on that day (which rule, which page)

`make check` warns once the day has come (an error only with --strict); `make likely` lists every
re-check date with what is still 'likely'. Deadlines (data/deadlines.yml) use the same two fields;
their own check (checks/deadline_entries.py) validates and warns about them, so `collect` leaves them out
and only `listing` adds them.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from .contacts import REGISTRY
from .deadlines import DEADLINES
from .states import STATES
from .problems import Problem
from .project import Project
from .yamlfile import LineDict, date_problem

DATE, NOTE = "recheck", "recheck_note"
EXAMPLE = "recheck: 2027-03-01\nrecheck_note: what to re-check on that day"


@dataclass(frozen=True, order=True)
class Recheck:
    day: dt.date
    path: str
    line: int
    what: str        # "contact 'profedet'", "page", "deadline 'eeoc_queja'"
    note: str
    source: str      # where to read the fact again


def read(raw: LineDict, path: str, what: str, source: str) -> tuple[Recheck | None, list[Problem]]:
    """The re-check of one entry (None when it has none or it is broken) and its problems."""
    if DATE not in raw:
        if NOTE in raw:
            return None, [Problem(path, raw.line_of(NOTE), f"{what}: 'recheck_note:' needs a 'recheck:' date above it, "
                                  f"like:\n{EXAMPLE}")]
        return None, []
    value = raw.get(DATE)
    wrong = date_problem(DATE, value)
    if wrong:
        return None, [Problem(path, raw.line_of(DATE), f"{what}: {wrong}")]
    note = raw.get(NOTE)
    if not isinstance(note, str) or not note.strip():
        return None, [Problem(path, raw.line_of(DATE), f"{what}: 'recheck:' needs a 'recheck_note:' line saying what to "
                              f"re-check on that day, like:\n{EXAMPLE}")]
    return Recheck(value, path, raw.line_of(DATE), what, " ".join(note.split()), source), []


def collect(project: Project) -> tuple[list[Recheck], list[Problem]]:
    """Every re-check date of the registry and the pages, sorted by day, and what is wrong with them."""
    found: list[Recheck] = []
    problems: list[Problem] = []
    for contact in project.registry.contacts.values():
        item, wrong = read(contact.raw, REGISTRY, f"contact '{contact.id}'", contact.source or contact.website)
        problems += wrong
        found += [item] if item else []
    for page in project.all_pages():
        if not isinstance(page.meta, LineDict):
            continue
        item, wrong = read(page.meta, page.path, "page", "the official pages under 'sources:'")
        if not page.meant & {DATE, NOTE}:  # a misspelt 'recheck_note:' is named by the front-matter check
            problems += wrong
        found += [item] if item else []
    return sorted(found), problems


def listing(project: Project) -> tuple[list[Recheck], list[Problem]]:
    """Every re-check date, deadlines included, soonest first: what `make likely` prints and what
    the rechecks check warns about once due. A deadline's broken re-check is reported by the
    deadlines' own check (checks/deadline_entries.py), so its problems are left out here."""
    found, problems = collect(project)
    for entry in project.deadlines.entries.values():
        item, _ = read(entry.raw, DEADLINES, f"deadline '{entry.id}'", entry.source or "its source")
        found += [item] if item else []
    for state in project.states.entries.values():  # their broken re-checks are checks/state_entries.py's
        for part in state.sections():
            item, _ = read(part.raw, STATES, f"state '{state.code}', {part.key}", part.source or "its source")
            found += [item] if item else []
    return sorted(found), problems


def due(item: Recheck, today: dt.date) -> Problem | None:
    """The warning for a re-check whose day has come, or None."""
    if item.day > today:
        return None
    return Problem(item.path, item.line,
                   f"{item.what} was due for a re-check on {item.day.isoformat()} ({item.note}): read it again on "
                   f"{item.source}, correct what changed, then set 'recheck:' to the next date to look again", "warning")
