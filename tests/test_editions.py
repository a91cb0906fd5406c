"""Local editions (issue 24, point 1): data/editions/<id>.yml checked by `make check` (one message per
mistake), and built into site/flyers/<id>/: every flyer again, with the same names, each with the
edition's office ("Su oficina / Your office": name, address, its number from the registry, hours),
its QR codes leading to the same pages as the national flyers."""
from __future__ import annotations

import pytest

from scripts.core import printed, project, urls
from scripts.core.editions import FOLDER
from scripts.flyers import model
from scripts.flyers.cache import Cache
from scripts.flyers.run import render_all

from conftest import ROOT, check_project, copy_project, edit, line_of, make_site
from test_card_copies import decoded, page_image, photocopy
from test_flyers import qr_codes, tool

EDITION = """name:
  es: Consulado General de México en Houston
  en: Consulate General of Mexico in Houston
address:
  - 4507 San Jacinto St
  - Houston, TX 77004
contacts: [consulado_houston]
hours:
  es: Lunes a viernes, de 8:00 a 14:00
  en: Monday to Friday, 8:00 to 14:00
states: [tx]
note:
  es: Traiga una identificación.
  en: Bring an ID.
"""
# A local office for the example (scope: local). The number is a test fixture in a copy of the
# project, never published: the consulate's switchboard as third-party pages list it.
LOCAL = """contacts:
  consulado_houston:
    group: us
    scope: local
    name:
      es: Consulado General de México en Houston
      en: Consulate General of Mexico in Houston
    phone: "+17132716800"
    website: https://consulmex.sre.gob.mx/houston/
    source: https://consulmex.sre.gob.mx/houston/
    checked: 2026-11-23
    confidence: likely
"""
NUMBER = "1-713-271-6800"


def with_edition(root, text: str = EDITION):
    edit(root / "data/contacts.yml", "contacts:\n", LOCAL)
    (root / FOLDER).mkdir(parents=True, exist_ok=True)
    path = root / FOLDER / "houston.yml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def edition_site(tmp_path_factory, made_site):
    """The example edition built into a copy of the project (the national flyers from the shared build's cache)."""
    root = copy_project(tmp_path_factory.mktemp("edition") / "project")
    with_edition(root)
    proj = project.load(root)
    out = root / "site" / printed.FOLDER
    files, errors = render_all(proj, out, Cache.of(made_site.root))
    return proj, out, files, errors


def test_the_example_edition_checks_clean(tmp_path):
    root = copy_project(tmp_path / "project")
    with_edition(root)
    checked = check_project(root)
    assert not checked.errors, checked


def pages_of(pdf) -> int:
    return int(next(line.split()[-1] for line in tool("pdfinfo", str(pdf)).splitlines() if line.startswith("Pages:")))


def test_every_pdf_of_the_edition_is_built_with_the_office_number(edition_site, tmp_path):
    """Every flyer, the card sheet, the log and the referral sheet, under the national names."""
    proj, out, files, problems = edition_site
    errors = [p for p in problems if p.severity == "error"]
    assert not errors, errors
    national = {p.name for p in out.iterdir() if p.is_file()}
    mine = {p.name for p in (out / "houston").iterdir()}
    assert {"tarjeta-a4.pdf", "registro-es-letter.pdf", "referencia-bilingue-letter.pdf"} <= mine
    assert national and mine == national
    for name in sorted(mine):
        pdf = out / "houston" / name
        pages = pages_of(pdf)
        if name.startswith(("tarjeta-", "registro-")):
            assert pages == 2, name       # front and back
        elif name.startswith("referencia-"):
            assert pages <= printed.REFERRAL_PAGES, name
        else:
            assert pages == 1, name
        text = " ".join(tool("pdftotext", str(pdf), "-").split())
        assert NUMBER in text and "4507 San Jacinto St" in text, name
        assert "Lunes a viernes, de 8:00 a 14:00" in text or "Monday to Friday, 8:00 to 14:00" in text, name
        assert "SU OFICINA" in text.upper() or "YOUR OFFICE" in text.upper(), name  # printed in capitals


