"""The federal minimum wage is data/pay-log.yml's amount wherever a page, the guided path or the
words files say it: a slip is one error at its line, and a change of the amount in the file names
every place that still says the old one."""
from __future__ import annotations

from pathlib import Path

from conftest import EN_WAGES, ES_WAGES, append_line, check_project, edit, line_of


def test_a_mistyped_federal_minimum_on_a_page_is_an_error_at_its_line(project_copy: Path):
    page = project_copy / ES_WAGES
    edit(page, "el salario mínimo federal es de **$7.25 por hora**", "el salario mínimo federal es de **$7.52 por hora**")
    line = line_of(page, "$7.52 por hora")
    checked = check_project(project_copy)
    assert (ES_WAGES, line, "federal-wage") in checked.errors, checked
    assert {r for r in checked.errors if r[2] == "federal-wage"} == {(ES_WAGES, line, "federal-wage")}
    assert "the federal minimum wage is written '$7.52' here, but data/pay-log.yml" in checked.text
    assert "says $7.25: write $7.25" in checked.text


def test_a_mistyped_amount_in_the_words_files_is_an_error_at_its_key(project_copy: Path):
    words = project_copy / "data/strings/en.yml"
    edit(words, "The federal one applies: $7.25 an hour.", "The federal one applies: $5.15 an hour.")
    line = line_of(words, "st_wage_federal:")
    checked = check_project(project_copy)
    assert checked.errors == {("data/strings/en.yml", line, "federal-wage")}, checked
    assert "'st_wage_federal': the federal minimum wage is written '$5.15'" in checked.text


def test_a_new_federal_minimum_names_every_place_that_still_says_the_old_one(project_copy: Path):
    edit(project_copy / "data/pay-log.yml", 'amount: "7.25"', 'amount: "9.00"')
    checked = check_project(project_copy)
    places = {(path, line) for path, line, check in checked.errors if check == "federal-wage"}
    assert {path for path, _ in places} == {ES_WAGES, EN_WAGES, "data/strings/es.yml", "data/strings/en.yml"}, checked
    assert len(places) == 10, places  # each page's text and flyer line, three words in each language
    assert "says $9.00: write $9.00" in checked.text


def test_other_amounts_are_not_the_federal_minimum(project_copy: Path):
    append_line(project_copy / EN_WAGES, "If you earn $10 an hour, overtime is $15. A state may pay $16.90.")
    assert not check_project(project_copy).of("federal-wage")
