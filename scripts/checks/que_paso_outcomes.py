"""Each outcome's page and section to read, contacts and deadlines exist.

Skipped while data/que-paso.yml is broken or has an unknown field: the loader reports that once,
and checking a half-read tree would only add follow-on errors.
"""
from __future__ import annotations

import difflib
from typing import Iterable

from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import TREE, Outcome, Tree
from ..core.sections import section_ids
from ..core.urls import gone

MAX_CONTACTS = 3


def check_que_paso_outcomes(project: Project) -> Iterable[Problem]:
    """The page and section to read, the contacts and the deadlines of each outcome exist."""
    tree: Tree = project.que_paso
    if not tree.readable:
        return
    for outcome in tree.outcomes.values():
        yield from _read(project, outcome)
        what = f"outcome '{outcome.id}'"
        line = outcome.raw.line_of("contacts") if "contacts" in outcome.raw else outcome.line
        if not 1 <= len(outcome.contacts) <= MAX_CONTACTS:
            yield Problem(TREE, line, f"{what} needs 1 to {MAX_CONTACTS} contacts, like 'contacts: [whd, ciam]' "
                          f"(it has {len(outcome.contacts)})")
        # a contact id that is not in data/contacts.yml: the contact-ids check, once for every place naming it
        if "emergencia" in outcome.contacts:
            yield Problem(TREE, line, f"{what}: leave 'emergencia' out of 'contacts:'; write 'urgent: true' and 911 is shown first")
        if "deadlines" not in outcome.raw:
            yield Problem(TREE, outcome.line, f"{what} needs 'deadlines:' with the ids from data/deadlines.yml, "
                          "or 'deadlines: []' when no deadline applies")
        elif project.deadlines.readable:
            for did in outcome.deadlines:
                if did not in project.deadlines.entries:
                    yield Problem(TREE, outcome.raw.line_of("deadlines"), f"{what}: deadline '{did}' is not in "
                                  "data/deadlines.yml: " + close_ids(did, project.deadlines.entries))


def close_ids(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f"did you mean '{close[0]}'?" if close else f"known ids: {', '.join(sorted(known))}"


def _read(project: Project, outcome: Outcome) -> Iterable[Problem]:
    what = f"outcome '{outcome.id}'"
    line = outcome.raw.line_of("read") if "read" in outcome.raw else outcome.line
    if not outcome.read:
        yield Problem(TREE, line, f"{what} needs 'read:' with the topic page and section, like 'read: salarios/index.md#queja'")
        return
    broken = gone(project)
    if outcome.read_page in broken.pages or (outcome.read_page, outcome.read_section) in broken.sections:
        return  # a published page or section that went: the manifest check names this line with the others
    # One message for the outcome, even when both languages lack the page or the section.
    for lang in project.languages[:2]:
        page = project.pages.get(lang, {}).get(outcome.read_page)
        if page is None:
            close = difflib.get_close_matches(outcome.read_page, sorted(project.pages.get(lang, {})), n=1)
            yield Problem(TREE, line, f"{what}: 'read: {outcome.read}' names no page content/{lang}/{outcome.read_page}"
                          + (f": did you mean '{close[0]}'?" if close else ""))
            return
        if outcome.read_section and page.readable and outcome.read_section not in section_ids(page):
            close = difflib.get_close_matches(outcome.read_section, sorted(section_ids(page)), n=1)
            yield Problem(TREE, line, f"{what}: {page.path} has no section '#{outcome.read_section}'"
                          + (f": did you mean '#{close[0]}'?" if close else ""))
            return
