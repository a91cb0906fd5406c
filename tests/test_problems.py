"""One problem model: checks and build steps report Problem records, the runner stamps each with
its check's id, and one printer shows them (info first and never counted, --strict for warnings)."""
from __future__ import annotations

import io

import pytest

from scripts import checks, buildsteps
from scripts.website import exports
from scripts.core import project
from scripts.core.problems import Problem, Severity, report

from conftest import EN_WAGES, ES_WAGES, ROOT, check_records, copy_project, edit, make_site, run_cli


def test_severity_is_typed():
    assert Problem("a.md", 1, "m", "warning").severity is Severity.WARNING
    assert Problem("a.md", 1, "m").severity is Severity.ERROR
    with pytest.raises(ValueError):
        Problem("a.md", 1, "m", "fatal")


def test_every_check_has_a_distinct_id():
    ids = [checks.check_id(check) for check in checks.ALL]
    assert len(set(ids)) == len(ids)
    assert "parity" in ids and "front-matter" in ids
    assert checks.LOAD not in ids


def test_each_check_lives_in_the_module_named_after_its_id():
    """yamllint's rules/ model: the id after a message leads to its module (front-matter: checks/front_matter.py)."""
    for check in checks.ALL:
        assert check.__module__ == "scripts.checks." + checks.check_id(check).replace("-", "_"), check


def test_the_runner_stamps_the_check_id(project_copy):
    (project_copy / EN_WAGES).unlink()
    assert (ES_WAGES, 1, "parity") in check_records(project_copy)


def test_a_file_that_cannot_be_read_is_stamped_load(project_copy):
    (project_copy / ES_WAGES).write_bytes("---\ntitle: Pago\n---\n\xe9\n".encode("latin-1"))
    assert check_records(project_copy) == [(ES_WAGES, 4, checks.LOAD)]  # one root cause, one record


def test_the_id_is_shown_after_the_message(project_copy):
    (project_copy / EN_WAGES).unlink()
    result = run_cli(project_copy, "check")
    assert result.returncode == 1
    assert any(line.startswith(f"{ES_WAGES}:1: ") and line.endswith(" [parity]") for line in result.stdout.splitlines())


def test_one_printer_shows_news_first_and_never_counts_it():
    out = io.StringIO()
    code = report([Problem("b.md", 2, "look", "warning", "freshness"), Problem("content/mix", 1, "3 of 17", "info", "language-coverage")],
                  out, strict=True)
    lines = out.getvalue().splitlines()
    assert lines == ["content/mix:1: info: 3 of 17 [language-coverage]", "b.md:2: look [freshness]",
                     "check: 1 error(s), 0 warning(s). Fix the errors above and run 'make check' again."]
    assert code == 1


def test_the_same_message_from_two_checks_is_printed_and_counted_once():
    out = io.StringIO()
    code = report([Problem("a.md", 3, "call 911", "error", "numbers"), Problem("a.md", 3, "call 911", "error", "paths"),
                   Problem("a.md", 4, "call 911", "error", "paths")], out)
    lines = out.getvalue().splitlines()
    assert lines == ["a.md:3: call 911 [numbers]", "a.md:4: call 911 [paths]",
                     "check: 2 error(s), 0 warning(s). Fix the errors above and run 'make check' again."]
    assert code == 1


def test_build_steps_report_problems_stamped_with_the_step(tmp_path):
    root = copy_project(tmp_path / "p")
    edit(root / "data/contacts.schema.json", '"schema_version": {"const": 1}', '"schema_version": {"const": 2}')
    site = tmp_path / "site"
    site.mkdir()
    ok, problems = buildsteps.run(project.load(root), site, [exports.export])
    assert not ok
    assert {(p.path, p.line, p.check, p.severity) for p in problems} == {("data/contacts.schema.json", 1, "exports", Severity.ERROR)}


def test_a_failing_step_is_printed_by_make_site(tmp_path, made_site):
    root = copy_project(tmp_path / "p")
    edit(root / "data/contacts.schema.json", '"schema_version": {"const": 1}', '"schema_version": {"const": 2}')
    result = make_site(root, "--site-dir", str(tmp_path / "site"), flyers_from=made_site.root)
    assert result.returncode == 1
    assert "data/contacts.schema.json:1: contacts.json does not match this schema: schema_version" in result.stdout
    assert "[exports]" in result.stdout and "left as it was" in result.stdout
    assert not (tmp_path / "site").exists()


def test_the_real_project_has_no_records():
    assert check_records(ROOT) == []
