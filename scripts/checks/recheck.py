"""Volatile facts: a `recheck:` date that has come is a warning (an error only with --strict)."""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..core import recheck
from ..core.problems import Problem
from ..core.project import Project


def check_rechecks(project: Project, today: dt.date | None = None) -> Iterable[Problem]:
    found, problems = recheck.collect(project)
    yield from problems
    day = today or dt.date.today()
    for item in found:
        warning = recheck.due(item, day)
        if warning:
            yield warning
