"""Markup in a text field is an error at its line (issue 28, part 1): a page's title, description,
flyer title and sources, every line of data/strings/*.yml, the guided path's texts, the registry's
and the deadlines' words. The site escapes every field (tests/test_escaping.py); the check tells the
maintainer before anything is published, so a title carrying `</title><script>` or an outside
redirect is caught once, in plain words, and site/ stays as it was."""
from __future__ import annotations

import pytest

from conftest import ES_WAGES, EN_WAGES, REGISTRY, assert_fails, assert_site_kept, check_project, edit, line_of

TREE = "data/que-paso.yml"
SCRIPT = "X</title><script src=/x.js></script>"
REFRESH = '<meta http-equiv="refresh" content="0;url=https://evil.example">'


@pytest.mark.parametrize("path, old, new, at", [
    (ES_WAGES, "title: Salarios y horas de trabajo", f"title: '{SCRIPT}'", "title: '"),
    (ES_WAGES, "description: Cuánto", f"description: Cuánto {REFRESH}", "description: Cuánto"),
    (ES_WAGES, "  title: Sus derechos sobre el pago", f"  title: Pago <!-- x --> {SCRIPT}", "  title: Pago"),  # the flyer's
    (ES_WAGES, "    - Le deben pagar por cada hora que trabaja.",
     "    - Le deben pagar <img src=x onerror=alert(1)> por cada hora.", "<img"),                # a flyer's line
    (ES_WAGES, "  - https://www.dol.gov/agencies/whd/overtime",
     "  - https://www.dol.gov/agencies/whd/overtime\n  - javascript:alert(1)", "javascript:"),   # sources:
    (ES_WAGES, "    - me deben dinero", "    - 'me deben dinero {: onclick=x }'", "{: onclick"),  # a phrase
    ("data/strings/es.yml", "hours: Horario", f"hours: '{REFRESH}'", "hours:"),
    ("data/strings/en.yml", "sources: Sources", "sources: >-\n  Sources\n  </title><script src=/x.js></script>",
     "</title><script"),                                                                           # a folded text
    (TREE, "      es: ¿Qué le pasó?", f"      es: ¿Qué le pasó? {SCRIPT}", "¿Qué le pasó? X"),   # a question
    (TREE, "        - Cuando pueda, avise a su patrón por escrito que pasó en el trabajo.",
     "        - Cuando pueda, avise <a href=//evil.example>aquí</a>.", "<a href"),                # a step
    ("data/states.yml", "      es: Alabama", f"      es: Alabama {SCRIPT}", "es: Alabama X"),
    ("data/deadlines.yml", "      es: 30 días", f"      es: 30 días {SCRIPT}", "es: 30 días X"),
])
def test_markup_in_a_text_field_is_an_error_at_its_line(project_copy, path, old, new, at):
    edit(project_copy / path, old, new)
    line = line_of(project_copy / path, at)
    assert_fails(project_copy, {(path, line, "field-markup")}, "which is web-page code, not words", only="field-markup")


def test_a_contact_note_with_markup_is_an_error(project_copy):
    text = (project_copy / REGISTRY).read_text(encoding="utf-8")
    start = text.index("\n    note:")
    line_start = text.index("\n", text.index("\n", start + 1)) + 1   # the note's first language line
    end = text.index("\n", line_start)
    edit(project_copy / REGISTRY, text[line_start:end], text[line_start:end] + " <script>x</script>")
    line = text[:line_start].count("\n") + 1
    assert_fails(project_copy, {(REGISTRY, line, "field-markup")}, "'<script>'", only="field-markup")


def test_words_that_look_like_markup_are_words(project_copy):
    edit(project_copy / EN_WAGES, "title: ", "title: Pay < $7.25 an hour: 2 > 1, {not a list} ")
    assert not check_project(project_copy).of("field-markup")


def test_the_real_fields_hold_no_markup():
    from conftest import ROOT
    assert not check_project(ROOT).of("field-markup")


def test_the_site_is_not_rebuilt(project_copy):
    edit(project_copy / ES_WAGES, "title: Salarios y horas de trabajo", f"title: '{SCRIPT}'")
    assert_site_kept(project_copy, "which is web-page code, not words")
