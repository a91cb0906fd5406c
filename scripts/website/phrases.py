"""Worker phrases: the `phrases:` block of a page's front matter, read into records.

    phrases:
      page:                 # about the page as a whole
        - me lastimé
      reporte:              # a section id, the {#reporte} after a heading
        - no avisé del accidente

Search boosts them (scripts/website/searchindex.py) and the "Palabras" page lists them A to Z
(scripts/website/wordspage.py); the checks in scripts/checks/phrases.py keep them well formed.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from ..core.project import Page
from ..core.yamlfile import LineDict

KEY = "phrases"
WHOLE_PAGE = "page"
HEADING_ID = re.compile(r"^#{2,6}\s+(.*?)\s*\{#([A-Za-z0-9_-]+)\}\s*$", re.MULTILINE)


class Phrase(NamedTuple):  # a record read 70,000 times on 1,000 page pairs: a tuple is quick to make
    text: str
    section: str   # "" for the page as a whole
    line: int      # line in the page's file, for messages


def sections(page: Page) -> dict[str, str]:
    """Section id -> heading text, from the `## Heading {#id}` lines of the page body."""
    return {match.group(2): match.group(1) for match in HEADING_ID.finditer(page.body)}


def read(page: Page) -> list[Phrase]:
    """The page's phrases in file order; anything not shaped like the example is skipped
    (scripts/checks/phrases.py reports it)."""
    block = page.meta.get(KEY)
    if not isinstance(block, dict):
        return []
    found: list[Phrase] = []
    for where, items in block.items():
        if not isinstance(items, list):
            continue
        first = block.line_of(where) + 1 if isinstance(block, LineDict) else page.line_of(KEY)
        section = "" if where == WHOLE_PAGE else str(where)
        for index, item in enumerate(items):  # one item per line, as docs/pages.md shows
            if isinstance(item, (str, int, float)):
                text = str(item).strip()
                if text:
                    found.append(Phrase(text, section, first + index))
    return found
