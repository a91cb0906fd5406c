"""A 404 that helps (issue 26): at any depth of a broken address, the page shows the main numbers,
the guided path and the topics, and every link on it leads to a real page (none back to the broken
address). The test server answers a missing address with the site's 404.html, as static hosts do."""
from __future__ import annotations

import pytest

from scripts.bench.chromium import PHONE


@pytest.fixture(scope="module")
def plain(chromium):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", ["a/b/c/", "en/a/b/c/", "salarios/no-existe/"])
def test_the_404_helps_and_its_links_work_at_any_depth(plain, server, path):
    response = plain.goto(server.url + path, wait_until="load")
    assert response.status == 404
    content = plain.locator(".md-content")
    assert content.locator('a[href="tel:911"]').count() == 1
    assert content.locator('a[href^="tel:+1"]').count() >= 3
    assert content.locator('a[href$="que-paso/"]').count() >= 1
    assert content.locator("li a[href$='/salarios/']").count() == 1  # the topics
    links = plain.eval_on_selector_all("a[href]", "els => els.map(e => e.href)")
    local = sorted({href.split("#")[0] for href in links if href.startswith(server.url)})
    assert len(local) > 15
    for href in local:
        assert "/a/b/c/" not in href and "no-existe" not in href, href
        assert plain.request.get(href).status == 200, href
