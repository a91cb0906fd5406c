"""Whatever a maintainer's editor saves, the checks answer with messages, never a traceback."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from scripts import checks
from scripts.core import project
from scripts.core.frontmatter import split
from scripts.core.yamlfile import parse

from conftest import ROOT, TODAY, run_cli

YAMLISH = st.text(alphabet=st.sampled_from(list("ab:-[]{}\"' \n\t#&*!|>%@`,?0123456789é\\")), max_size=200)


@settings(max_examples=300, deadline=None)
@given(YAMLISH)
def test_yaml_parser_never_raises(text):
    parsed = parse(text)
    assert parsed.error is None or parsed.error_line >= 1


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_front_matter_split_never_raises(text):
    split("---\n" + text)
    split(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(page=st.one_of(st.binary(max_size=400), YAMLISH.map(lambda t: ("---\n" + t).encode())),
       registry=st.one_of(st.binary(max_size=300), YAMLISH.map(str.encode)))
def test_loader_and_checks_never_raise(project_copy, page, registry):
    root = project_copy
    (root / "content/es/salarios/index.md").write_bytes(page)
    (root / "data/contacts.yml").write_bytes(registry)
    problems = checks.run(project.load(root, TODAY))
    assert all(p.line >= 1 and p.message for p in problems)


def test_command_line_on_garbage_prints_messages_only(project_copy: Path):
    (project_copy / "content/es/salarios/index.md").write_bytes(b"---\n\xff\xfe: [\n---\n")
    (project_copy / "data/contacts.yml").write_bytes(b"contacts:\n  - 1\n  - {a: [\n")
    (project_copy / "data/strings/en.yml").unlink()
    result = run_cli(project_copy, "check")
    assert result.returncode == 1
    assert "Traceback" not in result.stdout + result.stderr
    assert "content/es/salarios/index.md:2: this file is not UTF-8" in result.stdout
    assert "data/contacts.yml:" in result.stdout
    assert "data/strings/en.yml:1: no words file for language 'en'" in result.stdout


def test_a_reader_that_stops_early_is_no_error():
    """'make search | head -2', 'make likely | head': the reader closes the pipe; the command stops
    there without an 'internal error' (it said one, asking to report it) or Python's complaint."""
    command = [sys.executable, "-m", "scripts", "--root", str(ROOT), "--today", TODAY.isoformat(), "likely"]
    with subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        process.stdout.close()     # as head does once it has its lines: here before the first one
        errors = process.stderr.read().decode()
        process.wait()
    assert "internal error" not in errors and "Traceback" not in errors, errors
    assert process.returncode == 0
