"""Which language a page's prose is written in: a measure for the page-language check.

Google's Compact Language Detector 2 (pycld2, the detector Chromium used) reads a text and says
what share of it is in each language it recognises. The prose measured is what a reader reads:
the title, the description and the body, without code, references, link targets, web addresses,
HTML tags and {#ids}, which are the same in every language.

Measured on the real pages (36 pages, 178 sections, December 2026): every page and every section
is 99 % its own language and 0 % the other one; an English page holding the Spanish text is
99 % Spanish. A share of the other language of MOSTLY (50 %) or more is therefore far from
anything a translated page shows, and catches a page or a section left half untranslated.
About 0.1 ms a page (isPlainText: the text is already stripped of markup).
"""
from __future__ import annotations

import re

import pycld2

MOSTLY = 50          # % of the text in the other language: the page (or section) is not translated
MIN_BYTES = 200      # below this, too few words to judge (a heading, a list of names)

_FENCE = re.compile(r"^(```|~~~).*?^\1", re.S | re.M)
_NOT_PROSE = re.compile(r"\[\[[^\]\n]*\]\]|\]\([^)\n]*\)|https?://\S+|<[^>\n]+>|\{[^}\n]*\}")


def prose(text: str) -> str:
    """Markdown without what is not words of a language."""
    if "```" in text or "~~~" in text:
        text = _FENCE.sub(" ", text)
    return _NOT_PROSE.sub(" ", text)


def shares(text: str) -> tuple[int, dict[str, int]]:
    """(bytes of text judged, {language code: % of the text}) for prose."""
    try:
        _, judged, details = pycld2.detect(text, isPlainText=True)
    except pycld2.error:  # text the detector cannot read (invalid UTF-8 from a broken copy): no verdict
        return 0, {}
    found: dict[str, int] = {}
    for _, code, percent, _ in details:
        if code != "un":
            found[code] = found.get(code, 0) + percent
    return judged, found


def other_share(text: str, other: str) -> int | None:
    """% of prose written in `other`; None when there is too little text to judge."""
    judged, found = shares(prose(text))
    return found.get(other, 0) if judged >= MIN_BYTES else None
