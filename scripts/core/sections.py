"""Section ids: the `{#queja}` after a heading that gives a section its address (/salarios/#queja).

NGOs link to sections, search opens them and the language switcher keeps them, so the checks,
the search index and the guided path read ids the same way, here.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import NamedTuple

from .project import Page

# {#queja}, {: #queja }, {#queja .clase}: the attr_list forms that give an element its id.
ATTR = re.compile(r"\{:?\s*[^}]*?#([A-Za-z][\w-]*)[^}]*\}")
FENCE = re.compile(r"^\s*(```|~~~)")
# A heading with its id, as search and the words page read it: '## Cómo quejarse {#queja}'.
HEADING_ID = re.compile(r"^#{2,6}\s+(.*?)\s*\{#([A-Za-z0-9_-]+)\}\s*$", re.MULTILINE)


# How a section id is written: lower-case letters, digits and hyphens (it is part of an address).
GOOD_ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
HEADING_LINE = re.compile(r"^#{1,6}\s")
# What a person may have meant as a heading's id: {…} at the end, a '{#' anywhere, or #id in other
# brackets: (#queja), [#queja], {{#queja}}.
_ATTR_AT_END = re.compile(r"\{:?([^{}]*)\}\s*$")
_LOOSE = re.compile(r"\{+\s*:?\s*#[^}\n]*\}*|[(\[]\s*#\s*[^\W\d_][\w-]*\s*[)\]]")


class Slip(NamedTuple):
    line: int      # file line of the heading
    written: str   # '{# queja}', as typed
    meant: str     # 'queja': the id it should be


def id_from(text: str) -> str:
    """'Quejá de Pago' -> 'queja-de-pago': an id in lower-case letters, digits and hyphens."""
    plain = "".join(c for c in unicodedata.normalize("NFD", text.lower()) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-")


def _well_formed(inner: str) -> bool:
    """attr_list's {#id .class key=value} with one id written the way ids are written."""
    tokens = inner.split()
    ids = [t for t in tokens if t.startswith("#")]
    others = [t for t in tokens if not t.startswith("#")]
    return (len(ids) == 1 and GOOD_ID.fullmatch(ids[0][1:]) is not None
            and all(t.startswith(".") or "=" in t for t in others))


def heading_slip(line: str) -> tuple[str, str] | None:
    """(written, meant) when a heading line tries to give an id and does not manage to."""
    end = _ATTR_AT_END.search(line)
    if end and "#" in end.group(1) and _well_formed(end.group(1)) and "{" not in line[:end.start()]:
        return None
    loose = _LOOSE.search(line) or (end if end and end.group(1).strip() else None)
    if loose is None:
        return None
    written = loose.group(0).strip()
    meant = id_from(written.split("#", 1)[-1].split(".", 1)[0] if "#" in written else written)
    return written, meant or "section"


def heading_slips(page: Page) -> list[Slip]:
    """Every heading of the body whose id is written loosely, outside code blocks."""
    return list(_slips(page.body, page.body_line))


@lru_cache(maxsize=None)
def _slips(body: str, body_line: int) -> tuple[Slip, ...]:
    found = []
    if "#" not in body:
        return ()
    fenced = False
    for number, line in enumerate(body.splitlines(), start=body_line):
        if ("`" in line or "~" in line) and FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or not HEADING_LINE.match(line) or not ("{" in line or "(#" in line or "[#" in line or "( #" in line):
            continue
        slip = heading_slip(line)
        if slip:
            found.append(Slip(number, *slip))
    return tuple(found)


def section_ids(page: Page) -> dict[str, int]:
    """Each id set with {#id} in the body, with the file line where it first appears; a heading id
    written loosely counts as the id it meant (the heading-ids check reports it once: the twin and
    the links to it are not reported again). Several checks ask for the same page's ids: read once
    per body (do not change the dict)."""
    return _ids(page.body, page.body_line)


@lru_cache(maxsize=None)
def _ids(body: str, body_line: int) -> dict[str, int]:
    found: dict[str, int] = {}
    slips = {slip.line: slip.meant for slip in _slips(body, body_line)}
    if "{" not in body and not slips:
        return found
    fenced = False
    for number, line in enumerate(body.splitlines(), start=body_line):
        if ("`" in line or "~" in line) and FENCE.match(line):
            fenced = not fenced
            continue
        if number in slips:  # the id it meant, not the broken attribute's words
            found.setdefault(slips[number], number)
            continue
        if fenced or "{" not in line:
            continue
        for match in ATTR.finditer(line):
            found.setdefault(match.group(1), number)
    return found