@pytest.mark.parametrize("folder", ["", "houston"])
def test_every_flyer_keeps_its_footer_on_the_letter_sheet(edition_site, folder):
    """The footer sits in the page's bottom margin: the bilingual edition's, with the office under the
    QR codes, once ran past a Letter sheet's bottom edge and lost the English disclaimer, and the
    national bilingual flyers' ended 1.7 mm from it, where many printers print nothing. Every line of
    every national and edition flyer is on the sheet, at least 2.5 mm from the edge, in every language."""
    import re
    proj, out, _, _ = edition_site
    disclaimers = {lang: proj.strings[lang]("flyer_disclaimer") for lang in proj.strict_languages}
    flyers = [pdf for pdf in sorted((out / folder).glob("*-letter.pdf"))
              if not pdf.name.startswith(("tarjeta-", "registro-", "referencia-"))]
    assert len(flyers) > 20
    for pdf in flyers:
        text = flat(pdf)
        kind = pdf.name.rsplit("-", 2)[-2]
        for lang in proj.strict_languages if kind == printed.BILINGUAL else [kind]:
            assert disclaimers[lang] in text, (pdf.name, lang)
        lowest = max(float(y) for y in re.findall(r'yMax="([\d.]+)"', tool("pdftotext", "-bbox", str(pdf), "-")))
        assert lowest <= 792 - 2.5 / 25.4 * 72, (pdf.name, lowest)  # Letter is 792 pt high


def test_the_edition_card_keeps_the_front_and_prints_the_office_on_the_back(edition_site, tmp_path):
    proj, out, _, _ = edition_site
    card = model.card(proj)
    for paper in printed.PAPERS:
        pdf = out / "houston" / printed.card_file_name(paper)
        front = " ".join(tool("pdftotext", "-f", "1", "-l", "1", str(pdf), "-").split())
        back = " ".join(tool("pdftotext", "-f", "2", "-l", "2", str(pdf), "-").split())
        assert card["es"].title in front and "911" in front
        cards = 8 if paper == "letter" else 10
        assert back.count(NUMBER) == cards and back.count("Monday to Friday, 8:00 to 14:00") == cards, paper
        assert set(qr_codes(pdf, 1, tmp_path)) == {card["es"].url}
        twice = photocopy(photocopy(page_image(pdf, 1, tmp_path)))
        assert decoded(twice, tmp_path, f"houston-{paper}") == {card["es"].url}, paper  # issue 26, item 11


@pytest.mark.parametrize("name", ["registro-bilingue-letter.pdf", "referencia-bilingue-letter.pdf",
                                  "referencia-es-a4.pdf"])
def test_the_edition_log_and_referral_sheet_keep_their_qr_codes(edition_site, tmp_path, name):
    proj, out, _, _ = edition_site
    pdf = out / "houston" / name
    national = out / name
    page = pages_of(pdf)
    assert sorted(qr_codes(pdf, page, tmp_path)) == sorted(qr_codes(national, pages_of(national), tmp_path))


def test_an_office_too_long_for_the_card_is_one_message_naming_the_edition_and_the_sheet(tmp_path, made_site):
    """Allowed by the check (each line is short) but too many for a card: the build says so once."""
    root = copy_project(tmp_path / "project")
    long = EDITION.replace("  - Houston, TX 77004\n", "  - Houston, TX 77004\n" + "  - Suite 100, second floor\n" * 4)
    path = with_edition(root, long)
    proj = project.load(root)
    _, problems = render_all(proj, root / "site" / printed.FOLDER, Cache.of(made_site.root))
    errors = [p for p in problems if p.severity == "error"]
    assert len(errors) == 1, errors
    error = errors[0]
    assert (error.path, error.line) == (f"{FOLDER}/houston.yml", 1), error
    assert "edition 'houston'" in error.message and ".pdf" in error.message, error
    assert "shorten" in error.message, error
    assert path.is_file()


@pytest.mark.parametrize("kind", ["es", "en", "bilingue"])
def test_the_edition_qr_codes_lead_to_the_national_pages(edition_site, tmp_path, kind):
    proj, out, _, _ = edition_site
    for topic in model.topics(proj)[:3]:
        langs = ("es", "en") if kind == "bilingue" else (kind,)
        expected = {topic.texts[lang].url for lang in langs}
        pdf = out / "houston" / printed.file_name(topic.folder, kind, "letter")
        assert set(qr_codes(pdf, 1, tmp_path)) == expected, pdf.name


