"""Issue 25, part 3: "Salir rápido / Exit this page" on the trafficking, harassment and retaliation
pages and on the guided-path outcomes that lead to them; a plain link without JavaScript, and with
it three presses of Shift and a replaced history entry, so Back does not return to the page."""
from __future__ import annotations

import re

import pytest

from scripts.bench.chromium import PHONE
from scripts.core import project as project_module
from scripts.core.quepaso import address

from conftest import ROOT

PROJECT = project_module.load(ROOT)
EXIT = {lang: PROJECT.strings[lang]("quick_exit_href") for lang in ("es", "en")}
HERE = {"es": "", "en": "en/"}
ELSEWHERE = "<!doctype html><title>Weather</title><p>Weather"


def _marked(lang: str) -> set[str]:
    """The addresses that must carry the button: pages with quick_exit: true and the outcomes that lead there."""
    pages = PROJECT.pages[lang]
    marked = {HERE[lang] + rel.removesuffix("index.md") for rel, page in pages.items() if page.meta.get("quick_exit") is True}
    tree = PROJECT.que_paso
    for outcome in tree.outcomes.values():
        page = pages.get(outcome.read_page)
        if page is not None and page.meta.get("quick_exit") is True:
            marked.add(HERE[lang] + address(outcome.id, tree.start))
    return marked


def test_the_button_is_on_exactly_the_marked_pages(built_site):
    for lang in ("es", "en"):
        marked = _marked(lang)
        assert {"trata/", "discriminacion/", "represalias/"} <= {m.removeprefix(HERE[lang]) for m in marked}
        assert HERE[lang] + "que-paso/trata/" in marked and HERE[lang] + "que-paso/acoso/" in marked
        root = built_site / HERE[lang] if HERE[lang] else built_site
        found = set()
        for html in root.rglob("index.html"):
            rel = html.relative_to(built_site).as_posix().removesuffix("index.html")
            if lang == "es" and rel.startswith("en/"):
                continue
            if 'class="quick-exit__button"' in html.read_text(encoding="utf-8"):
                found.add(rel)
        assert found == marked, lang
        # The safety section it links to exists, in both languages.
        about = (root / "acerca/index.html").read_text(encoding="utf-8")
        assert 'id="seguridad-telefono"' in about


def _context(chromium, javascript: bool):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=javascript)
    context.route(re.compile(r"^https://www\.google\.com/"),
                  lambda route: route.fulfill(body=ELSEWHERE, content_type="text/html"))
    return context


@pytest.mark.parametrize("lang", ["es", "en"])
def test_without_javascript_the_button_is_a_plain_link(chromium, server, lang):
    context = _context(chromium, javascript=False)
    try:
        page = context.new_page()
        page.goto(server.url + HERE[lang] + "trata/")
        button = page.locator("a.quick-exit__button")
        assert button.is_visible() and button.get_attribute("href") == EXIT[lang]
        assert button.inner_text() == PROJECT.strings[lang]("quick_exit")
        button.click()
        page.wait_for_url(EXIT[lang])
        assert page.title() == "Weather"
    finally:
        context.close()


@pytest.mark.parametrize("how", ["click", "shift"])
@pytest.mark.parametrize("path", ["trata/", "en/que-paso/acoso/", "represalias/"])
def test_with_javascript_leaving_replaces_the_page_in_history(chromium, server, how, path):
    lang = "en" if path.startswith("en/") else "es"
    context = _context(chromium, javascript=True)
    try:
        page = context.new_page()
        page.goto(server.url + HERE[lang])
        page.goto(server.url + path, wait_until="networkidle")
        assert page.locator(".quick-exit__hint").inner_text() == PROJECT.strings[lang]("quick_exit_hint")
        if how == "click":
            page.locator("a.quick-exit__button").click()
        else:
            for _ in range(3):
                page.keyboard.press("Shift")
        page.wait_for_url(EXIT[lang])
        page.go_back()
        page.wait_for_load_state()
        assert page.url == server.url + HERE[lang], "Back returned to the page the reader left"
    finally:
        context.close()


def test_two_presses_of_shift_or_other_keys_do_not_leave(chromium, server):
    context = _context(chromium, javascript=True)
    try:
        page = context.new_page()
        page.goto(server.url + "trata/", wait_until="networkidle")
        for key in ("Shift", "Shift", "a", "Shift"):
            page.keyboard.press(key)
        page.wait_for_load_state("networkidle")
        assert page.url == server.url + "trata/"
    finally:
        context.close()
