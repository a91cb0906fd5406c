"""Keep pages and site/ light (issue 16): no theme file that no page loads, no layout whitespace.

Plain text work with no engine import; the site plugin (scripts/website/plugin.py) calls it.
"""
from __future__ import annotations

import re

# Material copies its whole asset folder; the pages here load none of it (docs/bench.md): its
# JavaScript (bundle, search worker, lunr: pages work without script, and search is the site's
# own search.js), its stylesheets (overrides/assets/derechos.css replaces them), its PNG icon
# (overrides/assets/favicon.svg) and every source map.
_UNUSED = re.compile(r"^assets/(?:javascripts/|stylesheets/|images/favicon\.png$)|\.map$")


def theme_file_unused(dest_uri: str) -> bool:
    """True for a file Material ships that no page, flyer or export here loads."""
    return _UNUSED.search(dest_uri) is not None


_KEEP = re.compile(r"(<(pre|textarea)\b.*?</\2>)", re.S | re.I)
_NEWLINE_RUN = re.compile(r"\n\s*")


def _fold(text: str) -> str:
    """Each newline with the white space around it ("  \n\n    ") as one newline. Split at the
    newlines, then the spaces before each one stripped: the same text as one regex
    `[ \t\r]*\n\s*`, which tries a match at every space of the page and took 1.1 s more CPU on
    1,000 page pairs (docs/bench.md)."""
    lines = _NEWLINE_RUN.split(text)
    last = lines.pop()
    return "\n".join([line.rstrip(" \t\r") for line in lines] + [last])


def compact_html(html: str) -> str:
    """Indentation and blank lines from the templates folded into one newline: the same page for
    a browser (a run of white space shows as one space) in fewer bytes. <pre> keeps its spaces."""
    parts = _KEEP.split(html)
    out = []
    for i, part in enumerate(parts):
        kind = i % 3  # split with two groups: text, whole kept element, its tag name
        if kind == 0:
            out.append(_fold(part))
        elif kind == 1:
            out.append(part)
    return "".join(out)
