"""Printable flyers and the wallet card: built by `make site` (scripts/flyers/), opened as PDFs
(pages, paper, text, fonts, QR code, size), and their words checked by `make check`."""
from __future__ import annotations

import gc
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from scripts import buildsteps
from scripts.core import printed, project, typography
from scripts.checks import ALL
from scripts.checks import flyer_parity, flyer_shape
from scripts.flyers import build, model, render_all
from scripts.flyers.layout import TEMPLATES, Layout
from scripts.collector import FULL_AFTER
from scripts.flyers.pdf import Renderer

from conftest import EN_WAGES, ES_WAGES, ROOT, Checked, check_project, copy_project, edit, line_of

PLACEHOLDER = "https://derechos.example.org/"
PAPER_POINTS = {"letter": "612 x 792", "a4": "595.276 x 841.89"}
LIMIT = 150 * 1024


def tool(*args: str) -> str:
    """A tool's output (pdftotext), non-breaking hyphens and spaces (core/typography.py) read as plain ones."""
    return typography.plain(subprocess.run(args, capture_output=True, text=True, check=True).stdout)


@pytest.fixture(scope="module")
def built(made_site) -> tuple[Path, Path, str]:
    """A copy of the real project built as `make site` builds it: root, site folder, output."""
    return made_site.root, made_site.site, made_site.output


def expected_files(proj: project.Project) -> set[str]:
    names = {printed.card_file_name(paper) for paper in printed.PAPERS}
    if printed.log_printed(proj):
        names |= {printed.log_file_name(kind, paper) for kind in ("es", "en", "bilingue") for paper in printed.PAPERS}
    if proj.que_paso.readable:
        names |= {printed.referral_file_name(kind, paper) for kind in ("es", "en", "bilingue") for paper in printed.PAPERS}
    for topic in model.topics(proj):
        for kind in ("es", "en", "bilingue"):
            names |= {printed.file_name(topic.folder, kind, paper) for paper in printed.PAPERS}
    return names


def all_pdfs() -> list[str]:
    return sorted(expected_files(project.load(ROOT)))


def qr_codes(pdf: Path, page: int, tmp: Path) -> list[str]:
    """Every QR code zbarimg reads on one page, rendered at 150 dpi."""
    prefix = tmp / f"{pdf.stem}-{page}"
    tool("pdftoppm", "-png", "-r", "150", "-f", str(page), "-l", str(page), "-singlefile", str(pdf), str(prefix))
    result = subprocess.run(["zbarimg", "--raw", "-q", f"{prefix}.png"], capture_output=True, text=True)
    return result.stdout.split()


def test_flyers_are_a_build_step():
    assert build in buildsteps.STEPS


def test_make_site_writes_every_flyer_and_the_card(built):
    root, site, output = built
    proj = project.load(root)
    # Every page with a flyer block is a topic with flyers (taken from the pages, not a typed count).
    with_flyer = {printed.folder_of(page.rel) for page in proj.pages[proj.default].values() if page.meta.get("flyer")}
    assert {topic.folder for topic in model.topics(proj)} == with_flyer and {"salarios", "menores"} <= with_flyer
    names = {p.name for p in (site / "flyers").iterdir()}
    assert names == expected_files(proj)
    assert {"salarios-es-letter.pdf", "salarios-bilingue-a4.pdf", "tarjeta-letter.pdf", "tarjeta-a4.pdf"} <= names
    assert f"{len(names)} flyer PDFs)" in output


def test_placeholder_address_is_a_warning_not_an_error(built):
    root, site, output = built
    line = next(n for n, text in enumerate((root / "mkdocs.yml").read_text().splitlines(), 1) if text.startswith("site_url:"))
    assert (f"mkdocs.yml:{line}: warning: the flyers' QR codes point to the placeholder address "
            "https://derechos.example.org/: set SITE_URL") in output
    assert output.rstrip().endswith("flyer PDFs)")  # the site was built: a warning, not an error
    assert "Traceback" not in output