def test_no_edition_builds_nothing_more(made_site):
    assert not any(p.is_dir() for p in (made_site.site / printed.FOLDER).iterdir())


@pytest.mark.parametrize("old,new,needle,words", [
    ("contacts: [consulado_houston]", "contacts: [consulado_houstn]", "contacts:", "did you mean 'consulado_houston'"),
    ("states: [tx]", "states: [texas]", "states:", "not a state code"),
    ("  es: Lunes a viernes, de 8:00 a 14:00", "  es: Lunes a viernes, llame al 713-271-6800",
     "llame al", "typed by hand"),
    ("  es: Traiga una identificación.", "  es: " + "Traiga una identificación con foto y su pasaporte. " * 3,
     "con foto", "the note in 'es' has"),
    ("  en: Monday to Friday, 8:00 to 14:00\n", "", "hours:", "'hours' has no text in en"),
    ("states: [tx]\n", "", "name:", "needs 'states:'"),
    ("hours:", "horas:", "horas:", "unknown field 'horas'"),
])
def test_a_mistake_in_an_edition_is_one_message_at_its_line(tmp_path, old, new, needle, words):
    root = copy_project(tmp_path / "project")
    path = with_edition(root)
    edit(path, old, new)
    checked = check_project(root)
    mine = [p for p in checked.problems if p.path == f"{FOLDER}/houston.yml"]
    assert len(mine) == 1, checked
    assert mine[0].line == line_of(path, needle), checked
    assert words in mine[0].message and "houston" in mine[0].message, checked
    assert checked.failed


@pytest.fixture(scope="module")
def edition_built(tmp_path_factory, made_site, edition_site):
    """`make site` on a copy with the example edition (its PDFs from the cache edition_site filled)."""
    root = copy_project(tmp_path_factory.mktemp("edition-site") / "project")
    with_edition(root)
    printed_ = make_site(root, flyers_from=made_site.root)
    assert printed_.returncode == 0, printed_.stdout
    return root, root / "site"


@pytest.mark.parametrize("lang,page", [("es", "volantes/houston/index.html"), ("en", "en/volantes/houston/index.html")])
def test_the_edition_page_lists_every_pdf_of_its_folder(edition_built, lang, page):
    from html.parser import HTMLParser
    root, site = edition_built
    html = (site / page).read_text(encoding="utf-8")

    class Links(HTMLParser):
        def __init__(self):
            super().__init__()
            self.hrefs = []

        def handle_starttag(self, tag, attrs):
            if tag == "a":
                self.hrefs.append(dict(attrs).get("href") or "")
    links = Links()
    links.feed(html)
    here = (site / page).parent
    pdfs = {(here / href).resolve() for href in links.hrefs if href.endswith(".pdf")}
    folder = (site / printed.FOLDER / "houston").resolve()
    assert pdfs == set(folder.iterdir()), sorted(p.name for p in set(folder.iterdir()) ^ pdfs)
    assert NUMBER in html and "4507 San Jacinto St" in html
    assert 'href="tel:+17132716800"' in html
    flyers_page = (site / page).parent.parent / "index.html"
    assert 'href="houston/"' in flyers_page.read_text(encoding="utf-8")


def test_the_edition_pages_are_published_addresses(edition_site):
    from scripts.core.redirects import load as load_redirects
    proj = edition_site[0]
    made = urls.produced(proj, load_redirects(proj.root))
    assert {"/volantes/houston/", "/en/volantes/houston/", "/flyers/houston/tarjeta-a4.pdf",
            "/flyers/houston/registro-es-letter.pdf", "/flyers/houston/referencia-bilingue-a4.pdf"} <= set(made)


# One state (issue 24, part 1): the pay, safety, heat and injury flyers print the state's facts as
# its state page says them, from data/states.yml; a flyer they do not fit on is one warning.

def flat(pdf) -> str:
    return " ".join(tool("pdftotext", str(pdf), "-").split())


