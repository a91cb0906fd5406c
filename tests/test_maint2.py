"""Maintainers' paths from issue #14 (items 10-15): each mistake on a copy, one plain message."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, edit, run_cli


def error_lines(output: str) -> list[str]:
    """The path:line: lines of a check run (not the summary or info lines)."""
    return [l for l in output.splitlines() if re.match(r"^[^\s:]+:\d+: ", l) and ": info: " not in l]


# 15. The words files name the same keys; a passing review date does not fail CI.

def test_english_words_file_missing_a_key(project_copy):
    path = project_copy / "data/strings/en.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^save_contact:.*\n", "", text, flags=re.MULTILINE), encoding="utf-8")
    result = run_cli(project_copy, "check")
    assert result.returncode == 1
    es_line = next(i for i, l in enumerate((ROOT / "data/strings/es.yml").read_text().splitlines(), 1)
                   if l.startswith("save_contact:"))
    assert error_lines(result.stdout) == [
        f"data/strings/en.yml:1: 'save_contact' is missing: data/strings/es.yml has it at line {es_line}; "
        "add a line 'save_contact: …' here with the text in this language"]


def test_english_words_file_misspelled_key(project_copy):
    path = project_copy / "data/strings/en.yml"
    edit(path, "\nhours:", "\nhuors:")
    line = path.read_text(encoding="utf-8").splitlines().index(
        next(l for l in path.read_text(encoding="utf-8").splitlines() if l.startswith("huors:"))) + 1
    result = run_cli(project_copy, "check")
    assert result.returncode == 1
    assert error_lines(result.stdout) == [
        "data/strings/en.yml:1: 'hours' is missing: data/strings/es.yml has it at line "
        f"{next(i for i, l in enumerate((ROOT / 'data/strings/es.yml').read_text().splitlines(), 1) if l.startswith('hours:'))}; "
        "add a line 'hours: …' here with the text in this language",
        f"data/strings/en.yml:{line}: 'huors' is not a key of data/strings/es.yml, so the site never uses it: "
        "fix its spelling to match that file, or remove the line"]


def ci_check_command() -> list[str]:
    """The check line of the Makefile's test target, which .ci/run runs on the server."""
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ntest:", 1)[1].split("\n\n", 1)[0]
    line = next(l.strip() for l in recipe.splitlines() if "-m scripts check" in l)
    return line.split("-m scripts ", 1)[1].split()


def test_passed_review_date_warns_but_does_not_fail_ci(project_copy):
    path = project_copy / "content/es/calor/index.md"
    edit(path, re.search(r"reviewed: \S+", path.read_text(encoding="utf-8")).group(0), "reviewed: 2020-01-15")
    line = path.read_text(encoding="utf-8").splitlines().index("reviewed: 2020-01-15") + 1
    result = run_cli(project_copy, *ci_check_command())
    assert result.returncode == 0, result.stdout
    assert [l for l in result.stdout.splitlines() if "warning:" in l] == [
        l for l in result.stdout.splitlines() if l.startswith(f"content/es/calor/index.md:{line}: warning: reviewed on 2020-01-15")]
    assert "warning: reviewed on 2020-01-15" in result.stdout


def test_docs_say_what_ci_runs():
    """docs/checks.md says CI does not use --strict, and no doc says it does."""
    assert "--strict" not in ci_check_command()
    assert "do **not** use `--strict`" in (ROOT / "docs/checks.md").read_text(encoding="utf-8")
    for doc in (ROOT / "docs").glob("*.md"):
        text = doc.read_text(encoding="utf-8")
        assert not re.search(r"(server|automatic checks|CI)[^.*]*use `--strict`", text), doc.name
