"""A page and its twin state the same deadlines."""
from __future__ import annotations

from typing import Iterable

from ..core.problems import Problem
from ..core.project import Project
from ..core.references import deadline_references


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