def test_the_state_facts_are_on_the_one_language_flyers(edition_site):
    proj, out, _, problems = edition_site
    tx = proj.states.get("tx")
    words = proj.strings["es"]
    pay = flat(out / "houston" / "salarios-es-letter.pdf")
    assert "EN TEXAS" in pay.upper()
    wage = (words("st_wage_federal", state="Texas") if tx.minimum_wage.federal else
            words("st_wage_amount", state="Texas", amount=tx.minimum_wage.hourly, since=words.date(tx.minimum_wage.since))
            if tx.minimum_wage.hourly else words("st_wage_unknown", state="Texas"))
    assert wage in pay
    office = proj.registry.get(tx.pay.contact).dial("phone").display
    assert tx.pay.words("office", "es") in pay and office in pay
    assert (words("st_confirm") in pay) == tx.minimum_wage.likely or tx.pay.likely
    injury = flat(out / "houston" / "lesiones-en-a4.pdf")
    assert tx.injury.words("office", "en") in injury
    assert (proj.strings["en"]("st_confirm") in injury) == tx.injury.likely
    for name in ("seguridad-es-letter.pdf", "calor-en-letter.pdf"):
        assert "TEXAS" in flat(out / "houston" / name).upper(), name
    for name in ("consulado-es-letter.pdf", "trata-en-a4.pdf"):  # the state does not change these answers
        assert "EN TEXAS" not in flat(out / "houston" / name).upper(), name
        assert "IN TEXAS" not in flat(out / "houston" / name).upper(), name


def test_a_flyer_without_room_for_the_state_is_one_warning_and_stays_one_page(tmp_path):
    """A state whose office grew too long for even the tight bilingual box (every state of
    data/states.yml fits today): the flyer is printed without the state's facts, one page, and the
    build says so once, at the edition's first line."""
    def longer(text: str) -> str:  # Texas's workers' compensation office, twice as long
        for office in ("Departamento de Seguros de Texas, División de Compensación al Trabajador",
                       "Texas Department of Insurance, Division of Workers' Compensation"):
            text = text.replace(f'"{office}"', f'"{office}; {office}"', 1)
        return text
    proj, out, errors = state_flyers(tmp_path, "tx", longer, folder="lesiones")
    warnings = [p for p in errors if p.severity == "warning" and "facts of Texas" in p.message]
    assert len(warnings) == 1 and len(errors) == 1, errors
    assert warnings[0].path == f"{FOLDER}/houston.yml" and "edition 'houston'" in warnings[0].message
    name = printed.file_name("lesiones", printed.BILINGUAL, "letter")
    assert f"the flyer {name}," in warnings[0].message, warnings
    assert pages_of(out / name) == 1 and "EN TEXAS" not in flat(out / name).upper()
    assert "EN TEXAS" in flat(out / printed.file_name("lesiones", "es", "letter")).upper()


def state_flyers(tmp_path, state: str, change=None, folder: str = "salarios"):
    """The pay flyers of an edition serving one state, rendered alone (in a copy of the project);
    change: a function of data/states.yml's text, for a copy whose state data differ."""
    from scripts.flyers import run
    from scripts.flyers.layout import Layout
    root = copy_project(tmp_path / "project")
    with_edition(root, EDITION.replace("states: [tx]", f"states: [{state}]"))
    if change:
        states = root / "data/states.yml"
        states.write_text(change(states.read_text(encoding="utf-8")), encoding="utf-8")
    proj = project.load(root)
    errors: list = []
    topics = [t for t in model.topics(proj) if t.folder == folder]
    run._flyers(proj, topics, tmp_path / "out", None, run._Lazy(), Layout.create(), errors,
                proj.editions.entries["houston"])
    return proj, tmp_path / "out", errors


def test_a_state_amount_is_printed_as_the_data_has_it(tmp_path):
    proj, out, errors = state_flyers(tmp_path, "ca")
    wage = proj.states.get("ca").minimum_wage
    assert wage.hourly and not [e for e in errors if e.severity == "error"]
    assert f"${wage.hourly}" in flat(out / "salarios-en-letter.pdf")


