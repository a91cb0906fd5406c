"""No broken names (issue 26, item 10): "H-2A", "H-2B", "EE. UU." and phone numbers never break
across two lines, on the built pages and on the flyers.

The build writes the non-breaking characters itself (scripts/core/typography.py, on every page
and every flyer's HTML), so no Markdown file has to. On the pages, a name is written with a
non-breaking hyphen or space wherever a browser could break it; a number is either written so or
sits in an element the CSS never wraps. On the flyers (pdftotext), no name or number of the
registry is split by the end of a line.
"""
from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from scripts.core import contacts, typography
from scripts.core.typography import NB_HYPHEN, NB_SPACE

from conftest import ROOT

# What a browser may break: a plain hyphen or a plain space inside a name, or inside a number
# written in a sentence (seven digits or more, groups split by spaces or hyphens).
BREAKABLE = [re.compile(p) for p in (r"\bH-2[AB]\b", r"\b[A-Z]{1,3}-\d{1,4}[A-Z]?\b", r"\bEE\. UU\.", r"\d [ap]\. ?m\.",
                                      r"\b[ap]\. m\.")]
NUMBER = re.compile(r"(?<![\w\u2011-])\+?\d{1,4}(?:[ \u00a0\-\u2011]\d{1,4}){2,}(?![\w\u2011-])")
SKIPPED = {"script", "style", "pre", "code", "textarea"}
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}


class Text(HTMLParser):
    """A page's text in pieces, each with whether it sits in an element that never wraps."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, skipped, never wraps)
        self.pieces: list[tuple[str, bool]] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        values = dict(attrs)
        outer_skip, outer_nowrap = (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, False)
        nowrap = outer_nowrap or bool(set((values.get("class") or "").split()) & set(typography.NOWRAP)) \
            or (tag == "a" and (values.get("href") or "").startswith(("tel:", "sms:")))
        self.stack.append((tag, outer_skip or tag in SKIPPED, nowrap))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        skipped, nowrap = (self.stack[-1][1], self.stack[-1][2]) if self.stack else (False, False)
        if not skipped:
            self.pieces.append((data, nowrap))


def breakable(html: str) -> list[str]:
    parser = Text()
    parser.feed(html)
    found = []
    for text, nowrap in parser.pieces:
        found += [m.group(0) for pattern in BREAKABLE for m in pattern.finditer(text)]
        if not nowrap:
            found += [m.group(0) for m in NUMBER.finditer(text)
                      if sum(c.isdigit() for c in m.group(0)) >= 7 and re.search(r"[ \-]", m.group(0))]
    return found


def test_the_css_never_wraps_a_number_in_a_call_link_or_a_nowrap_element():
    css = (ROOT / "overrides/assets/derechos.css").read_text(encoding="utf-8")
    for selector in (r"\.md-typeset a\.tel \{", r"\.md-typeset \.nowrap \{"):
        rule = re.search(selector + r"[^}]*\}", css)
        assert rule and "white-space: nowrap" in rule.group(0), selector
    flyers = (ROOT / "scripts/flyers/templates/flyer.css").read_text(encoding="utf-8")
    for selector in (r"\.number \{", r"\.number-small \{"):
        rule = re.search(r"(?m)^" + selector + r"[^}]*\}", flyers)
        assert rule and "white-space: nowrap" in rule.group(0), selector


def test_no_page_can_break_a_name_or_a_number(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 100
    broken = {}
    seen = {"H-2A": 0, "EE. UU.": 0}
    for page in pages:
        html = page.read_text(encoding="utf-8")
        seen["H-2A"] += html.count(f"H{NB_HYPHEN}2A")
        seen["EE. UU."] += html.count(f"EE.{NB_SPACE}UU.")
        if found := breakable(html):
            broken[page.relative_to(built_site).as_posix()] = found[:5]
    assert not broken, broken
    assert seen["H-2A"] > 20 and seen["EE. UU."] > 20, seen  # the names are there, written whole


def test_the_rendering_is_what_keeps_them_whole():
    """The fix is the rendering's, for any text: the sources still say plain "H-2A" and "EE. UU."."""
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "content/es").rglob("*.md"))
    assert "H-2A" in sources and "EE. UU." in sources and NB_HYPHEN not in sources
    html = ('<p>Visa H-2B en EE. UU., de 8 a. m. a 5 p. m. (desde EE. UU.: 011 52 800 717 2942), formulario I-9</p>'
            '<a class="tel" href="tel:+18664879243">1-866-487-9243</a><code>H-2A</code><p title="H-2A">x</p>')
    kept = typography.keep_together(html)
    assert not breakable(kept) and typography.keep_together(kept) == kept
    assert '<a class="tel" href="tel:+18664879243">1-866-487-9243</a><code>H-2A</code><p title="H-2A">' in kept
    assert breakable(html)  # the check sees the plain forms


