"""Volatile facts: a `recheck:` date that has come is a warning (an error only with --strict).

Contacts, pages and deadlines alike (core/recheck.listing); the day is the project's `today`, so
the warning depends on the day the check runs and never on the clock a test runs by.
"""
from __future__ import annotations

from typing import Iterable

from ..core import recheck
from ..core.problems import Problem
from ..core.project import Project


def check_rechecks(project: Project) -> Iterable[Problem]:
    found, problems = recheck.listing(project)
    yield from problems
    for item in found:
        warning = recheck.due(item, project.today)
        if warning:
            yield warning