@pytest.mark.parametrize("name", all_pdfs())
def test_pdf_pages_paper_fonts_and_size(built, name):
    pdf = built[1] / "flyers" / name
    info = tool("pdfinfo", str(pdf))
    paper = name.removesuffix(".pdf").rsplit("-", 1)[1]
    pages = 2 if name.startswith(("tarjeta-", printed.LOG_NAME + "-", printed.REFERRAL_NAME + "-")) else 1  # front and back
    assert re.search(rf"^Pages:\s+{pages}$", info, re.M), info
    assert f"Page size:       {PAPER_POINTS[paper]} pts" in info, info
    fonts = tool("pdffonts", str(pdf)).splitlines()[2:]
    assert fonts, "no fonts in the PDF"
    for line in fonts:
        assert "DejaVu" in line, line
        assert line.split()[-5] == "yes", f"font not embedded: {line}"  # the 'emb' column
    assert pdf.stat().st_size < LIMIT, f"{name} is {pdf.stat().st_size} bytes"


@pytest.mark.parametrize("kind", ["es", "en", "bilingue"])
def test_flyer_text_has_every_number_as_the_site_shows_it(built, kind):
    root, site, _ = built
    proj = project.load(root)
    for topic in model.topics(proj):
        text = tool("pdftotext", "-layout", str(site / "flyers" / printed.file_name(topic.folder, kind, "letter")), "-")
        lang = "es" if kind == "bilingue" else kind
        flyer = topic.texts[lang]
        assert flyer.title in " ".join(text.split()), (topic.folder, flyer.title)
        assert flyer.contacts, topic.folder
        for line in flyer.contacts:
            contact = proj.registry.get(line.id)
            numbers = [d for d in (contact.dial("phone"), contact.dial("tty"), contact.dial("sms"), contact.dial("asl_video")) if d]
            for number in numbers:
                assert number.display in text, (topic.folder, kind, number.display)
                if number.from_us:
                    assert number.from_us in text, (topic.folder, kind, number.from_us)
        facts = "Información, no asesoría legal." if lang == "es" else "Information, not legal advice."
        assert facts in text and ("2026" in text)


def test_card_sheet_has_each_number_on_both_sides(built):
    root, site, _ = built
    proj = project.load(root)
    card = model.card(proj)
    for paper in printed.PAPERS:
        pdf = site / "flyers" / printed.card_file_name(paper)
        for page, lang in ((1, "es"), (2, "en")):
            text = tool("pdftotext", "-f", str(page), "-l", str(page), str(pdf), "-")
            assert card[lang].title in text
            for line in card[lang].contacts:
                assert text.count(line.phone.display) >= 8, (paper, lang, line.phone.display)  # one per card


@pytest.mark.parametrize("paper", printed.PAPERS)
def test_qr_codes_lead_to_the_page_in_the_flyers_language(built, paper, tmp_path):
    site = built[1]
    for folder in ("salarios", "lesiones"):
        es, en = PLACEHOLDER + f"{folder}/", PLACEHOLDER + f"en/{folder}/"
        assert qr_codes(site / "flyers" / f"{folder}-es-{paper}.pdf", 1, tmp_path) == [es]
        assert qr_codes(site / "flyers" / f"{folder}-en-{paper}.pdf", 1, tmp_path) == [en]
        assert sorted(qr_codes(site / "flyers" / f"{folder}-bilingue-{paper}.pdf", 1, tmp_path)) == sorted([es, en])
    card = site / "flyers" / f"tarjeta-{paper}.pdf"
    assert set(qr_codes(card, 1, tmp_path)) == {PLACEHOLDER}
    assert set(qr_codes(card, 2, tmp_path)) == {PLACEHOLDER + "en/"}


def test_topic_pages_link_to_their_flyers_in_their_language(built):
    site = built[1]
    for path, own in (("salarios/index.html", "es"), ("en/salarios/index.html", "en")):
        page = (site / path).read_text(encoding="utf-8")
        links = re.findall(r'href="((?:\.\./)+flyers/[^"]+)"', page)
        assert links[0].endswith(f"flyers/salarios-{own}-letter.pdf")
        for link in links:
            assert (site / path).parent.joinpath(link).resolve().is_file(), link
    assert "flyers/" not in (site / "acerca/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", ["volantes/index.html", "en/volantes/index.html"])
