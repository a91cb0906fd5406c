"""Issue 25, part 1: reading without signal, in Chromium. The site's service worker keeps what a
reader opened and, on "Guardar para leer sin señal", the whole guide in that language; without
signal every kept page opens, a page not kept shows the offline page with the help numbers, and
search uses the kept index or says the phone is offline. A new build replaces what was kept."""
from __future__ import annotations

import html
import json
import math
import re
import shutil

import pytest

from scripts.bench.chromium import PHONE
from scripts.bench.server import StaticServer
from scripts.core import project as project_module
from scripts.website import offline

from conftest import ROOT

PROJECT = project_module.load(ROOT)
HOME = {"es": "", "en": "en/"}
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def words(lang: str, key: str, **values) -> str:
    return PROJECT.strings[lang](key, **values)


@pytest.fixture
def served(built_site, tmp_path):
    """A copy of the built site (a test may build it again), served; its folder and the server."""
    site = tmp_path / "site"
    shutil.copytree(built_site, site)
    with StaticServer(site) as server:
        yield site, server


def _phone(chromium):
    return chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)


def _controlled(page) -> None:
    """Wait until the service worker is active and serves this page."""
    page.evaluate("navigator.serviceWorker.ready.then(() => true)")
    # Not wait_for_function: when it must poll, Playwright evaluates the string inside the page,
    # where the site's CSP forbids eval (a race: it failed once in ~20 fresh-clone runs).
    _until(page, "() => navigator.serviceWorker.controller !== null", "")


def _until(page, predicate: str, arg: str) -> None:
    """Wait until an asynchronous condition holds (wait_for_function takes a Promise for true)."""
    for _ in range(300):
        if page.evaluate(predicate, arg):
            return
        page.wait_for_timeout(200)  # polling a condition, not waiting a fixed time
    raise AssertionError(f"never true: {predicate}")


def _save(page, server, lang: str, site) -> dict:
    manifest = json.loads((site / HOME[lang] / "offline.json").read_text(encoding="utf-8"))
    page.goto(server.url + HOME[lang])
    _controlled(page)
    page.click(".offline-save-link a")  # the home page links to the save page
    button = page.locator("#offline-save button")
    page.locator("#offline-save button", has_text=words(lang, "offline_save")).wait_for()
    button.click()
    size = math.ceil(manifest["bytes"] / 1024)
    page.locator("#offline-save p", has_text=words(lang, "offline_size", kb=str(size))).wait_for()
    button.click()
    page.locator(".offline-save--kept").wait_for(timeout=60_000)
    assert page.locator("#offline-save button").inner_text() == words(lang, "offline_remove")
    return manifest


def _title(site, path: str) -> str:
    return html.unescape(TITLE.search((site / (path + "index.html" if path.endswith("/") or not path else path))
                                      .read_text(encoding="utf-8")).group(1).strip())


def test_a_saved_guide_opens_page_by_page_without_signal(chromium, served):
    site, server = served
    context = _phone(chromium)
    try:
        page = context.new_page()
        kept = {lang: _save(page, server, lang, site) for lang in ("es", "en")}
        context.set_offline(True)
        for lang, manifest in kept.items():
            pages = [f for f in manifest["files"] if f.endswith("/") or f == "" or f.endswith(".html")]
            assert len(pages) >= 40, lang  # every topic, the guided path, the offline page
            for path in pages:
                response = page.goto(server.url + path)
                assert response is not None and response.ok, path
                assert page.title() == _title(site, path), path
        # Search uses the kept index.
        page.goto(server.url + "buscar/?q=salario")
        page.locator("#search-results li a").first.wait_for()
        # The offline page lists what is kept, in the reader's language.
        page.goto(server.url + "en/offline.html")
        page.locator("#offline-kept h2", has_text=words("en", "offline_kept")).wait_for()
        assert page.locator("#offline-kept a").count() == len(kept["en"]["pages"])
    finally:
        context.close()


