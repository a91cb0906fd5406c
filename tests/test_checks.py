"""`make check`: each rule fails on a copy broken in exactly that way, naming file and line."""
from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from scripts.core.problems import Problem

from conftest import EN_WAGES, ES_WAGES, REGISTRY, ROOT, TODAY, assert_fails, check_project, edit, line_of, run_cli


def english_outdated(root: Path) -> tuple[str, int, str]:
    """The warning any edit of the Spanish wages page brings: its English twin is now outdated."""
    return EN_WAGES, line_of(root / EN_WAGES, "translation_of:"), "translations-current"


def test_the_real_tree_passes():
    result = run_cli(ROOT, "check")
    assert result.returncode == 0, result.stdout
    assert "check: no errors" in result.stdout


# Parity --------------------------------------------------------------------------------------

def test_spanish_page_without_english_twin(project_copy):
    (project_copy / EN_WAGES).unlink()
    out = assert_fails(project_copy, {(ES_WAGES, 1, "parity")}, "no twin in 'en'", only="parity").text
    assert EN_WAGES in out


def test_english_page_without_spanish_twin(project_copy):
    extra = project_copy / "content/en/solo/index.md"
    extra.parent.mkdir()
    extra.write_text((project_copy / EN_WAGES).read_text(encoding="utf-8"), encoding="utf-8")
    assert_fails(project_copy, {("content/en/solo/index.md", 1, "parity")}, "no twin in 'es'", only="parity")


def test_empty_twin(project_copy):
    page = project_copy / EN_WAGES
    text = page.read_text(encoding="utf-8")
    front = text[: text.index("\n---", 3) + 4]
    page.write_text(front + "\n\n", encoding="utf-8")
    end = front.count("\n") + 2  # the empty line below the front matter
    assert_fails(project_copy, {(EN_WAGES, end, "parity")}, "no text below its front matter", only="parity")


# Front matter --------------------------------------------------------------------------------

def test_missing_title(project_copy):
    page = project_copy / ES_WAGES
    line = line_of(page, "title:")
    edit(page, page.read_text(encoding="utf-8").splitlines()[line - 1] + "\n", "")
    assert_fails(project_copy, {(ES_WAGES, line, "front-matter"), english_outdated(project_copy)}, "'title:' is missing")


@pytest.mark.parametrize("page, wrong, right", [
    ("content/es/calor/index.md", "recheck_nota", "recheck_note"),  # the note would be lost
    ("content/es/calor/index.md", "rechek", "recheck"),
    ("content/es/calor/index.md", "flyr", "flyer"),                 # no flyer, no PDF
    ("content/es/calor/index.md", "sorces", "sources"),
    ("content/es/calor/index.md", "phrase", "phrases"),
    ("content/es/calor/index.md", "titulo", "title"),
    ("content/en/calor/index.md", "flyr", "flyer"),
    ("content/en/calor/index.md", "translation-of", "translation_of"),
])
def test_misspelt_front_matter_field_is_one_error_with_the_right_name(project_copy, page, wrong, right):
    """One mistake, one message: not also "'…:' is missing", a missing flyer twin, a missing
    re-check note, or the twin called outdated."""
    line = line_of(project_copy / page, f"{right}:")
    edit(project_copy / page, f"\n{right}:", f"\n{wrong}:")
    assert_fails(project_copy, {(page, line, "front-matter")}, f"unknown field '{wrong}': did you mean '{right}'?")


def test_unknown_front_matter_field_lists_the_fields(project_copy):
    page = project_copy / ES_WAGES
    line = line_of(page, "reviewed:")
    edit(page, "\nreviewed:", "\nautor: Ana\nreviewed:")
    assert_fails(project_copy, {(ES_WAGES, line, "front-matter"), english_outdated(project_copy)},
                 "unknown field 'autor': the fields are: card, description, downloads, flyer")


def test_downloads_other_than_false_is_one_error(project_copy):
    """'downloads: false' leaves a page out of the one-file guide; 'true' or a word would seem to do
    something else, so anything but false is named at its line."""
    page = project_copy / ES_WAGES
    line = line_of(page, "reviewed:")
    edit(page, "\nreviewed:", "\ndownloads: true\nreviewed:")
    assert_fails(project_copy, {(ES_WAGES, line, "front-matter"), english_outdated(project_copy)},
                 "'downloads:' is either 'downloads: false'")


def test_reviewed_not_a_date(project_copy):
    page = project_copy / ES_WAGES
    line = line_of(page, "reviewed:")
    edit(page, page.read_text(encoding="utf-8").splitlines()[line - 1], "reviewed: ayer")
    assert_fails(project_copy, {(ES_WAGES, line, "front-matter")}, "is not a date")


def test_source_not_a_url(project_copy):
    page = project_copy / EN_WAGES
    line = line_of(page, "sources:") + 1
    edit(page, page.read_text(encoding="utf-8").splitlines()[line - 1], "  - the DOL website")
    assert_fails(project_copy, {(EN_WAGES, line, "front-matter")}, "is not a web address")


