"""One way to show an unconfirmed number (issue 26, item 8): a contact marked `likely` is printed
as any other, with no warning, in every medium: the pages (topics, help directory, guided-path
answers, state pages, embeds, the 404), the flyers, the referral sheet, the wallet card and the
vCards. Only contacts.json, data for other organizations, says `"confidence": "likely"`.
docs/contacts.md ("Numbers not yet confirmed") says why this is the safer of the two ways.
"""
from __future__ import annotations

import html
import json
import re
import subprocess

import pytest

from scripts.core import contacts, typography

from conftest import ROOT, assert_fails, edit, line_of

# Every way the site or a maintainer might word such a warning, in both languages.
WARNINGS = re.compile(r"por confirmar|sin confirmar|no confirmad|lo revisamos por última vez|to be confirmed|"
                      r"unconfirmed|not (?:yet )?confirmed|we last checked", re.I)


@pytest.fixture(scope="module")
def unconfirmed():
    registry = contacts.load(ROOT)
    found = [c for c in registry.contacts.values() if c.confidence == "likely" and c.dial("phone")]
    assert len(found) >= 3, "the real registry has likely numbers"
    return found


def visible(page_html: str) -> str:
    text = re.sub(r"<script\b.*?</script>|<style\b.*?</style>", " ", page_html, flags=re.S)
    return typography.plain(html.unescape(re.sub(r"<[^>]+>", " ", text)))


def test_no_page_warns_about_a_number_and_each_is_printed_as_written(built_site, unconfirmed):
    pages = sorted(built_site.rglob("*.html"))
    warned = {p.relative_to(built_site).as_posix(): WARNINGS.findall(visible(p.read_text(encoding="utf-8")))
              for p in pages}
    assert not {page: found for page, found in warned.items() if found}
    for contact in unconfirmed:
        dial = contact.dial("phone")
        link = re.compile(rf'href="{re.escape(dial.href)}">([^<]*)</a>')
        shown = [(p, m.group(1)) for p in pages for m in link.finditer(p.read_text(encoding="utf-8"))]
        assert shown, f"{contact.id}: its number is on no page"
        assert {text for _, text in shown} == {dial.display}, (contact.id, {text for _, text in shown})
        for page in pages:
            source = page.read_text(encoding="utf-8")
            if f'id="contacto-{contact.id}"' in source:  # its card: the rows any contact has, no other
                card = source.split(f'id="contacto-{contact.id}"', 1)[1].split("</div>", 1)[0]
                assert "likely" not in card and "confirm" not in card.lower(), (page, contact.id)


def test_no_flyer_or_card_warns_about_a_number(built_site, unconfirmed):
    flyers = sorted((built_site / "flyers").rglob("*.pdf"))
    assert len(flyers) > 50 and any(p.name.startswith("tarjeta") for p in flyers) and any(
        p.name.startswith("referencia") for p in flyers)
    printed = set()
    for pdf in flyers:
        text = typography.plain(subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True,
                                               check=True).stdout)
        assert not WARNINGS.search(text), (pdf.name, WARNINGS.findall(text))
        printed |= {c.id for c in unconfirmed if c.dial("phone").display in text}
    assert printed, "no likely number is on any flyer: the test would prove nothing"


def test_vcards_print_no_warning_and_contacts_json_keeps_the_confidence(built_site, unconfirmed):
    cards = sorted(built_site.rglob("*.vcf"))
    assert cards
    for card in cards:
        assert not WARNINGS.search(card.read_text(encoding="utf-8")), card.name
    data = json.loads((built_site / "contacts.json").read_text(encoding="utf-8"))
    listed = {item["id"]: item for item in data["contacts"]}
    for contact in unconfirmed:
        if contact.id in listed:  # national contacts only (docs/contacts.md, scope: local)
            assert listed[contact.id]["confidence"] == "likely", contact.id


def test_no_words_file_holds_a_warning_any_medium_could_print():
    for words in sorted((ROOT / "data/strings").glob("*.yml")):
        assert not WARNINGS.search(words.read_text(encoding="utf-8")), words.name
    registry = (ROOT / "data/contacts.yml").read_text(encoding="utf-8")
    printed = [line for line in registry.splitlines() if re.match(r"\s+(?:note|name|hours)\b|\s+(?:es|en):", line)]
    assert not [line for line in printed if WARNINGS.search(line)]


def test_make_check_refuses_a_warning_written_into_a_contact(project_copy):
    """A maintainer who writes the warning by hand is told, at the line, to confirm the number instead."""
    registry = project_copy / "data/contacts.yml"
    edit(registry, "      es: Centro de Información y Asistencia a Personas Mexicanas (CIAM)\n",
         "      es: Centro de Información y Asistencia a Personas Mexicanas (CIAM), número por confirmar\n")
    line = line_of(registry, "número por confirmar")
    checked = assert_fails(project_copy, {("data/contacts.yml", line, "registry")}, words="confidence: verified")
    assert "Traceback" not in checked.text
