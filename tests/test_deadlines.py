"""Deadlines as data: data/deadlines.yml, [[deadline:ID]] on pages and flyers, and their checks."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from conftest import ROOT, Checked, assert_fails, check_project, edit, line_of

from scripts.core import deadlines, project, strings
from scripts.website import render
from scripts.flyers import model as flyers

DEADLINES = "data/deadlines.yml"
ES_RET = "content/es/represalias/index.md"
EN_RET = "content/en/represalias/index.md"


def check(root: Path) -> Checked:
    return check_project(root)


# Rendering -----------------------------------------------------------------------------------

def test_a_deadline_reads_in_the_page_language_linked_to_its_source():
    found = deadlines.load(ROOT)
    registry = project.load(ROOT).registry
    for lang, text in (("es", "30 días"), ("en", "30 days")):
        words, _ = strings.load(ROOT, lang)
        html = render.expand("Tiene [[deadline:osha_represalia]].", registry, words, found)
        assert html == f'Tiene <a class="deadline" href="https://www.osha.gov/workers/file-complaint">{text}</a>.'


def test_flyers_print_the_same_words_without_a_link():
    proj = project.load(ROOT)
    topic = next(t for t in flyers.topics(proj) if t.folder == "represalias")
    es, en = topic.texts["es"], topic.texts["en"]
    assert any("tiene 30 días para ir a OSHA" in line for line in es.rights), es.rights
    assert any("you have 30 days to go to OSHA" in line for line in en.rights), en.rights
    assert not any("[[" in line or "<a" in line for line in es.rights + en.rights + es.steps + en.steps)


def test_every_deadline_the_pages_state_comes_from_the_data(built_site):
    """The retaliation table, the home page's 'three things' and the topic pages, in both languages."""
    found = deadlines.load(ROOT)
    for lang, prefix in (("es", ""), ("en", "en/")):
        table = (built_site / f"{prefix}represalias/index.html").read_text(encoding="utf-8")
        cells = re.findall(r'<td><a class="deadline" href="([^"]+)">([^<]+)</a>', table)
        for did in ("osha_represalia", "eeoc_queja", "nlrb_cargo"):
            item = found.get(did)
            assert (item.source, item.words("text", lang)) in cells, (did, cells)
        home = (built_site / f"{prefix}index.html").read_text(encoding="utf-8")
        assert f'href="{found.get("osha_represalia").source}">{found.get("osha_represalia").words("text", lang)}</a>' in home
        for page in ("salarios", "seguridad", "organizarse", "discriminacion", "lesiones"):
            html = (built_site / f"{prefix}{page}/index.html").read_text(encoding="utf-8")
            assert 'class="deadline"' in html, page
            assert "[[deadline" not in html, page


def test_the_eeoc_deadline_says_only_a_state_law_extends_age_claims():
    item = deadlines.load(ROOT).get("eeoc_queja")
    assert "solo una ley del estado" in item.text["es"] and "only a state law" in item.text["en"]


# Checks --------------------------------------------------------------------------------------

def test_unknown_deadline_id_names_page_line_and_suggestion(project_copy):
    page = project_copy / ES_RET
    edit(page, "| OSHA | [[deadline:osha_represalia]] |", "| OSHA | [[deadline:osha_represalias]] |")
    checked = check(project_copy)
    assert checked.failed
    en = project_copy / EN_RET
    assert checked.records == {(ES_RET, line_of(page, "osha_represalias"), "deadline-ids"),
                               (EN_RET, line_of(en, "# "), "twin-deadlines"),  # the twins now differ
                               (EN_RET, line_of(en, "translation_of:"), "translations-current")}, checked
    assert "did you mean 'osha_represalia'" in checked.text


def test_unknown_deadline_in_a_flyer_line_is_caught(project_copy):
    edit(project_copy / EN_RET, "you have [[deadline:nlrb_cargo]] to go", "you have [[deadline:nlrb]] to go")
    checked = check(project_copy)
    assert checked.failed
    line = line_of(project_copy / EN_RET, "  rights:")  # the flyer's block names the tag
    assert checked.records == {(EN_RET, line, "deadline-ids"), (EN_RET, line, "twin-deadlines")}, checked
    assert "[[deadline:nlrb]] names no deadline" in checked.text


def test_twins_state_the_same_deadlines(project_copy):
    edit(project_copy / EN_RET, "| NLRB | [[deadline:nlrb_cargo]] |", "| NLRB | Ask them |")
    edit(project_copy / EN_RET, "you have [[deadline:nlrb_cargo]] to go", "you can go")
    assert_fails(project_copy, {(EN_RET, line_of(project_copy / EN_RET, "# "), "twin-deadlines")},
                 "states [[deadline:nlrb_cargo]] but this page does not")


