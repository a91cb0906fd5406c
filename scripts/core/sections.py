"""Section ids: the `{#queja}` after a heading that gives a section its address (/salarios/#queja).

NGOs link to sections, search opens them and the language switcher keeps them, so the checks,
the search index and the guided path read ids the same way, here.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .project import Page

# {#queja}, {: #queja }, {#queja .clase}: the attr_list forms that give an element its id.
ATTR = re.compile(r"\{:?\s*[^}]*?#([A-Za-z][\w-]*)[^}]*\}")
FENCE = re.compile(r"^\s*(```|~~~)")
# A heading with its id, as search and the words page read it: '## Cómo quejarse {#queja}'.
HEADING_ID = re.compile(r"^#{2,6}\s+(.*?)\s*\{#([A-Za-z0-9_-]+)\}\s*$", re.MULTILINE)


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