def test_flyers_page_lists_every_pdf(built, path):
    site = built[1]
    page = site / path
    linked = {page.parent.joinpath(link).resolve() for link in re.findall(r'href="([^"]*flyers/[^"]+\.pdf)"', page.read_text(encoding="utf-8"))}
    assert linked == {p.resolve() for p in (site / "flyers").iterdir()}


def test_site_url_sets_the_qr_codes_and_silences_the_warning(tmp_path):
    root = trimmed_copy(tmp_path)
    edit(root / "mkdocs.yml", 'site_url: !ENV [SITE_URL, "https://derechos.example.org/"]',
         'site_url: !ENV [SITE_URL, "https://example.net/derechos/"]')
    proj = project.load(root)
    assert build(proj, tmp_path / "out") == []  # no errors, and no placeholder warning
    pdf = tmp_path / "out" / printed.FOLDER / "salarios-en-a4.pdf"
    assert qr_codes(pdf, 1, tmp_path) == ["https://example.net/derechos/en/salarios/"]
    assert "https://example.net/derechos/en/salarios/" in tool("pdftotext", str(pdf), "-")


def trimmed_copy(tmp_path: Path) -> Path:
    """A copy holding one topic pair (salarios) and the flyers page: quick to render."""
    root = copy_project(tmp_path / "project")
    keep = {"salarios", "volantes"}
    for lang in ("es", "en"):
        for folder in (root / "content" / lang).iterdir():
            if folder.is_dir() and folder.name not in keep:
                shutil.rmtree(folder)
    return root


def test_a_flyer_too_long_for_one_page_fails_the_build_at_its_line(tmp_path):
    root = trimmed_copy(tmp_path)
    page = root / ES_WAGES
    edit(page, "    - Apunte sus horas cada día.", "\n".join(["    - " + "Apunte sus horas cada día, con la fecha. " * 12] * 5))
    proj = project.load(root)
    _, errors = render_all(proj, tmp_path / "out")
    line = proj.pages["es"]["salarios/index.md"].line_of("flyer")
    assert any(str(e).startswith(f"content/es/salarios/index.md:{line}: the es flyer takes") for e in errors), errors
    assert any("bilingue flyer" in e.message for e in errors), errors


def test_rendering_never_reaches_the_network(tmp_path):
    renderer = Renderer(TEMPLATES)
    html = '<p>x</p><img src="https://example.org/logo.png"><link rel="stylesheet" href="http://example.org/a.css">'
    pages = renderer.write(renderer.render(html, "@page { size: A4 }"), tmp_path / "x.pdf")
    assert pages == 1
    assert set(renderer.fetcher.refused) == {"https://example.org/logo.png", "http://example.org/a.css"}


def test_rendering_leaves_the_garbage_collector_as_it_found_it(tmp_path):
    """WeasyPrint works with full collections rarer (collector.fewer_full_collections: a quarter of a
    booklet's CPU went to them); the rest of the build, and a layout that fails, find Python's
    setting as it was."""
    renderer = Renderer(TEMPLATES)
    before = gc.get_threshold()
    during = []
    fetch = renderer.fetcher.fetch

    def watching(url, headers=None):  # WeasyPrint fetches the picture while it lays the page out
        during.append(gc.get_threshold())
        return fetch(url, headers)
    renderer.fetcher.fetch = watching
    pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
    document = renderer.render(f'<p>x</p><img src="{pixel}">', "@page { size: A4 }")
    renderer.write_papers(document, {tmp_path / "x.pdf": (210, 297)})
    assert during and all(setting[2] >= FULL_AFTER for setting in during), during
    assert gc.get_threshold() == before
    with pytest.raises(TypeError):
        renderer.render("<p>x</p>", None)  # no stylesheet: WeasyPrint fails inside
    assert gc.get_threshold() == before


