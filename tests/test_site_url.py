"""SITE_URL reaches every absolute address, as README and docs/printing.md promise.

The real project is built once with `SITE_URL` set to an address with a sub-path, as a consulate
or NGO hosting the site in a folder of its own would; then every address a person or a program
follows is read back: the QR codes (zbarimg) and printed text of the flyers, contacts.json,
the vCards, the embed pages and the sitemap. Each must start with SITE_URL and lead to a file
the build wrote; the placeholder address must appear nowhere.
"""
from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest
import vobject

from scripts.core import addresses, project
from scripts.core import printed
from scripts.flyers import model

from conftest import copy_project, run_cli

SITE_URL = "https://x.example/derechos/"
PLACEHOLDER = "derechos.example.org"


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, str]:
    root = copy_project(tmp_path_factory.mktemp("site-url") / "project")
    result = run_cli(root, "build", "--site-dir", str(root / "site"), env={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.stdout + result.stderr
    return root, root / "site", result.stdout + result.stderr


def target(site: Path, address: str) -> Path:
    """The built file an absolute address leads to (directory addresses serve index.html)."""
    assert address.startswith(SITE_URL), address
    path = address[len(SITE_URL):].split("#")[0]
    return site / (path + "index.html" if path == "" or path.endswith("/") else path)


def assert_leads_to_a_file(site: Path, address: str) -> None:
    assert target(site, address).is_file(), f"{address} leads to no file of the built site"


def qr_codes(pdf: Path, page: int, tmp: Path) -> list[str]:
    image = tmp / f"{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(image)],
                   check=True, capture_output=True)
    return subprocess.run(["zbarimg", "--raw", "-q", f"{image}.png"], capture_output=True, text=True).stdout.split()


def pdf_text(pdf: Path) -> str:
    return subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout


def test_the_project_reads_site_url_as_the_engine_does(monkeypatch):
    monkeypatch.setenv("SITE_URL", SITE_URL)
    proj = project.load(Path(__file__).resolve().parent.parent)
    assert proj.site_url == SITE_URL
    assert model.page_url(proj, "en", "salarios/index.md") == SITE_URL + "en/salarios/"


def test_no_placeholder_warning(built):
    output = built[2]
    assert "placeholder" not in output and PLACEHOLDER not in output


def test_qr_codes_read_back_lead_to_the_flyers_own_pages(built, tmp_path):
    """Every topic's bilingual flyer carries both languages' codes; the card leads to each home."""
    root, site, _ = built
    proj = project.load(root)
    topics = model.topics(proj)
    assert topics
    for topic in topics:
        for paper in printed.PAPERS[:1] if topic.folder != "salarios" else printed.PAPERS:
            pdf = site / addresses.flyer(printed.file_name(topic.folder, printed.BILINGUAL, paper)).lstrip("/")
            expected = sorted(SITE_URL + addresses.prefix(lang, "es") + f"{topic.folder}/" for lang in ("es", "en"))
            assert sorted(qr_codes(pdf, 1, tmp_path)) == expected, pdf.name
            for address in expected:
                assert_leads_to_a_file(site, address)
    es_flyer = site / "flyers" / "salarios-es-letter.pdf"
    assert qr_codes(es_flyer, 1, tmp_path) == [SITE_URL + "salarios/"]
    card = site / "flyers" / printed.card_file_name("a4")
    assert set(qr_codes(card, 1, tmp_path)) == {SITE_URL}
    assert set(qr_codes(card, 2, tmp_path)) == {SITE_URL + "en/"}


def test_every_pdf_prints_site_url_and_never_the_placeholder(built):
    site = built[1]
    pdfs = sorted((site / "flyers").glob("*.pdf"))
    assert len(pdfs) > 20
    for pdf in pdfs:
        text = "".join(pdf_text(pdf).split())  # a long address wraps onto two lines
        assert PLACEHOLDER not in text, pdf.name
        assert SITE_URL in text, pdf.name


def test_contacts_json_addresses(built):
    site = built[1]
    raw = (site / "contacts.json").read_text(encoding="utf-8")
    assert PLACEHOLDER not in raw
    data = json.loads(raw)
    assert data["site"] == SITE_URL
    assert_leads_to_a_file(site, data["$schema"])
    for item in data["contacts"]:
        assert set(item["vcard"]) == {"es", "en"}
        for address in item["vcard"].values():
            assert_leads_to_a_file(site, address)


def test_vcards_name_the_site_in_their_language(built):
    site = built[1]
    files = sorted(site.glob("contactos/*.vcf")) + sorted(site.glob("en/contactos/*.vcf"))
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert PLACEHOLDER not in text, path
        home = SITE_URL + ("en/" if path.parts[-3] == "en" else "")
        for card in vobject.readComponents(text):
            if "note" not in card.contents:
                # only the discreet file's sensitive lines go without a note (issue 25; tests/test_exports.py),
                # so that nothing on the phone says what they are
                assert path.name == "todos-discreto.vcf", path
                continue
            assert card.note.value.splitlines()[-1] == home, path


def test_embed_pages_addresses(built):
    site = built[1]
    pages = sorted(site.glob("embed/*/index.html")) + sorted(site.glob("en/embed/*/index.html"))
    assert len(pages) >= 4
    for path in pages:
        html = path.read_text(encoding="utf-8")
        assert PLACEHOLDER not in html, path
        canonical = re.search(r'<link rel="canonical" href="([^"]+)">', html).group(1)
        assert target(site, canonical) == path
        own = [a for a in re.findall(r'href="(https?://[^"]+)"', html) if a.startswith("https://x.example")]
        assert any(a != canonical for a in own)  # the "more information" link home
        for address in own:  # other absolute links are the agencies' own websites
            assert_leads_to_a_file(site, address)


def test_pages_name_their_address_under_site_url(built):
    site = built[1]
    page = (site / "en/salarios/index.html").read_text(encoding="utf-8")
    assert f'<link rel="canonical" href="{SITE_URL}en/salarios/">' in page
    assert f'<link rel="alternate" hreflang="es" href="{SITE_URL}salarios/">' in page


def test_sitemap_addresses(built):
    site = built[1]
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert PLACEHOLDER not in text
    found = re.findall(r"<loc>([^<]+)</loc>", text) + re.findall(r'href="([^"]+)"', text)
    assert len(found) > 40
    for address in found:
        assert_leads_to_a_file(site, address)


def test_no_text_file_of_the_site_names_the_placeholder(built):
    site = built[1]
    for path in site.rglob("*"):
        if path.suffix in {".html", ".json", ".xml", ".vcf", ".txt", ".js"}:
            assert PLACEHOLDER not in path.read_text(encoding="utf-8", errors="replace"), path
