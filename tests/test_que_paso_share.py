"""Share an answer (issue 26, item 12): every outcome of the guided path has the same WhatsApp and
SMS links as a topic page, with one short message: the outcome, its first office and number, its
deadline (or the words to ask soon) and the page's own address."""
from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from conftest import ROOT
from scripts.core import contacts, project, quepaso

TREE = quepaso.load(ROOT)
MESSAGE = 300  # characters: one WhatsApp message, two SMS parts at most


@pytest.mark.parametrize("lang", ["es", "en"])
@pytest.mark.parametrize("oid", sorted(TREE.outcomes))
def test_every_outcome_shares_its_office_number_and_deadline(built_site, oid, lang):
    proj = project.load(ROOT)
    registry = contacts.load(ROOT)
    outcome = TREE.outcomes[oid]
    folder = built_site / ("" if lang == "es" else "en") / "que-paso" / oid
    html = (folder / "index.html").read_text(encoding="utf-8")
    whatsapp = re.search(r'href="https://wa\.me/\?text=([^"]+)"', html)
    sms = re.search(r'href="sms:\?&amp;body=([^"]+)"', html)
    assert whatsapp and sms, oid
    text = unquote(whatsapp.group(1))
    assert unquote(sms.group(1)) == text
    assert len(text) <= MESSAGE, (len(text), text)
    first = registry.get(outcome.contacts[0])
    dial = first.dial("phone")
    assert f"{first.text('name', lang)}: {dial.display}" in text
    # The message may reach someone in the other country: it says how to dial from there, as the list does.
    if dial.from_mx:
        assert proj.strings[lang]("from_mx_inline", number=dial.from_mx) in text, text
    if dial.from_us:
        assert proj.strings[lang]("from_us_inline", number=dial.from_us) in text, text
    if outcome.deadlines:
        assert proj.deadlines.get(outcome.deadlines[0]).words("text", lang) in text
    else:
        assert proj.strings[lang]("qp_no_deadline") in text
    assert text.endswith(f"{'' if lang == 'es' else 'en/'}que-paso/{oid}/")
    assert text.startswith("https://") is False and "https://" in text
