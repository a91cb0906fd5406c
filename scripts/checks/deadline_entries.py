"""Deadlines (data/deadlines.yml) are complete, sourced and current.

A passed `recheck:` date is a warning (like an old `reviewed:` date), so it never blocks an
urgent fix; `check --strict` makes it an error.
"""
from __future__ import annotations

from typing import Iterable

from ..core import recheck
from ..core.datafile import missing_languages
from ..core.deadlines import DEADLINES
from ..core.problems import Problem
from ..core.project import Project


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
        # An office that names no contact: the contact-ids check says it once, with every other place naming it.
        # The same re-check rule as contacts and pages (scripts/core/recheck.py): a date needs a note.
        # Once due, the rechecks check warns about it with the others (checks/rechecks.py).
        yield from recheck.read(raw, DEADLINES, what, item.source or "its source")[1]
