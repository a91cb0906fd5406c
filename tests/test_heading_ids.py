"""A heading id written loosely is one error at its heading (not also a twin, a link, a phrase or
a guided-path message about the section it lost), with the right form."""
from __future__ import annotations

import pytest

from conftest import ES_WAGES, EN_WAGES, assert_fails, assert_site_kept, check_project, edit, line_of

HEADING = "{#queja}"  # the wages page's complaint section: phrases, the guided path and links name it


@pytest.mark.parametrize("path, written", [
    (ES_WAGES, "{# queja}"),      # a space after '#': a broken attribute, the anchor gone
    (ES_WAGES, "{#Queja}"),       # a capital: another address
    (EN_WAGES, "{#quejá}"),       # an accent
    (ES_WAGES, "(#queja)"),       # other brackets: shown as text
    (ES_WAGES, "[#queja]"),
    (ES_WAGES, "{{#queja}}"),
    (EN_WAGES, "{#queja"),        # never closed
    (ES_WAGES, "{queja}"),        # no '#'
    (ES_WAGES, "{#horas extra}"),  # a space inside, for a hyphen
])
def test_a_loose_heading_id_is_one_error_at_its_line(project_copy, path, written):
    heading, meant = ("{#horas-extra}", "horas-extra") if "horas" in written else (HEADING, "queja")
    edit(project_copy / path, heading, written)
    line = line_of(project_copy / path, written)
    checked = assert_fails(project_copy, {(path, line, "heading-ids")}, f"'{written}' is written loosely",
                           only="heading-ids")
    assert f"End the heading with {{#{meant}}}" in checked.text
    assert {p.check for p in checked.problems if p.severity == "error"} == {"heading-ids"}, checked


@pytest.mark.parametrize("written", ["{: #queja }", "{ #queja }", "{#queja .aviso}"])
def test_the_other_forms_the_site_reads_pass(project_copy, written):
    edit(project_copy / ES_WAGES, HEADING, written)
    assert not check_project(project_copy).of("heading-ids")


def test_a_heading_id_inside_a_code_block_is_left_alone(project_copy):
    edit(project_copy / ES_WAGES, "\n## ", "\n```\n## Ejemplo {# ejemplo}\n```\n\n## ", 1)
    assert not check_project(project_copy).of("heading-ids")


def test_the_site_is_not_rebuilt(project_copy):
    edit(project_copy / ES_WAGES, HEADING, "{# queja}")
    assert_site_kept(project_copy, "is written loosely")
