"""The guided path from everywhere (issue 26, item 4), on a 360 x 640 phone without JavaScript:
- every topic page of both languages starts with one line, "¿No sabe qué hacer? …", on the first
  screen, whose tap opens the guided path's first question in the page's language;
- the menu lists the guided path right after the home page, on every kind of page, and a tap on it
  opens the same first question; on the path's own pages it is marked as where the reader is."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from scripts.bench.__main__ import topic_paths
from scripts.core import project as project_model
from scripts.core.quepaso import FOLDER as QUE_PASO_FOLDER

from conftest import ROOT

PROJECT = project_model.load(ROOT)
STRINGS = PROJECT.strings
TOPICS = sorted(p for p in topic_paths() if p not in ("", "en/"))
MENU_PAGES = ["", "salarios/", "ayuda/", "palabras/", "que-paso/calor/", "en/", "en/trata/", "en/que-paso/"]


def lang_of(path: str) -> str:
    return "en" if path.startswith("en/") else "es"


def start_of(server, path: str) -> str:
    return server.url + ("en/" if lang_of(path) == "en" else "") + QUE_PASO_FOLDER + "/"


def test_every_topic_page_is_here():
    assert len(TOPICS) >= 20 and "salarios/" in TOPICS and "en/salarios/" in TOPICS


@pytest.mark.parametrize("path", TOPICS)
def test_every_topic_page_has_one_line_to_the_guided_path_on_its_first_screen(no_js, server, path):
    page, guard = no_js
    page.goto(server.url + path)
    hint = page.locator(".md-content .qp-hint a")
    assert hint.count() == 1, f"/{path}: one link to the guided path"
    assert hint.inner_text() == STRINGS[lang_of(path)]("qp_hint")
    box = hint.bounding_box()
    assert box and box["y"] + box["height"] <= 640, f"/{path}: the line ends at {box} px, below the first screen"
    hint.click()
    page.wait_for_url(start_of(server, path))
    assert page.locator(".qp-answers a").count() >= 3  # the first question and its answers
    assert guard.take() == []


@pytest.mark.parametrize("path", MENU_PAGES)
def test_the_menu_leads_to_the_guided_path_from_every_kind_of_page(chromium, server, path):
    context = chromium.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True,
                                   java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(server.url + path)
        page.click('label.md-header__button[for="__drawer"]')
        menu = page.locator(".md-sidebar--primary")
        expect(menu).to_be_in_viewport(ratio=1)
        items = page.locator(".md-sidebar--primary .md-nav--primary > .md-nav__list > .md-nav__item > a")
        second = items.nth(1)
        assert second.inner_text() == STRINGS[lang_of(path)]("qp_name"), f"/{path}: the guided path is second in the menu"
        expect(second).to_be_visible()
        box = second.bounding_box()
        assert box and box["height"] >= 44, box
        on_path = f"{QUE_PASO_FOLDER}/" in path
        assert (second.get_attribute("aria-current") is not None) == on_path, path
        second.click()
        page.wait_for_url(start_of(server, path))
    finally:
        context.close()
