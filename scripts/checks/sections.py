"""Section ids are the same in both languages, so /salarios/#queja and /en/salarios/#queja both work
(NGOs link to sections, and the language switcher keeps the #section)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterable

from ..core.problems import Problem
from ..core.project import Page, Project

# {#queja}, {: #queja }, {#queja .clase}: the attr_list forms that give an element its id.
ATTR = re.compile(r"\{:?\s*[^}]*?#([A-Za-z][\w-]*)[^}]*\}")
FENCE = re.compile(r"^\s*(```|~~~)")


def section_ids(page: Page) -> dict[str, int]:
    """Each id set with {#id} in the body, with the file line where it first appears.
    Several checks ask for the same page's ids: read once per body (do not change the dict)."""
    return _ids(page.body, page.body_line)


@lru_cache(maxsize=None)
def _ids(body: str, body_line: int) -> dict[str, int]:
    found: dict[str, int] = {}
    if "{" not in body:
        return found
    fenced = False
    for number, line in enumerate(body.splitlines(), start=body_line):
        if ("`" in line or "~" in line) and FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or "{" not in line:
            continue
        for match in ATTR.finditer(line):
            found.setdefault(match.group(1), number)
    return found


def check_section_ids(project: Project) -> Iterable[Problem]:
    for page, twin in project.twins():  # the parity check reports a missing twin
        mine, theirs = section_ids(page), section_ids(twin)
        for here, there, ids, other in ((page, twin, mine, theirs), (twin, page, theirs, mine)):
            for section, line in ids.items():
                if section not in other:
                    yield Problem(here.path, line, f"section id '#{section}' is missing from the twin {there.path}: add "
                                  f"{{#{section}}} at the end of the matching heading there (the same id in both languages, "
                                  "so links to the section work in both)")
