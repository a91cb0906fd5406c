"""Every page, both languages, in Chromium on a 360×640 phone: private, accessible, one-tap calls."""
from __future__ import annotations

import re

import pytest

from browser.conftest import PAGE_IDS, PAGES

MIN_TAP_HEIGHT = 44  # px, WCAG 2.5.5 / platform guidance for a thumb


def twin(path: str) -> str:
    return path[3:] if path.startswith("en/") else "en/" + path


# The contact groups NGOs put in an <iframe> (scripts/website/templates/embed.html): no header,
# menu or switcher, but the same cards, stylesheet and promises as the pages.
EMBEDS = [(lang, f"{prefix}embed/{group}/") for lang, prefix in (("es", ""), ("en", "en/")) for group in ("us", "mx")]


def test_every_built_page_is_visited(built_site):
    built = {p.relative_to(built_site).as_posix().removesuffix("index.html") for p in built_site.rglob("*.html")
             if not re.fullmatch(r"derechos-\w+\.html", p.name)}  # the one-file guides: tests/browser/test_one_file.py
    assert built == {path for _, path in PAGES + EMBEDS}


@pytest.mark.parametrize("lang,path", EMBEDS, ids=[path for _, path in EMBEDS])
def test_embed_pages_are_private_accessible_and_one_tap(visited, registry_links, lang, path):
    test_nothing_leaves_the_site(visited, lang, path)
    test_axe_finds_no_wcag_violation(visited, lang, path)
    test_no_horizontal_scroll_at_360px(visited, lang, path)
    test_phone_links_are_big_and_from_the_registry(visited, registry_links, lang, path)
    seen = visited(path)
    assert seen.lang == lang and len(seen.phone_links) >= 3


@pytest.mark.parametrize("lang,path", PAGES, ids=PAGE_IDS)
def test_nothing_leaves_the_site(visited, lang, path):
    seen = visited(path)
    assert seen.foreign == [], f"{path} asked another host for: {seen.foreign}"
    # The only thing kept is the site's own pages, by its service worker, to read them without
    # signal (docs/offline.md): the caches it names, nothing else.
    caches = seen.storage.pop("caches")
    assert seen.storage == {"local": 0, "session": 0, "cookie": "", "indexeddb": 0}, path
    assert all(re.fullmatch(r"(seen|kept-[a-z]{2,3})@[0-9a-f]{16}", name) for name in caches), (path, caches)


@pytest.mark.parametrize("lang,path", PAGES, ids=PAGE_IDS)
def test_axe_finds_no_wcag_violation(visited, lang, path):
    violations = visited(path).violations
    assert violations == [], "\n".join(f"{v['id']} ({v['impact']}): {v['help']}\n    " + "\n    ".join(v["nodes"])
                                       for v in violations)


@pytest.mark.parametrize("lang,path", PAGES, ids=PAGE_IDS)
def test_no_horizontal_scroll_at_360px(visited, lang, path):
    seen = visited(path)
    assert seen.view_width == 360
    assert seen.scroll_width <= seen.view_width, f"{path} is {seen.scroll_width} px wide on a 360 px phone"


@pytest.mark.parametrize("lang,path", PAGES, ids=PAGE_IDS)
def test_phone_links_are_big_and_from_the_registry(visited, registry_links, lang, path):
    for link in visited(path).phone_links:
        address = link.href.split("?")[0]
        if address.startswith("tel:"):
            assert link.visible, f"{path}: {link.href} is not visible"
            assert link.height >= MIN_TAP_HEIGHT, f"{path}: {link.href} ({link.text}) is {link.height:.0f} px high"
        if address not in ("tel:", "sms:"):  # a share-by-text link has a message but no number
            assert address in registry_links, f"{path}: {link.href} is not a number of data/contacts.yml"

@pytest.mark.parametrize("lang,path", PAGES, ids=PAGE_IDS)
def test_html_lang_and_switcher_lead_to_the_twin(visited, lang, path):
    seen = visited(path)
    assert seen.lang == lang, path
    if path.endswith("404.html"):
        return  # the 404 page answers any address: it has no twin to lead to
    assert seen.switcher, f"{path} has no language switcher"
    assert seen.switched_to == twin(path), f"{path}: the switcher led to /{seen.switched_to}"
    assert seen.switched_lang == ("en" if lang == "es" else "es")


def test_pages_have_phone_links(visited):
    """The help page lists every line: the tap and registry tests above really see links."""
    assert len(visited("ayuda/").phone_links) >= 10
    assert len(visited("en/ayuda/").phone_links) >= 10


def test_no_cookie_after_visiting_everything(visited, phone):
    for _, path in PAGES:
        visited(path)
    context, _, _ = phone
    assert context.cookies() == []
