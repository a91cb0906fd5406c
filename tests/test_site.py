"""The built site, read as HTML: languages, switcher, one-tap numbers, search, 404s, sitemap."""
from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from scripts.core import contacts, typography
from scripts.core.contacts import NUMBER_FIELDS
from scripts.core.phones import dial

from conftest import ROOT, build_site, edit, make_site

SITE_URL = "https://derechos.example.org/"


def html(site: Path, path: str) -> str:
    """The page as written, its non-breaking hyphens and spaces (core/typography.py) read as plain ones."""
    return typography.plain((site / path).read_text(encoding="utf-8"))


def pages(site: Path) -> list[Path]:
    """The engine's pages (the embeds, written for an NGO's iframe, the offline step's own two
    pages without the site's frame, offline.html and guardar.html, and the one-file guides in
    descargas/ are not among them)."""
    from scripts.website import offline, onefile
    return sorted(p for p in site.rglob("*.html") if "embed" not in p.relative_to(site).parts
                  and p.name not in (offline.PAGE, offline.SAVE_PAGE)
                  and not (p.parent.name == onefile.FOLDER and p.name != "index.html"))


@pytest.mark.parametrize("path,lang", [("index.html", "es"), ("salarios/index.html", "es"),
                                       ("en/index.html", "en"), ("en/salarios/index.html", "en"),
                                       ("404.html", "es"), ("en/404.html", "en")])
def test_html_lang_matches_the_page(built_site, path, lang):
    assert f'<html lang="{lang}"' in html(built_site, path)


def test_every_page_has_the_right_lang(built_site):
    for page in pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        lang = "en" if rel.startswith("en/") else "es"
        assert f'<html lang="{lang}"' in page.read_text(encoding="utf-8"), rel


def test_language_switcher_leads_to_the_twin(built_site):
    es = html(built_site, "salarios/index.html")
    en = html(built_site, "en/salarios/index.html")
    assert re.search(r'<a class="md-header__lang" href="\.\./en/salarios/" hreflang="en"', es)
    assert re.search(r'<a class="md-header__lang" href="\.\./\.\./salarios/" hreflang="es"', en)


def test_numbers_are_one_tap_links_from_the_registry(built_site):
    registry = contacts.load(ROOT)
    known = {c.dial(k).href for c in registry.contacts.values() for k in NUMBER_FIELDS if c.number(k)}
    page = html(built_site, "salarios/index.html")
    whd = registry.get("whd")
    assert f'<a class="tel" href="tel:+18664879243">{dial(whd.phone).display}</a>' in page
    for page_path in pages(built_site):
        # "sms:?&body=…" is the share link (docs/embedding.md): a message with no number in it.
        for href in re.findall(r'href="((?:tel|sms):(?!\?)[^"]*)"', page_path.read_text(encoding="utf-8")):
            assert href in known, f"{page_path}: {href} is not in the registry"


def test_contact_card_in_the_page_language(built_site):
    es = html(built_site, "ayuda/index.html")
    en = html(built_site, "en/ayuda/index.html")
    assert "Administración de Seguridad y Salud Ocupacional (OSHA)" in es
    assert "Occupational Safety and Health Administration (OSHA)" in en
    assert "Los números 800 de México casi nunca se pueden marcar desde EE. UU." in es
    assert "011 52 800 717 2942" in en


def test_help_page_lists_every_contact_grouped(built_site):
    registry = contacts.load(ROOT)
    for path in ("ayuda/index.html", "en/ayuda/index.html"):
        page = html(built_site, path)
        national = [contact.id for contact in registry.national()]
        for cid in registry.contacts:  # a local office is shown only where named (docs/contacts.md)
            assert (f'data-contact="{cid}"' in page) == (cid in national), (path, cid)
        assert page.index('id="us"') < page.index('data-contact="whd"') < page.index('id="mx"') < page.index('data-contact="ciam"')