def test_a_state_amount_that_could_not_be_read_prints_no_figure(tmp_path):
    """A state whose amount could not be read on an official page (amount: unknown): the state
    page's sentence, and never a figure the data does not have."""
    def unknown(text: str) -> str:  # amount: unknown, and no since: or note: (they would be about the amount)
        at = text.index("amount:", text.index("\n  az:\n"))
        source = text.index("      source:", at)
        return text[:at] + "amount: unknown\n" + text[source:]
    read = project.load(ROOT).states.get("az").minimum_wage
    proj, out, errors = state_flyers(tmp_path, "az", unknown)
    assert proj.states.get("az").minimum_wage.unknown
    sentence = proj.strings["es"]("st_wage_unknown", state="Arizona")
    _, facts = model.state_facts(proj, proj.editions.entries["houston"], "salarios", "es")
    assert facts[0].text() == sentence  # the state page's sentence alone: no amount, no date
    pay = flat(out / "salarios-es-letter.pdf")
    # Printed as the model says, or (no room: its own warning) not at all; never the old figure.
    left_out = [e for e in errors if e.severity == "warning" and "salarios-es-letter.pdf" in e.message]
    assert (sentence in pay) != bool(left_out), errors
    assert not read.hourly or f"${read.hourly}" not in pay


def test_a_state_deadline_is_printed_as_its_page_lists_it(tmp_path):
    """A state's own deadline (data/states.yml `deadlines:`, words from data/deadlines.yml)."""
    proj = project.load(ROOT)
    code, item = next((code, st.injury) for code, st in proj.states.entries.items() if st.injury.deadlines)
    proj, out, errors = state_flyers(tmp_path, code, folder="lesiones")
    deadline = proj.deadlines.get(item.deadlines[0])
    text = flat(out / "lesiones-es-letter.pdf")
    assert proj.strings["es"]("st_deadlines", state=proj.states.get(code).words("es")) in text
    assert deadline.words("text", "es") in text


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_compact_state_box_fits_every_state_on_the_pay_and_heat_flyers(tmp_path, lang):
    """Every state of data/states.yml, its compact box (model.state_facts_short) on the pay and heat
    flyers of one language, with the edition's office, measured after rendering on the area Letter
    and A4 share: one page; the box keeps the pay office's number and the state page's address."""
    from scripts.flyers import run
    from scripts.flyers.layout import Layout
    root = copy_project(tmp_path / "project")
    with_edition(root)
    proj = project.load(root)
    edition = proj.editions.entries["houston"]
    layout, renderer = Layout.create(), run._Lazy()
    assert len(proj.states.entries) == 52
    tight = []
    for folder in ("salarios", "calor"):
        texts = [next(t for t in model.topics(proj) if t.folder == folder).texts[lang]]
        office = layout.office(edition, model.edition_contacts(proj, edition, lang), texts, proj.strings)
        for code in proj.states.entries:
            edition.states = [code]
            name, facts, last = model.state_facts_short(proj, edition, folder, lang)
            assert facts and last.endswith(f"/{'' if lang == proj.default else lang + '/'}estados/{code}/"), code
            item = proj.states.get(code).pay
            if folder == "salarios" and item.contact and proj.registry.get(item.contact):
                assert ("number", proj.registry.get(item.contact).dial("phone").display) in facts[1].parts, code
            document = renderer().render(*layout.flyer(texts, proj.strings, compact=True, office=office,
                                                       state={lang: (name, facts, last)}))
            if len(document.pages) != 1:
                tight.append(f"{folder}/{code}")
    assert not tight


def test_a_bilingual_flyer_prints_the_short_box_as_one_line_set(tmp_path):
    """Georgia (no heat rule, no state plan): the bilingual heat flyer keeps its state box, one line
    set in both languages, with OSHA's number once and the state page's address; one page, no warning."""
    proj, out, errors = state_flyers(tmp_path, "ga", folder="calor")
    assert not [e for e in errors if "facts of Georgia" in e.message], errors
    for paper in printed.PAPERS:
        name = printed.file_name("calor", printed.BILINGUAL, paper)
        text = flat(out / name)
        assert pages_of(out / name) == 1 and "EN GEORGIA / IN GEORGIA" in text.upper(), name
        assert proj.strings["es"]("st_short_heat_none") in text and proj.strings["en"]("st_short_heat_none") in text
        assert text.count(proj.registry.get("osha").dial("phone").display) == 2, name  # help line, box
        assert "/estados/ga/" in text.replace(" ", ""), name


