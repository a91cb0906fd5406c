"""Every field a maintainer writes reaches the HTML escaped (issue 28, part 1): a page's `title:`
and `description:`, a flyer's `title:`, `sources:`, every line of data/strings/*.yml and the
guided path's question texts. A copy of the project gets markup in each of those fields, is built
(engine, exports, redirect pages, flyers' HTML), and no page carries the markup as markup."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from scripts.core import project
from scripts.flyers import model
from scripts.flyers.layout import Layout
from scripts.website import exports

from conftest import ES_WAGES, EN_WAGES, TODAY, build_site, copy_project, edit

# A page's title closed early, a script of the site's own (which the CSP would trust) and an
# outside redirect that no CSP stops: the three things a careless or hostile edit could add.
SCRIPT = "<script src=/x.js></script>"
REFRESH = '<meta http-equiv="refresh" content="0;url=https://evil.example">'
PAYLOAD = f"X</title>{SCRIPT}{REFRESH}Y"
ESCAPED = "X&lt;/title&gt;&lt;script src=/x.js&gt;&lt;/script&gt;"
SOURCE = "https://www.dol.gov/?q=" + PAYLOAD


def poison_front_matter(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    text = re.sub(r"^title: .*$", lambda m: f"title: '{m.group(0)[7:]} {PAYLOAD}'", text, count=1, flags=re.M)
    text = re.sub(r"^description: .*$", lambda m: f"description: '{m.group(0)[13:]} {PAYLOAD}'", text, count=1, flags=re.M)
    text = re.sub(r"^  title: .*$", lambda m: f"  title: '{m.group(0)[9:]} {PAYLOAD}'", text, count=1, flags=re.M)  # the flyer's
    text = text.replace("sources:\n", f"sources:\n  - '{SOURCE}'\n", 1)
    path.write_text(text, encoding="utf-8")


def poison_yaml(path: Path, change) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(data)
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000), encoding="utf-8")


@pytest.fixture(scope="module")
def poisoned(tmp_path_factory) -> tuple[Path, Path]:
    root = copy_project(tmp_path_factory.mktemp("escaping") / "project")
    for page in (ES_WAGES, EN_WAGES, "content/es/index.md", "content/en/index.md"):
        poison_front_matter(root / page)
    for lang in ("es", "en"):
        poison_yaml(root / f"data/strings/{lang}.yml",
                    lambda words: words.update({key: f"{value} {PAYLOAD}" for key, value in words.items()}))

    def questions(tree: dict) -> None:
        for question in tree["questions"].values():
            question["question"] = {lang: f"{text} {PAYLOAD}" for lang, text in question["question"].items()}
    poison_yaml(root / "data/que-paso.yml", questions)
    edit(root / "data/redirects.yml", "redirects:\n", "redirects:\n  pago/: salarios/\n")  # a redirect page
    site = build_site(root, root / "site")
    assert exports.export(project.load(root, TODAY), site) == []
    return root, site


def test_no_field_reaches_a_page_as_markup(poisoned):
    _, site = poisoned
    pages = sorted(site.rglob("*.html"))
    assert len(pages) > 100
    escaped_on = 0
    for page in pages:
        html = page.read_text(encoding="utf-8")
        rel = page.relative_to(site).as_posix()
        assert SCRIPT not in html, rel
        assert REFRESH not in html, rel
        assert "</title><script" not in html, rel
        assert html.count("<title>") == html.count("</title>") <= 1, rel
        escaped_on += ESCAPED in html
    assert escaped_on == len(pages)  # every page prints some poisoned word, escaped


@pytest.mark.parametrize("rel, where", [
    ("salarios/index.html", "<title>"),                        # Material's <title>, from the page's title:
    ("salarios/index.html", '<meta name="description"'),       # and its description:
    ("salarios/index.html", '<meta property="og:title"'),
    ("salarios/index.html", 'class="md-nav__link md-nav__link--active"'),  # the menu
    ("salarios/index.html", '<footer class="page-facts">'),    # sources:
    ("index.html", 'id="temas"'),                              # the home page's topics: title and description
    ("volantes/index.html", 'class="flyer-list"'),             # the flyer's title:
    ("que-paso/index.html", "<h1>"),                           # a question of the guided path
    ("que-paso/pago/index.html", 'class="qp-answers"'),
    ("en/que-paso/pago-otro/index.html", 'class="qp-read"'),   # the page it sends to, by its title
    ("ayuda/index.html", 'class="contact-card"'),              # the cards' words
    ("embed/us/index.html", "<h1>"),                           # an embed page's words
    ("pago/index.html", "<title>"),                            # a redirect page's words
    ("en/pago/index.html", "<title>"),
])
def test_each_field_is_escaped_where_it_lands(poisoned, rel, where):
    _, site = poisoned
    html = (site / rel).read_text(encoding="utf-8")
    at = html.index(where)
    assert ESCAPED in html[at:at + 3000], (rel, where)


def test_the_sources_link_is_an_escaped_attribute(poisoned):
    _, site = poisoned
    html = (site / "salarios/index.html").read_text(encoding="utf-8")
    assert 'href="https://www.dol.gov/?q=X&lt;/title&gt;&lt;script src=/x.js&gt;' in html


def test_flyers_escape_their_fields(poisoned):
    root, _ = poisoned
    proj = project.load(root, TODAY)
    topic = next(t for t in model.topics(proj) if t.folder == "salarios")
    html, _ = Layout.create().flyer([topic.texts["es"], topic.texts["en"]], proj.strings)
    assert SCRIPT not in html and REFRESH not in html and ESCAPED in html
