"""Issue 25, part 1: what make site writes for reading without signal (scripts/website/offline.py).
The browser side is tests/browser/test_offline.py."""
from __future__ import annotations

import json
import re
import shutil

from scripts.core import addresses
from scripts.core import project as project_module
from scripts.core.urls import que_paso_nodes
from scripts.core.quepaso import address
from scripts.website import offline


def _manifest(site, lang):
    return json.loads((site / ("en/" if lang == "en" else "") / "offline.json").read_text(encoding="utf-8"))


def test_each_language_keeps_its_whole_guide(made_site):
    project = project_module.load(made_site.root)
    site = made_site.site
    for lang in ("es", "en"):
        files = _manifest(site, lang)["files"]
        here = addresses.prefix(lang, "es")
        pages = {addresses.page(lang, "es", rel).lstrip("/") for rel in project.pages[lang]}
        path = {here + address(node.id, project.que_paso.start) for node in que_paso_nodes(project)}
        assert pages | path <= set(files), lang
        assert {"assets/derechos.css", here + "search/index.json", "assets/search-core.js", here + "offline.html"} <= set(files)
        assert not [f for f in files if lang == "es" and f.startswith("en/")]
        for f in files:
            assert (site / (f + "index.html" if f.endswith("/") or not f else f)).is_file(), f
        assert _manifest(site, lang)["bytes"] <= 400 * 1024  # the budget (make bench measures it too)


def test_the_offline_page_offers_the_main_numbers_in_its_language(made_site):
    project = project_module.load(made_site.root)
    for lang in ("es", "en"):
        html = (made_site.site / addresses.prefix(lang, "es") / "offline.html").read_text(encoding="utf-8")
        assert f'<html lang="{lang}">' in html and "Content-Security-Policy" in html
        assert project.strings[lang]("offline_title") in html
        for contact_id in offline.MAIN_NUMBERS:
            assert f'href="{project.registry.get(contact_id).dial("phone").href}"' in html, contact_id


def test_a_changed_page_is_a_new_worker(made_site, tmp_path):
    project = project_module.load(made_site.root)
    site = tmp_path / "site"
    shutil.copytree(made_site.site, site)
    version = re.compile(r'var V = "@" \+ "([0-9a-f]{16})"')
    before = version.search((site / "sw.js").read_text(encoding="utf-8")).group(1)
    assert offline.build(project, site) == []
    assert version.search((site / "sw.js").read_text(encoding="utf-8")).group(1) == before  # same files, same version
    page = site / "en/salarios/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</h1>", ".</h1>", 1), encoding="utf-8")
    assert offline.build(project, site) == []
    assert version.search((site / "sw.js").read_text(encoding="utf-8")).group(1) != before


def test_a_missing_main_number_is_one_message(made_site, tmp_path, monkeypatch):
    project = project_module.load(made_site.root)
    site = tmp_path / "site"
    shutil.copytree(made_site.site, site)
    monkeypatch.setattr(offline, "MAIN_NUMBERS", ("emergencia", "no-such-line"))
    problems = offline.build(project, site)
    assert len(problems) == 1 and "no-such-line" in problems[0].message
