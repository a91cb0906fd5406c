"""Permanent addresses: the manifest and its check, redirects in both languages, section ids,
share links, link previews, canonical and hreflang. Each rule is broken on a copy to see it fail."""
from __future__ import annotations

import re
import shutil
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from PIL import Image

from scripts.core import addresses, project
from scripts.core import urls
from scripts.checks import section_ids as sections
from scripts.core.sections import section_ids
from scripts.checks import manifest, redirects

from conftest import EN_WAGES, ES_WAGES, build_site, check_project, copy_about_page_to, edit, exact_line, line_of, make_site, run_cli

MANIFEST, REDIRECTS = urls.MANIFEST, urls.REDIRECTS

SITE_URL = "https://derechos.example.org/"


def html(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def content_pages(site: Path) -> list[Path]:
    """Every built page but the 404s and redirect stubs."""
    return sorted(p for p in site.rglob("index.html")
                  if "http-equiv=\"refresh\"" not in p.read_text(encoding="utf-8")
                  and addresses.EMBED_FOLDER not in p.relative_to(site).parts)


def file_of(site: Path, address: str) -> Path:
    """The built file behind an absolute address of the site (directory URLs)."""
    assert address.startswith(SITE_URL), address
    path = unquote(address[len(SITE_URL):].split("#")[0])
    return site / path / "index.html" if path.endswith("/") or not path else site / path


def move_page(root: Path, old: str, new: str) -> None:
    """Move a page pair to a new folder, as a maintainer renaming a topic would (menu and links too)."""
    for folder in sorted(p for p in (root / "content").iterdir() if p.is_dir()):
        if (folder / old).exists():
            shutil.move(folder / old, folder / new)
        index = folder / "index.md"
        if index.exists() and f"({old}/index.md)" in index.read_text(encoding="utf-8"):
            edit(index, f"({old}/index.md)", f"({new}/index.md)")
        for page in folder.glob("*/index.md"):  # the other pages' links to it ('../calor/index.md#prevenir')
            text = page.read_text(encoding="utf-8")
            if f"../{old}/index.md" in text:
                page.write_text(text.replace(f"../{old}/index.md", f"../{new}/index.md"), encoding="utf-8")
    edit(root / "mkdocs.yml", f"  - {old}/index.md\n", f"  - {new}/index.md\n")


def add_redirect(root: Path, line: str) -> None:
    edit(root / urls.REDIRECTS, "redirects:\n", f"redirects:\n  {line}\n")


def manifest_line(root: Path, address: str) -> int:
    return exact_line(root / urls.MANIFEST, address)


# --- the manifest -------------------------------------------------------------------------

def test_manifest_lists_every_address_the_site_publishes():
    proj = project.load(Path(__file__).resolve().parent.parent)
    problems = list(manifest.check_manifest(proj)) + list(redirects.check_redirects(proj))
    assert [p for p in problems if p.severity == "error"] == []  # a page being written may only warn
    listed = urls.load_manifest(proj.root).urls
    assert {"/", "/en/", "/salarios/", "/en/salarios/", "/contacts.json", "/embed/us/", "/en/embed/mx/",
            "/flyers/salarios-bilingue-letter.pdf", "/flyers/tarjeta-a4.pdf"} <= set(listed)


def test_every_listed_page_is_in_the_built_site(built_site):
    listed = urls.load_manifest(Path(__file__).resolve().parent.parent).urls
    pages = [u for u in listed if u.endswith("/") and f"/{addresses.EMBED_FOLDER}/" not in u]
    assert len(pages) >= 30
    for address in pages:
        assert (built_site / address.lstrip("/") / "index.html").is_file(), address


def test_renamed_page_without_redirect_fails_naming_the_address(project_copy):
    move_page(project_copy, "acerca", "sobre")
    checked = check_project(project_copy)
    assert checked.failed
    # One message for the page in both languages (and its sections), at the first of its lines
    first = min(manifest_line(project_copy, "/acerca/"), manifest_line(project_copy, "/en/acerca/"))
    assert checked.records == {(MANIFEST, first, "manifest"), (MANIFEST, 1, "manifest")}, checked  # /sobre/ is new: a warning
    assert "/acerca/, /en/acerca/ were published" in checked.text
    assert "'  acerca/: sobre/' under 'redirects:' in data/redirects.yml" in checked.text  # the new page, guessed


def test_the_redirect_makes_the_check_pass(project_copy):
    move_page(project_copy, "acerca", "sobre")
    add_redirect(project_copy, "acerca/: sobre/")
    checked = check_project(project_copy)
    assert not checked.failed, checked
    assert checked.records == {(MANIFEST, 1, "manifest")}, checked  # /sobre/ is new: 'make urls' lists it


def test_a_moved_page_works_at_its_old_address_in_both_languages(project_copy, tmp_path):
    move_page(project_copy, "acerca", "sobre")
    add_redirect(project_copy, "acerca/: sobre/")
    add_redirect(project_copy, "pago/: salarios/#horas-extra")
    site = build_site(project_copy, tmp_path / "site")
    for lang_dir in ("", "en/"):
        stub = html(site, f"{lang_dir}acerca/index.html")
        assert '<meta http-equiv="refresh" content="0; url=../sobre/">' in stub
        assert (site / lang_dir / "sobre" / "index.html").is_file()
        section = html(site, f"{lang_dir}pago/index.html")
        assert 'url=../salarios/#horas-extra"' in section
        assert 'id="horas-extra"' in html(site, f"{lang_dir}salarios/index.html")
    assert '<html lang="en"' in html(site, "en/sobre/index.html")


def test_a_redirect_to_a_missing_page_fails(project_copy):
    add_redirect(project_copy, "viejo/: no-existe/")
    checked = check_project(project_copy)
    assert checked.failed
    assert checked.records == {(REDIRECTS, line_of(project_copy / REDIRECTS, "viejo/: no-existe/"), "redirects"),
                               (MANIFEST, 1, "manifest")}, checked  # /viejo/ is a new address: a warning
    assert "the new address 'no-existe/' is not a page in 'es'" in checked.text


def test_a_redirect_may_not_hide_a_page(project_copy):
    add_redirect(project_copy, "salarios/: calor/")
    checked = check_project(project_copy)
    assert checked.failed
    assert checked.records == {(REDIRECTS, line_of(project_copy / REDIRECTS, "salarios/: calor/"), "redirects")}, checked
    assert "'salarios/' is still a page" in checked.text


def test_a_broken_redirects_file_is_a_message_not_a_traceback(project_copy):
    (project_copy / urls.REDIRECTS).write_text("redirects:\n  viejo/: [salarios\n", encoding="utf-8")
    result = run_cli(project_copy, "check")
    assert result.returncode == 1
    assert "data/redirects.yml:" in result.stdout and "Traceback" not in result.stdout + result.stderr


def test_make_urls_adds_a_new_page_and_never_removes_one(project_copy):
    # a complete page, in the menu: `make urls` records nothing while `make check` has errors
    copy_about_page_to(project_copy, "nuevo")
    before = set(urls.load_manifest(project_copy).urls)
    warned = check_project(project_copy)
    assert not warned.failed, warned  # the copied page's phrases only warn
    assert {r for r in warned.records if r[2] == "manifest"} == {(MANIFEST, 1, "manifest")}, warned
    assert "/nuevo/" in warned.text
    result = run_cli(project_copy, "urls")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "data/urls.txt: added /nuevo/" in result.stdout and "added /en/nuevo/" in result.stdout
    after = set(urls.load_manifest(project_copy).urls)
    assert before <= after and {"/nuevo/", "/en/nuevo/"} <= after - before
    again = run_cli(project_copy, "urls")
    assert "0 new address(es)" in again.stdout


def test_a_mangled_manifest_line_is_named(project_copy):
    edit(project_copy / urls.MANIFEST, "\n/salarios/\n", "\nsalarios sin barra\n")
    checked = check_project(project_copy)
    assert checked.failed
    assert checked.records == {(MANIFEST, line_of(project_copy / MANIFEST, "salarios sin barra"), "manifest"),
                               (MANIFEST, 1, "manifest")}, checked  # /salarios/ is then not listed: a warning
    assert "'salarios sin barra' is not an address" in checked.text


def remove_flyer_block(page: Path) -> None:
    """Delete the 'flyer:' key and its indented lines from a page's front matter."""
    lines = page.read_text(encoding="utf-8").split("\n")
    start = lines.index("flyer:")
    end = next(i for i in range(start + 1, len(lines)) if not lines[i].startswith(" "))
    page.write_text("\n".join(lines[:start] + lines[end:]), encoding="utf-8")


def test_a_removed_flyer_is_reported(project_copy):
    """A topic's flyer removed from both languages: its published PDFs are broken, one message for all six."""
    for lang in ("es", "en"):
        remove_flyer_block(project_copy / f"content/{lang}/calor/index.md")
    checked = check_project(project_copy)
    broken = {(MANIFEST, min(manifest_line(project_copy, f"/flyers/calor-{kind}-{paper}.pdf")
                             for kind in ("es", "en", "bilingue") for paper in ("letter", "a4")), "manifest")}
    en_page = "content/en/calor/index.md"
    side = {(en_page, line_of(project_copy / en_page, "translation_of:"), "translations-current")}
    assert checked.records == broken | side, checked
    assert "this flyer is no longer made" in checked.text


def test_a_flyer_removed_from_one_language_is_reported_once(project_copy):
    """Removed from one language only, the flyer's one cause is the missing twin block: the PDFs
    it stops making are not listed again (test_mistakes has the English side)."""
    remove_flyer_block(project_copy / "content/es/calor/index.md")
    checked = check_project(project_copy)
    es_page, en_page = "content/es/calor/index.md", "content/en/calor/index.md"
    assert checked.records == {(es_page, 2, "flyer-parity"),
                               (en_page, line_of(project_copy / en_page, "translation_of:"), "translations-current")}, checked


# --- section ids ---------------------------------------------------------------------------

def test_section_ids_are_equal_in_both_languages_on_the_real_site():
    proj = project.load(Path(__file__).resolve().parent.parent)
    assert list(sections.check_section_ids(proj)) == []
    assert sum(len(section_ids(p)) for p in proj.all_pages()) > 20


def test_a_section_id_missing_in_the_twin_is_named(project_copy):
    page = project_copy / EN_WAGES
    edit(page, "## Overtime {#horas-extra}", "## Overtime {#overtime}")
    es_line = next(i for i, ln in enumerate((project_copy / ES_WAGES).read_text(encoding="utf-8").splitlines(), 1)
                   if "{#horas-extra}" in ln)
    en_line = next(i for i, ln in enumerate(page.read_text(encoding="utf-8").splitlines(), 1) if "{#overtime}" in ln)
    checked = check_project(project_copy)
    assert checked.failed
    h2b = "content/en/h2b/index.md"
    assert checked.records == {(ES_WAGES, es_line, "section-ids"),
                               (EN_WAGES, en_line, "section-ids"),
                               (h2b, line_of(project_copy / h2b, "salarios/index.md#horas-extra"), "links"),
                               (EN_WAGES, line_of(page, "  horas-extra:"), "phrases")}, checked


def test_ids_inside_code_blocks_do_not_count(project_copy):
    page = project_copy / "content/es/acerca/index.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n```\n## Ejemplo {#ejemplo}\n```\n", encoding="utf-8")
    proj = project.load(project_copy)
    assert list(sections.check_section_ids(proj)) == []


