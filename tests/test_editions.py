"""Local editions (issue 24, point 1): data/editions/<id>.yml checked by `make check` (one message per
mistake), and built into site/flyers/<id>/: every flyer again, with the same names, each with the
edition's office ("Su oficina / Your office": name, address, its number from the registry, hours),
its QR codes leading to the same pages as the national flyers."""
from __future__ import annotations

import pytest

from scripts.core import printed, project
from scripts.core.editions import FOLDER
from scripts.flyers import model
from scripts.flyers.cache import Cache
from scripts.flyers.run import render_all

from conftest import check_project, copy_project, edit, line_of
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


def test_every_flyer_of_the_edition_is_built_with_the_office_number(edition_site, tmp_path):
    proj, out, files, errors = edition_site
    assert not errors, errors
    national = {p.name for p in out.iterdir() if p.is_file() and not p.name.startswith(("registro-", "referencia-",
                                                                                      "tarjeta-"))}
    mine = {p.name for p in (out / "houston").iterdir()}
    assert national and mine == national
    for name in sorted(mine):
        pdf = out / "houston" / name
        assert "Pages:           1" in tool("pdfinfo", str(pdf)), name
        text = " ".join(tool("pdftotext", str(pdf), "-").split())
        assert NUMBER in text and "4507 San Jacinto St" in text, name
        assert "SU OFICINA" in text.upper() or "YOUR OFFICE" in text.upper(), name  # printed in capitals


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
