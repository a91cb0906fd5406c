"""The state pages as built (/estados/, /estados/<code>/, /estados/<section>/ in both languages),
table tests against data/states.yml and the registry."""
from __future__ import annotations

import gzip
import re

import pytest
from conftest import ROOT, TODAY
from markupsafe import escape

from scripts.core import project as loader
from scripts.core.states import ANCHORS, CODES, SECTIONS

PROJECT = loader.load(ROOT, TODAY)
STATES = PROJECT.states.entries
LANGS = {"es": "", "en": "en/"}
KIND_WORDS = {"full": "st_safety_full", "public_only": "st_safety_public", "none": "st_safety_none"}


def _page(site, lang, code):
    return (site / LANGS[lang] / "estados" / code / "index.html").read_text(encoding="utf-8")


def _section(html: str, anchor: str) -> str:
    start = html.index(f'id="{anchor}"')
    end = html.find("<h2", start)
    return html[start:end if end > 0 else len(html)]


def _tels(html: str) -> set[str]:
    return set(re.findall(r'href="(tel:[^"]+)"', html))


def _registry_tels() -> set[str]:
    return {c.dial(kind).href for c in PROJECT.registry.contacts.values() for kind in c.numbers if c.dial(kind)}


@pytest.mark.parametrize("lang", LANGS)
def test_every_state_page_has_its_sections_in_order(built_site, lang):
    for code in CODES:
        html = _page(built_site, lang, code)
        places = [html.index(f'id="{ANCHORS[key]}"') for key in SECTIONS]
        assert places == sorted(places), code
        assert STATES[code].words(lang) in html


@pytest.mark.parametrize("lang", LANGS)
def test_the_state_plan_kind_on_every_page_is_the_data(built_site, lang):
    words = PROJECT.strings[lang]
    for code, state in STATES.items():
        safety = _section(_page(built_site, lang, code), "seguridad")
        kind = state.safety.state_plan
        expected = words(KIND_WORDS[kind], state=state.words(lang)).replace("'", "&#39;")
        assert expected in safety, (code, kind)
        for other, key in KIND_WORDS.items():
            if other != kind:
                assert words(key, state=state.words(lang)).replace("'", "&#39;") not in safety, (code, other)


@pytest.mark.parametrize("lang", LANGS)
def test_federal_osha_is_on_every_page_where_private_employers_are_its(built_site, lang):
    osha = PROJECT.registry.get("osha").dial("phone").href
    for code, state in STATES.items():
        safety = _section(_page(built_site, lang, code), "seguridad")
        assert (osha in _tels(safety)) == (state.safety.state_plan != "full"), code


@pytest.mark.parametrize("lang", LANGS)
def test_every_number_on_a_state_page_is_in_the_registry(built_site, lang):
    known = _registry_tels()
    for code in CODES:
        tels = _tels(_page(built_site, lang, code))
        assert tels and tels <= known, (code, tels - known)


@pytest.mark.parametrize("lang", LANGS)
def test_the_wage_and_each_fact_s_date_and_source_are_shown(built_site, lang):
    words = PROJECT.strings[lang]
    for code, state in STATES.items():
        html = _page(built_site, lang, code)
        wage = _section(html, "salario")
        if state.minimum_wage.federal:
            assert "$7.25" in wage, code
        elif state.minimum_wage.unknown:
            # no amount read on an official page: none is shown, only that the state may pay more than the
            # federal $7.25, and the official page to confirm it
            assert str(escape(words("st_wage_unknown", state=state.words(lang)))) in wage, code
            assert set(re.findall(r"\$\d+(?:\.\d+)?", wage)) == {"$7.25"}, code
            assert f'href="{escape(state.minimum_wage.source)}"' in wage and words("st_confirm") in wage, code
        else:
            assert f"${state.minimum_wage.amount}" in wage and words.date(state.minimum_wage.since) in wage, code
        for part in state.sections():
            assert f'href="{escape(part.source)}"' in html, (code, part.key)
        for part in state.sections():  # a fact not read on its official page never says it was checked there
            said = words("st_looked" if part.likely else "st_checked", date=words.date(part.checked))
            assert said in html, (code, part.key)
        likely = sum(part.likely for part in state.sections())
        assert html.count(words("st_confirm")) == likely, code
        # each "confirm it" stands in its fact's line, beside the official page to confirm it on
        for line in re.findall(r'<p class="st-fact">.*?</p>', html, re.S):
            if words("st_confirm") in line:
                assert re.search(r'<a href="https://[^"]+">', line), (code, line)
            looked = words("st_looked", date="\0").split("\0")[0]
            checked = words("st_checked", date="\0").split("\0")[0]
            assert (words("st_confirm") in line) == (looked in line) != (checked in line), (code, line)


