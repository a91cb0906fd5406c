"""Every page type reflows (WCAG 1.4.4 and 1.4.10): at 320 px wide, and at 360 px with the
phone's text at 200 %, with JavaScript on and off, in both languages, nothing is wider than the
screen and every number (tel: link) is whole on the screen and big enough to tap.

200 % text is set the way a phone's "font size" setting does it: the browser's default font size
doubles (Chromium's DevTools call Page.setFontSizes, 16 px -> 32 px), so everything sized in rem
or em grows and what is sized in px does not."""
from __future__ import annotations

import pytest

from conftest import ROOT
from scripts.core import quepaso

MIN_TAP = 44  # px, as tests/browser/test_layout.py

TREE = quepaso.load(ROOT)
_URGENT = next(o for o in TREE.outcomes.values() if o.urgent)
_PLAIN = next(o for o in TREE.outcomes.values() if not o.urgent)
_QUESTION = next(q for q in TREE.questions if q != TREE.start)

# One page of each kind, as it is addressed inside a language.
PAGE_TYPES = {
    "home": "",
    "topic": "h2a/",
    "topic with quick exit": "trata/",
    "help": "ayuda/",
    "words": "palabras/",
    "search": "buscar/",
    "flyers": "volantes/",
    "about": "acerca/",
    "path start": "que-paso/",
    "path question": f"que-paso/{_QUESTION}/",
    "urgent outcome": f"que-paso/{_URGENT.id}/",
    "outcome": f"que-paso/{_PLAIN.id}/",
    "not found": "a/b/c/",
}
# (viewport width, text scale): the narrowest screen WCAG names, and a phone with its largest text.
SIZES = [(320, 1), (360, 2)]

MEASURE_JS = """() => {
  const vw = document.documentElement.clientWidth;
  const hidden = e => e.closest('.md-sidebar, .md-overlay, .visually-hidden, .md-skip, [hidden]');
  const shown = e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility !== 'hidden'; };
  const wide = [];
  for (const e of document.body.querySelectorAll('*')) {
    if (hidden(e) || !shown(e)) continue;
    const r = e.getBoundingClientRect();
    if (r.right > vw + 1 || r.left < -1) wide.push(e.tagName.toLowerCase() + '.' + e.className + ' ' +
      Math.round(r.left) + '..' + Math.round(r.right) + ' ' + (e.textContent || '').trim().slice(0, 40));
  }
  const tels = [...document.querySelectorAll('a[href^="tel:"]')].filter(e => !hidden(e)).map(e => {
    const r = e.getBoundingClientRect();
    return { text: e.textContent.trim(), left: r.left, right: r.right, height: r.height, width: r.width,
             clipped: e.scrollWidth > e.clientWidth + 1 }; });
  return { vw, scroll: document.documentElement.scrollWidth, body: document.body.scrollWidth, wide: wide.slice(0, 8), tels };
}"""


@pytest.fixture(scope="module")
def phones(chromium):
    """phones(width, scale, js) -> a page of that phone, opened once for every page type."""
    opened: dict[tuple[int, int, bool], object] = {}

    def get(width: int, scale: int, js: bool):
        if (width, scale, js) not in opened:
            context = chromium.new_context(viewport={"width": width, "height": 640}, is_mobile=True,
                                           has_touch=True, java_script_enabled=js)
            page = context.new_page()
            if scale != 1:
                session = context.new_cdp_session(page)
                session.send("Page.enable")
                session.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * scale, "fixed": 13 * scale}})
            opened[(width, scale, js)] = page
        return opened[(width, scale, js)]
    yield get
    for page in opened.values():
        page.context.close()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("width, scale", SIZES, ids=[f"{w}px-{s}00pct" for w, s in SIZES])
@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("kind", list(PAGE_TYPES))
def test_every_page_type_reflows(phones, server, kind, lang, width, scale, js):
    path = ("" if lang == "es" else "en/") + PAGE_TYPES[kind]
    page = phones(width, scale, js)
    page.goto(server.url + path, wait_until="load")
    if scale != 1:  # the setting took: the text is twice its size
        assert page.evaluate("parseFloat(getComputedStyle(document.body).fontSize)") >= 31
    found = page.evaluate(MEASURE_JS)
    assert found["vw"] == width
    assert found["scroll"] <= width and found["body"] <= width, found["wide"]
    assert not found["wide"], found["wide"]
    for tel in found["tels"]:
        assert tel["left"] >= 0 and tel["right"] <= width, tel
        assert not tel["clipped"], tel
        assert tel["height"] >= MIN_TAP and tel["width"] >= MIN_TAP, tel
