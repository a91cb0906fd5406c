"""One loader: every YAML file opens the same way (datafile.read_yaml), and `make check` reads
each of the project's YAML files once, settings included (they ride on Project)."""
from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from scripts import checks
from scripts.core import project
from scripts.core.checkconfig import CHECKS_CONFIG

from conftest import ROOT, TODAY, check_records, edit


def test_check_reads_each_yaml_file_once(monkeypatch):
    reads: Counter[str] = Counter()
    original = Path.read_bytes

    def counting(self: Path) -> bytes:
        if self.suffix == ".yml":
            reads[self.relative_to(ROOT).as_posix()] += 1
        return original(self)

    monkeypatch.setattr(Path, "read_bytes", counting)
    checks.run(project.load(ROOT, TODAY))
    assert reads[CHECKS_CONFIG] == 1 and reads["mkdocs.yml"] == 1 and reads["data/contacts.yml"] == 1
    assert max(reads.values()) == 1, {k: v for k, v in reads.items() if v > 1}


def test_settings_ride_on_the_project():
    proj = project.load(ROOT)
    assert proj.settings.max_age_months == 12
    assert "gov" in proj.settings.allowed_domains


def test_a_broken_setting_is_reported_once(project_copy):
    edit(project_copy / CHECKS_CONFIG, "max_age_months: 12", "max_age_months: doce")
    assert [r for r in check_records(project_copy) if r[0] == CHECKS_CONFIG] == \
        [(CHECKS_CONFIG, 1 + (project_copy / CHECKS_CONFIG).read_text().split("max_age_months")[0].count("\n"), checks.LOAD)]


def test_a_repeated_key_in_a_words_file_is_reported_at_its_line(project_copy):
    path = project_copy / "data/strings/en.yml"
    text = path.read_text(encoding="utf-8")
    first = next(line for line in text.splitlines() if line.startswith("hours:"))
    path.write_text(text + first + "\n", encoding="utf-8")
    line = len(text.splitlines()) + 1
    assert ("data/strings/en.yml", line, checks.LOAD) in check_records(project_copy)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"])
def test_an_invisible_line_break_from_word_or_a_pdf_never_crashes_the_reading(separator):
    """YAML counts U+2028, U+2029 and NEL as line breaks, editors and our messages do not (a
    pasted title made `make check` stop with an internal error): they are read as spaces, and a
    slip is still explained at the line the editor shows."""
    from scripts.core import frontmatter
    pasted = frontmatter.split(f"---\ntitle: Ho{separator}la\nsources:\n  - https://x.org\n---\n# Hola\n")
    assert pasted.error is None and pasted.meta["title"] == "Ho la", pasted
    slip = frontmatter.split(f"---\ntitle: Hola{separator}\ndescription: Ojo: x\n---\n# Hola\n")
    assert slip.error_line == 3 and "must be in quotes" in slip.error, slip