def test_flyer_words_are_escaped(tmp_path):
    proj = project.load(trimmed_copy(tmp_path))
    topic = model.topics(proj)[0]
    topic.texts["es"].rights[0] = "<b>5 < 7</b> & más"
    html, _ = Layout.create().flyer([topic.texts["es"]], proj.strings)
    assert "&lt;b&gt;5 &lt; 7&lt;/b&gt; &amp; más" in html


# make check: the flyer words, broken on a copy.

def check(root: Path) -> Checked:
    return check_project(root)


def test_real_flyers_pass_the_checks():
    proj = project.load(ROOT)
    assert list(flyer_shape.check_flyer_shape(proj)) == []
    assert list(flyer_parity.check_flyer_parity(proj)) == []
    assert flyer_shape.check_flyer_shape in ALL and flyer_parity.check_flyer_parity in ALL


def test_spanish_flyer_without_its_english_twin(project_copy):
    page = project_copy / EN_WAGES
    text = page.read_text(encoding="utf-8")
    start = text.index("flyer:\n")
    end = text.index("  contacts: [whd]\n", start) + len("  contacts: [whd]\n")
    page.write_text(text[:start] + text[end:], encoding="utf-8")
    checked = check(project_copy)
    assert checked.failed
    # (the flyer's published addresses break too: test_links covers that)
    assert checked.of("flyer-parity") == {(EN_WAGES, 2, "flyer-parity")}, checked
    assert "content/es/salarios/index.md has a 'flyer:' block but this page does not" in checked.text


def test_twin_flyers_with_different_numbers_of_rights(project_copy):
    page = project_copy / EN_WAGES
    edit(page, "    - The law protects you whatever your immigration status.\n", "")
    checked = check(project_copy)
    assert checked.failed
    assert checked.records == {(EN_WAGES, line_of(page, "  rights:"), "flyer-parity")}, checked
    assert "'rights:' has 4 item(s) but content/es/salarios/index.md has 5" in checked.text


def test_twin_flyers_with_other_help_lines(project_copy):
    page = project_copy / "content/en/seguridad/index.md"
    edit(page, "contacts: [osha, whd]", "contacts: [whd, osha]")
    checked = check(project_copy)
    assert checked.failed
    assert checked.records == {("content/en/seguridad/index.md", line_of(page, "contacts: [whd, osha]"), "flyer-parity")}, checked


def test_too_many_rights_and_a_too_long_item(project_copy):
    page = project_copy / ES_WAGES
    edit(page, "    - La ley le protege sin importar su estatus migratorio.\n",
         "    - La ley le protege sin importar su estatus migratorio.\n    - Uno.\n    - " + "Muy largo. " * 12 + "\n")
    checked = check(project_copy)
    assert checked.failed
    es, en = ES_WAGES, EN_WAGES
    assert checked.records == {(es, line_of(page, "  rights:"), "flyer-shape"), (es, line_of(page, "Muy largo."), "flyer-shape"),
                               (en, line_of(project_copy / en, "  rights:"), "flyer-parity"),  # the twin has 5
                               (en, line_of(project_copy / en, "translation_of:"), "translations-current")}, checked
    assert "'rights:' has 7 item(s); a flyer takes 3 to 6" in checked.text


@pytest.mark.parametrize("rel,old", [
    (ES_WAGES, "    - Guarde todos sus talones de pago.\n"),                              # steps
    (ES_WAGES, "    - La ley le protege sin importar su estatus migratorio.\n"),          # rights
    ("content/es/volantes/index.md", "    - ¿Castigo por avisar un peligro? Ilegal.\n"),  # card lines
])
def test_a_line_with_colon_space_is_one_plain_message_at_its_line(project_copy, rel, old):
    # Unquoted, '- Por discriminación: EEOC, 180 días' is a pair to YAML and would vanish from the flyer.
    page = project_copy / rel
    edit(page, old, "    - Por discriminación: EEOC, 180 días\n")
    checked = check(project_copy)
    assert checked.of("flyer-shape") == {(rel, line_of(page, "Por discriminación"), "flyer-shape")}, checked
    assert checked.text.count("Por discriminación") == 1
    assert "text that contains ': ' must be in quotes: write - \"Por discriminación: EEOC, 180 días\"" in checked.text
    edit(page, "    - Por discriminación: EEOC, 180 días\n", '    - "Por discriminación: EEOC, 180 días"\n')
    assert check(project_copy).of("flyer-shape") == set()