# Any page as a tree: elements left alone (code, scripts, call links, the NOWRAP classes, in any
# case of letters) and ordinary ones, around texts that need fixing and texts that do not.
OPENING = ["<p>", "<div data-x=\"1\">", "<P class=\"a\">", "<span class=\"numbers\">", "<a href=\"https://x/H-2A\">",
           "<code>", "<CODE class=\"x\">", "<pre>", "<script>", "<style>", "<textarea>", "<a href=\"tel:+18004664343\">",
           "<a href='sms:1234'>", "<span class=\"nowrap\">", "<span class=\"x number-small\">", "<b class=tel>"]
TEXTS = ["H-2A", "EE. UU.", "8 a. m.", "p. m.", "011 52 800 717 2942", "1-800-321-6742", "2026-12-01", "I-9 ", "texto",
         " ", "\n", "<!-- H-2A 800 555 1234 -->", "<br/>", "<img alt=\"H-2A\" src=\"a.png\">"]
TREES = st.recursive(st.sampled_from(TEXTS), lambda inner: st.tuples(st.sampled_from(OPENING), st.lists(inner, max_size=4)),
                     max_leaves=12)


def left_alone(opening: str) -> bool:
    name = re.match(r"<(\w+)", opening)[1].lower()
    classes = set((re.search(r"class=[\"']?([^\"'>]*)", opening) or [None, ""])[1].split())
    return name in SKIPPED or bool(classes & set(typography.NOWRAP)) or re.search(r"href=[\"']?(tel|sms):", opening) is not None


def tokens(tree, alone: bool = False) -> list[tuple[str, bool | None]]:
    """The tree as pieces of HTML: (text, left alone?) for a text, (markup, None) for a tag."""
    if isinstance(tree, str):
        return [(tree, None if tree.startswith("<") else alone)]
    opening, children = tree
    inner = [t for child in children for t in tokens(child, alone or left_alone(opening))]
    return [(opening, None), *inner, ("</" + re.match(r"<(\w+)", opening)[1] + ">", None)]


def written(trees) -> tuple[str, str]:
    """The page as HTML, and as keep_together should write it (by the rule in typography's text)."""
    pieces = [t for tree in trees for t in tokens(tree)]
    html, expected, run = "", "", ""
    for i, (piece, alone) in enumerate(pieces):
        html += piece
        if alone is None:
            expected += piece
            continue
        run += piece   # texts side by side are one text
        if i + 1 == len(pieces) or pieces[i + 1][1] is None:
            expected += run if alone else typography.keep_text(run)
            run = ""
    return html, expected


@settings(max_examples=400, deadline=None)
@given(st.lists(TREES, min_size=1, max_size=4))
def test_the_fast_walk_does_what_the_rule_says(trees):
    # keep_together skips most texts and tags with quick tests (issue 21: it was a third of the
    # engine's time); on any well-formed page it must still do exactly what the rule says.
    html, expected = written(trees)
    assert typography.keep_together(html) == expected
    assert typography.keep_together(expected) == expected


def test_the_quick_look_at_a_tag_sees_every_element_left_alone():
    # A class added to NOWRAP, or a name to UNTOUCHED, must pass the quick test that comes first.
    tags = [f'<span class="x {word}">' for word in typography.NOWRAP]
    tags += [f"<{name}>" for name in typography.UNTOUCHED] + [f"<{name.upper()} id=a>" for name in typography.UNTOUCHED]
    tags += ['<a href="tel:+18004664343">', "<a href='sms:233733'>"]
    for tag in tags:
        assert typography._maybe_left_alone(tag), tag
        assert typography._left_alone(tag, typography._name(tag)), tag


def flyer_text(pdf) -> str:
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], capture_output=True, text=True, check=True).stdout


def split_forms(name: str) -> list[str]:
    """Every way a line's end could cut `name`: after one of its spaces or hyphens."""
    forms = []
    for i, ch in enumerate(name):
        if ch in " -\u2011\u00a0":
            forms += [name[:i].rstrip() + "\n" + name[i + 1:], name[:i + 1].rstrip() + "\n" + name[i + 1:]]
    return forms


@pytest.fixture(scope="module")
def names() -> list[str]:
    registry = contacts.load(ROOT)
    found = ["H-2A", "H-2B", "EE. UU.", f"H{NB_HYPHEN}2A", f"H{NB_HYPHEN}2B"]
    for contact in registry.contacts.values():
        for kind in contacts.NUMBER_FIELDS:
            if dial := contact.dial(kind):
                found += [d for d in (dial.display, dial.from_us, dial.from_mx) if d and re.search(r"[ -]", d)]
    return found


def test_no_flyer_breaks_a_name_or_a_number(built_site, names):
    flyers = sorted((built_site / "flyers").rglob("*.pdf"))
    assert len(flyers) > 50
    broken = {}
    whole = 0
    for pdf in flyers:
        text = re.sub(r"[ \u00a0]*\n[ \u00a0]*", "\n", flyer_text(pdf))
        whole += text.count(f"H{NB_HYPHEN}2A") + text.count("1-866-487-9243")
        cuts = [form for name in names for form in split_forms(name) if form in text]
        if cuts:
            broken[pdf.relative_to(built_site).as_posix()] = cuts[:5]
    assert not broken, broken
    assert whole > 20  # the names and numbers are on the flyers, on one line
