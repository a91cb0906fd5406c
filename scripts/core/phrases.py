"""Worker phrases: the `phrases:` block of a page's front matter, read into records.

    phrases:
      page:                 # about the page as a whole
        - me lastimé
      reporte:              # a section id, the {#reporte} after a heading
        - no avisé del accidente

Search boosts them (scripts/website/searchindex.py) and the "Palabras" page lists them A to Z
(scripts/website/wordspage.py); the checks in scripts/checks/phrases.py keep them well formed.
Two phrases are the same for a person when `folded` makes them equal (case, accents, spacing).
"""
from __future__ import annotations

import unicodedata
from typing import NamedTuple

from .project import Page
from .yamlfile import LineDict

KEY = "phrases"
WHOLE_PAGE = "page"


class Phrase(NamedTuple):  # a record read 70,000 times on 1,000 page pairs: a tuple is quick to make
    text: str
    section: str   # "" for the page as a whole
    line: int      # line in the page's file, for messages


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


class _Marks(dict):
    """str.translate table that drops combining marks (the accents NFD splits off), each
    character looked up once: one table for every phrase instead of one built per phrase."""

    def __missing__(self, code: int) -> int | None:
        self[code] = None if unicodedata.combining(chr(code)) else code
        return self[code]


_MARKS = _Marks()


def folded(text: str) -> str:
    """Same words for a person: case, accents and spacing ignored."""
    if text.isascii():  # most phrases: nothing to strip (make check on 1,000 pairs reads 70,000)
        return " ".join(text.lower().split())
    return " ".join(unicodedata.normalize("NFD", text).translate(_MARKS).lower().split())
