"""Deadlines (data/deadlines.yml) are complete, sourced and current, and pages name real ones.

A passed `recheck:` date is a warning (like an old `reviewed:` date), so it never blocks an
urgent fix; `check --strict` makes it an error.
"""
from __future__ import annotations

import difflib
from typing import Iterable

from ..core import recheck
from ..core.datafile import missing_languages
from ..core.deadlines import DEADLINES
from ..core.problems import Problem
from ..core.project import Page, Project
from ..core.references import DEADLINE

BLOCKS = (("flyer", ("title", "rights", "steps")), ("card", ("title", "lines")))


def deadline_references(page: Page) -> list[tuple[str, int]]:
    """(id, line) of every [[deadline:id]] in the body and in the flyer or card words."""
    found = []
    lines = page.body.splitlines() if "[[deadline:" in page.body else []  # most pages state none
    for number, line in enumerate(lines, start=page.body_line):
        if "[[deadline:" in line:
            found += [(m.group(1), number) for m in DEADLINE.finditer(line)]
    for key, fields in BLOCKS:
        block = page.meta.get(key) if page.meta else None
        if not isinstance(block, dict):
            continue
        for name in fields:
            value = block.get(name)
            line = block.line_of(name) if hasattr(block, "line_of") else page.line_of(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    found += [(m.group(1), line) for m in DEADLINE.finditer(item)]
    return found


def check_deadline_entries(project: Project) -> Iterable[Problem]:
    found = project.deadlines
    languages = project.strict_languages
    for item in found.entries.values():
        what = f"deadline '{item.id}'"
        raw = item.raw
        yield from missing_languages(raw, "text", languages, DEADLINES, what)
        yield from missing_languages(raw, "starts", languages, DEADLINES, what)
        if not item.source.startswith(("https://", "http://")):
            yield Problem(DEADLINES, raw.line_of("source") if "source" in raw else item.line,
                          f"{what} needs 'source:' with the address of the official page that states it (https://…)")
        if item.checked is None:
            yield Problem(DEADLINES, raw.line_of("checked") if "checked" in raw else item.line,
                          f"{what} needs 'checked:' with the day a person read it on the source, like 'checked: 2026-11-30'")
        if item.office and project.registry.contacts and item.office not in project.registry.contacts:
            close = difflib.get_close_matches(item.office, sorted(project.registry.contacts), n=1)
            hint = f"did you mean '{close[0]}'?" if close else "use a contact id from data/contacts.yml, or leave 'office:' out"
            yield Problem(DEADLINES, raw.line_of("office"), f"{what}: office '{item.office}' names no contact in data/contacts.yml: {hint}")
        # The same re-check rule as contacts and pages (scripts/core/recheck.py): a date needs a note.
        # Once due, the rechecks check warns about it with the others (checks/recheck.py).
        yield from recheck.read(raw, DEADLINES, what, item.source or "its source")[1]


def check_deadline_ids(project: Project) -> Iterable[Problem]:
    if not project.deadlines.readable:
        return  # the file itself is broken; that is reported once, at its own line
    known = sorted(project.deadlines.entries)
    for page in project.all_pages():
        for did, line in deadline_references(page):
            if did in project.deadlines.entries:
                continue
            close = difflib.get_close_matches(did, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known ids: {', '.join(known)}"
            yield Problem(page.path, line, f"[[deadline:{did}]] names no deadline in {DEADLINES}: {hint}")


def check_twin_deadlines(project: Project) -> Iterable[Problem]:
    """A Spanish page and its English twin state the same deadlines."""
    first = project.default
    for page, twin in project.twins():
        ids = {did for did, _ in deadline_references(page)}
        theirs = deadline_references(twin)
        for missing in sorted(ids - {did for did, _ in theirs}):
            yield Problem(twin.path, twin.body_line, f"the {first} twin ({page.path}) states [[deadline:{missing}]] "
                          "but this page does not: add it here too")
        for extra, line in theirs:
            if extra not in ids:
                yield Problem(twin.path, line, f"[[deadline:{extra}]] is not on the {first} twin ({page.path}): "
                              "add it there too, or remove it here")
