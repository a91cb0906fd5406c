"""The states (data/states.yml): the loader's records and the checks, on broken copies.

Each broken copy makes one mistake a maintainer can make and expects exactly one message, at the
line to edit, from the check that owns it."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import ROOT, TODAY, assert_fails, check_project, edit, line_of

from scripts.core import project as loader
from scripts.core.states import ANCHORS, CODES, SECTIONS

STATES = "data/states.yml"


def _project():
    return loader.load(ROOT, TODAY)


def test_all_52_jurisdictions_load_with_every_section():
    found = _project().states
    assert found.readable and not found.problems, found.problems
    assert sorted(found.entries) == sorted(CODES) and len(CODES) == 52
    for state in found.entries.values():
        assert state.name["es"] and state.name["en"], state.code
        assert all(part.present and part.source.startswith("https://") and part.checked for part in state.sections()), state.code
        assert state.minimum_wage.amount, state.code
    assert list(ANCHORS) == list(SECTIONS)


def test_state_plans_are_as_osha_lists_them():
    """22 State Plans for private and public workers (21 states and Puerto Rico), 6 states public only
    (the seventh public-only plan is the Virgin Islands, not one of the 52): osha.gov/stateplans."""
    found = _project().states.entries
    kinds = {code: state.safety.state_plan for code, state in found.items()}
    assert sorted(c for c, k in kinds.items() if k == "public_only") == ["ct", "il", "ma", "me", "nj", "ny"]
    full = [c for c, k in kinds.items() if k == "full"]
    assert len(full) == 22 and "pr" in full
    assert all(found[c].safety.office for c in kinds if kinds[c] != "none")


def test_the_whole_project_checks_clean():
    checked = check_project(ROOT)
    assert not checked.of("state-entries"), checked


def test_a_missing_state_is_one_message_at_states(project_copy):
    path = project_copy / STATES
    text = path.read_text(encoding="utf-8")
    start = text.index("\n  ut:\n") + 1
    end = text.index("\n  vt:\n") + 1
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    assert_fails(project_copy, {(STATES, line_of(path, "states:"), "state-entries")},
                 "1 of the 52 jurisdictions are missing: ut")


def test_a_repeated_state_is_one_load_message(project_copy):
    path = project_copy / STATES
    edit(path, "\n  ut:\n", "\n  tx:\n")
    line = line_of(path, "  tx:", after=line_of(path, "  tx:"))
    checked = check_project(project_copy)
    assert (STATES, line, "load") in checked.records, checked
    assert "'tx' appears twice" in checked.text


def test_a_wrong_code_says_which_it_may_be(project_copy):
    path = project_copy / STATES
    edit(path, "\n  tx:\n", "\n  txx:\n")
    checked = check_project(project_copy)
    assert checked.of("state-entries") == {(STATES, line_of(path, "  txx:"), "state-entries"),
                                           (STATES, line_of(path, "states:"), "state-entries")}, checked
    assert "'txx' is not one of the 52 jurisdictions: did you mean 'tx'?" in checked.text


def test_a_minimum_wage_without_an_amount_or_date(project_copy):
    path = project_copy / STATES
    ca = line_of(path, "  ca:")
    wage = line_of(path, "    minimum_wage:", after=ca)
    edit(path, '      amount: "16.90"\n      since: 2026-01-01\n', "")
    checked = assert_fails(project_copy, {(STATES, wage, "state-entries")}, "state 'ca', minimum_wage needs 'amount:'")
    assert "state 'ca', minimum_wage needs 'since:'" in checked.text


def test_an_unknown_amount_needs_no_date_and_cannot_be_verified(project_copy):
    """'amount: unknown': the state has its own minimum but no official page showed today's amount.
    It needs no 'since:'; 'verified' with it is a contradiction, one message at the confidence line."""
    path = project_copy / STATES
    ca = line_of(path, "  ca:")
    edit(path, '      amount: "16.90"\n      since: 2026-01-01\n', "      amount: unknown\n")
    confidence = line_of(path, "      confidence: verified", after=ca)
    assert_fails(project_copy, {(STATES, confidence, "state-entries")}, "'amount: unknown' cannot be 'confidence: verified'")
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[confidence - 1] = "      confidence: likely"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert not check_project(project_copy).of("state-entries")


def test_no_amount_is_shown_as_read_unless_read_and_every_wage_is_dated():
    """The loader's API for pages and flyers: hourly is "" for federal and unknown; an amount has its date;
    an unknown amount is never 'verified'."""
    for state in _project().states.entries.values():
        wage = state.minimum_wage
        if wage.federal or wage.unknown:
            assert wage.hourly == "", state.code
            assert not (wage.unknown and not wage.likely), state.code
        else:
            assert wage.hourly == wage.amount and wage.since, state.code


def test_an_amount_that_is_not_one(project_copy):
    path = project_copy / STATES
    edit(path, 'amount: "16.90"', "amount: $16.90 an hour")
    assert_fails(project_copy, {(STATES, line_of(path, "$16.90 an hour"), "state-entries")},
                 "is not an hourly amount")


@pytest.mark.parametrize("amount", ["1.69", "7.25", "5.15"])
def test_an_amount_not_above_the_federal_minimum(project_copy, amount):
    """A digit slipped ("1.69" for "16.90") or a state whose own minimum the federal one overrides:
    the page would print a wage below the federal $7.25."""
    path = project_copy / STATES
    edit(path, 'amount: "16.90"', f'amount: "{amount}"')
    assert_fails(project_copy, {(STATES, line_of(path, f'amount: "{amount}"'), "state-entries")},
                 f"'amount: {amount}' is not above the federal minimum of $7.25 (data/pay-log.yml)")


def test_a_source_outside_the_official_domains(project_copy):
    path = project_copy / STATES
    ca = line_of(path, "  ca:")
    source = line_of(path, "      source:", after=ca)
    text = path.read_text(encoding="utf-8").split("\n")
    text[source - 1] = "      source: https://www.minimum-wage.org/california"
    path.write_text("\n".join(text), encoding="utf-8")
    assert_fails(project_copy, {(STATES, source, "state-entries")}, "the source 'www.minimum-wage.org' is not an official site")


def test_an_impossible_or_future_checked_date(project_copy):
    path = project_copy / STATES
    ca = line_of(path, "  ca:")
    checked_line = line_of(path, "      checked:", after=ca)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[checked_line - 1] = "      checked: 2026-02-30"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_fails(project_copy, {(STATES, checked_line, "load")}, "2026-02-30")
    lines[checked_line - 1] = f"      checked: {TODAY + dt.timedelta(days=3)}"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert_fails(project_copy, {(STATES, checked_line, "state-entries")}, "is after today")


def test_a_state_plan_without_its_agency(project_copy):
    path = project_copy / STATES
    edit(path, "      office:\n        es: Cal/OSHA\n        en: Cal/OSHA\n      website: https://www.dir.ca.gov/dosh/\n", "")
    assert_fails(project_copy, {(STATES, line_of(path, "state_plan: full", after=line_of(path, "  ca:")), "state-entries")},
                 "a State Plan (full) needs its agency")


def test_a_wrong_plan_kind(project_copy):
    path = project_copy / STATES
    line = line_of(path, "state_plan: full", after=line_of(path, "  ca:"))
    edit(path, "state_plan: full\n      office:\n        es: Cal/OSHA", "state_plan: yes\n      office:\n        es: Cal/OSHA")
    assert_fails(project_copy, {(STATES, line, "state-entries")}, "needs 'state_plan:' with one of full, public_only, none")


def test_a_missing_section_and_a_missing_english_name(project_copy):
    path = project_copy / STATES
    tx = line_of(path, "  tx:")
    edit(path, "      en: Texas\n", "")
    text = path.read_text(encoding="utf-8")
    start = text.index("    heat:\n", text.index("\n  tx:\n"))
    end = text.index("    consulates:", start)
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    checked = assert_fails(project_copy, {(STATES, tx, "state-entries"), (STATES, tx + 1, "state-entries")})
    assert "state 'tx' needs a 'heat:' block" in checked.text
    assert "state 'tx': 'name' has no text in en" in checked.text


def test_an_unknown_field_is_one_load_message(project_copy):
    path = project_copy / STATES
    edit(path, "    minimum_wage:\n      amount: federal", "    minimum_wage:\n      amont: federal")
    checked = check_project(project_copy)
    line = line_of(path, "amont: federal")
    assert (STATES, line, "load") in checked.records and "did you mean 'amount'?" in checked.text, checked


def test_a_contact_must_be_in_the_registry_and_local(project_copy):
    path = project_copy / STATES
    # Utah's pay office, whatever its website: the contact goes on the line after it.
    pay = line_of(path, "      website:", after=line_of(path, "    pay:", after=line_of(path, "  ut:")))
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    lines.insert(pay, "      contact: whdd\n")
    path.write_text("".join(lines), encoding="utf-8")
    assert_fails(project_copy, {(STATES, pay + 1, "contact-ids")}, "did you mean 'whd'?")
    edit(path, "      contact: whdd\n", "      contact: whd\n")
    assert_fails(project_copy, {(STATES, pay + 1, "state-entries")}, "contact 'whd' is a national contact")


def test_a_state_office_s_number_is_on_its_page_only():
    """A state's office (scope: local) reaches readers through its state's page, nowhere else."""
    found = _project()
    named = {part.contact for state in found.states.entries.values() for part in state.sections() if part.contact}
    assert named and all(found.registry.get(cid).scope == "local" for cid in named)
    assert not named & {c.id for c in found.registry.national()}


def test_a_passed_recheck_warns_and_a_recheck_needs_its_note(project_copy):
    path = project_copy / STATES
    line = line_of(path, "recheck: 2027-01-01", after=line_of(path, "  ca:"))
    assert (STATES, line, "rechecks") not in check_project(project_copy).dated
    assert (STATES, line, "rechecks") in check_project(project_copy, dt.date(2027, 1, 1)).dated
    edit(path, "      recheck_note: read the amount for this state on its labor department's page or the WHD state "
               "minimum wage page\n", "", count=1)
    first = line_of(path, "recheck: 2027-01-01")
    assert_fails(project_copy, {(STATES, first, "state-entries")}, "'recheck:' needs a 'recheck_note:' line")


def test_a_state_s_own_deadline_must_be_in_the_deadlines_file(project_copy):
    """A state's own deadlines live in data/deadlines.yml like every other; a section names them by id.
    A misspelt id is one message at the 'deadlines:' line, with the id it may be; an id in no list
    at all, or a 'deadlines:' that is not a list of ids, is one message there too."""
    path = project_copy / STATES
    line = line_of(path, "      deadlines: [lesion_aviso_fl]", after=line_of(path, "  fl:"))
    edit(path, "      deadlines: [lesion_aviso_fl]\n", "      deadlines: [lesion_avisos_fl]\n")
    assert_fails(project_copy, {(STATES, line, "state-entries")}, "did you mean 'lesion_aviso_fl'?")
    edit(path, "      deadlines: [lesion_avisos_fl]\n", "      deadlines: [zzz]\n")
    assert_fails(project_copy, {(STATES, line, "state-entries")}, "the deadline 'zzz' is not in data/deadlines.yml")
    edit(path, "      deadlines: [zzz]\n", "      deadlines: {es: 30 días}\n")
    assert_fails(project_copy, {(STATES, line, "state-entries")}, "'deadlines:' is a list of deadline ids")


def test_the_state_deadlines_are_named_by_id_and_read_on_official_pages():
    """Every id a state names is in data/deadlines.yml, with its source and checked day; FL's injury
    section names the 30 days to tell the employer (Florida Statutes 440.185)."""
    project = _project()
    named = [(code, key, did) for code, state in project.states.entries.items()
             for key in ("pay", "injury", "discrimination") for did in getattr(state, key).deadlines]
    assert ("fl", "injury", "lesion_aviso_fl") in named
    for code, key, did in named:
        deadline = project.deadlines.get(did)
        assert deadline is not None, (code, key, did)
        assert deadline.source.startswith("https://") and deadline.checked, did
        assert did.endswith(f"_{code}"), did
