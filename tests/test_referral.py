"""The referral sheet for consular and NGO staff (issue 24, point 2): site/flyers/referencia-<es|en|bilingue>-<letter|a4>.pdf,
at most two pages, made from data/que-paso.yml: every answer of the guided path, every outcome with
its offices, their numbers and its deadlines, and the slip to cut off and hand over."""
from __future__ import annotations

import re

import pytest

from scripts.core import addresses, printed, project
from scripts.core.quepaso import address
from scripts.flyers import model
from scripts.flyers.layout import Layout

from test_flyers import qr_codes, tool

KINDS = ("es", "en", "bilingue")


@pytest.fixture(scope="module")
def proj(made_site):
    return project.load(made_site.root)


def words_of(text: str) -> set[str]:
    return set(re.findall(r"\w+", text.lower()))


def test_every_outcome_is_listed_once_with_its_offices_and_deadlines(proj):
    sheet = model.referral(proj)
    rows = [row for group in sheet.groups for row in group.rows]
    assert sorted(row.outcome for row in rows) == sorted(proj.que_paso.outcomes)
    keys = {key: text for key, text, _ in sheet.deadlines}
    for row in rows:
        outcome = proj.que_paso.outcomes[row.outcome]
        numbers = [c.phone.display for c in row.offices]
        assert numbers == [proj.registry.get(cid).dial("phone").display for cid in outcome.contacts], row.outcome
        assert [keys[k]["es"] for k in row.deadlines] == [proj.deadlines.get(d).words("text", "es") for d in outcome.deadlines]
    # every answer of every question is printed
    answers = {a.text["es"] for q in proj.que_paso.questions.values() for a in q.answers}
    printed_answers = {g.answer["es"] for g in sheet.groups} | {a for r in rows for a in r.answers["es"]}
    assert printed_answers == answers


@pytest.mark.parametrize("lang", ["es", "en"])
def test_each_row_of_the_sheet_holds_its_outcome_and_its_offices_numbers(proj, lang):
    texts = model.referral_texts(proj)
    html, _ = Layout.create().referral([texts[lang]], proj.strings, model.referral(proj))
    rows = html.split('<tr class="row">')[1:]
    assert len(rows) == len(proj.que_paso.outcomes)
    for outcome in proj.que_paso.outcomes.values():
        row = next(r for r in rows if f"<b>{outcome.title[lang]}</b>" in r.replace("&#39;", "'"))
        for cid in outcome.contacts:
            contact = proj.registry.get(cid)
            assert contact.dial("phone").display in row, (outcome.id, cid)
            assert model.short_name(contact.text("name", "es")) in row, (outcome.id, cid)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("paper", printed.PAPERS)
def test_the_printed_sheet_is_two_pages_at_most_with_every_outcome_number_and_the_slip(made_site, proj, tmp_path, kind, paper):
    pdf = made_site.site / "flyers" / printed.referral_file_name(kind, paper)
    pages = int(re.search(r"^Pages:\s+(\d+)", tool("pdfinfo", str(pdf)), re.M).group(1))
    assert pages <= printed.REFERRAL_PAGES, f"{pdf.name}: {pages} pages"
    text = tool("pdftotext", str(pdf), "-")
    flat = " ".join(text.split())
    found = words_of(text)
    langs = ("es", "en") if kind == "bilingue" else (kind,)
    for outcome in proj.que_paso.outcomes.values():
        for lang in langs:
            assert words_of(outcome.title[lang]) <= found, (outcome.id, lang)
        for cid in outcome.contacts:
            dial = proj.registry.get(cid).dial("phone")
            assert dial.display in flat, (outcome.id, cid)
            # a US line a Mexican office runs: the path has a row for the worker back in Mexico
            assert not dial.from_mx or f"{model.short_name(proj.registry.get(cid).text('name', 'es'))} {dial.from_mx}" in flat, cid
    for lang in langs:
        assert proj.strings[lang]("from_mx") in flat, lang
        words = proj.strings[lang]
        for key in ("ref_slip_what", "ref_slip_office", "ref_slip_deadline", "ref_slip_started", "ref_slip_bring"):
            assert words_of(words(key)) <= found, (lang, key)
    home = addresses.absolute(proj.site_url, addresses.home(langs[0], proj.default)) + address(proj.que_paso.start, proj.que_paso.start)
    assert home in qr_codes(pdf, pages, tmp_path)


def test_the_flyers_page_links_every_referral_sheet(built_site):
    for folder in ("", "en/"):
        page = (built_site / folder / "volantes/index.html").read_text()
        for kind in KINDS:
            for paper in printed.PAPERS:
                assert f"flyers/referencia-{kind}-{paper}.pdf" in page