def test_misspelled_flyer_key(project_copy):
    page = project_copy / "content/es/calor/index.md"
    edit(page, "  steps:", "  step:")
    checked = check(project_copy)
    assert checked.failed
    block = line_of(page, "  title:", after=line_of(page, "flyer:"))  # the block's first line: 'steps:' is missing
    assert checked.errors == {("content/es/calor/index.md", line_of(page, "  step:"), "flyer-shape"),
                              ("content/es/calor/index.md", block, "flyer-shape")}, checked
    assert "'step:' is not part of a 'flyer:' block: did you mean 'steps'?" in checked.text


def test_flyer_that_is_not_a_block(project_copy):
    page = project_copy / "content/es/trata/index.md"
    text = page.read_text(encoding="utf-8")
    start = text.index("flyer:\n")
    end = text.index("\n---", start)
    page.write_text(text[:start] + "flyer: sí" + text[end:], encoding="utf-8")
    checked = check(project_copy)
    assert checked.failed
    assert checked.of("flyer-shape") == {("content/es/trata/index.md", line_of(page, "flyer: sí"), "flyer-shape")}, checked
    assert "'flyer:' must be a block" in checked.text


def test_card_with_an_unknown_contact_and_a_long_label(project_copy):
    page = project_copy / "content/es/volantes/index.md"
    edit(page, "    - osha: Seguridad", "    - oshaa: Seguridad en el trabajo (OSHA)")
    checked = check(project_copy)
    assert checked.failed
    line = line_of(page, "oshaa")
    en = project_copy / "content/en/volantes/index.md"
    assert checked.errors == {("content/es/volantes/index.md", line, "flyer-shape"),  # the label (and the id, contact-ids)
                              ("content/es/volantes/index.md", line, "contact-ids"),
                              ("content/en/volantes/index.md", line_of(en, "  help:"), "flyer-parity")}, checked  # its twin lists other lines
    assert "card help line 'oshaa' names no contact in data/contacts.yml: did you mean 'osha'?" in checked.text
    assert "the label 'Seguridad en el trabajo (OSHA)' has" in checked.text


def test_card_outside_the_flyers_page(project_copy):
    page = project_copy / "content/es/acerca/index.md"
    edit(page, "reviewed:", "card:\n  title: Hola\nreviewed:")
    checked = check(project_copy)
    assert checked.failed
    assert checked.errors == {("content/es/acerca/index.md", line_of(page, "card:"), "flyer-shape"),
                              ("content/en/acerca/index.md", 2, "flyer-parity")}, checked  # the twin has no card
    assert "'card:' belongs only in the flyers page" in checked.text


# Printing a web page (print CSS in overrides/assets/derechos.css), in Debian's Chromium.

@pytest.mark.parametrize("path,lang", [("salarios/", "es"), ("en/lesiones/", "en")])
def test_printing_a_page_gives_clean_paper(built, path, lang, tmp_path):
    from playwright.sync_api import sync_playwright
    from scripts.bench.chromium import launch
    from scripts.bench.server import StaticServer

    root, site, _ = built
    with StaticServer(site) as server, sync_playwright() as playwright:
        browser = launch(playwright)
        try:
            page = browser.new_page()
            page.goto(server.url + path)
            page.emulate_media(media="print")
            shown = page.evaluate("""() => ['.md-header', '.md-sidebar', '.md-search', '.md-footer', '.share', '.flyer-link']
                .flatMap(s => [...document.querySelectorAll(s)].map(e => [s, getComputedStyle(e).display]))""")
            pdf = page.pdf(format="Letter")
        finally:
            browser.close()
    assert {s for s, _ in shown} >= {".md-header", ".share", ".flyer-link"}
    assert all(display == "none" for _, display in shown), shown
    (tmp_path / "page.pdf").write_bytes(pdf)
    text = " ".join(tool("pdftotext", str(tmp_path / "page.pdf"), "-").split())
    proj = project.load(root)
    words = proj.strings[lang]
    for hidden in (words("share_title"), words("flyer_print"), words("search_placeholder")):
        assert hidden not in text, hidden
    rel = path.removeprefix("en/") + "index.md"
    for cid in proj.pages[lang][rel].meta["flyer"]["contacts"]:
        assert proj.registry.get(cid).dial("phone").display in text, cid   # tel: numbers printed
    source = proj.pages[lang][rel].meta["sources"][0]
    assert source in text.replace(" ", "")  # a link's address is printed after it


