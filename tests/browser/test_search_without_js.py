"""Search without JavaScript (issue 26): a static site cannot search, so the form leads to the words
page (every phrase people use, A to Z, each a link to its page) with the guided path on top;
never an empty page. With JavaScript, search.js answers on the search page as before."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from scripts.bench.chromium import PHONE


@pytest.mark.parametrize("js", [False, True], ids=["no-js", "js"])
@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_search_form_leads_somewhere_useful(chromium, server, lang, js):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=js)
    try:
        page = context.new_page()
        prefix = "" if lang == "es" else "en/"
        page.goto(f"{server.url}{prefix}buscar/")
        page.fill("#search-q", "me lastime")
        page.press("#search-q", "Enter")
        if js:  # as before: the results on the search page
            expect(page.locator("#search-results a").first).to_be_visible()
            assert page.url.startswith(f"{server.url}{prefix}buscar/")
            return
        page.wait_for_url(f"{server.url}{prefix}palabras/**")
        assert page.locator(".words-letters a").count() > 15
        assert page.locator('.md-content a[href$="que-paso/"]').first.is_visible()
        assert page.locator(".md-content li a").count() > 100  # the phrases, each a link
    finally:
        context.close()
