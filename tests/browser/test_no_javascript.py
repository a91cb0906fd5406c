"""With JavaScript off (old phones, data savers, cautious users) every page still works."""
from __future__ import annotations

import re

import pytest

from browser.conftest import PAGE_IDS, PAGES


PAPER_ONLY = ".qp-print"  # shown on paper only (print CSS): overrides/assets/derechos.css


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


@pytest.mark.parametrize("lang,path", PAGES, ids=PAGE_IDS)
def test_page_shows_its_text_cards_and_numbers(no_js, server, built_site, registry_links, lang, path):
    page, guard = no_js
    page.goto(server.url + path)
    article = page.locator("article").first
    assert article.is_visible(), path
    # innerText leaves out what is hidden; textContent keeps it: equal words mean all is shown.
    # What is written for paper only (an outcome's lines to fill in by hand) is left out of both.
    shown = words(article.inner_text())
    written = words(article.evaluate(
        "(a, paper) => { const c = a.cloneNode(true);"
        " c.querySelectorAll(paper).forEach(e => e.remove()); return c.textContent; }", PAPER_ONLY))
    hidden = [w for w in written if w not in set(shown)]
    assert len(shown) > 5 and shown == written, f"{path}: text not shown without JavaScript: {' '.join(hidden[:30])}"
    file = built_site / (path + "index.html" if not path.endswith(".html") else path)
    cards = file.read_text(encoding="utf-8").count('class="contact-card"')
    assert page.locator(".contact-card").count() == cards
    for card in page.locator(".contact-card").all():
        assert card.is_visible(), path
    for link in page.locator('a[href^="tel:"]').all():
        assert link.is_visible(), path
        assert link.get_attribute("href") in registry_links
    assert guard.take() == []


def test_help_page_without_javascript_has_every_card(no_js, server):
    page, _ = no_js
    page.goto(server.url + "ayuda/")
    assert page.locator(".contact-card").count() >= 10
    assert page.locator('.contact-card a[href^="tel:"]').count() >= 10