def test_search_index_per_language(built_site):
    es = json.loads(html(built_site, "search/index.json"))
    en = json.loads(html(built_site, "en/search/index.json"))
    assert es["lang"] == "es" and en["lang"] == "en"
    es_titles = {p["t"] for p in es["pages"]}
    en_titles = {p["t"] for p in en["pages"]}
    assert "Salarios y horas de trabajo" in es_titles and "Salarios y horas de trabajo" not in en_titles
    assert "Wages and hours" in en_titles
    assert any(p["u"] == "salarios/" for p in en["pages"]) and not any(p["u"].startswith("en/") for p in es["pages"])
    wages = next(p for p in es["pages"] if p["u"] == "salarios/")
    assert "no me pagaron" in wages["p"]["page"] and "horas-extra" in wages["p"]
    assert not any(p["u"] in ("buscar/", "palabras/") for p in es["pages"])  # the search and words pages


def test_404_in_each_language(built_site):
    assert "Página no encontrada" in html(built_site, "404.html")
    assert "Page not found" in html(built_site, "en/404.html")


def test_sitemap_has_hreflang_and_x_default(built_site):
    sitemap = html(built_site, "sitemap.xml")
    block = re.search(r"<url>\s*<loc>https://derechos\.example\.org/en/salarios/</loc>.*?</url>", sitemap, re.S).group(0)
    assert f'hreflang="es" href="{SITE_URL}salarios/"' in block
    assert f'hreflang="en" href="{SITE_URL}en/salarios/"' in block
    assert f'hreflang="x-default" href="{SITE_URL}salarios/"' in block
    assert sitemap.count("<url>") == sitemap.count('hreflang="x-default"')


def test_every_published_page_is_in_the_sitemap(built_site):
    # Every page a person can land on (its canonical address is its own), the guided path's
    # pages included, which the hooks add after the engine took its list of files.
    sitemap = html(built_site, "sitemap.xml")
    blocks = {re.search(r"<loc>([^<]+)</loc>", b).group(1): b for b in re.findall(r"<url>.*?</url>", sitemap, re.S)}
    pages = set()
    for page in built_site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', text)
        if canonical and page.name == "index.html" and 'content="noindex"' not in text:  # embeds are for iframes
            pages.add(canonical.group(1))
    assert f"{SITE_URL}que-paso/calor/" in pages and f"{SITE_URL}en/que-paso/" in pages
    assert pages - set(blocks) == set()
    assert len(blocks) == len(re.findall(r"<url>", sitemap))  # each address once
    block = blocks[f"{SITE_URL}en/que-paso/calor/"]
    assert f'hreflang="es" href="{SITE_URL}que-paso/calor/"' in block
    assert f'hreflang="en" href="{SITE_URL}en/que-paso/calor/"' in block
    assert f'hreflang="x-default" href="{SITE_URL}que-paso/calor/"' in block
    assert block.count("hreflang=") == 3 and "<lastmod>" in block
    locs = list(blocks)  # each language's pages together, Spanish first
    assert max(i for i, loc in enumerate(locs) if "/en/" not in loc) < min(i for i, loc in enumerate(locs) if "/en/" in loc)


def test_head_has_canonical_and_alternates(built_site):
    page = html(built_site, "en/salarios/index.html")
    assert f'<link rel="canonical" href="{SITE_URL}en/salarios/">' in page
    assert f'<link rel="alternate" hreflang="es" href="{SITE_URL}salarios/">' in page
    assert f'<link rel="alternate" hreflang="x-default" href="{SITE_URL}salarios/">' in page


def test_nothing_is_loaded_from_another_host(built_site):
    for page in pages(built_site):
        text = page.read_text(encoding="utf-8")
        for tag in re.findall(r"<(?:script|link|img|iframe)\b[^>]*>", text):
            if 'rel="canonical"' in tag or 'rel="alternate"' in tag:
                continue
            src = re.search(r'(?:src|href)="([^"]*)"', tag)
            assert not src or not re.match(r"(https?:)?//", src.group(1)), f"{page}: {tag}"
        assert "fonts.googleapis" not in text and "unpkg" not in text and 'name="generator"' not in text


def test_no_page_needs_javascript_for_its_numbers(built_site):
    page = html(built_site, "salarios/index.html")
    assert "bundle." not in page  # Material's JavaScript bundle is not loaded
    assert 'class="contact-card"' in page and 'href="tel:' in page