def test_the_language_switcher_keeps_the_section(built_site):
    page = html(built_site, "salarios/index.html")
    assert '<script src="../assets/keep-section.js" defer></script>' in page
    script = (built_site / "assets/keep-section.js").read_text(encoding="utf-8")
    assert len(script) < 600 and "location.hash" in script and "http" not in script
    assert re.search(r'<a [^>]*href="../en/salarios/"[^>]*hreflang="en"', page)  # what the script selects


# --- sharing and previews ----------------------------------------------------------------------

@pytest.mark.parametrize("path,title,url", [
    ("salarios/index.html", "Salarios y horas de trabajo", SITE_URL + "salarios/"),
    ("en/salarios/index.html", "Wages and hours", SITE_URL + "en/salarios/"),
    ("en/calor/index.html", None, SITE_URL + "en/calor/"),
])
def test_share_links_carry_the_page_language_and_address(built_site, path, title, url):
    page = html(built_site, path)
    if title is None:
        title = re.search(r'<meta property="og:title" content="([^"]+)"', page).group(1)
    text = quote(f"{title} {url}", safe="/")
    assert f'href="https://wa.me/?text={text}"' in page
    assert f'href="sms:?&amp;body={text}"' in page
    assert f'readonly value="{url}"' in page
    words = ("Enviar por WhatsApp", "Copiar el enlace") if not path.startswith("en/") else ("Send by WhatsApp", "Copy the link")
    assert all(w in page for w in words)