def test_flyer_on_a_page_without_its_own_folder(project_copy):
    page = project_copy / "content/es/index.md"
    edit(page, "reviewed:", "flyer:\n  title: Inicio\nreviewed:")
    checked = check(project_copy)
    assert checked.failed
    assert checked.of("flyer-shape") == {("content/es/index.md", line_of(page, "flyer:"), "flyer-shape"),
                                         ("content/es/index.md", line_of(page, "  title: Inicio"), "flyer-shape")}, checked  # an empty block
    assert "only a topic page in its own folder" in checked.text


# Issue 5 follow-up: type size on the card, bilingual labels, the flyers page's footer.

# pdftotext -bbox gives each word's box; its height is the font size times DejaVu's ascent plus
# descent (0.928 + 0.236 em), so the size in points is the height divided by 1.164.
DEJAVU_EM_HEIGHT = 1.164


def word_sizes(pdf: Path, page: int) -> list[tuple[str, float]]:
    xml = tool("pdftotext", "-bbox", "-f", str(page), "-l", str(page), str(pdf), "-")
    return [(word, (float(y2) - float(y1)) / DEJAVU_EM_HEIGHT)
            for y1, y2, word in re.findall(r'<word xMin="[^"]+" yMin="([^"]+)" xMax="[^"]+" yMax="([^"]+)">([^<]*)</word>', xml)]


@pytest.mark.parametrize("paper", printed.PAPERS)
def test_card_text_is_11_points_or_more(built, paper):
    pdf = built[1] / "flyers" / printed.card_file_name(paper)
    for page in (1, 2):
        sizes = word_sizes(pdf, page)
        assert len(sizes) > 100, sizes[:5]
        body = [(w, s) for w, s in sizes if w != "■" and "://" not in w]  # ■ is a bullet; the address a caption
        small = [(w, round(s, 1)) for w, s in body if s < 10.95]
        assert not small, (paper, page, small[:10])
        captions = [s for w, s in sizes if "://" in w]
        assert captions and min(captions) >= 7.95, (paper, page, captions[:3])


def test_a_card_that_does_not_fit_fails_the_build_at_its_line(tmp_path):
    root = trimmed_copy(tmp_path)
    page = root / "content/es/volantes/index.md"
    edit(page, "    - ¿Le quitan el pasaporte? Señal de trata.",
         "    - ¿Le quitan el pasaporte? Señal de trata, llame a la línea. Nadie le puede obligar a trabajar.")
    proj = project.load(root)
    _, errors = render_all(proj, tmp_path / "out")
    line = proj.pages["es"]["volantes/index.md"].line_of("card")
    assert any(str(e).startswith(f"content/es/volantes/index.md:{line}: the card sheet tarjeta-letter.pdf, side 1: "
                                 "the lines run into the help lines") for e in errors), errors
    assert not any("side 2" in e.message for e in errors), errors  # the English back still fits


def test_card_line_too_long_for_one_row(project_copy):
    page = project_copy / "content/en/volantes/index.md"
    edit(page, "    - Passport taken? A sign of trafficking.", "    - Passport taken? A sign of trafficking, call the hotline.")
    checked = check(project_copy)
    assert checked.failed
    assert checked.records == {("content/en/volantes/index.md", line_of(page, "call the hotline"), "flyer-shape")}, checked
    assert f"item 3 of 'lines:' has {len('Passport taken? A sign of trafficking, call the hotline.')} characters" in checked.text


