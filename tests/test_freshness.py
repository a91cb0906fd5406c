"""Fact freshness: an old 'reviewed' or 'checked' date is a warning, an error with --strict."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from conftest import ES_WAGES, REGISTRY, ROOT, TODAY, check_project, run_cli, set_line

from scripts.core import project
from scripts.checks.freshness import months_before


def test_old_reviewed_date_is_a_warning_and_strict_makes_it_an_error(project_copy):
    line = set_line(project_copy / ES_WAGES, "reviewed:", "reviewed: 2019-03-04")
    checked = check_project(project_copy)
    assert not checked.failed, checked
    assert (ES_WAGES, line, "freshness") in checked.dated and not checked.records, checked
    strict = run_cli(project_copy, "check", "--strict")  # the command line: --strict makes it an error
    assert strict.returncode == 1
    assert f"{ES_WAGES}:{line}: reviewed on 2019-03-04, more than 12 months ago" in strict.stdout
    assert re.search(r"check: [1-9]\d* error", strict.stdout)


def test_old_contact_check_date_is_a_warning_at_its_line(project_copy):
    line = set_line(project_copy / REGISTRY, "    checked:", "    checked: 2018-07-01")
    checked = check_project(project_copy)
    assert not checked.failed, checked
    assert (REGISTRY, line, "freshness") in checked.dated and not checked.records, checked
    assert "was checked on 2018-07-01" in checked.text


def test_the_age_limit_comes_from_the_config(project_copy):
    # Every page of the real tree was reviewed on some day; with a zero-day budget they would all be
    # old, so a limit of one month and a date two months back must warn, and 36 months must not.
    two_months_ago = months_before(TODAY, 2).isoformat()
    line = set_line(project_copy / ES_WAGES, "reviewed:", f"reviewed: {two_months_ago}")
    set_line(project_copy / "data/checks.yml", "max_age_months:", "max_age_months: 1")
    checked = check_project(project_copy)
    assert (ES_WAGES, line, "freshness") in checked.dated, checked
    assert f"reviewed on {two_months_ago}, more than 1 months ago" in checked.text
    set_line(project_copy / "data/checks.yml", "max_age_months:", "max_age_months: 36")
    assert (ES_WAGES, line, "freshness") not in check_project(project_copy).dated


def test_broken_config_is_reported_at_its_line(project_copy):
    line = set_line(project_copy / "data/checks.yml", "max_age_months:", "max_age_months: soon")
    checked = check_project(project_copy)
    assert checked.failed
    assert checked.records == {("data/checks.yml", line, "load")}, checked
    assert "'max_age_months:' must be a whole number" in checked.text


@pytest.mark.parametrize("day", [dt.date(2027, 2, 1), dt.date(2028, 6, 1), dt.date(2040, 1, 1)])
def test_passed_dates_in_the_real_project_never_fail_the_check(day):
    # Years from now every review is old and every re-check has come: make check warns, and
    # make test (which runs it without --strict) stays green.
    checked = check_project(ROOT, day)
    assert not checked.failed and not checked.records, checked
    assert "rechecks" in {check for _, _, check in checked.dated}, checked
    if day.year >= 2040:
        assert "freshness" in {check for _, _, check in checked.dated}, checked


def test_likely_report_lists_every_likely_contact(project_copy):
    registry = project.load(project_copy).registry
    likely = [c for c in registry.contacts.values() if c.confidence == "likely"]
    if not likely:  # make one, so the report has something to show
        line = set_line(project_copy / REGISTRY, "    confidence:", "    confidence: likely")
        registry = project.load(project_copy).registry
        likely = [c for c in registry.contacts.values() if c.confidence == "likely"]
        assert likely and line
    result = run_cli(project_copy, "likely")
    assert result.returncode == 0
    for contact in likely:
        assert re.search(rf"^{REGISTRY}:{contact.line}: {contact.id}: .*last checked {contact.checked.isoformat()}",
                         result.stdout, re.MULTILINE), result.stdout
    assert f"likely: {len(likely)} contact(s) to confirm" in result.stdout


# A likely number's check date is no longer printed under it: a likely number is printed as any
# other, in every medium (issue 26, item 8; docs/contacts.md; tests/test_unconfirmed_numbers.py).


def test_months_before_handles_short_months():
    assert months_before(dt.date(2024, 2, 29), 12) == dt.date(2023, 2, 28)
    assert months_before(dt.date(2026, 3, 31), 1) == dt.date(2026, 2, 28)
    assert months_before(dt.date(2026, 1, 15), 12) == dt.date(2025, 1, 15)
