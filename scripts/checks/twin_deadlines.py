"""A page and its twin state the same deadlines.

A deadline the twin typed by hand instead ("6 months" where the Spanish page has
[[deadline:nlrb_cargo]], "6 meses") is that slip's own message (handwritten-deadlines), not a
second one here: once the reference is written, both are right."""
from __future__ import annotations

from typing import Iterable

from ..core import durations
from ..core.problems import Problem
from ..core.project import Project
from ..core.references import deadline_references


def check_twin_deadlines(project: Project) -> Iterable[Problem]:
    """A Spanish page and its English twin state the same deadlines."""
    first = project.default
    for page, twin in project.twins():
        ids = {did for did, _ in deadline_references(page)}
        theirs = deadline_references(twin)
        typed = {durations.amount(found.raw) for found in durations.find(twin.text)} if ids - {did for did, _ in theirs} else set()
        for missing in sorted(ids - {did for did, _ in theirs}):
            entry = project.deadlines.entries.get(missing)
            if entry and typed & durations.numbers(entry.text.get(twin.lang, "")):
                continue  # typed by hand here: handwritten-deadlines says where, and the fix is the reference
            yield Problem(twin.path, twin.body_line, f"the {first} twin ({page.path}) states [[deadline:{missing}]] "
                          "but this page does not: add it here too")
        mine = {durations.amount(found.raw) for found in durations.find(page.text)} if {d for d, _ in theirs} - ids else set()
        for extra, line in theirs:
            entry = project.deadlines.entries.get(extra)
            if extra not in ids and not (entry and mine & durations.numbers(entry.text.get(page.lang, ""))):
                yield Problem(twin.path, line, f"[[deadline:{extra}]] is not on the {first} twin ({page.path}): "
                              "add it there too, or remove it here")