def test_sources_and_review_date_shown(built_site):
    page = html(built_site, "salarios/index.html")
    assert "https://www.dol.gov/agencies/whd/minimum-wage" in page
    # the page's own review date (a fact fix re-dates it), written out in Spanish
    year, month, day = map(int, re.search(r"^reviewed: (\d{4})-(\d\d)-(\d\d)$",
                                          (ROOT / "content/es/salarios/index.md").read_text(encoding="utf-8"), re.M).groups())
    months = ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
              "octubre", "noviembre", "diciembre"]
    assert f"Información revisada el {day} de {months[month - 1]} de {year}." in page


def test_failed_build_leaves_previous_site_untouched(project_copy, made_site):
    site = project_copy / "site"
    site.mkdir()
    (site / "marker.txt").write_text("previous site", encoding="utf-8")
    edit(project_copy / "content/es/salarios/index.md", "](../ayuda/index.md)", "](../no-existe/index.md)")
    result = make_site(project_copy, flyers_from=made_site.root)
    assert result.returncode == 1
    assert "no-existe" in result.stdout and "left as it was" in result.stdout
    assert (site / "marker.txt").read_text(encoding="utf-8") == "previous site"
    assert not list(project_copy.glob(".site-*"))


def test_check_failure_also_stops_the_build(project_copy, made_site):
    site = project_copy / "site"
    site.mkdir()
    (project_copy / "content/en/salarios/index.md").unlink()
    result = make_site(project_copy, flyers_from=made_site.root)
    assert result.returncode == 1 and "no twin in 'en'" in result.stdout
    assert list(site.iterdir()) == []


def test_missing_anchor_fails_the_engine(project_copy):
    from scripts.website import engine
    edit(project_copy / "content/es/salarios/index.md", "](../ayuda/index.md)", "](../ayuda/index.md#no-existe)")
    run = engine.build(project_copy, project_copy / "out")
    assert not run.ok and any("no-existe" in message for message in run.messages), run.messages


def test_successful_build_replaces_the_site(project_copy, made_site):
    site = project_copy / "site"
    site.mkdir()
    (site / "marker.txt").write_text("old", encoding="utf-8")
    result = make_site(project_copy, flyers_from=made_site.root)
    assert result.returncode == 0, result.stdout
    assert not (site / "marker.txt").exists() and (site / "en/salarios/index.html").exists()


def test_switcher_on_every_page_leads_to_its_twin(built_site):
    checked = 0
    for page in pages(built_site):
        rel = page.relative_to(built_site).as_posix()
        if rel.endswith("404.html"):
            continue
        match = re.search(r'<a class="md-header__lang" href="([^"]+)" hreflang="(\w+)"', page.read_text(encoding="utf-8"))
        assert match, rel
        target = (page.parent / match.group(1) / "index.html").resolve()
        twin = rel[3:] if rel.startswith("en/") else "en/" + rel
        assert target == (built_site / twin).resolve(), (rel, match.group(1))
        checked += 1
    assert checked >= 30


def test_inline_mexican_number_says_how_to_dial_from_the_us(tmp_path):
    from scripts.core import contacts as registry_module
    from scripts.website import render
    from scripts.core.strings import Strings
    registry = registry_module.load(ROOT)
    words = Strings("es", "x", {"from_us_inline": "desde EE. UU.: {number}"})
    out = render.expand("Llame [[phone:profedet]].", registry, words)
    assert out == ('Llame <a class="tel" href="tel:+528007172942">800 717 2942</a> '
                   '<span class="abroad">(desde EE. UU.: 011 52 800 717 2942)</span>.')


def test_a_listed_us_line_of_a_mexican_office_says_how_to_dial_it_from_mexico():
    """In a list of whom to call (the guided path), the CIAM's US number also says how to dial it from
    Mexico, where "1-520-…" does not connect; in a sentence it does not (a worker in the US reads
    most pages), and a US office's number never does."""
    from scripts.core import contacts as registry_module
    from scripts.website import render
    from scripts.core.strings import Strings
    registry = registry_module.load(ROOT)
    words = Strings("es", "x", {"from_us_inline": "desde EE. UU.: {number}", "from_mx_inline": "desde México: {number}"})
    ciam = registry.get("ciam")
    assert render.inline_phone(ciam, words, from_mexico=True) == ('<a class="tel" href="tel:+15206237874">1-520-623-7874</a> '
        '<span class="abroad">(desde México: 00 1 520-623-7874)</span>')
    assert "México" not in render.inline_phone(ciam, words)
    assert render.inline_phone(registry.get("osha"), words, from_mexico=True) == render.inline_phone(registry.get("osha"), words)
    assert "desde EE. UU.: 011 52" in render.inline_phone(registry.get("profedet"), words, from_mexico=True)


