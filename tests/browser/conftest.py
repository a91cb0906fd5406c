"""One Chromium and one local server for the browser tests; each page is visited once and cached.

Package scope, not session: Playwright's sync API runs an event loop while it is open, and other
tests (flyers, safety) start their own Playwright after these; it must be closed by then."""
from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

from scripts.core import addresses, contacts
from scripts.core import quepaso, states
from scripts.website import offline
from scripts.bench.chromium import PHONE, launch
from scripts.bench.server import StaticServer

from conftest import ROOT
from browser.harness import Guard, Visit, ensure_axe, visit


def site_paths(content: Path) -> list[tuple[str, str]]:
    """(language, path under the site) of every page, from the content folders: es at /, en at /en/,
    the "¿Qué le pasó?" pages made from data/que-paso.yml and the state pages from data/states.yml, the offline and save-for-offline pages of each language."""
    found = []
    tree = quepaso.load(content.parent)
    made = [source for source, _, _ in states.published(states.load(content.parent))]
    for lang_dir in sorted(p for p in content.iterdir() if p.is_dir()):
        lang = lang_dir.name
        for md in sorted(lang_dir.rglob("*.md")):
            found.append((lang, addresses.page(lang, "es", md.relative_to(lang_dir).as_posix()).lstrip("/")))
        found.append((lang, addresses.home(lang, "es").lstrip("/") + "404.html"))
        for node in list(tree.questions) + list(tree.outcomes):
            found.append((lang, addresses.home(lang, "es").lstrip("/") + quepaso.address(node, tree.start)))
        found += [(lang, addresses.page(lang, "es", source).lstrip("/")) for source in made]
        found += [(lang, addresses.home(lang, "es").lstrip("/") + name) for name in (offline.PAGE, offline.SAVE_PAGE)]
    return found


PAGES = site_paths(ROOT / "content")
PAGE_IDS = [path or "/" for _, path in PAGES]


@pytest.fixture(scope="package")
def server(built_site):
    with StaticServer(built_site) as running:
        yield running


@pytest.fixture(scope="package")
def chromium():
    ensure_axe()
    with sync_playwright() as playwright:
        browser = launch(playwright)
        yield browser
        browser.close()


@pytest.fixture(scope="package")
def phone(chromium, server):
    """A phone-sized context with JavaScript, every foreign request blocked and recorded."""
    context = chromium.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    guard = Guard(server.url)
    guard.attach(context)
    page = context.new_page()
    yield context, page, guard
    context.close()


@pytest.fixture(scope="package")
def visited(phone, server):
    """visited(path) -> Visit, each page opened once per session."""
    context, page, guard = phone
    cache: dict[str, Visit] = {}

    def get(path: str) -> Visit:
        if path not in cache:
            cache[path] = visit(page, guard, server.url, path)
        return cache[path]
    return get


@pytest.fixture(scope="package")
def no_js(chromium, server):
    """The same phone with JavaScript turned off."""
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    guard = Guard(server.url)
    guard.attach(context)
    page = context.new_page()
    yield page, guard
    context.close()


@pytest.fixture(scope="package")
def registry_links() -> set[str]:
    """Every tel:/sms: address the registry can produce (data/contacts.yml, through scripts/core/contacts.py)."""
    registry = contacts.load(ROOT)
    return {contact.dial(kind).href for contact in registry.contacts.values()
            for kind in contacts.NUMBER_FIELDS if contact.number(kind)}
