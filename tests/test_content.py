"""The guide itself: every topic exists in both languages, sourced, dated, with its help lines."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from scripts.core import project
from scripts.core.references import find_references

from conftest import ROOT

TOPICS = ["index.md", "salarios/index.md", "h2a/index.md", "h2b/index.md", "seguridad/index.md",
          "calor/index.md", "lesiones/index.md", "discriminacion/index.md", "represalias/index.md",
          "organizarse/index.md", "reclutamiento/index.md", "trata/index.md", "consulado/index.md",
          "acerca/index.md"]
TOPIC_PAGES = [t for t in TOPICS if t not in ("index.md", "acerca/index.md")]


@pytest.fixture(scope="module")
def proj():
    return project.load(ROOT)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_all_fourteen_topics_exist(proj, lang):
    assert set(TOPICS) <= set(proj.pages[lang])


@pytest.mark.parametrize("rel", TOPICS)
@pytest.mark.parametrize("lang", ["es", "en"])
def test_each_page_has_sources_and_a_review_date(proj, lang, rel):
    meta = proj.pages[lang][rel].meta
    assert isinstance(meta["reviewed"], dt.date)
    assert meta["sources"] and all(s.startswith("https://") for s in meta["sources"])


def section_ids(body: str) -> list[str]:
    return re.findall(r"^##+ .*\{#([\w-]+)\}\s*$", body, re.M)


@pytest.mark.parametrize("rel", TOPIC_PAGES)
def test_topic_pages_have_what_to_do_now_and_help_cards(proj, rel):
    for lang in ("es", "en"):
        page = proj.pages[lang][rel]
        ids = section_ids(page.body)
        assert "ahora" in ids and "ayuda" in ids, (lang, rel, ids)
        cards = [r for r in find_references(page.body) if r.kind == "contact"]
        assert cards, f"{lang}/{rel} ends without contact cards"


@pytest.mark.parametrize("rel", TOPICS)
def test_every_heading_has_a_stable_id_equal_in_both_languages(proj, rel):
    es, en = proj.pages["es"][rel].body, proj.pages["en"][rel].body
    headings = re.findall(r"^##+ .*$", es, re.M)
    assert all("{#" in h for h in headings), headings
    assert section_ids(es) == section_ids(en)


def test_no_aewr_dollar_amounts_and_no_2002_imss_number(proj):
    for page in proj.all_pages():
        assert "53-38-81-45" not in page.text
        if page.rel.startswith("h2a/"):
            assert not re.search(r"\$\d", page.body), f"{page.path}: AEWR amounts must not be published"
