"""The reference grammar: how a page names a contact, a deadline or a list ([[phone:whd]],
[[contact:whd]], [[deadline:osha-queja]], [[directory]], [[topics]]).

One place for the forms, so the site (scripts/website/render.py), the flyers and the checks
(checks/reference_syntax.py and the others) read references the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .deadlines import Deadlines
from .project import Page

# The kinds of reference a page may use: adding a kind is one edit here (and its renderer in
# scripts/website/render.py); the checks then accept it and suggest it for near misses.
KINDS = ("phone", "contact", "deadline", "directory", "topics")
TAG = re.compile(r"\[\[(" + "|".join(KINDS) + r")(?::([^\]\s]*))?\]\]")
# Anything a person may have meant as a reference: [[…]], [[…] or […]] holding a word, and a
# [word:id] whose word is near a kind. The checks compare each with TAG and explain the difference.
# (The leading '[' is written once, outside the alternatives: the regex engine then skips to each '['
# instead of trying three alternatives at every character, 30 times faster on a page, same matches.)
LOOSE_TAG = re.compile(r"\[(?:\[[^\[\]\n]{1,80}\]{0,2}|\[?[^\W\d_][^\[\]\n]{0,80}\]\]"
                       r"|\s*[^\W\d_]{2,12}\s*:\s*[\w-]{1,40}\s*\](?![(\[:]))")
DEADLINE = re.compile(r"\[\[deadline:([^\]\s]*)\]\]")
NO_ID = ("directory", "topics")  # [[directory]] (the help page), [[topics]] (the home page's list)
# The printed words of a page (front matter blocks the flyer builder prints), where [[deadline:…]] is expanded.
PRINTED_WORDS = (("flyer", ("title", "rights", "steps")), ("card", ("title", "lines")))


@dataclass(frozen=True)
class Reference:
    kind: str        # phone, contact, deadline or directory
    contact_id: str  # the id after the colon (a deadline id for deadline); empty for directory
    line: int        # line inside the text given to find_references


def find_references(text: str, first_line: int = 1) -> list[Reference]:
    refs = []
    line, counted = first_line, 0  # lines counted on from the last reference, not from the top each time
    for match in TAG.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        refs.append(Reference(match.group(1), match.group(2) or "", line))
    return refs


def page_references(page: Page) -> list[Reference]:
    """Tags in the body and contact ids listed in front matter (flyer contacts, kind 'flyer')."""
    refs = find_references(page.body, page.body_line)
    flyer = page.meta.get("flyer")
    if isinstance(flyer, dict) and isinstance(flyer.get("contacts"), list):
        line = flyer.line_of("contacts") if hasattr(flyer, "line_of") else 1
        refs += [Reference("flyer", str(cid), line) for cid in flyer["contacts"]]
    return refs


def malformed(page: Page) -> bool:
    """Does the page's text hold a [[…]] that is not a valid reference?"""
    return any(m.group(0).startswith("[[") or m.group(0).endswith("]]") for m in LOOSE_TAG.finditer(page.body)
               if not TAG.fullmatch(m.group(0)))


def deadline_references(page: Page) -> list[tuple[str, int]]:
    """(id, line) of every [[deadline:id]] in the body and in the flyer or card words."""
    found = []
    lines = page.body.splitlines() if "[[deadline:" in page.body else []  # most pages state none
    for number, line in enumerate(lines, start=page.body_line):
        if "[[deadline:" in line:
            found += [(m.group(1), number) for m in DEADLINE.finditer(line)]
    for key, fields in PRINTED_WORDS:
        block = page.meta.get(key) if page.meta else None
        if not isinstance(block, dict):
            continue
        for name in fields:
            value = block.get(name)
            line = block.line_of(name) if hasattr(block, "line_of") else page.line_of(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    found += [(m.group(1), line) for m in DEADLINE.finditer(item)]
    return found


def plain(text: str, deadlines: Deadlines | None, lang: str) -> str:
    """Flyers: [[deadline:id]] as plain text (paper has no links; the QR code leads to the page)."""
    if deadlines is None:
        return text

    def replace(match: re.Match) -> str:
        found = deadlines.get(match.group(1))
        return found.words("text", lang) if found else match.group(0)
    return DEADLINE.sub(replace, text)