def test_broken_front_matter_yaml(project_copy):
    page = project_copy / ES_WAGES
    line = line_of(page, "description:")
    edit(page, page.read_text(encoding="utf-8").splitlines()[line - 1], 'description: "sin cerrar')
    assert_fails(project_copy, {(ES_WAGES, line, "load")}, "a quote opened on this line is never closed")


def test_no_front_matter(project_copy):
    page = project_copy / ES_WAGES
    text = page.read_text(encoding="utf-8")
    page.write_text(text[text.index("\n---", 3) + 4:], encoding="utf-8")
    assert_fails(project_copy, {(ES_WAGES, 1, "load")}, "no front matter")


# Registry ------------------------------------------------------------------------------------

def test_duplicate_contact_id(project_copy):
    registry = project_copy / REGISTRY
    text = registry.read_text(encoding="utf-8")
    block = text[text.index("  osha:\n"): text.index("  eeoc:\n")]
    registry.write_text(text + block, encoding="utf-8")
    second = len(text.splitlines()) + 1
    assert_fails(project_copy, {(REGISTRY, second, "load")}, "'osha' appears twice")


def test_invalid_number(project_copy):
    registry = project_copy / REGISTRY
    line = line_of(registry, '"+18003216742"')
    edit(registry, '"+18003216742"', '"+1800321674"')
    assert_fails(project_copy, {(REGISTRY, line, "registry")}, "contact 'osha', phone")


def test_number_not_e164(project_copy):
    edit(project_copy / REGISTRY, '"+18003216742"', '"1-800-321-6742"')
    assert_fails(project_copy, {(REGISTRY, line_of(project_copy / REGISTRY, '"1-800-321-6742"'), "registry")}, 'write "+18003216742" (a US number')


def test_name_missing_in_english(project_copy):
    registry = project_copy / REGISTRY
    edit(registry, "      en: Occupational Safety and Health Administration (OSHA)\n", "")
    name = line_of(registry, "    name:", after=line_of(registry, "  osha:"))
    assert_fails(project_copy, {(REGISTRY, name, "registry")}, "'name' has no text in 'en'")


def test_missing_source_and_bad_date(project_copy):
    registry = project_copy / REGISTRY
    edit(registry, "    source: https://www.osha.gov/contactus\n", "")
    text = registry.read_text(encoding="utf-8")
    start = text.index("  osha:")
    line = text[:start].count("\n") + text[start:].split("checked:")[0].count("\n") + 1
    registry.write_text(text[:start] + text[start:].replace("checked: 2026-11-23", "checked: pronto", 1), encoding="utf-8")
    osha = line_of(registry, "  osha:")
    out = assert_fails(project_copy, {(REGISTRY, osha, "registry"), (REGISTRY, line, "registry")},  # at the id: 'source:' is missing
                       "contact 'osha': 'source:'").text
    assert "contact 'osha': 'checked: pronto' is not a date" in out


def test_unknown_field_is_a_typo(project_copy):
    edit(project_copy / REGISTRY, "    vanity: 1-800-321-OSHA\n", "    vanitty: 1-800-321-OSHA\n")
    assert_fails(project_copy, {(REGISTRY, line_of(project_copy / REGISTRY, "vanitty"), "registry")}, "unknown field 'vanitty'")


def test_broken_registry_yaml(project_copy):
    registry = project_copy / REGISTRY
    line = line_of(registry, "  osha:")
    edit(registry, "  osha:\n", "  osha: [\n")
    assert_fails(project_copy, {(REGISTRY, line, "load")}, "'[' opened on this line is never closed")


def test_missing_registry(project_copy):
    (project_copy / REGISTRY).unlink()
    assert_fails(project_copy, {(REGISTRY, 1, "load")}, "file not found")