def test_flyers_are_rendered_beside_the_engine_and_merged(made_site):
    from scripts import buildsteps
    from scripts.flyers import build as flyers_build
    from scripts.website import searchindex
    from scripts.website import exports, headers, offline
    assert buildsteps.beside_engine() == [searchindex.write, flyers_build]
    assert flyers_build not in buildsteps.after_engine()
    # What reads the flyers runs once they are made; the rest (the booklets) does not wait for them.
    assert buildsteps.after_all() == [exports.copy_moved_flyers, offline.build, headers.write]
    parts = buildsteps.beside_engine() + buildsteps.after_engine() + buildsteps.after_all()
    assert sorted(parts, key=buildsteps.STEPS.index) == buildsteps.STEPS and len(set(parts)) == len(parts)
    site = made_site.site
    assert (site / "flyers/salarios-es-letter.pdf").is_file()
    assert (site / "contacts.json").is_file()
    assert (site / "search/index.json").is_file() and (site / "en/search/index.json").is_file()
    assert not list(made_site.root.glob(".site-*"))  # the build's work folders are gone


def test_a_step_with_tasks_is_started_and_collected_after_the_steps_that_follow(monkeypatch):
    """The booklets take seconds: make site starts their tasks, runs the next steps (the ZIM
    files) meanwhile, and collects them at the end; alone (no tasks) each step runs in order."""
    from scripts import buildsteps, parallel
    from scripts.core.problems import Problem
    order = []

    def slow(project, site):
        order.append("slow alone")
        return []

    def start(project, site, tasks):
        order.append("slow started")
        return lambda: order.append("slow collected") or [Problem("x.md", 1, "slow failed")]

    def quick(project, site):
        order.append("quick")
        return []

    monkeypatch.setattr(buildsteps, "USE_TASKS", {slow: start})
    ok, problems = buildsteps.run(None, Path("."), [slow, quick], parallel.SerialTasks())
    assert order == ["slow started", "quick", "slow collected"]
    assert not ok and [(p.message, p.check) for p in problems] == [("slow failed", "test_site")]
    order.clear()
    assert buildsteps.run(None, Path("."), [slow, quick]) == (True, []) and order == ["slow alone", "quick"]


def test_a_link_to_a_contact_card_is_a_known_section(project_copy):
    """Contact cards skip Markdown (render.set_cards_aside), but their ids (contacto-whd) stay
    sections a page may link to: the strict engine must not call the link broken."""
    page = project_copy / "content/es/salarios/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\nVea [la WHD](../ayuda/index.md#contacto-whd).\n", encoding="utf-8")
    site = build_site(project_copy, project_copy / "site")
    html = (site / "salarios/index.html").read_text(encoding="utf-8")
    assert 'href="../ayuda/#contacto-whd"' in html
    assert 'id="contacto-whd"' in (site / "ayuda/index.html").read_text(encoding="utf-8")


def test_contact_cards_set_aside_give_the_page_markdown_would_make():
    """Every page of the real project, both languages: its Markdown with the contact cards set
    aside and put back is, once the layout white space is folded as every built page's is
    (lean.compact_html), the HTML Markdown makes of the cards itself."""
    import markdown as md
    from scripts.core import project
    from scripts.website import lean, render
    proj = project.load(ROOT)
    cards = 0
    for lang, pages in proj.pages.items():
        for page in pages.values():
            expanded = render.expand(page.body, proj.registry, proj.strings[lang], proj.deadlines, lambda cid: f"{cid}.vcf")
            aside_markdown, aside = render.set_cards_aside(expanded)
            cards += len(aside.cards)
            assert 'class="contact-card"' not in aside_markdown, page.path
            made = md.markdown(expanded, extensions=["attr_list", "tables", "toc"])
            put_back = render.put_cards_back(md.markdown(aside_markdown, extensions=["attr_list", "tables", "toc"]), aside)
            assert lean.compact_html(put_back) == lean.compact_html(made), page.path
    assert cards >= 40
