"""Two contacts with the same number is an error (one office given another's number), unless
both say why under `shared:` (the 711 relay service)."""
from __future__ import annotations

import pytest

from conftest import REGISTRY, assert_fails, assert_site_kept, check_project, edit, line_of

NLRB = 'phone: "+18447626572"'


@pytest.mark.parametrize("kind_line, number", [
    ('phone: "+18664879243"', "+18664879243"),   # WHD's main number pasted into NLRB
    ('phone: "+18006696820"', "+18006696820"),   # EEOC's TTY number as NLRB's phone: another field
    ('phone: "+18003216742"', "+18003216742"),   # OSHA's
])
def test_one_office_given_anothers_number_is_one_error(project_copy, kind_line, number):
    edit(project_copy / REGISTRY, NLRB, kind_line)
    line = line_of(project_copy / REGISTRY, kind_line, after=line_of(project_copy / REGISTRY, "  nlrb:"))
    assert_fails(project_copy, {(REGISTRY, line, "shared-numbers")}, f'"{number}" is also the number of')


def test_a_shared_line_without_a_reason_on_both_is_an_error(project_copy):
    path = project_copy / REGISTRY
    edit(path, "    shared:\n      tty: 711 is the relay service for deaf callers, the same number for every office\n", "")
    # WHD lost its reason: the one message is at WHD's number, naming DOL's contact centre
    checked = assert_fails(project_copy, {(REGISTRY, line_of(path, 'tty: "711"'), "shared-numbers")},
                           "say why on each contact (whd)")
    assert len(checked.errors) == 1


def test_a_third_contact_with_711_must_say_why_too(project_copy):
    path = project_copy / REGISTRY
    edit(path, NLRB, f'{NLRB}\n    tty: "711"')
    assert_fails(project_copy, {(REGISTRY, line_of(path, 'tty: "711"', after=line_of(path, "  nlrb:")), "shared-numbers")},
                 "say why on each contact (nlrb)")
    edit(path, f'{NLRB}\n    tty: "711"', f'{NLRB}\n    tty: "711"\n    shared:\n      tty: the relay service')
    assert not check_project(project_copy).of("shared-numbers")


def test_shared_names_a_number_the_contact_has(project_copy):
    path = project_copy / REGISTRY
    edit(path, NLRB, f"{NLRB}\n    shared:\n      sms: a text line")
    assert_fails(project_copy, {(REGISTRY, line_of(path, "sms: a text line"), "shared-numbers")}, "which is not one of its numbers")


def test_the_site_is_not_rebuilt(project_copy):
    edit(project_copy / REGISTRY, NLRB, 'phone: "+18664879243"')
    assert_site_kept(project_copy, "is also the number of")
