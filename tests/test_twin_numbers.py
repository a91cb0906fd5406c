"""A text written in every language states the same numbers in each (the twin-numbers check): a
translator's slip in a data file ("60 days" beside "30 días") is one error at the translation's line."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import REGISTRY, assert_fails, check_project, edit, line_of
from scripts.checks.twin_numbers import clock, stated


@pytest.mark.parametrize("text, numbers", [
    ("Sube a $15.00 el 2 de julio de 2027.", {15, 2, 2027}),
    ("It goes up to $15 on 2 July 2027.", {15, 2, 2027}),
    ("treinta días", {30}),
    ("thirty days", {30}),
    ("$110,000 a year in sales or less may pay $4.00", {110000, 4}),
    ("de 8:00 a 17:00", {8, 17}),
    ("24 hours a day, in Spanish", {24}),         # "a day" is no number
    ("un año", set()),
])
def test_the_numbers_a_text_states(text, numbers):
    assert stated(text) == numbers


@pytest.mark.parametrize("path, old, new, words", [
    ("data/deadlines.yml", "      en: 30 days\n", "      en: 60 days\n",
     "deadline 'osha_represalia': the text (en) says 60 where the 'es' text says 30"),
    ("data/states.yml", "It goes up to $15.00 on 1 July 2027.", "It goes up to $16.00 on 1 July 2027.",
     "state 'ak', minimum_wage: the note (en) says 16 where the 'es' text says 15"),
    (REGISTRY, "      en: For TTY, dial 711 (relay service).", "      en: For TTY, dial 771 (relay service).",
     "contact 'whd': the note (en) says 771 where the 'es' text says 711"),
    ("data/que-paso.yml", "It answers 24 hours a day", "It answers 12 hours a day",
     "step 2 of outcome 'trata' (en) says 12 where the 'es' text says 24"),
    (REGISTRY, "      en: 8:00 a.m. to 5:00 p.m., Monday to Friday", "      en: 8:00 a.m. to 4:00 p.m., Monday to Friday",
     "the hours (en) says 4:00 where the 'es' text says 5:00"),
])
def test_a_number_translated_wrong_is_one_error_at_the_translation(project_copy: Path, path, old, new, words):
    edit(project_copy / path, old, new)
    line = line_of(project_copy / path, new.strip())
    assert_fails(project_copy, {(path, line, "twin-numbers")}, words)


def test_the_same_number_in_words_and_digits_is_no_error(project_copy: Path):
    edit(project_copy / "data/deadlines.yml", "      en: 30 days\n", "      en: thirty days\n")
    assert check_project(project_copy).of("twin-numbers") == set()


def test_a_number_translated_wrong_on_a_page_is_one_error_at_its_section(project_copy: Path):
    page = project_copy / "content/en/menores/index.md"
    edit(page, "- At 14 and 15, a young person may work only a few hours",
         "- At 14 and 16, a young person may work only a few hours")
    assert_fails(project_copy, {("content/en/menores/index.md", line_of(page, "{#fuera-del-campo}"), "twin-numbers")},
                 "the section 'fuera-del-campo' (en) says 16 where the 'es' page says 15")


def test_a_number_translated_wrong_in_a_flyer_line_is_one_error_at_the_block(project_copy: Path):
    page = project_copy / "content/en/menores/index.md"
    edit(page, "    - At 14 and 15, only outside school hours", "    - At 14 and 17, only outside school hours")
    assert_fails(project_copy, {("content/en/menores/index.md", line_of(page, "flyer:"), "twin-numbers")},
                 "the front matter's 'flyer:' (en) says 17")


def test_an_outdated_translation_is_only_the_outdated_warning(project_copy: Path):
    """The Spanish page was corrected (15 -> 16) and the English one is behind: a warning, as for
    any outdated translation, so the urgent fix still reaches the site."""
    edit(project_copy / "content/es/menores/index.md", "- A los 14 y 15 años", "- A los 14 y 16 años")
    checked = check_project(project_copy)
    assert not checked.failed and checked.of("twin-numbers") == set(), checked
    assert checked.of("translations-current"), checked


# Opening hours are a clock each language writes its own way: 17:00 is 5 p.m., 24 horas is 24 hours.
@pytest.mark.parametrize("spanish, english", [
    ("8:00 a 17:00, de lunes a viernes", "8:00 a.m. to 5:00 p.m., Monday to Friday"),
    ("de 9 a 18 h", "9 a.m. to 6 p.m."),
    ("8.30 a 16.30", "8:30 am - 4:30 pm"),
    ("24 horas, todos los días", "24 hours, every day"),
])
def test_the_same_hours_on_each_language_s_clock_read_the_same(spanish, english):
    assert clock(spanish) == clock(english) != set()


# A local edition prints its office's hours on every flyer of the edition, in each language.
def test_an_edition_s_hours_translated_wrong_is_one_error_and_its_own_clock_is_none(project_copy: Path):
    from test_editions import EDITION, with_edition
    path = with_edition(project_copy, EDITION.replace("en: Monday to Friday, 8:00 to 14:00", "en: Monday to Friday, 8 a.m. to 2 p.m."))
    assert check_project(project_copy).of("twin-numbers") == set()
    edit(path, "8 a.m. to 2 p.m.", "8 a.m. to 3 p.m.")
    line = line_of(path, "8 a.m. to 3 p.m.")
    checked = check_project(project_copy)  # (a new edition's addresses are the manifest's, tested with editions)
    assert checked.of("twin-numbers") == {("data/editions/houston.yml", line, "twin-numbers")}
    assert "edition 'houston': the hours (en) says 3:00 where the 'es' text says 2:00" in checked.text


def test_a_longer_number_is_no_time_of_day():
    assert clock("713-271-6800, 2026") == set() and clock("de 8 a 17.30 h") == {"8:00", "5:30"}