def test_bilingual_flyers_give_every_dialling_label_in_both_languages(built):
    root, site, _ = built
    proj = project.load(root)
    pairs = [("from_us", "from_us"), ("from_mx", "from_mx"), ("tty", "tty")]
    seen = set()
    for topic in model.topics(proj):
        bilingual = " ".join(tool("pdftotext", str(site / "flyers" / printed.file_name(topic.folder, "bilingue", "a4")), "-").split())
        spanish = " ".join(tool("pdftotext", str(site / "flyers" / printed.file_name(topic.folder, "es", "a4")), "-").split())
        for es_key, en_key in pairs:
            es_label, en_label = proj.strings["es"](es_key), proj.strings["en"](en_key)
            if es_label in spanish:
                seen.add(es_key)
                assert f"{es_label} / {en_label}" in bilingual, (topic.folder, es_label, en_label)
                assert en_label not in spanish, (topic.folder, en_label)  # one language on a one-language flyer
    assert {"from_us", "from_mx"} <= seen  # the real flyers do use these labels


@pytest.mark.parametrize("path,lang", [("volantes/index.html", "es"), ("en/volantes/index.html", "en")])
def test_flyers_page_shows_its_reviewed_date_and_not_legal_advice(built, path, lang):
    root, site, _ = built
    proj = project.load(root)
    words = proj.strings[lang]
    page = proj.pages[lang]["volantes/index.md"]
    html = (site / path).read_text(encoding="utf-8")
    footer = html[html.index('<footer class="page-facts">'):]
    assert words("reviewed", date=words.date(page.meta["reviewed"])) in footer
    assert words("not_legal_advice") in footer
    assert html.index('class="flyer-list"') < html.index('<footer class="page-facts">')  # under the list of PDFs


def test_a_flyer_laid_out_once_is_centred_on_each_paper(tmp_path):
    """One layout, written on both papers: each file is its own sheet, the flyer centred on it."""
    from scripts.flyers.layout import PAPER_MM
    proj = project.load(ROOT)
    topic = next(t for t in model.topics(proj) if "es" in t.texts)
    renderer = Renderer(TEMPLATES)
    document = renderer.render(*Layout.create().flyer([topic.texts["es"]], proj.strings))
    targets = {tmp_path / f"{paper}.pdf": PAPER_MM[paper] for paper in printed.PAPERS}
    assert renderer.write_papers(document, targets) == 1
    for paper in printed.PAPERS:
        assert f"Page size:       {PAPER_POINTS[paper]} pts" in tool("pdfinfo", str(tmp_path / f"{paper}.pdf"))
        boxes = tool("pdfinfo", "-box", str(tmp_path / f"{paper}.pdf"))
        media = re.search(r"MediaBox:\s+(.*)", boxes).group(1)
        assert re.search(r"TrimBox:\s+(.*)", boxes).group(1) == media == re.search(r"BleedBox:\s+(.*)", boxes).group(1)


def test_each_paper_is_the_file_weasyprint_writes_for_it(tmp_path):
    """write_papers draws the pages once and writes the other paper from the same PDF with its own
    boxes: each file is byte for byte what WeasyPrint writes when that paper is drawn on its own
    (two pages, a background, a link inside and one outside, a picture)."""
    from scripts.flyers.layout import PAPER_MM
    from scripts.flyers.pdf import _boxes_to_media, _bleed
    renderer = Renderer(TEMPLATES)
    pixel = "data:image/gif;base64,R0lGODlhAQABAAAAACw="
    html = (f'<h1 id="top">Salarios</h1><p style="background:#ffd">Llame a <a href="tel:+18664879243">WHD</a>, '
            f'<a href="#end">abajo</a>.</p><img src="{pixel}"><p id="end" style="break-before:page">Fin</p>')
    document = renderer.render(html, "@page { size: 210mm 279.4mm; margin: 10mm } html { background: #fff }")
    drawn_once = {tmp_path / f"{paper}.pdf": PAPER_MM[paper] for paper in printed.PAPERS}
    assert renderer.write_papers(document, drawn_once) == 2
    for target, paper_mm in drawn_once.items():
        for page in document.pages:
            page.bleed = _bleed(page, paper_mm)
        alone = tmp_path / f"alone-{target.name}"
        document.write_pdf(alone, finisher=_boxes_to_media)
        assert target.read_bytes() == alone.read_bytes(), target.name
    assert (tmp_path / "letter.pdf").read_bytes() != (tmp_path / "a4.pdf").read_bytes()


