"""The reference grammar: how a page names a contact, a deadline or a list ([[phone:whd]],
[[contact:whd]], [[deadline:osha-queja]], [[directory]], [[topics]]).

One place for the forms, so the site (scripts/website/render.py), the flyers and the checks
(checks/reference_syntax.py and the others) read references the same way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .deadlines import Deadlines

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


def plain(text: str, deadlines: Deadlines | None, lang: str) -> str:
    """Flyers: [[deadline:id]] as plain text (paper has no links; the QR code leads to the page)."""
    if deadlines is None:
        return text

    def replace(match: re.Match) -> str:
        found = deadlines.get(match.group(1))
        return found.words("text", lang) if found else match.group(0)
    return DEADLINE.sub(replace, text)
