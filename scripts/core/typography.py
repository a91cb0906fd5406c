"""Names that must never break across two lines (issue 26): "H-2A" read as "H-" and "2A", "EE. UU."
as "EE." and "UU.", a number split in the middle, on a narrow phone or a flyer.

`keep_together(html)` runs over every page the site writes and every flyer's HTML, so no Markdown
file, words file or template has to remember it. It changes text only, never a tag, an attribute,
a script, a style or code, and it is idempotent:
- a letter, a hyphen and a number ("H-2A", "H-2B", "I-9", "W-2"): the hyphen becomes the
  non-breaking hyphen U+2011;
- "EE. UU.", "8 a. m.", "p. m.": the spaces become no-break spaces U+00A0;
- a phone number written in a sentence ("011 52 800 717 2942"): its spaces and hyphens become
  non-breaking. A number that already sits in an element that never wraps (a call link, the
  classes in NOWRAP, which derechos.css and the flyers' CSS set to `white-space: nowrap`) is
  left as it is, so the digits a person copies from a call link stay plain.

The search index is built from the Markdown sources, not from these pages, so searching is the
same; and search-core.js splits words at both characters as at "-" and " " (a query pasted from
a page finds the same pages).
"""
from __future__ import annotations

import functools
import re

NB_HYPHEN = "\u2011"
NB_SPACE = "\u00a0"

# Elements whose text is left alone: code and scripts, and every element that never wraps.
UNTOUCHED = ("script", "style", "pre", "code", "textarea")
NOWRAP = ("tel", "nowrap", "number", "number-small", "number-office")

_CODE = re.compile(r"<(\w+)\b[^>]*>", re.S)
_NAME = re.compile(r"\b([A-Z]{1,3})-(\d{1,4}[A-Z]?)\b")            # H-2A, H-2B, I-9, W-2, WH-347
_SPACED = re.compile(r"(\bEE\.|\b[ap]\.|\d) (UU\.|m\.|[ap]\.[ \u00a0]?m\.)")  # EE. UU., 8 a. m., p. m.
_PHONE = re.compile(r"(?<![\w\u2011-])\+?\d{1,4}(?:[ \-]\d{1,4}){2,}(?![\w\u2011-])")
_TAG = re.compile(r"(<!--.*?-->|<[^>]*>)", re.S)
_CLASS = re.compile(r"""\bclass\s*=\s*["']?([^"'>]*)""")
_HREF_CALL = re.compile(r"""\bhref\s*=\s*["']?(?:tel|sms):""")


def plain(text: str) -> str:
    """The same words in plain characters ("H-2A", "EE. UU."): what tests compare with the sources."""
    return text.replace(NB_HYPHEN, "-").replace(NB_SPACE, " ")


def _digits(number: str) -> int:
    return sum(ch.isdigit() for ch in number)


def _phone(match: re.Match) -> str:
    number = match.group(0)
    if _digits(number) < 7:  # a date, a count, an article number: not a phone number
        return number
    return number.replace(" ", NB_SPACE).replace("-", NB_HYPHEN)


# Quick tests that let most of a page pass untouched (a page has thousands of tags and texts;
# without them this was a third of the site engine's time, issue 21): a text is fixed only if one
# of the patterns matches in it at all; a tag can start an element left alone only if its name
# begins as one of UNTOUCHED's does, or it holds a word every NOWRAP class and every tel: or sms:
# link holds (_left_alone decides; a test holds the two to each other).
_MAYBE_FIXED = re.compile(r"[\d.]")   # each pattern needs a digit or a full stop: a quick scan first
_ANY_FIX = re.compile("|".join(f"(?:{pattern.pattern})" for pattern in (_NAME, _SPACED, _PHONE)))
_UNTOUCHED_STARTS = frozenset(name[:2] for name in UNTOUCHED)


# The same texts come back on every page (the menu's titles, the header's and footer's words): each
# is fixed once. On 1,000 page pairs, keep_together took 1.1 s per language, 0.6 s with this.
@functools.lru_cache(maxsize=1 << 14)
def keep_text(text: str) -> str:
    """The fixes on plain text (no markup in it)."""
    if not _ANY_FIX.search(text):
        return text
    text = _NAME.sub(lambda m: f"{m.group(1)}{NB_HYPHEN}{m.group(2)}", text)
    text = _SPACED.sub(lambda m: f"{m.group(1)}{NB_SPACE}{m.group(2)}", text)
    text = _SPACED.sub(lambda m: f"{m.group(1)}{NB_SPACE}{m.group(2)}", text)  # "8 a. m.": both spaces
    return _PHONE.sub(_phone, text)


def _name(tag: str) -> str:
    """The element's name, lower case: "a" for '<a href=…>' and for '</a>'."""
    if tag.startswith("</"):
        return tag[2:-1].strip().lower()
    found = _CODE.match(tag)
    return found[1].lower() if found else ""


def _maybe_left_alone(tag: str) -> bool:
    return (tag[1:3].lower() in _UNTOUCHED_STARTS
            or "tel" in tag or "sms:" in tag or "nowrap" in tag or "number" in tag)


def _left_alone(tag: str, name: str) -> bool:
    if name in UNTOUCHED:
        return True
    if name == "a" and _HREF_CALL.search(tag):
        return True
    found = _CLASS.search(tag)
    return bool(found) and any(word in NOWRAP for word in found.group(1).split())


def keep_together(html: str) -> str:
    """The page or flyer with its names and numbers kept on one line (see the module's text)."""
    parts = _TAG.split(html)   # text, tag, text, tag, …, text: changed in place
    maybe_fixed = _MAYBE_FIXED.search
    skipping, depth = "", 0  # the element being left alone, and how deep inside it
    for i in range(1, len(parts), 2):
        text = parts[i - 1]
        if text and not skipping and maybe_fixed(text):
            parts[i - 1] = keep_text(text)
        tag = parts[i]
        if tag.startswith("<!--") or tag.endswith("/>"):
            continue
        if skipping:
            if _name(tag) == skipping:
                depth += -1 if tag.startswith("</") else 1
                if depth == 0:
                    skipping = ""
        elif not tag.startswith("</") and _maybe_left_alone(tag):
            name = _name(tag)
            if name and _left_alone(tag, name):
                skipping, depth = name, 1
    if not skipping and maybe_fixed(parts[-1]):
        parts[-1] = keep_text(parts[-1])
    return "".join(parts)
