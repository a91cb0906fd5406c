"""A page and its twin state the same deadlines.

A deadline the twin typed by hand instead ("6 months" where the Spanish page has
[[deadline:nlrb_cargo]], "6 meses") is that slip's own message (handwritten-deadlines), not a
second one here: once the reference is written, both are right."""
from __future__ import annotations

from typing import Iterable

from ..core import durations
from ..core.problems import Problem
from ..core.project import Page, Project
from ..core.references import deadline_references


def _typed_instead(project: Project, page: Page, deadline_id: str) -> bool:
    """Whether `page` types by hand a number the deadline's words state in its language (then the
    handwritten-deadlines message says where, and the fix is the reference)."""
    entry = project.deadlines.entries.get(deadline_id)
    if entry is None:
        return False
    typed = {durations.amount(found.raw) for found in durations.find(page.text)}
    return bool(typed & durations.numbers(entry.text.get(page.lang, "")))


def check_twin_deadlines(project: Project) -> Iterable[Problem]:
    """A Spanish page and its English twin state the same deadlines."""
    first = project.default
    for page, twin in project.twins():
        ids = {did for did, _ in deadline_references(page)}
        theirs = deadline_references(twin)
        for missing in sorted(ids - {did for did, _ in theirs}):
            if not _typed_instead(project, twin, missing):
                yield Problem(twin.path, twin.body_line, f"the {first} twin ({page.path}) states [[deadline:{missing}]] "
                              "but this page does not: add it here too")
        for extra, line in theirs:
            if extra not in ids and not _typed_instead(project, page, extra):
                yield Problem(twin.path, line, f"[[deadline:{extra}]] is not on the {first} twin ({page.path}): "
                              "add it there too, or remove it here")