def test_a_deadline_the_twin_typed_by_hand_is_one_message_where_it_was_typed(project_copy):
    """'6 months' typed where the Spanish page has [[deadline:nlrb_cargo]] ('6 meses'): the typed
    places are the slip, each named (the table under 'Deadline' too), not also a missing twin."""
    edit(project_copy / EN_RET, "| NLRB | [[deadline:nlrb_cargo]] |", "| NLRB | 6 months |")
    edit(project_copy / EN_RET, "you have [[deadline:nlrb_cargo]] to go", "you have 6 months to go")
    table = line_of(project_copy / EN_RET, "| NLRB | 6 months |")
    flyer = line_of(project_copy / EN_RET, "you have 6 months to go")
    assert_fails(project_copy, {(EN_RET, table, "handwritten-deadlines"), (EN_RET, flyer, "handwritten-deadlines")},
                 "write [[deadline:nlrb_cargo]]")


def test_missing_english_text_and_source(project_copy):
    path = project_copy / DEADLINES
    edit(path, "      en: 6 months\n", "")
    edit(path, "    source: https://www.nlrb.gov/rights-we-protect/whats-law/employees/i-am-not-represented-union/how-enforce-your-rights\n", "")
    checked = check(project_copy)
    assert checked.failed
    entry = line_of(path, "  nlrb_cargo:")
    assert checked.records == {(DEADLINES, entry, "deadline-entries"),  # at its id: 'source:' is missing
                               (DEADLINES, line_of(path, "    text:", after=entry), "deadline-entries")}, checked
    assert "deadline 'nlrb_cargo': 'text' has no text in en" in checked.text
    assert "deadline 'nlrb_cargo' needs 'source:'" in checked.text


def test_unknown_field_is_one_error_with_the_right_name(project_copy):
    path = project_copy / DEADLINES
    edit(path, "    office: nlrb\n", "    ofice: nlrb\n")
    assert_fails(project_copy, {(DEADLINES, line_of(path, "ofice"), "load")}, "did you mean 'office'?")


def test_broken_yaml_is_one_error_and_no_cascade(project_copy):
    path = project_copy / DEADLINES
    edit(path, "    office: nlrb\n", "    office: [nlrb\n")
    assert_fails(project_copy, {(DEADLINES, line_of(path, "office: [nlrb"), "load")},
                 "nothing else in this file is checked")


def test_unknown_office_is_caught(project_copy):
    edit(project_copy / DEADLINES, "    office: nlrb\n", "    office: nlrbb\n")
    assert_fails(project_copy, {(DEADLINES, line_of(project_copy / DEADLINES, "office: nlrbb"), "contact-ids")},
                 "deadline 'nlrb_cargo' office names no contact in data/contacts.yml: did you mean 'nlrb'?")


def test_a_passed_recheck_date_is_a_warning_naming_the_entry(project_copy):
    edit(project_copy / DEADLINES, "    checked: 2026-11-30\n  eeoc_queja:",
         "    checked: 2026-11-30\n    recheck: 2020-01-01\n    recheck_note: a new rule was proposed\n  eeoc_queja:")
    checked = check(project_copy)
    assert not checked.failed, checked
    assert checked.dated == {(DEADLINES, line_of(project_copy / DEADLINES, "recheck: 2020-01-01"), "rechecks")}, checked
    assert not checked.records, checked
    assert "deadline 'osha_represalia' was due for a re-check on 2020-01-01 (a new rule was proposed)" in checked.text


def test_a_future_recheck_date_is_quiet_until_its_day(project_copy):
    edit(project_copy / DEADLINES, "    checked: 2026-11-30\n  eeoc_queja:",
         "    checked: 2026-11-30\n    recheck: 2030-01-01\n    recheck_note: a proposed rule\n  eeoc_queja:")
    line = line_of(project_copy / DEADLINES, "recheck: 2030-01-01")
    assert (DEADLINES, line, "rechecks") not in check_project(project_copy, dt.date(2029, 12, 31)).dated
    assert (DEADLINES, line, "rechecks") in check_project(project_copy, dt.date(2030, 1, 1)).dated


def test_a_source_outside_the_allowlist_is_an_error_at_its_line(project_copy):
    path = project_copy / DEADLINES
    edit(path, "source: https://www.nlrb.gov/rights-we-protect/whats-law/employees/i-am-not-represented-union/how-enforce-your-rights", "source: https://www.nlrb-help.example.com/x")
    checked = check(project_copy)
    assert checked.failed  # a link outside the allowlist is an error (issue #28)
    assert checked.records == {(DEADLINES, line_of(path, "nlrb-help"), "safety")}, checked
    assert "link to 'www.nlrb-help.example.com', a site outside the allowlist" in checked.text


def test_a_recheck_date_needs_its_note_like_contacts_and_pages(project_copy):
    edit(project_copy / DEADLINES, "    checked: 2026-11-30\n  eeoc_queja:", "    checked: 2026-11-30\n    recheck: 2030-01-01\n  eeoc_queja:")
    assert_fails(project_copy, {(DEADLINES, line_of(project_copy / DEADLINES, "recheck: 2030-01-01"), "deadline-entries")},
                 "deadline 'osha_represalia': 'recheck:' needs a 'recheck_note:' line")
