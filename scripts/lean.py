"""Keep pages and site/ light (issue 16): no theme file that no page loads, no layout whitespace.

Plain text work with no engine import; scripts/hooks.py calls it.
"""
from __future__ import annotations

import re

# Material copies its whole asset folder; the pages here load none of these (docs/bench.md):
# its JavaScript bundle (pages work without it), its stylesheets (overrides/assets/derechos.css
# replaces them), its PNG icon (overrides/assets/favicon.svg) and every source map.
_UNUSED = re.compile(
    r"^assets/(?:javascripts/bundle\.[^/]+\.js|stylesheets/[^/]+|images/favicon\.png)$|\.map$")
# The search worker imports lunr's language support by name (the index's `lang`).
_LUNR = re.compile(r"^assets/javascripts/lunr/(?:min/lunr\.([\w.]+)\.min\.js|(tinyseg|wordcut)\.js)$")
_LUNR_ALWAYS = {"stemmer.support", "multi"}
_LUNR_EXTRA = {"tinyseg": "ja", "wordcut": "th"}  # word splitters only those languages import


def theme_file_unused(dest_uri: str, languages: list[str]) -> bool:
    """True for a file Material ships that no page, worker, flyer or export here loads."""
    if _UNUSED.search(dest_uri):
        return True
    match = _LUNR.match(dest_uri)
    if not match:
        return False
    lang, splitter = match.groups()
    if splitter:
        return _LUNR_EXTRA[splitter] not in languages
    return lang not in _LUNR_ALWAYS and lang not in languages


_KEEP = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
_LAYOUT_SPACE = re.compile(r"[ \t\r]*\n\s*")


def compact_html(html: str) -> str:
    """Indentation and blank lines from the templates folded into one newline: the same page for
    a browser (a run of white space shows as one space) in fewer bytes. <pre> keeps its spaces."""
    parts = _KEEP.split(html)
    out = []
    for i, part in enumerate(parts):
        kind = i % 3  # split with two groups: text, whole kept element, its tag name
        if kind == 0:
            out.append(_LAYOUT_SPACE.sub("\n", part))
        elif kind == 1:
            out.append(part)
    return "".join(out)
