"""The site's own stylesheet (overrides/assets/derechos.css) keeps what people use: the menu opens
without JavaScript, its links and the header's buttons are big enough for a thumb, a keyboard
focus is visible, and a printed page is the text and the numbers without the page's frame."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from scripts.bench.chromium import PHONE

MIN_TAP = 44  # px, WCAG 2.5.5 (AAA) and the platforms' guidance


@pytest.fixture()
def plain_phone(chromium):
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True, java_script_enabled=False)
    yield context.new_page()
    context.close()


def test_menu_opens_without_javascript_and_its_links_are_big(plain_phone, server):
    page = plain_phone
    page.goto(server.url + "salarios/")
    menu = page.locator(".md-sidebar--primary")
    assert menu.bounding_box()["x"] + menu.bounding_box()["width"] <= 0  # closed: off the screen
    page.click('label.md-header__button[for="__drawer"]')
    expect(menu).to_be_in_viewport(ratio=1)  # the drawer has slid in, however long the machine takes
    assert menu.bounding_box()["x"] >= 0
    links = page.locator(".md-sidebar--primary a.md-nav__link")
    assert links.count() > 15
    heights = [links.nth(i).bounding_box()["height"] for i in range(links.count())]
    assert min(heights) >= MIN_TAP
    assert page.locator('.md-nav__link--active[aria-current="page"]').count() == 1
    assert page.locator(".md-nav--secondary a[href='#horas-extra']").is_visible()  # the page's sections


def test_header_buttons_are_big_enough(plain_phone, server):
    page = plain_phone
    page.goto(server.url + "en/salarios/")
    for selector in ('label.md-header__button[for="__drawer"]', 'a.md-header__button[href$="buscar/"]',
                     "a.md-header__lang"):
        box = page.locator(selector).bounding_box()
        assert box["height"] >= MIN_TAP and box["width"] >= MIN_TAP, selector


def test_keyboard_focus_is_visible(plain_phone, server):
    page = plain_phone
    page.goto(server.url + "salarios/")
    link = page.locator(".md-content a:not(.tel)").first
    link.focus()
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Tab")  # focus by keyboard, so :focus-visible applies
    style = link.evaluate("e => getComputedStyle(e).outlineStyle + ' ' + getComputedStyle(e).outlineWidth")
    assert style.startswith("solid") and not style.endswith(" 0px"), style


def test_printed_page_is_the_text_without_the_frame(plain_phone, server):
    page = plain_phone
    page.goto(server.url + "salarios/")
    page.emulate_media(media="print")
    try:
        for hidden in (".md-header", ".md-sidebar--primary", ".share", ".flyer-link", ".qp-hint"):
            assert not page.locator(hidden).first.is_visible(), hidden
        assert page.locator("h1").is_visible() and page.locator("a.tel").first.is_visible()
        tel = page.locator("a.tel").first.evaluate("e => getComputedStyle(e).backgroundColor")
        assert tel in ("rgba(0, 0, 0, 0)", "transparent")  # no ink-heavy green buttons on paper
        after = page.locator(".page-sources a").first.evaluate("e => getComputedStyle(e, '::after').content")
        assert "https://" in after  # a source's address is printed after it
    finally:
        page.emulate_media(media="screen")


def test_a_printed_page_leaves_out_what_only_a_screen_can_do(plain_phone, server):
    """"Toque el número para llamar." (`{ .screen-only }`, docs/pages.md) is on the screen,
    not on paper, where the numbers stay."""
    page = plain_phone
    page.goto(server.url)
    line = page.locator(".screen-only").first
    assert line.is_visible()
    page.emulate_media(media="print")
    try:
        assert not line.is_visible()
        assert page.locator("a.tel").first.is_visible()
    finally:
        page.emulate_media(media="screen")
