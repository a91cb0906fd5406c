"""The answer on the first screen (issue 26): on a 360 × 640 phone, every outcome of the guided path
shows its first number (a tel: link) and its deadline (or the words to act soon) without scrolling;
the home page's first screen has 911 and the guided path; the help page starts with 911.
JavaScript on and off: with it, "Salir rápido" adds a line on some outcomes."""
from __future__ import annotations

import pytest

from conftest import ROOT
from scripts.bench.chromium import PHONE
from scripts.core import quepaso

TREE = quepaso.load(ROOT)
SCREEN = PHONE["height"]
BOTTOM = "(sel) => { const e = document.querySelector(sel); return e ? e.getBoundingClientRect().bottom : null; }"


@pytest.fixture(scope="module")
def phones(chromium):
    opened = {}

    def get(js: bool):
        if js not in opened:
            context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=js)
            opened[js] = context.new_page()
        return opened[js]
    yield get
    for page in opened.values():
        page.context.close()


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("outcome", sorted(TREE.outcomes))
def test_every_outcome_shows_its_number_and_deadline_on_the_first_screen(phones, server, outcome, lang, js):
    page = phones(js)
    page.goto(f"{server.url}{'' if lang == 'es' else 'en/'}que-paso/{outcome}/", wait_until="load")
    number = page.evaluate(BOTTOM, '.md-content a[href^="tel:"]')
    # The deadline itself (its link to the official page), or the words to act soon when there is none.
    deadline = page.evaluate(BOTTOM, ".qp-when a") or page.evaluate(BOTTOM, ".qp-when")
    assert number is not None and deadline is not None
    assert number <= SCREEN, f"the first number ends at {number:.0f} px"
    assert deadline <= SCREEN, f"the deadline ends at {deadline:.0f} px"
    assert page.evaluate("window.scrollY") == 0


@pytest.mark.parametrize("js", [True, False], ids=["js", "no-js"])
@pytest.mark.parametrize("lang", ["es", "en"])
def test_home_first_screen_has_911_and_the_guided_path_on_one_line(phones, server, lang, js):
    page = phones(js)
    page.goto(f"{server.url}{'' if lang == 'es' else 'en/'}", wait_until="load")
    line = page.locator(".md-content p:has(a[href='tel:911']):has(a[href*='que-paso/'])").first
    assert line.count() == 1
    assert line.evaluate("e => e.getBoundingClientRect().bottom") <= SCREEN
    assert line.locator("a[href='tel:911']").is_visible() and line.locator("a[href*='que-paso/']").is_visible()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_help_page_starts_with_911(phones, server, lang):
    page = phones(False)
    page.goto(f"{server.url}{'' if lang == 'es' else 'en/'}ayuda/", wait_until="load")
    first = page.locator('.md-content a[href^="tel:"]').first
    assert first.get_attribute("href") == "tel:911"
    assert first.evaluate("e => e.getBoundingClientRect().bottom") <= SCREEN