def test_share_box_only_on_topic_pages(built_site):
    assert 'class="share"' not in html(built_site, "acerca/index.html")
    assert 'class="share"' not in html(built_site, "index.html")
    topics = [p for p in content_pages(built_site) if 'class="share"' in p.read_text(encoding="utf-8")]
    assert len(topics) >= 20


def test_every_page_has_a_preview_in_its_language(built_site):
    seen = set()
    for page in content_pages(built_site):
        text = page.read_text(encoding="utf-8")
        lang = "en" if page.relative_to(built_site).parts[0] == "en" else "es"
        rel = page.relative_to(built_site).as_posix()
        for tag in ("og:title", "og:description", "og:url"):
            assert re.search(rf'<meta property="{tag}" content="[^"]+">', text), (rel, tag)
        image = re.search(r'<meta property="og:image" content="([^"]+)">', text).group(1)
        assert image == f"{SITE_URL}assets/og/{lang}.png", rel
        assert f'<meta name="twitter:image" content="{image}">' in text
        assert '<meta name="twitter:card" content="summary_large_image">' in text
        assert f'<meta property="og:locale" content="{"en_US" if lang == "en" else "es_MX"}">' in text
        seen.add(image)
    assert len(seen) == 2
    es, en = Image.open(built_site / "assets/og/es.png"), Image.open(built_site / "assets/og/en.png")
    assert es.size == en.size == (1200, 630)
    assert es.tobytes() != en.tobytes()  # each language has its own words in the picture


