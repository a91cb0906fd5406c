"""[[deadline:id]] on a page or in its printed words names a deadline of data/deadlines.yml."""
from __future__ import annotations

import difflib
from typing import Iterable

from ..core.deadlines import DEADLINES
from ..core.problems import Problem
from ..core.project import Project
from ..core.references import deadline_references


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
