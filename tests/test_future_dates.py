"""A review or check day after today (project.today, never the clock) is an error at its line:
the site would print a promise that no person kept yet."""
from __future__ import annotations

import datetime as dt

import pytest

from conftest import EN_WAGES, ES_WAGES, REGISTRY, TODAY, assert_fails, assert_site_kept, check_project, set_line

TOMORROW = (TODAY + dt.timedelta(days=1)).isoformat()
NEXT_YEAR = TODAY.replace(year=TODAY.year + 1).isoformat()


@pytest.mark.parametrize("path, prefix, new", [
    (ES_WAGES, "reviewed:", f"reviewed: {TOMORROW}"),          # one day late: a slip of the finger
    (EN_WAGES, "reviewed:", f"reviewed: {NEXT_YEAR}"),         # the wrong year
    (REGISTRY, "    checked:", f"    checked: {NEXT_YEAR}"),   # a contact's check day
    ("data/deadlines.yml", "    checked:", f"    checked: {TOMORROW}"),
    ("data/que-paso.yml", "reviewed:", f"reviewed: {TOMORROW}"),
    ("data/states.yml", "      since:", f"      since: {TOMORROW}"),  # a minimum wage not yet in force
])
def test_a_day_after_today_is_an_error_at_its_line(project_copy, path, prefix, new):
    line = set_line(project_copy / path, prefix, new)
    assert_fails(project_copy, {(path, line, "future-dates")}, "is after today")


def test_today_itself_is_fine(project_copy):
    set_line(project_copy / ES_WAGES, "reviewed:", f"reviewed: {TODAY.isoformat()}")
    assert not check_project(project_copy).failed


def test_the_day_is_the_projects_not_the_clocks(project_copy):
    """On an earlier --today, the real project's own review days are 'after today'."""
    checked = check_project(project_copy, today=TODAY - dt.timedelta(days=400))
    assert ("data/que-paso.yml", 10, "future-dates") in checked.of("future-dates")


def test_the_site_is_not_rebuilt(project_copy):
    set_line(project_copy / ES_WAGES, "reviewed:", f"reviewed: {NEXT_YEAR}")
    assert_site_kept(project_copy, "is after today")


def test_a_minimum_wage_not_yet_in_force_says_to_announce_it_in_the_note(project_copy):
    line = set_line(project_copy / "data/states.yml", "      since:", f"      since: {NEXT_YEAR}")
    assert_fails(project_copy, {("data/states.yml", line, "future-dates")},
                 f"state 'ak', minimum_wage: 'since: {NEXT_YEAR}' is after today ({TODAY.isoformat()}): the state "
                 "page would show $14.00 as the minimum wage today. Until that day keep today's amount")
