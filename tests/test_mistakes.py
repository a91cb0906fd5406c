"""A maintainer's slips (issue 14): each one gives exactly one message, in plain words, at the
line to edit, and never a traceback. Each test breaks a copy of the real project."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import edit, run_cli

ES_WAGES = "content/es/salarios/index.md"
EN_WAGES = "content/en/salarios/index.md"
REGISTRY = "data/contacts.yml"
SUMMARY = re.compile(r"^check: ")


def problems(root: Path, *args: str) -> tuple[int, list[str]]:
    """Exit code and the problem lines of `check` (no summary, no info lines)."""
    result = run_cli(root, "check", *args)
    lines = [l for l in result.stdout.splitlines() if l.strip() and not SUMMARY.match(l) and ": info: " not in l]
    return result.returncode, lines


def only_problem(root: Path) -> str:
    code, lines = problems(root)
    assert code == 1, lines
    assert len(lines) == 1, "\n".join(lines)
    return lines[0]


def set_line(path: Path, prefix: str, new: str) -> int:
    """Replace the first line starting with prefix (whatever its value today); return its number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, l in enumerate(lines) if l.startswith(prefix))
    lines[number] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def line_of(path: Path, needle: str) -> int:
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in text:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


# Item 5: an impossible date is a plain message at its line, not an internal error.
@pytest.mark.parametrize("path, prefix, new, words", [
    (ES_WAGES, "reviewed:", "reviewed: 2026-11-31", "'2026-11-31' is not a real date (November 2026 has 30 days)"),
    (REGISTRY, "    checked:", "    checked: 2026-02-30", "'2026-02-30' is not a real date (February 2026 has 28 days)"),
    (ES_WAGES, "reviewed:", "reviewed: 2026-13-01", "there is no month 13"),
])
def test_impossible_date_is_one_plain_message(project_copy: Path, path, prefix, new, words):
    line = set_line(project_copy / path, prefix, new)
    message = only_problem(project_copy)
    assert message.startswith(f"{path}:{line}: "), message
    assert words in message and "internal error" not in message


# Item 7: YAML slips said for people, on the line to edit.
@pytest.mark.parametrize("path, old, new, at, words", [
    # a missing colon: the parser notices a line late; the message names the line with the slip
    (ES_WAGES, "title: Salarios", "title Salarios", "title Salarios", "this line needs a colon after the key: write 'title: …'"),
    (ES_WAGES, "description: Cuánto", "description: Ojo: Cuánto", "description: Ojo", "text that contains ': ' must be in quotes"),
    (ES_WAGES, "\nreviewed:", "\n\treviewed:", "reviewed:", "use spaces, not a tab"),
    (REGISTRY, "    group: us\n    name:", "    group: us\n\tname:", "\tname:", "use spaces, not a tab"),
    (ES_WAGES, "title: Salarios y horas de trabajo", 'title: "Salarios y horas de trabajo', "title:", "a quote opened on this line is never closed"),
    (ES_WAGES, "title: Salarios y horas de trabajo", "title: *Salarios* y horas", "title:", "cannot start with '*'"),
])
def test_yaml_slip_in_plain_words_at_its_line(project_copy: Path, path, old, new, at, words):
    edit(project_copy / path, old, new)
    line = line_of(project_copy / path, at)
    message = only_problem(project_copy)
    assert message.startswith(f"{path}:{line}: "), message
    assert words in message, message
    for jargon in ("mapping values", "token", "scalar", "YAML syntax"):
        assert jargon not in message


def test_quoted_date_says_remove_the_quotes(project_copy: Path):
    line = set_line(project_copy / ES_WAGES, "reviewed:", 'reviewed: "2026-11-23"')
    message = only_problem(project_copy)
    assert message.startswith(f"{ES_WAGES}:{line}: ") and "remove the quotes" in message, message


def test_quoted_checked_date_in_registry_says_remove_the_quotes(project_copy: Path):
    line = set_line(project_copy / REGISTRY, "    checked:", '    checked: "2026-11-23"')
    message = only_problem(project_copy)
    assert message.startswith(f"{REGISTRY}:{line}: ") and "remove the quotes" in message, message


# Item 6: one YAML slip, one message: checks that need the unreadable file say nothing.
def test_missing_colon_in_a_page_with_a_flyer_gives_one_message(project_copy: Path):
    edit(project_copy / ES_WAGES, "title: Salarios", "title Salarios")
    message = only_problem(project_copy)
    assert message.startswith(f"{ES_WAGES}:2: "), message
    assert "flyer" not in message and "published" not in message


def test_three_space_indent_in_registry_gives_one_message(project_copy: Path):
    edit(project_copy / REGISTRY, '    phone: "+18664879243"', '   phone: "+18664879243"')
    line = line_of(project_copy / REGISTRY, '   phone: "+18664879243"')
    message = only_problem(project_copy)
    assert message.startswith(f"{REGISTRY}:{line}: this line starts with 3 space(s)"), message
    assert "line it up" in message


def test_broken_english_flyer_page_gives_one_message(project_copy: Path):
    edit(project_copy / EN_WAGES, "  title: Your rights about pay", "  title Your rights about pay")
    line = line_of(project_copy / EN_WAGES, "  title Your rights")
    message = only_problem(project_copy)
    assert message.startswith(f"{EN_WAGES}:{line}: this line needs a colon"), message
