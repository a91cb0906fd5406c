"""A page (or a section, or a flyer's words) whose text is mostly in the other language is an error:
copied and not translated, it would be published under the wrong lang. The measure and its
threshold (core/language.py) were taken on the real pages, which all pass."""
from __future__ import annotations

import re

from conftest import EN_WAGES, ES_WAGES, ROOT, assert_fails, assert_site_kept, check_project, line_of


def body_of(path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[1]


def front_of(path) -> str:
    return path.read_text(encoding="utf-8").split("\n---\n", 1)[0]


def body_line(path) -> int:
    return front_of(path).count("\n") + 3


def test_an_english_page_left_in_spanish_is_one_error(project_copy):
    """The issue's slip: the Spanish text copied into the English page, front matter kept."""
    en, es = project_copy / EN_WAGES, project_copy / ES_WAGES
    en.write_text(front_of(en) + "\n---\n" + body_of(es), encoding="utf-8")
    assert_fails(project_copy, {(EN_WAGES, body_line(en), "page-language")}, "this page is in Spanish, not English",
                 only="page-language")


def test_a_spanish_page_left_in_english_is_one_error(project_copy):
    en, es = project_copy / EN_WAGES, project_copy / ES_WAGES
    es.write_text(front_of(es) + "\n---\n" + body_of(en), encoding="utf-8")
    assert_fails(project_copy, {(ES_WAGES, body_line(es), "page-language")}, "this page is in English, not Spanish",
                 only="page-language")


def test_one_section_left_untranslated(project_copy):
    """A section pasted from the Spanish page into the English one: the message is at its heading."""
    en, es = project_copy / EN_WAGES, project_copy / ES_WAGES
    spanish = re.search(r"^## .*\{#horas-extra\}.*?(?=^## )", body_of(es), re.S | re.M).group(0)
    english = re.search(r"^## .*\{#horas-extra\}.*?(?=^## )", body_of(en), re.S | re.M).group(0)
    en.write_text(en.read_text(encoding="utf-8").replace(english, spanish), encoding="utf-8")
    line = line_of(en, spanish.splitlines()[0])
    assert_fails(project_copy, {(EN_WAGES, line, "page-language")}, "is in Spanish, not English", only="page-language")


def test_a_flyer_left_in_spanish(project_copy):
    en, es = project_copy / EN_WAGES, project_copy / ES_WAGES
    flyer = re.compile(r"^flyer:\n(?:[ \t].*\n)*", re.M)
    en.write_text(flyer.sub(flyer.search(es.read_text(encoding="utf-8")).group(0), en.read_text(encoding="utf-8"), count=1),
                  encoding="utf-8")
    checked = check_project(project_copy)
    assert (EN_WAGES, line_of(en, "flyer:"), "page-language") in checked.of("page-language"), checked
    assert "the flyer's words are in Spanish" in checked.text


def test_every_real_page_passes():
    assert not check_project(ROOT).of("page-language")


def test_the_site_is_not_rebuilt(project_copy):
    en, es = project_copy / EN_WAGES, project_copy / ES_WAGES
    en.write_text(front_of(en) + "\n---\n" + body_of(es), encoding="utf-8")
    assert_site_kept(project_copy, "this page is in Spanish, not English")