# Pages ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("typed", ["1-800-321-6742", "(800) 321-6742", "1-800-321-OSHA", "800 717 2942", "911", "+52 800 717 2942"])
def test_number_typed_by_hand(project_copy, typed):
    page = project_copy / ES_WAGES
    with page.open("a", encoding="utf-8") as handle:
        handle.write(f"\nLlame al {typed} si tiene dudas.\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    assert_fails(project_copy, {(ES_WAGES, line, "handwritten-numbers"), english_outdated(project_copy)}, "typed by hand")


def test_dates_and_rules_are_not_phone_numbers(project_copy):
    page = project_copy / ES_WAGES
    with page.open("a", encoding="utf-8") as handle:
        handle.write("\nEl 2024-08-30 OSHA propuso una regla (29 CFR 1928.110, 20 CFR 655.120). Paga $7.25 y 1.5 veces.\n")
    assert check_project(project_copy).records == {english_outdated(project_copy)}


def test_unknown_contact_id_suggests_the_right_one(project_copy):
    page = project_copy / ES_WAGES
    with page.open("a", encoding="utf-8") as handle:
        handle.write("\nLlame [[phone:oshaa]].\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    # one message: the twins differ only by an id that names no contact (twin-contacts leaves it to contact-ids)
    out = assert_fails(project_copy, {(ES_WAGES, line, "contact-ids"), english_outdated(project_copy)},
                       "[[phone:oshaa]] names no contact").text
    assert "did you mean 'osha'" in out


def test_twins_refer_to_different_contacts(project_copy):
    page = project_copy / EN_WAGES
    with page.open("a", encoding="utf-8") as handle:
        handle.write("\n[[contact:nlrb]]\n")
    line = len(page.read_text(encoding="utf-8").splitlines())
    assert_fails(project_copy, {(EN_WAGES, line, "twin-contacts")}, "contact 'nlrb' is not on the es twin")


def test_twin_missing_a_contact(project_copy):
    page = project_copy / ES_WAGES
    with page.open("a", encoding="utf-8") as handle:
        handle.write("\n[[contact:nlrb]]\n")
    en_title = line_of(project_copy / EN_WAGES, "# ")
    assert_fails(project_copy, {(EN_WAGES, en_title, "twin-contacts"), english_outdated(project_copy)},
                 "refers to contact 'nlrb' but this page does not")


# Bad input never shows a traceback ------------------------------------------------------------

def test_latin1_file(project_copy):
    page = project_copy / ES_WAGES
    text = page.read_text(encoding="utf-8")
    first = next(n for n, line in enumerate(text.splitlines(), 1) if not line.isascii())
    page.write_bytes(text.encode("latin-1", errors="replace"))
    assert_fails(project_copy, {(ES_WAGES, first, "load")}, "not UTF-8")


def test_empty_file(project_copy):
    (project_copy / ES_WAGES).write_text("", encoding="utf-8")
    assert_fails(project_copy, {(ES_WAGES, 1, "load")}, "no front matter")


def test_missing_language_folder(project_copy):
    import shutil
    shutil.rmtree(project_copy / "content/en")
    # One message for the one mistake, not one per page, guided-path step and published address
    assert_fails(project_copy, {("content/en", 1, "language-folder")}, "folder for language 'en' is missing")


def test_broken_mkdocs_yml(project_copy):
    (project_copy / "mkdocs.yml").write_text("site_name: [\n", encoding="utf-8")
    assert_fails(project_copy, {("mkdocs.yml", 1, "load")}, "opened on this line is never closed")


def _broken_three_ways(root: Path) -> None:
    """A number typed by hand, the English twin then outdated and a link to no page."""
    edit(root / ES_WAGES, "\n## ", "\nLlame al 1-800-321-6742 o lea [esto](../no-existe/index.md).\n\n## ")


def check_where_it_runs(project):
    """A check that says which process ran it."""
    yield Problem("pid", os.getpid(), "ran here")


PARENT = os.getpid()


def check_failing_beside(project):
    """A check that fails in a forked process only, as a worker killed or out of memory would."""
    if os.getpid() != PARENT:
        raise ZeroDivisionError("the task fails before handing back a result")
    yield Problem("pid", os.getpid(), "ran here")


def test_make_check_runs_the_slow_checks_beside_with_the_same_problems(project_copy, monkeypatch):
    from scripts import checks, commands, parallel
    from scripts.core import project
    _broken_three_ways(project_copy)
    proj = project.load(project_copy, TODAY)
    beside = commands.run_checks(proj, tasks=parallel.ParallelTasks())  # side by side even on one core
    assert beside == checks.run(proj)  # the same problems in the same order
    assert {"handwritten-numbers", "translations-current", "links"} <= {p.check for p in beside}
    assert commands.run_checks(proj, tasks=parallel.SerialTasks()) == beside
    monkeypatch.setattr(checks, "SLOW", (check_where_it_runs,))
    ran = commands.run_checks(proj, [check_where_it_runs, checks.parity.check_parity], parallel.ParallelTasks())
    assert [p.line for p in ran if p.path == "pid"] != [os.getpid()]  # the slow one ran beside


def test_a_failed_task_leaves_the_slow_checks_to_make_check_itself(project_copy, monkeypatch):
    from scripts import checks, commands, parallel
    from scripts.core import project
    _broken_three_ways(project_copy)
    proj = project.load(project_copy, TODAY)
    monkeypatch.setattr(checks, "SLOW", (check_failing_beside, *checks.SLOW))
    chosen = [check_failing_beside, *checks.ALL]
    ran = commands.run_checks(proj, chosen, parallel.ParallelTasks())
    assert ran == checks.run(proj, chosen)  # run again here: the same problems in the same order
    assert [p.line for p in ran if p.path == "pid"] == [os.getpid()]


def test_the_command_line_prints_the_same_lines_as_the_checks_in_one_process(project_copy):
    from scripts import checks
    from scripts.core import project
    from scripts.core.problems import report
    _broken_three_ways(project_copy)
    printed = run_cli(project_copy, "check")
    expected = io.StringIO()
    assert report(checks.run(project.load(project_copy, TODAY)), expected) == printed.returncode == 1
    assert printed.stdout == expected.getvalue()