@pytest.mark.parametrize("lang", LANGS)
def test_the_lists_lead_to_every_state_and_section(built_site, lang):
    home = built_site / LANGS[lang] / "estados"
    html = (home / "index.html").read_text(encoding="utf-8")
    assert all(f'href="{code}/"' in html for code in CODES)
    for key in SECTIONS:
        anchor = ANCHORS[key]
        html = (home / anchor / "index.html").read_text(encoding="utf-8")
        assert all(f'href="../{code}/#{anchor}"' in html for code in CODES), anchor


def test_a_state_page_is_small_and_needs_no_script(built_site):
    """Under 10 KB gzip for the first view beyond the stylesheet (the page and the site's one small
    script, which only keeps the #section when switching language); no other script, none inline."""
    script = (built_site / "assets" / "keep-section.js").read_bytes()
    for lang in LANGS:
        for code in CODES:
            html = _page(built_site, lang, code)
            assert re.findall(r"<script[^>]*>", html) == ['<script src="../../assets/keep-section.js" defer>'] or \
                re.findall(r"<script[^>]*>", html) == ['<script src="../../../assets/keep-section.js" defer>'], code
            assert len(gzip.compress(html.encode("utf-8"))) + len(gzip.compress(script)) < 10 * 1024, code


@pytest.mark.parametrize("lang", LANGS)
def test_a_state_office_in_the_registry_is_a_card_with_its_vcard(built_site, lang):
    for code, state in STATES.items():
        named = [part.contact for part in state.sections() if part.contact]
        html = _page(built_site, lang, code)
        for cid in named:
            contact = PROJECT.registry.get(cid)
            assert contact.dial("phone").href in _tels(html), (code, cid)
            link = f'href="../../contactos/{cid}.vcf"'
            assert link in html and (built_site / LANGS[lang] / "contactos" / f"{cid}.vcf").exists(), (code, cid)


@pytest.mark.parametrize("lang", LANGS)
def test_a_state_page_shows_each_deadline_its_sections_name(built_site, lang):
    """A state's own deadlines are shown in their section as the site shows every deadline: the words
    of data/deadlines.yml linked to the official page that states them, then what starts the clock."""
    shown = 0
    for code, state in STATES.items():
        html = _page(built_site, lang, code)
        for key in ("pay", "injury", "discrimination"):
            # the pages keep "C-3" and "$5,000" whole with non-breaking hyphens and spaces
            part = _section(html, ANCHORS[key]).replace("\u2011", "-").replace("\u00a0", " ")
            for did in getattr(state, key).deadlines:
                deadline = PROJECT.deadlines.get(did)
                link = f'<a class="deadline" href="{escape(deadline.source)}">{escape(deadline.words("text", lang))}</a>'
                assert link in part, (code, key, did)
                assert str(escape(deadline.words("starts", lang))) in part, (code, key, did)
                shown += 1
            if not getattr(state, key).deadlines:
                assert 'class="st-deadlines"' not in part, (code, key)
    assert shown >= 10