@pytest.fixture(scope="module")
def hard_states(tmp_path_factory):
    """A copy of the project with the example edition, loaded once: each test names its state."""
    root = copy_project(tmp_path_factory.mktemp("hard-states") / "project")
    with_edition(root)
    return project.load(root)


# The states whose facts are longest on the bilingual flyers: the long pay and injury deadlines
# (tx, wa, az, nc, ny, co, fl), the longest heat rules (ca, wa, co, mn, or) and the heat flyer's
# public-sector safety plans (ct, ny).
HARD_STATES = ["tx", "ca", "co", "fl", "ny", "wa", "az", "nc", "mn", "or", "ct"]


@pytest.mark.parametrize("code", HARD_STATES)
def test_every_bilingual_state_flyer_carries_the_state_on_one_page(hard_states, tmp_path, code):
    """The bilingual pay, safety, heat and injury flyers of an edition serving one hard state: one
    page on both papers, no warning, the box's title and the state's own line in it (its pay or
    workers' compensation office and number, its wage, its heat line), the help lines' numbers and
    both QR addresses kept."""
    from scripts.flyers import run
    from scripts.flyers.layout import Layout
    proj = hard_states
    edition = proj.editions.entries["houston"]
    edition.states = [code]
    state = proj.states.get(code)
    name = {lang: state.words(lang, proj.default) for lang in ("es", "en")}
    topics = [t for t in model.topics(proj) if t.folder in model.STATE_TOPICS]
    assert len(topics) == 4
    errors: list = []
    run._flyers(proj, topics, tmp_path, None, run._Lazy(), Layout.create(), errors, edition)
    assert not errors, errors
    for topic in topics:
        # What every box (the full one, or the short one) prints as the data has it: the state's
        # numbers, its offices (an office without a number by its name), its wage amount.
        _, facts = model.state_facts(proj, edition, topic.folder, "es")
        numbers = [text for fact in facts for kind, text in fact.parts if kind == "number"]
        offices = [fact.parts[at][1].rstrip(".") for fact in facts for at, (kind, _) in enumerate(fact.parts)
                   if kind == "office" and fact.parts[at][1].rstrip(".") in
                   {getattr(state, key).words("office", "es") for key in model.STATE_TOPICS[topic.folder]}
                   and (at + 1 == len(fact.parts) or fact.parts[at + 1][0] != "number")]
        if topic.folder == "salarios" and state.minimum_wage.hourly:
            numbers.append(f"${state.minimum_wage.hourly}")
        # The heat line: the state's rule (the full box) or "… has its own rule" (the short box).
        rule = state.heat.words("rule", "es", proj.default) if topic.folder == "calor" else ""
        heat = [rule, proj.strings["es"]("st_short_heat_rule", state=name["es"])] if rule else []
        assert numbers or offices or heat, topic.folder
        for paper in printed.PAPERS:
            pdf = tmp_path / printed.file_name(topic.folder, printed.BILINGUAL, paper)
            assert pages_of(pdf) == 1, pdf.name
            text = " ".join(tool("pdftotext", "-layout", str(pdf), "-").split()).replace("\u2011", "-")
            assert f"EN {name['es']} / IN {name['en']}".upper() in text.upper(), pdf.name
            for number in numbers:
                assert number in text, (pdf.name, number)
            for office in offices:  # by reading order (a two-column box interleaves in -layout)
                assert office in flat(pdf), (pdf.name, office)
            assert not heat or any(line in flat(pdf) for line in heat), pdf.name
            for contact in topic.texts["es"].contacts:  # the help lines keep their numbers
                assert contact.phone is None or contact.phone.display in text, (pdf.name, contact.id)
            assert NUMBER in text, pdf.name           # and the edition's office
            for lang in ("es", "en"):                 # and both pages' addresses (the QR codes')
                assert topic.texts[lang].url in flat(pdf).replace(" ", ""), (pdf.name, lang)
