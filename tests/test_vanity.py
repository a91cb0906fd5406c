"""A number spelled with letters (a vanity form) typed on a page is an error, like any number typed
by hand, with the registry's reference when the registry knows it (by its digits or its `vanity:`)."""
from __future__ import annotations

import pytest

from conftest import EN_WAGES, ES_WAGES, assert_fails, assert_site_kept, edit, line_of


def typed(root, text: str) -> int:
    edit(root / ES_WAGES, "\n## ", f"\nLlame al {text} hoy.\n\n## ")
    return line_of(root / ES_WAGES, f"Llame al {text} hoy.")


@pytest.mark.parametrize("text", [
    "1-888-ASK-USCIS",     # more letters than a phone dials
    "1-800-META-MX",       # six signs
    "888-77-SALUD",        # digits and letters mixed
    "1-800-H2A-INFO",
    "1-8OO-FLY-FREE",      # letter O for zero
    "877-SOS-CHAMBA",
    "1 800 CALL NOW",
    "(202) DOL-AYUDA",     # an area code, not toll-free
    "1-800-fly-free",      # small letters after a toll-free prefix
])
def test_a_vanity_number_not_in_the_registry_is_an_error(project_copy, text):
    line = typed(project_copy, text)
    assert_fails(project_copy, {(ES_WAGES, line, "handwritten-numbers")}, "spelled with letters must come from data/contacts.yml",
                 only="handwritten-numbers")


@pytest.mark.parametrize("text, contact", [
    ("1-800-321-OSHA", "osha"),     # the registry's own vanity form
    ("1-800-321-osha", "osha"),     # in small letters: the same number
    ("1-866-4-USWAGE", "whd"),
    ("1-866-487-WAGE", "whd"),      # another spelling of WHD's digits (9243 = WAGE on a keypad)
])
def test_a_vanity_number_the_registry_knows_gets_its_reference(project_copy, text, contact):
    line = typed(project_copy, text)
    assert_fails(project_copy, {(ES_WAGES, line, "handwritten-numbers")}, f"write [[phone:{contact}]] instead",
                 only="handwritten-numbers")


@pytest.mark.parametrize("text", ["H-2A y H-2B", "el formulario ETA-9142A", "el 800 de la OSHA", "855 DOLARES al mes"])
def test_words_that_only_look_like_it_pass(project_copy, text):
    typed(project_copy, text)
    edit(project_copy / EN_WAGES, "\n## ", "\nCall today.\n\n## ")
    from conftest import check_project
    assert not check_project(project_copy).of("handwritten-numbers")


def test_the_site_is_not_rebuilt(project_copy):
    typed(project_copy, "1-888-ASK-USCIS")
    assert_site_kept(project_copy, "1-888-ASK-USCIS")