def test_a_word_of_the_other_language_without_signal_is_answered_from_the_kept_index(chromium, served):
    """The Spanish guide alone is kept; "injury" would ask the English index, which is not: the
    Spanish words of the query still find their page, and nothing says "no signal"."""
    site, server = served
    context = _phone(chromium)
    try:
        page = context.new_page()
        _save(page, server, "es", site)
        context.set_offline(True)
        page.goto(server.url + "buscar/?q=me%20lastime%20injury")
        page.locator("#search-results li a").first.wait_for()
        assert page.locator("#search-results li a").first.get_attribute("href").endswith("/lesiones/")
        assert page.locator(".search-offline").count() == 0
    finally:
        context.close()


def test_removing_the_saved_guide(chromium, served):
    site, server = served
    context = _phone(chromium)
    try:
        page = context.new_page()
        _save(page, server, "es", site)
        page.locator("#offline-save button").click()
        page.locator("#offline-save button", has_text=words("es", "offline_save")).wait_for()
        assert not [n for n in page.evaluate("caches.keys()") if n.startswith("kept-")]
    finally:
        context.close()


@pytest.mark.parametrize("lang", ["es", "en"])
def test_a_page_not_kept_shows_the_offline_page_with_the_help_numbers(chromium, served, registry_links, lang):
    site, server = served
    context = _phone(chromium)
    try:
        page = context.new_page()
        page.goto(server.url + HOME[lang])
        _controlled(page)
        page.goto(server.url + HOME[lang] + "buscar/", wait_until="networkidle")  # seen, without searching
        page.goto(server.url + HOME[lang] + "salarios/", wait_until="networkidle")  # seen: kept for later
        _until(page, "url => caches.match(url).then(r => !!r)", server.url + HOME[lang] + "offline.html")
        context.set_offline(True)
        for path in (HOME[lang], HOME[lang] + "salarios/"):  # what was opened stays readable, the first
            page.goto(server.url + path)                    # page too (put aside from the browser's cache)
            assert page.title() == _title(site, path), path
        page.goto(server.url + HOME[lang] + "trata/")  # never opened
        assert page.title() == words(lang, "offline_title")
        assert page.locator("html").get_attribute("lang") == lang
        calls = [a.get_attribute("href") for a in page.locator('a[href^="tel:"]').all()]
        assert len(calls) == len(offline.MAIN_NUMBERS) and set(calls) <= registry_links
        assert "tel:911" in calls
        # Search without a kept index says the phone is offline, never "nothing found".
        page.goto(server.url + HOME[lang] + "buscar/")
        assert page.title() == _title(site, HOME[lang] + "buscar/")
        page.fill("#search-q", "salario")
        page.click("#search-form button")
        page.locator(".search-offline", has_text=words(lang, "search_offline")).wait_for()
        assert page.locator("#search-results li").count() == 0
    finally:
        context.close()


def test_a_new_build_replaces_what_was_kept(chromium, served):
    site, server = served
    context = _phone(chromium)
    try:
        page = context.new_page()
        _save(page, server, "es", site)
        old = [n for n in page.evaluate("caches.keys()") if n.startswith("kept-es@")]
        # The next build changes a page (a number, say): its worker has a new version.
        trata = site / "trata/index.html"
        trata.write_text(trata.read_text(encoding="utf-8").replace("<h1", '<p id="next-build">Nueva versión</p><h1', 1),
                         encoding="utf-8")
        assert offline.build(PROJECT, site) == []
        page.goto(server.url)  # the reader opens the site once with signal
        _until(page, """old => caches.keys().then(names =>
            names.some(n => n.startsWith('kept-es@')) && !names.includes(old))""", old[0])
        context.set_offline(True)
        page.goto(server.url + "trata/")
        assert page.locator("#next-build").inner_text() == "Nueva versión"
    finally:
        context.close()