class Counting:
    """Renderer.render, counted: which flyers a build really rendered."""

    def __init__(self, monkeypatch):
        self.titles: list[str] = []
        real = Renderer.render

        def render(renderer, html, css):
            self.titles.append(re.search(r"<title>(.*?)</title>", html, re.S).group(1).strip())
            return real(renderer, html, css)
        monkeypatch.setattr(Renderer, "render", render)


def test_a_rebuild_renders_only_the_flyers_whose_page_changed(tmp_path, monkeypatch):
    """The cache (scripts/flyers/cache.py): a second build renders nothing; after one Spanish
    page's flyer changes, only that topic's Spanish and bilingual flyers are rendered, and every
    file is byte for byte what a build without the cache writes."""
    root = copy_project(tmp_path / "project")
    assert build(project.load(root), tmp_path / "first")[0].severity == "warning"  # the placeholder address only
    cached = sorted(p.name for p in (root / ".cache/flyers").glob("*.pdf"))
    assert len(cached) == len(list((tmp_path / "first" / printed.FOLDER).glob("*.pdf")))
    counted = Counting(monkeypatch)
    build(project.load(root), tmp_path / "second")
    assert counted.titles == []
    edit(root / ES_WAGES, "  title: Sus derechos", "  title: Sus derechos sobre su pago")
    proj = project.load(root)
    title = proj.pages["es"]["salarios/index.md"].meta["flyer"]["title"]
    build(proj, tmp_path / "third")
    assert len(counted.titles) == 2 and all(title in rendered for rendered in counted.titles), counted.titles  # es, bilingual
    monkeypatch.undo()
    render_all(proj, tmp_path / "uncached")
    written = sorted((tmp_path / "third" / printed.FOLDER).glob("*.pdf"))
    assert len(written) == len(cached)
    for pdf in written:
        assert pdf.read_bytes() == (tmp_path / "uncached" / pdf.name).read_bytes(), pdf.name
    assert sorted(p.name for p in (root / ".cache/flyers").glob("*.pdf")) != cached  # the old salarios flyers forgotten
    assert len(list((root / ".cache/flyers").glob("*.pdf"))) == len(cached)


def test_a_flyer_that_does_not_fit_is_never_cached(tmp_path):
    root = trimmed_copy(tmp_path)
    edit(root / ES_WAGES, "    - Apunte sus horas cada día.", "\n".join(["    - " + "Apunte sus horas cada día, con la fecha. " * 12] * 5))
    for run in ("first", "second"):  # reported again by the second build, not taken from the cache
        problems = build(project.load(root), tmp_path / run)
        assert any("the es flyer takes" in p.message for p in problems), (run, problems)


def test_the_card_without_911_is_one_message_at_its_help_lines(project_copy):
    """Issue 26: 911 is on the card. Without its line, make check says where to add it."""
    for lang, label in (("es", "Emergencia"), ("en", "Emergency")):
        edit(project_copy / f"content/{lang}/volantes/index.md", f"    - emergencia: {label}\n", "")
    checked = check(project_copy)
    assert checked.failed
    page = project_copy / "content/es/volantes/index.md"
    assert ("content/es/volantes/index.md", line_of(page, "  help:"), "flyer-shape") in checked.errors, checked
    assert "the card has no line for 911" in checked.text
