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
    r"""Each newline with the white space around it ("  \n\n    ") as one newline. Split at the
    newlines, then the spaces before each one stripped: the same text as one regex
    `[ \t\r]*\n\s*`, which tries a match at every space of the page and took 0.7 s more CPU on
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


# --- the published stylesheet and scripts (issue 25: room for the service worker) -----------------
# Their comments are for maintainers; a phone downloads them on every first visit (the search's
# two scripts on the first search: 9.5 -> 6.9 KB gzip). The copies in
# site/ lose comments and indentation (measured on derechos.css: 4,955 B gzip with, 3,558 without);
# the sources in overrides/assets/ keep them. The site plugin's on_files does it, so the engine
# alone, make serve and make site publish the same bytes.
COMPACTED = ("assets/derechos.css", "assets/keep-section.js", "assets/quick-exit.js", "assets/offline-save.js",
             "assets/search.js", "assets/search-core.js")
# CSS: a quoted string (kept whole: it may hold "/*" or two spaces) or a comment (dropped).
_CSS_COMMENT = re.compile(r"""("(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')|/\*.*?\*/""", re.S)
# JavaScript: only what is surely a comment: a /* … */ or a // line that starts its line.
_JS_COMMENT = re.compile(r"^[ \t]*/\*.*?\*/[ \t]*\n|^[ \t]*//[^\n]*\n", re.S | re.M)


def compact_css(css: str) -> str:
    """The stylesheet without comments, indentation or blank lines: the same rules."""
    text = _CSS_COMMENT.sub(lambda match: match.group(1) or "", css)
    return "".join(line.strip() + "\n" for line in text.splitlines() if line.strip())


def compact_js(script: str) -> str:
    """A script without its whole-line comments, indentation or blank lines. A script with a
    template literal (`…`, whose lines are text) is left as it is; a backtick in a comment
    (`searchWith`) is no template literal."""
    text = _JS_COMMENT.sub("", script)
    if "`" in text:
        return script
    return "".join(line.strip() + "\n" for line in text.splitlines() if line.strip())


def compact_asset(dest_uri: str, text: str) -> str:
    """What site/ gets for one of COMPACTED (the plugin's on_files sets it as the file's content)."""
    return compact_css(text) if dest_uri.endswith(".css") else compact_js(text)
