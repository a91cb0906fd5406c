"""`make check`: each rule fails on a copy broken in exactly that way, naming file and line."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from scripts.problems import failed

from conftest import EN_WAGES, ES_WAGES, REGISTRY, ROOT, check_problems, edit, line_of, run_cli


def check(root: Path):
    result = run_cli(root, "check")
    assert "Traceback" not in result.stdout + result.stderr
    return result


def lines_of(text: str, path: str) -> list[int]:
    return [int(m) for m in re.findall(re.escape(path) + r":(\d+): ", text)]


def assert_fails(root: Path, path: str, words: str, line: int | None = None) -> str:
    """In process (the command line is tested once below): an error is found, and a problem of
    path (at line) says words. Returns every problem as printed, for further asserts."""
    problems = check_problems(root)
    printed = "\n".join(str(p) for p in problems)
    assert failed(problems), printed
    found = [p for p in problems if p.path == path and words in str(p)]
    assert found, f"no message for {path} containing {words!r} in:\n{printed}"
    if line is not None:
        assert any(p.line == line for p in found), printed
    return printed


def test_the_real_tree_passes():
    result = check(ROOT)
    assert result.returncode == 0, result.stdout
    assert "check: no errors" in result.stdout


# Parity --------------------------------------------------------------------------------------

def test_spanish_page_without_english_twin(project_copy):
    (project_copy / EN_WAGES).unlink()
    out = assert_fails(project_copy, ES_WAGES, "no twin in 'en'", 1)
    assert EN_WAGES in out


def test_english_page_without_spanish_twin(project_copy):
    extra = project_copy / "content/en/solo/index.md"
    extra.parent.mkdir()
    extra.write_text((project_copy / EN_WAGES).read_text(encoding="utf-8"), encoding="utf-8")
    assert_fails(project_copy, "content/en/solo/index.md", "no twin in 'es'", 1)


def test_empty_twin(project_copy):
    page = project_copy / EN_WAGES
    text = page.read_text(encoding="utf-8")
    front = text[: text.index("\n---", 3) + 4]
    page.write_text(front + "\n\n", encoding="utf-8")
    assert_fails(project_copy, EN_WAGES, "no text below its front matter")


# Front matter --------------------------------------------------------------------------------

def test_missing_title(project_copy):
    page = project_copy / ES_WAGES
    line = line_of(page, "title:")
    edit(page, page.read_text(encoding="utf-8").splitlines()[line - 1] + "\n", "")
    assert_fails(project_copy, ES_WAGES, "'title:' is missing")


def test_reviewed_not_a_date(project_copy):
    page = project_copy / ES_WAGES
    line = line_of(page, "reviewed:")
    edit(page, page.read_text(encoding="utf-8").splitlines()[line - 1], "reviewed: ayer")
    assert_fails(project_copy, ES_WAGES, "is not a date", line)


def test_source_not_a_url(project_copy):
    page = project_copy / EN_WAGES
    line = line_of(page, "sources:") + 1
    edit(page, page.read_text(encoding="utf-8").splitlines()[line - 1], "  - the DOL website")
    assert_fails(project_copy, EN_WAGES, "is not a web address", line)


def test_broken_front_matter_yaml(project_copy):
    page = project_copy / ES_WAGES
    line = line_of(page, "description:")
    edit(page, page.read_text(encoding="utf-8").splitlines()[line - 1], 'description: "sin cerrar')
    assert_fails(project_copy, ES_WAGES, "a quote opened on this line is never closed", line)


def test_no_front_matter(project_copy):
    page = project_copy / ES_WAGES
    text = page.read_text(encoding="utf-8")
    page.write_text(text[text.index("\n---", 3) + 4:], encoding="utf-8")
    assert_fails(project_copy, ES_WAGES, "no front matter", 1)


# Registry ------------------------------------------------------------------------------------

def test_duplicate_contact_id(project_copy):
    registry = project_copy / REGISTRY
    text = registry.read_text(encoding="utf-8")
    block = text[text.index("  osha:\n"): text.index("  eeoc:\n")]
    registry.write_text(text + block, encoding="utf-8")
    second = len(text.splitlines()) + 1
    assert_fails(project_copy, REGISTRY, "'osha' appears twice", second)


def test_invalid_number(project_copy):
    registry = project_copy / REGISTRY
    line = line_of(registry, '"+18003216742"')
    edit(registry, '"+18003216742"', '"+1800321674"')
    assert_fails(project_copy, REGISTRY, "contact 'osha', phone", line)


def test_number_not_e164(project_copy):
    edit(project_copy / REGISTRY, '"+18003216742"', '"1-800-321-6742"')
    assert_fails(project_copy, REGISTRY, "E.164")


def test_name_missing_in_english(project_copy):
    registry = project_copy / REGISTRY
    edit(registry, "      en: Occupational Safety and Health Administration (OSHA)\n", "")
    assert_fails(project_copy, REGISTRY, "'name' has no text in 'en'")


def test_missing_source_and_bad_date(project_copy):
    registry = project_copy / REGISTRY
    edit(registry, "    source: https://www.osha.gov/contactus\n", "")
    text = registry.read_text(encoding="utf-8")
    start = text.index("  osha:")
    line = text[:start].count("\n") + text[start:].split("checked:")[0].count("\n") + 1
    registry.write_text(text[:start] + text[start:].replace("checked: 2026-11-23", "checked: pronto", 1), encoding="utf-8")
    out = assert_fails(project_copy, REGISTRY, "contact 'osha': 'source:'")
    assert f"{REGISTRY}:{line}: contact 'osha': 'checked: pronto' is not a date" in out


def test_unknown_field_is_a_typo(project_copy):
    edit(project_copy / REGISTRY, "    vanity: 1-800-321-OSHA\n", "    vanitty: 1-800-321-OSHA\n")
    assert_fails(project_copy, REGISTRY, "unknown field 'vanitty'")


def test_broken_registry_yaml(project_copy):
    registry = project_copy / REGISTRY
    line = line_of(registry, "  osha:")
    edit(registry, "  osha:\n", "  osha: [\n")
    assert_fails(project_copy, REGISTRY, "'[' opened on this line is never closed", line)


def test_missing_registry(project_copy):
    (project_copy / REGISTRY).unlink()
    assert_fails(project_copy, REGISTRY, "file not found", 1)


# Pages ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["1-800-321-6742", "(800) 321-6742", "1-800-321-OSHA", "800 717 2942", "911", "+52 800 717 2942"])
def test_number_typed_by_hand(project_copy, typed):
    page = project_copy / ES_WAGES
    with page.open("a", encoding="utf-8") as handle:
        handle.write(f"\nLlame al {typed} si tiene dudas.\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    assert_fails(project_copy, ES_WAGES, "typed by hand", line)


def test_dates_and_rules_are_not_phone_numbers(project_copy):
    page = project_copy / ES_WAGES
    with page.open("a", encoding="utf-8") as handle:
        handle.write("\nEl 2024-08-30 OSHA propuso una regla (29 CFR 1928.110, 20 CFR 655.120). Paga $7.25 y 1.5 veces.\n")
    assert check(project_copy).returncode == 0


def test_unknown_contact_id_suggests_the_right_one(project_copy):
    page = project_copy / ES_WAGES
    with page.open("a", encoding="utf-8") as handle:
        handle.write("\nLlame [[phone:oshaa]].\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    out = assert_fails(project_copy, ES_WAGES, "[[phone:oshaa]] names no contact", line)
    assert "did you mean 'osha'" in out


def test_twins_refer_to_different_contacts(project_copy):
    page = project_copy / EN_WAGES
    with page.open("a", encoding="utf-8") as handle:
        handle.write("\n[[contact:nlrb]]\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    assert_fails(project_copy, EN_WAGES, "contact 'nlrb' is not on the es twin", line)


def test_twin_missing_a_contact(project_copy):
    page = project_copy / ES_WAGES
    with page.open("a", encoding="utf-8") as handle:
        handle.write("\n[[contact:nlrb]]\n")
    assert_fails(project_copy, EN_WAGES, "refers to contact 'nlrb' but this page does not")


# Bad input never shows a traceback ------------------------------------------------------------

def test_latin1_file(project_copy):
    page = project_copy / ES_WAGES
    page.write_bytes(page.read_text(encoding="utf-8").encode("latin-1", errors="replace"))
    assert_fails(project_copy, ES_WAGES, "not UTF-8")


def test_empty_file(project_copy):
    (project_copy / ES_WAGES).write_text("", encoding="utf-8")
    assert_fails(project_copy, ES_WAGES, "no front matter", 1)


def test_missing_language_folder(project_copy):
    import shutil
    shutil.rmtree(project_copy / "content/en")
    assert_fails(project_copy, "content/en", "folder for language 'en' is missing", 1)


def test_broken_mkdocs_yml(project_copy):
    (project_copy / "mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")
    assert_fails(project_copy, "mkdocs.yml", "opened on this line is never closed", 1)
