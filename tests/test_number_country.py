"""The contact's group decides the country of an ambiguous number, and a number in the other
country's form (a Mexican 800 line written 1-800-…, then copied as "+1800…") is an error that
names both readings, until the contact says where its line is (`country:`)."""
from __future__ import annotations

import pytest

from conftest import REGISTRY, assert_fails, assert_site_kept, check_project, edit, line_of

PROFEDET = 'phone: "+528007172942"'   # a Mexican office (group: mx), a Mexican toll-free line
WHD = 'phone: "+18664879243"'         # a US office (group: us)


@pytest.mark.parametrize("typed, first, second", [
    ("1-800-717-2942", "+528007172942", "+18007172942"),     # the slip: the US habit, a leading 1
    ("1 (800) 717 2942", "+528007172942", "+18007172942"),
    ("1.800.717.2942", "+528007172942", "+18007172942"),
    ("+1 800 717 2942", "+18007172942", "+528007172942"),    # written with +1: named, with the Mexican reading
    ("001 800 717 2942", "+18007172942", "+528007172942"),   # the US from Mexico
    ("+18007172942", "+18007172942", "+528007172942"),       # copied as the old advice said: still an error
])
def test_a_mexican_office_with_a_number_in_the_us_form_names_both_readings(project_copy, typed, first, second):
    edit(project_copy / REGISTRY, PROFEDET, f'phone: "{typed}"')
    line = line_of(project_copy / REGISTRY, f'phone: "{typed}"')
    checked = assert_fails(project_copy, {(REGISTRY, line, "registry")}, "country: us")
    assert first in checked.text and second in checked.text
    assert "group: mx" in checked.text


@pytest.mark.parametrize("typed, value", [
    ("800 717 2942", "+528007172942"),      # ten digits, no country: the group decides
    ("01 800 717 2942", "+528007172942"),   # the old Mexican long-distance form
    ("(800) 717-2942", "+528007172942"),
])
def test_the_group_decides_an_ambiguous_number(project_copy, typed, value):
    edit(project_copy / REGISTRY, PROFEDET, f'phone: "{typed}"')
    checked = assert_fails(project_copy, {(REGISTRY, line_of(project_copy / REGISTRY, f'phone: "{typed}"'), "registry")},
                           f'write "{value}" (a Mexican number')
    assert "+18007172942" not in checked.text  # no need to name the US reading: the form is not the US one


def test_a_us_office_is_read_as_us_and_the_mexican_form_names_both(project_copy):
    edit(project_copy / REGISTRY, WHD, 'phone: "(866) 487-9243"')
    assert_fails(project_copy, {(REGISTRY, line_of(project_copy / REGISTRY, "(866) 487-9243"), "registry")},
                 'write "+18664879243" (a US number')
    edit(project_copy / REGISTRY, 'phone: "(866) 487-9243"', 'phone: "+528664879243"')
    checked = assert_fails(project_copy, {(REGISTRY, line_of(project_copy / REGISTRY, "+528664879243"), "registry")},
                           "country: mx")
    assert "+18664879243" in checked.text


def test_country_confirms_a_line_in_the_other_country(project_copy):
    edit(project_copy / REGISTRY, PROFEDET, 'phone: "+18007172942"\n    country: us')
    assert not check_project(project_copy).of("registry")


def test_country_that_contradicts_the_number_is_an_error(project_copy):
    edit(project_copy / REGISTRY, PROFEDET, f'{PROFEDET}\n    country: us')
    assert_fails(project_copy, {(REGISTRY, line_of(project_copy / REGISTRY, PROFEDET), "registry")},
                 "'country: us' says the line is in the United States")


def test_a_number_only_one_country_has_needs_no_country(project_copy):
    """CIAM (group: mx) answers at a US number no Mexican reading matches: nothing to confirm."""
    assert not check_project(project_copy).of("registry")


def test_the_site_is_not_rebuilt(project_copy):
    edit(project_copy / REGISTRY, PROFEDET, 'phone: "+18007172942"')
    assert_site_kept(project_copy, "is a US number, but this contact is an office in Mexico")
