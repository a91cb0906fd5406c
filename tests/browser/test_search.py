"""Search as a person uses it: type words, press Enter, get this language's pages only."""
from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest

RESULTS = "#search-results li a, #search-results p"


def results(page) -> list[str]:
    page.wait_for_selector(RESULTS, timeout=20_000)
    return [urlsplit(a.get_attribute("href")).path for a in page.query_selector_all("#search-results li a")]


def typed(page, base: str, search_page: str, words: str) -> list[str]:
    page.goto(base + search_page)
    page.fill("#search-q", words)
    page.press("#search-q", "Enter")
    return results(page)


@pytest.mark.parametrize("words,expected", [("horas extra", "/salarios/"), ("queja", None)])
def test_spanish_search_lists_spanish_pages_only(phone, server, words, expected):
    _, page, guard = phone
    found = typed(page, server.url, "buscar/", words)
    assert found, f"no result for {words!r}"
    assert not any(path.startswith("/en/") for path in found), found
    if expected:
        assert any(path.startswith(expected) for path in found), found
    assert guard.take() == []


def test_search_from_the_address_bar(phone, server):
    _, page, _ = phone
    page.goto(server.url + "buscar/?q=" + quote("queja"))
    found = results(page)
    assert found and not any(path.startswith("/en/") for path in found)
    assert page.input_value("#search-q") == "queja"


def test_english_search_lists_english_pages_only(phone, server):
    _, page, guard = phone
    found = typed(page, server.url, "en/buscar/", "overtime")
    assert found and all(path.startswith("/en/") for path in found), found
    assert any(path.startswith("/en/salarios/") for path in found), found
    assert guard.take() == []


def test_english_words_on_the_spanish_page_find_no_english_page(phone, server):
    _, page, _ = phone
    found = typed(page, server.url, "buscar/", "overtime")
    assert not any(path.startswith("/en/") for path in found), found


def test_search_writes_nothing(phone, server):
    _, page, _ = phone
    typed(page, server.url, "buscar/", "salario")
    storage = page.evaluate("[localStorage.length, sessionStorage.length, document.cookie]")
    assert storage == [0, 0, ""]
