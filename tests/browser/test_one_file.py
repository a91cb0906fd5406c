"""Issue 25, part 2: the whole guide in one file (/descargas/derechos-<lang>.html). Opened from
file:// with the network cut, it asks for nothing, holds every page's title and every number of
the registry as a tel: link, and its in-file links all land somewhere."""
from __future__ import annotations

import html
import re

import pytest

from scripts.bench.chromium import PHONE
from scripts.core import project as project_module
from scripts.website import onefile

from conftest import ROOT

PROJECT = project_module.load(ROOT)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_one_file_guide_opens_alone_and_holds_everything(chromium, built_site, lang):
    guide = built_site / onefile.path(PROJECT, lang)
    assert guide.stat().st_size < onefile.LIMIT
    context = chromium.new_context(viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        context.set_offline(True)
        page = context.new_page()
        asked = []
        page.on("request", lambda request: asked.append(request.url))
        page.goto(guide.as_uri(), wait_until="load")
        assert asked == [guide.as_uri()]  # nothing but the file itself: no stylesheet, font, script or image
        text = page.inner_text("body")
        pages = onefile.pages(PROJECT, lang)
        assert len(pages) >= 30, pages  # the menu's pages and the guided path
        for path in pages:
            built = (built_site / path / "index.html").read_text(encoding="utf-8")
            title = html.unescape(TITLE.search(built).group(1)).rsplit(" - ", 1)[0].strip()
            assert title in text, (path, title)
        calls = set(page.eval_on_selector_all('a[href^="tel:"]', "links => links.map(a => a.getAttribute('href'))"))
        for contact in PROJECT.registry.contacts.values():
            if contact.phone:
                assert "tel:" + contact.phone in calls, contact.id
        targets = page.eval_on_selector_all('a[href^="#"]', "links => links.map(a => a.getAttribute('href').slice(1))")
        ids = set(page.eval_on_selector_all("[id]", "all => all.map(e => e.id)"))
        assert targets and not [t for t in targets if t and t not in ids]
        assert page.locator("script").count() == 0
    finally:
        context.close()


def test_the_downloads_page_lists_the_guide_and_is_linked(built_site):
    for lang, here in (("es", ""), ("en", "en/")):
        page = (built_site / here / "descargas/index.html").read_text(encoding="utf-8")
        assert f'href="{onefile.file_name(lang)}"' in page and "todos.vcf" in page
        for linking in ("index.html", "ayuda/index.html", "volantes/index.html"):
            assert 'descargas/"' in (built_site / here / linking).read_text(encoding="utf-8"), (lang, linking)