# --- canonical and hreflang ---------------------------------------------------------------------

def test_every_page_has_canonical_and_hreflang_that_resolve(built_site):
    pages = content_pages(built_site)
    assert len(pages) >= 30
    for page in pages:
        text = page.read_text(encoding="utf-8")
        rel = page.relative_to(built_site).as_posix()
        canonical = re.findall(r'<link rel="canonical" href="([^"]+)">', text)
        assert len(canonical) == 1, rel
        assert file_of(built_site, canonical[0]) == page, rel
        alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', text))
        assert set(alternates) == {"es", "en", "x-default"}, rel
        for lang, href in alternates.items():
            target = file_of(built_site, href)
            assert target.is_file(), (rel, lang, href)
            want = "en" if lang == "en" else "es"
            assert f'<html lang="{want}"' in target.read_text(encoding="utf-8"), (rel, href)
        assert alternates["x-default"] == alternates["es"]


def test_redirects_and_addresses_in_a_further_language(project_copy, tmp_path):
    from test_languages import add_language
    add_language(project_copy, pages=("index.md",))
    listed = run_cli(project_copy, "urls")
    assert "added /mix/salarios/" in listed.stdout  # shown in Spanish until translated, but published
    move_page(project_copy, "acerca", "sobre")
    checked = check_project(project_copy)
    broken = [p for p in checked.problems if p.check == "manifest" and p.severity == "error"]
    assert len(broken) == 1 and "/mix/acerca/" in broken[0].message, checked  # one message, every language
    add_redirect(project_copy, "acerca/: sobre/")
    assert not check_project(project_copy).failed
    site = build_site(project_copy, tmp_path / "site")
    for lang_dir in ("", "en/", "mix/"):
        assert 'content="0; url=../sobre/"' in html(site, f"{lang_dir}acerca/index.html")
        assert (site / lang_dir / "sobre" / "index.html").is_file()


def test_a_moved_topic_keeps_its_flyer_addresses(project_copy, made_site):
    move_page(project_copy, "calor", "calor-extremo")
    edit(project_copy / "data/que-paso.yml", "read: calor/index.md", "read: calor-extremo/index.md")  # the path's outcome follows
    broken = check_project(project_copy)
    line = min(manifest_line(project_copy, "/calor/"), manifest_line(project_copy, "/en/calor/"))
    assert (MANIFEST, line, "manifest") in broken.errors, broken  # the page, its sections and its flyers: one message
    assert "6 flyers" in broken.text and "add the line '  calor/: calor-extremo/'" in broken.text
    add_redirect(project_copy, "calor/: calor-extremo/")
    assert not check_project(project_copy).failed
    result = make_site(project_copy, flyers_from=made_site.root)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project_copy / "site"
    for kind in ("es", "en", "bilingue"):
        for paper in ("letter", "a4"):
            old = site / "flyers" / f"calor-{kind}-{paper}.pdf"
            assert old.read_bytes() == (site / "flyers" / f"calor-extremo-{kind}-{paper}.pdf").read_bytes()
    assert 'url=../calor-extremo/"' in html(site, "en/calor/index.html")


def test_a_missing_manifest_says_how_to_make_it(project_copy):
    (project_copy / urls.MANIFEST).unlink()
    checked = check_project(project_copy)
    assert checked.failed
    assert checked.records == {(MANIFEST, 1, "manifest")}, checked
    assert "run 'make urls'" in checked.text
    assert run_cli(project_copy, "urls").returncode == 0
    assert not check_project(project_copy).failed
    assert (project_copy / urls.MANIFEST).read_text(encoding="utf-8").startswith("# Every address the site has ever published")


def test_a_line_listed_twice_is_a_warning(project_copy):
    edit(project_copy / urls.MANIFEST, "\n/salarios/\n", "\n/salarios/\n/salarios/\n")
    line = manifest_line(project_copy, "/salarios/") + 1
    checked = check_project(project_copy)
    assert not checked.failed
    assert checked.records == {(MANIFEST, line, "manifest")}, checked
