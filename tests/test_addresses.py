"""One page-path function (core/addresses.page_address) for every place that links to a page:
the search index, the words page and the guided path's "read more" link. Before, each had its own
copy, and they disagreed for a page that is not index.md ('acerca/equipo.md' became
'acerca/equipo.md' in search and on the guided path, 'acerca/equipo/' on the words page)."""
from __future__ import annotations

import posixpath
from dataclasses import replace

import pytest

from scripts.core import addresses, project
from scripts.quepaso import pages as quepaso_pages
from scripts.website import searchindex, wordspage

from conftest import copy_project

PAGES = ["index.md", "salarios/index.md", "acerca/equipo.md", "acerca/equipo/mas.md"]


@pytest.fixture(scope="module")
def proj(tmp_path_factory):
    """The real project with pages that are not index.md, in Spanish."""
    root = copy_project(tmp_path_factory.mktemp("paths") / "project")
    about = (root / "content/es/acerca/index.md").read_text(encoding="utf-8")  # a page with phrases
    for rel in PAGES[2:]:
        (root / "content/es" / rel).parent.mkdir(parents=True, exist_ok=True)
        (root / "content/es" / rel).write_text(about, encoding="utf-8")
    return project.load(root)


def resolved(here: str, link: str) -> str:
    """Where a relative link from the page at address `here` (inside the language) leads, without
    its last slash: 'acerca/equipo' from 'palabras/' and '../acerca/equipo/'."""
    return posixpath.normpath(posixpath.join(here, link.partition("#")[0]))


@pytest.mark.parametrize("rel", PAGES)
def test_the_search_index_links_the_page_address(proj, rel):
    assert searchindex.page_entry(proj.pages["es"][rel], proj)["u"] == addresses.page_address(rel)


@pytest.mark.parametrize("rel", PAGES[1:])
def test_the_words_page_links_the_page_address(proj, rel):
    here = proj.pages["es"]["palabras/index.md"]
    links = {entry.link for entry in wordspage.entries(proj, "es", here) if entry.link.partition("#")[0].endswith(rel)}
    assert links, rel
    for link in links:
        assert resolved(addresses.page_address(here.rel), wordspage.url(link)) == addresses.page_address(rel).rstrip("/")


@pytest.mark.parametrize("rel", PAGES[1:])
def test_the_guided_path_links_the_page_address(proj, rel):
    tree = proj.que_paso
    outcome = replace(next(iter(tree.outcomes.values())), read=rel)
    made = quepaso_pages.outcome_page(tree, outcome, proj.registry, proj.deadlines, {}, proj.strings["es"])
    href = made.markdown.split('class="qp-read"', 1)[1].split('href="', 1)[1].split('"', 1)[0]
    assert resolved(made.address, href) == addresses.page_address(rel).rstrip("/")
