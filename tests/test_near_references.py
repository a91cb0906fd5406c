"""A reference written with other brackets ({{phone:whd}}, ((phone:whd)), [phone:whd], <<…>>, a '='
for the colon…) would be published as typed: one error at its line with the right form, on a page,
in a flyer's words and in the guided path's steps."""
from __future__ import annotations

import pytest

from conftest import EN_WAGES, ES_WAGES, assert_fails, assert_site_kept, check_project, edit, line_of

TREE = "data/que-paso.yml"


def put_in_both(root, spanish: str, english: str = "[[phone:whd]]") -> int:
    """The written form in the Spanish wages page (a valid twin in English); returns its line."""
    edit(root / ES_WAGES, "\n## ", f"\nLlame a {spanish} hoy.\n\n## ")
    edit(root / EN_WAGES, "\n## ", f"\nCall {english} today.\n\n## ")
    return line_of(root / ES_WAGES, f"Llame a {spanish} hoy.")


@pytest.mark.parametrize("written, right", [
    ("{{phone:whd}}", "[[phone:whd]]"),
    ("((phone:whd))", "[[phone:whd]]"),
    ("[phone:whd]", "[[phone:whd]]"),
    ("{phone:whd}", "[[phone:whd]]"),
    ("<<phone:whd>>", "[[phone:whd]]"),
    ("[(phone:whd)]", "[[phone:whd]]"),
    ("(phone:whd)", "[[phone:whd]]"),
    ("{{ contact:whd }}", "[[contact:whd]]"),
    ("[[phone=whd]]", "[[phone:whd]]"),
    ("{{telefono:whd}}", "[[phone:whd]]"),
    ("((Phone:WHD))", "[[phone:whd]]"),
    ("{{directory}}", "[[directory]]"),
    ("<<deadline:osha_represalia>>", "[[deadline:osha_represalia]]"),
])
def test_a_reference_with_other_brackets_is_one_error_with_the_right_form(project_copy, written, right):
    english = "[[contact:whd]]" if "contact" in written else "[[directory]]" if "directory" in written else \
        "[[deadline:osha_represalia]]" if "deadline" in written else "[[phone:whd]]"
    line = put_in_both(project_copy, written, english)
    assert_fails(project_copy, {(ES_WAGES, line, "reference-syntax")}, f"'{written}' is not a valid reference",
                 only="reference-syntax")
    assert f"did you mean {right}?" in check_project(project_copy).text


@pytest.mark.parametrize("text", ["(llame al: 911)", "(ver: salarios)", "(fecha: 2026)", "<br>", "(H-2A: visa)"])
def test_ordinary_words_in_brackets_pass(project_copy, text):
    put_in_both(project_copy, text, "[[phone:whd]]")
    assert not check_project(project_copy).of("reference-syntax")


@pytest.mark.parametrize("written, right", [("{{phone:emergencia}}", "[[phone:emergencia]]"),
                                            ("[phone:emergencia]", "[[phone:emergencia]]"),
                                            ("[[phone:emergencia]", "[[phone:emergencia]]")])
def test_in_the_guided_path_too(project_copy, written, right):
    path = project_copy / TREE
    text = path.read_text(encoding="utf-8")
    step = next(line for line in text.splitlines() if "[[phone:emergencia]]" in line)
    edit(path, step, step.replace("[[phone:emergencia]]", written))
    assert_fails(project_copy, {(TREE, line_of(path, step.replace("[[phone:emergencia]]", written)), "que-paso-numbers")},
                 f"write {right}", only="que-paso-numbers")


def test_the_site_is_not_rebuilt(project_copy):
    put_in_both(project_copy, "{{phone:whd}}")
    assert_site_kept(project_copy, "did you mean [[phone:whd]]?")
