"""Split a Markdown page into its front matter (YAML between --- lines) and its body."""
from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from . import yamlfile
from .yamlfile import LineDict


# Every front matter field something reads (docs/pages.md, docs/printing.md, docs/translating.md).
FIELDS = ("title", "description", "reviewed", "sources", "phrases", "flyer", "card",
          "translation_of", "template", "recheck", "recheck_note", "quick_exit", "downloads")


def misspelt(meta: dict) -> dict[str, str]:
    """The unknown fields that look like a known one missing from this front matter
    ('recheck_nota' -> 'recheck_note'): one mistake, which the front-matter check names, so the
    checks of the field meant stay silent instead of calling it missing."""
    meant = {}
    for key in meta:
        if key not in FIELDS:
            close = difflib.get_close_matches(str(key), FIELDS, n=1)
            if close and close[0] not in meta:
                meant[str(key)] = close[0]
    return meant


@dataclass
class FrontMatter:
    meta: LineDict
    body: str
    body_line: int  # line number of the first body line in the file
    error: str | None = None
    error_line: int = 1
    duplicates: list = field(default_factory=list)


def _closing_line(text: str, start: int) -> tuple[int, int] | None:
    """(start, end) of the first line from `start` on that is '---' or '...' once stripped, its end
    the offset of its newline (-1 at the end of the text). Found by looking for the two marks, not by
    splitting the page into lines: a page's body is most of it."""
    best: tuple[int, int] | None = None
    for mark in ("---", "..."):
        at = text.find(mark, start)
        while at >= 0 and (best is None or at < best[0]):
            line_start = max(text.rfind("\n", start, at) + 1, start)
            line_end = text.find("\n", at)
            if (text[line_start:] if line_end < 0 else text[line_start:line_end]).strip() == mark:
                if best is None or line_start < best[0]:
                    best = (line_start, line_end)
                break
            at = -1 if line_end < 0 else text.find(mark, line_end)
    return best


def split(text: str) -> FrontMatter:
    """Never raises; a page without front matter has empty meta and an error saying so."""
    newline = text.find("\n")
    if (text if newline < 0 else text[:newline]).strip() != "---":
        return FrontMatter(LineDict(), text, 1, "the page has no front matter: "
                           "start the file with a line '---', then title, description, reviewed, sources, then '---'")
    start = newline + 1
    closing = None if newline < 0 else _closing_line(text, start)
    if closing is None:
        return FrontMatter(LineDict(), text, 1, "the front matter never ends: add a line '---' after it")
    at, newline = closing
    index = 1 + text.count("\n", start, at)  # the closing line's index in the file (0: the opening '---')
    yaml_text = text[start:at - 1] if at > start else ""
    body = "" if newline < 0 else text[newline + 1:]
    parsed = yamlfile.parse(yaml_text, first_line=2)
    if parsed.error:
        return FrontMatter(LineDict(), body, index + 2, parsed.error, parsed.error_line)
    meta = parsed.data
    if meta is None:
        meta = LineDict()
    if not isinstance(meta, LineDict):
        return FrontMatter(LineDict(), body, index + 2,
                           "the front matter must be lines of 'key: value' (title: …, description: …)", 2)
    return FrontMatter(meta, body, index + 2, duplicates=parsed.duplicates)
