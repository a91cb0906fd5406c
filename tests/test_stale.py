"""Translation staleness: edit a Spanish page and its English twin is reported, with a diff."""
from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from conftest import EN_WAGES, ES_WAGES, TODAY, check_project, edit, line_of, run_cli

from scripts.core import project
from scripts.core.stale import KEY, fingerprint, set_key


def first_sentence_line(path: Path) -> str:
    """A line of prose in the body (not front matter, not a heading) to change."""
    text = path.read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    for line in body.splitlines():
        if len(line.split()) > 6 and not line.startswith(("#", "|", "-", "[[")):
            return line
    raise AssertionError(f"no prose line in {path}")


def mark_all(root: Path) -> None:
    result = run_cli(root, "translated", "--all")
    assert result.returncode == 0, result.stdout
    assert f"{EN_WAGES}: marked as the translation of {ES_WAGES}" in result.stdout


def test_marked_copy_has_no_outdated_page(project_copy):
    mark_all(project_copy)
    assert check_project(project_copy).records == set()
    assert "stale: all" in run_cli(project_copy, "stale").stdout
    # the Spanish text at translation time is kept next to the content, for the diff
    kept = project_copy / "data/translated/en/salarios/index.md"
    assert kept.read_text(encoding="utf-8") == (project_copy / ES_WAGES).read_text(encoding="utf-8")
    assert re.search(rf"^{KEY}: es-[0-9a-f]{{12}}$", (project_copy / EN_WAGES).read_text(encoding="utf-8"), re.MULTILINE)


def test_editing_spanish_page_reports_english_twin_and_stale_shows_the_diff(project_copy):
    mark_all(project_copy)
    es = project_copy / ES_WAGES
    old = first_sentence_line(es)
    edit(es, old, old + " Texto nuevo del abogado.")

    checked = check_project(project_copy)
    assert not checked.failed, checked  # a warning: urgent Spanish fixes still ship
    line = line_of(project_copy / EN_WAGES, KEY + ":")
    assert checked.records == {(EN_WAGES, line, "translations-current")}, checked
    assert "make translated PAGE=en/salarios/index.md" in checked.text

    strict = run_cli(project_copy, "check", "--strict")  # the command line: --strict makes it an error
    assert strict.returncode == 1 and f"{EN_WAGES}:{line}: outdated translation: {ES_WAGES} changed" in strict.stdout

    stale = run_cli(project_copy, "stale")
    assert f"{EN_WAGES}:{line}: outdated: {ES_WAGES} changed" in stale.stdout
    assert "-" + old in stale.stdout and "+" + old + " Texto nuevo del abogado." in stale.stdout
    assert "stale: 1 of " in stale.stdout
    assert run_cli(project_copy, "stale", "--strict").returncode == 1

    marked = run_cli(project_copy, "translated", "salarios/index.md")  # without a language: English
    assert marked.returncode == 0, marked.stdout
    assert check_project(project_copy).records == set()
    assert "Texto nuevo del abogado." in (project_copy / "data/translated/en/salarios/index.md").read_text(encoding="utf-8")


def test_new_reviewed_date_alone_does_not_make_translation_outdated(project_copy):
    mark_all(project_copy)
    es = project_copy / ES_WAGES
    text = es.read_text(encoding="utf-8")
    # a new review day (not after today: a day still to come is an error of its own, future-dates)
    day = TODAY if f"reviewed: {TODAY.isoformat()}" not in text else TODAY - dt.timedelta(days=1)
    es.write_text(re.sub(r"^reviewed: .*$", f"reviewed: {day.isoformat()}", text, count=1, flags=re.MULTILINE), encoding="utf-8")
    assert es.read_text(encoding="utf-8") != text
    assert check_project(project_copy).records == set()


def test_unmarked_translation_is_a_warning_naming_the_command(project_copy):
    mark_all(project_copy)
    en = project_copy / EN_WAGES
    en.write_text(re.sub(rf"^{KEY}: .*\n", "", en.read_text(encoding="utf-8"), flags=re.MULTILINE), encoding="utf-8")
    checked = check_project(project_copy)
    assert not checked.failed
    assert checked.records == {(EN_WAGES, 2, "translations-current")}, checked
    assert "make translated PAGE=en/salarios/index.md" in checked.text


def test_stale_without_the_kept_copy_says_so(project_copy):
    mark_all(project_copy)
    (project_copy / "data/translated/en/salarios/index.md").unlink()
    es = project_copy / ES_WAGES
    old = first_sentence_line(es)
    edit(es, old, old + " Cambio.")
    out = run_cli(project_copy, "stale").stdout
    assert "no copy of the old Spanish text" in out and EN_WAGES in out


def test_translated_refuses_bad_names_without_traceback(project_copy):
    for name, words in [("en/no-such-page/index.md", "no such page"),
                        ("es/salarios/index.md", "this is the Spanish original")]:
        result = run_cli(project_copy, "translated", name)
        assert result.returncode == 1
        assert words in result.stdout, result.stdout
    assert run_cli(project_copy, "translated").returncode == 1


def test_fingerprint_and_front_matter_edit():
    page = "---\ntitle: A\nreviewed: 2026-01-01\n---\n# A\n\nTexto.\n"
    assert fingerprint(page) == fingerprint(page.replace("2026-01-01", "2027-05-05"))
    assert fingerprint(page) != fingerprint(page.replace("Texto.", "Texto nuevo."))
    assert fingerprint(page) == fingerprint(page.replace("\n", "\r\n"))
    once = set_key(page, "abc")
    assert once == "---\ntitle: A\nreviewed: 2026-01-01\ntranslation_of: abc\n---\n# A\n\nTexto.\n"
    assert set_key(once, "def") == once.replace("abc", "def")


def test_the_loader_sees_the_key(project_copy):
    mark_all(project_copy)
    page = project.load(project_copy).pages["en"]["salarios/index.md"]
    assert page.meta.get(KEY) == "es-" + fingerprint((project_copy / ES_WAGES).read_text(encoding="utf-8"))


def test_search_phrases_do_not_make_a_translation_outdated():
    # Each language writes its own search phrases (docs/pages.md): they are not translated.
    page = "---\ntitle: T\nphrases:\n  page:\n    - me lastimé\nsources:\n  - https://x.gov\n---\nTexto.\n"
    more = page.replace("    - me lastimé\n", "    - me lastimé\n    - me corrieron\n  reporte:\n    - no avisé\n")
    assert fingerprint(page) == fingerprint(more)
    assert fingerprint(page) != fingerprint(page.replace("https://x.gov", "https://y.gov"))
    assert fingerprint(page) == fingerprint(page.replace("phrases:\n  page:\n    - me lastimé\n", ""))
