"""Shared test helpers: copy the real project to a temporary folder, break it, run it."""
from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PROJECT_ITEMS = ["mkdocs.yml", "content", "data", "overrides", "scripts"]
os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

# The pages and files the rule tests break most often.
ES_WAGES = "content/es/salarios/index.md"
EN_WAGES = "content/en/salarios/index.md"
REGISTRY = "data/contacts.yml"


def _latest_date_written(root: Path) -> dt.date:
    """The latest `reviewed:` or `checked:` day written in the project: the day its content was last
    looked at. Tests judge dates as on that day (TODAY), never by the clock: a test gives the same
    answer in 2027 as today, and no date the maintainers wrote is in the future on that day."""
    days = [dt.date.fromisoformat(found) for path in [*root.glob("content/**/*.md"), *root.glob("data/*.yml")]
            for found in re.findall(r"^\s*(?:reviewed|checked): (\d{4}-\d\d-\d\d)\s*$",
                                    path.read_text(encoding="utf-8"), re.M)]
    return max(days)


TODAY = _latest_date_written(ROOT)
# Warnings that depend on the day: a re-check date that has come, a review older than the limit.
# Rule tests compare the other records (a passed date in the real project must never turn a test
# of another rule red); the tests of these two checks read `Checked.dated`.
DATED = {"rechecks", "freshness"}


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for item in PROJECT_ITEMS:
        source = ROOT / item
        if source.is_dir():
            shutil.copytree(source, dest / item, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, dest / item)
    return dest


def run_cli(root: Path, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    """Run `python -m scripts ARGS` on a project folder, as the Makefile does (env: added variables),
    with dates judged as on TODAY.

    Whatever the input, a maintainer must never see a Python traceback: every call asserts it."""
    result = subprocess.run([sys.executable, "-m", "scripts", "--root", str(root), "--today", TODAY.isoformat(), *args],
                            cwd=ROOT, capture_output=True, text=True, env={**os.environ, **(env or {})})
    assert "Traceback" not in result.stdout + result.stderr, result.stdout + result.stderr
    return result


@dataclass(frozen=True)
class Printed:
    """What a command printed, run in process."""
    returncode: int
    stdout: str


def make_site(root: Path, *args: str, flyers_from: Path | None = None) -> Printed:
    """`make site` on a project folder, in this process, its parts one after the other (--serial):
    what it printed and its exit code. flyers_from: a project already built, whose flyer cache
    (.cache/flyers) this one starts with, so only the flyers this test changed are rendered.
    Like run_cli, it asserts that a maintainer never sees a traceback."""
    import contextlib
    import io
    from scripts.__main__ import main
    if flyers_from is not None and (flyers_from / ".cache/flyers").is_dir():
        shutil.copytree(flyers_from / ".cache/flyers", root / ".cache/flyers", dirs_exist_ok=True)
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(out):
        code = main(["--root", str(root), "--today", TODAY.isoformat(), "build", "--serial", *args])
    assert "Traceback" not in out.getvalue(), out.getvalue()
    return Printed(code, out.getvalue())


def check_problems(root: Path, today: dt.date = TODAY) -> list:
    """In process, what `make check` finds in a project folder on `today`: the Problem records, sorted."""
    from scripts import checks
    from scripts.core import project
    return sorted(set(checks.run(project.load(root, today))))


def _dated(problem) -> bool:
    return problem.severity == "warning" and problem.check in DATED


def check_records(root: Path) -> list[tuple[str, int, str]]:
    """The errors and warnings of a project as (path, line, check id), the dated warnings left out:
    what rule tests compare (yamllint's RuleTestCase), so rewording a message never breaks a test
    of where it points."""
    return [(p.path, p.line, p.check) for p in check_problems(root) if p.severity != "info" and not _dated(p)]


@dataclass(repr=False)
class Checked:
    """What `make check` found in a project folder, in process: the records a rule test compares,
    whether it fails (exit code 1), and the printed messages for the one phrase a test may keep."""
    problems: list

    @property
    def records(self) -> set[tuple[str, int, str]]:
        """Errors and warnings, the dated warnings left out (DATED)."""
        return {(p.path, p.line, p.check) for p in self.problems if p.severity != "info" and not _dated(p)}

    @property
    def dated(self) -> set[tuple[str, int, str]]:
        """The warnings that depend on the day (DATED): what the re-check and review-age tests read."""
        return {(p.path, p.line, p.check) for p in self.problems if _dated(p)}

    @property
    def errors(self) -> set[tuple[str, int, str]]:
        return {(p.path, p.line, p.check) for p in self.problems if p.severity == "error"}

    def of(self, check: str) -> set[tuple[str, int, str]]:
        """The records of one check: for a break whose other effects (links, addresses) other tests cover."""
        return {r for r in self.records | self.dated if r[2] == check}

    @property
    def failed(self) -> bool:
        from scripts.core.problems import failed
        return failed(self.problems)

    @property
    def strict_failed(self) -> bool:
        """Whether `make check --strict` fails: the printer turns warnings into errors."""
        import io
        from scripts.core.problems import failed, show
        return failed(show(self.problems, io.StringIO(), strict=True))

    @property
    def text(self) -> str:
        return "\n".join(str(p) for p in self.problems)

    def __repr__(self) -> str:  # shown by pytest when an assert on the records fails
        return "\n" + self.text


def check_project(root: Path, today: dt.date = TODAY) -> Checked:
    return Checked(check_problems(root, today))


def assert_fails(root: Path, expected: set[tuple[str, int, str]], words: str | None = None,
                 only: str | None = None) -> Checked:
    """In process (test_checks.py tests the command line once): the check fails with exactly these
    (path, line, check id) records (only: of that one check, where a break has other effects that
    other tests cover), and says words, the phrase a maintainer must see."""
    checked = check_project(root)
    assert checked.failed, checked
    assert (checked.of(only) if only else checked.records) == expected, checked
    if words:
        assert words in checked.text, checked
    return checked


def assert_site_kept(root: Path, words: str | None = None) -> subprocess.CompletedProcess:
    """`make site` on a broken copy stops before the engines and leaves the previous site/ as it was
    (a marker file stands for the site that was published), saying words."""
    site = root / "site"
    site.mkdir(exist_ok=True)
    (site / "marker.txt").write_text("previous site", encoding="utf-8")
    result = run_cli(root, "build")
    assert result.returncode == 1, result.stdout + result.stderr
    assert sorted(p.name for p in site.iterdir()) == ["marker.txt"], result.stdout
    assert (site / "marker.txt").read_text(encoding="utf-8") == "previous site"
    assert "site/ was left as it was" in result.stdout, result.stdout
    if words:
        assert words in result.stdout, result.stdout
    return result


def build_site(root: Path, out: Path) -> Path:
    """Build a project folder with the engine alone, in process (fast), every language in one
    engine run, strict: a warning fails the build (the test, with the engine's messages)."""
    from scripts.core import project
    from scripts.website import engine
    run = engine.build(root, out, project.load(root, TODAY))  # dated as make_site dates (the sitemap's <lastmod>)
    assert run.ok, "\n".join(run.messages)
    return out


def line_of(path: Path, needle: str, after: int = 0) -> int:
    """The number of the first line after `after` that contains needle (1-based)."""
    for number, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if number > after and needle in text:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def exact_line(path: Path, text: str) -> int:
    """The number of the line that is exactly text (line_of finds a line that contains it)."""
    return path.read_text(encoding="utf-8").splitlines().index(text) + 1


def set_line(path: Path, prefix: str, new: str) -> int:
    """Replace the first line starting with prefix (whatever its value today) by new; return its number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next((i for i, line in enumerate(lines) if line.startswith(prefix)), None)
    assert number is not None, f"{prefix!r} starts no line of {path}"
    lines[number] = new
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace text in a copied file, failing loudly if the text is not there."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not found in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def append_line(path: Path, text: str) -> int:
    """Add a paragraph at the end of the page; return its line number."""
    body = path.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    path.write_text(body + text + "\n", encoding="utf-8")
    return body.count("\n") + 1


def copy_about_page_to(root: Path, folder: str, menu: bool = True) -> None:
    """A complete new page pair: the About page copied to content/<lang>/<folder>/ in both
    languages, and (menu=True) its line under 'nav:' after the About page's."""
    for lang in ("es", "en"):
        page = root / "content" / lang / folder / "index.md"
        page.parent.mkdir()
        page.write_text((root / "content" / lang / "acerca/index.md").read_text(encoding="utf-8"), encoding="utf-8")
    if menu:
        edit(root / "mkdocs.yml", "  - acerca/index.md\n", f"  - acerca/index.md\n  - {folder}/index.md\n")


@pytest.fixture
def project_copy(tmp_path: Path) -> Path:
    """A fresh copy of the real project, safe to break."""
    return copy_project(tmp_path / "project")


@dataclass(frozen=True)
class Made:
    """The real project after `make site`: its folder, the site folder and what the build printed."""
    root: Path
    site: Path
    output: str


@pytest.fixture(scope="session")
def made_site(tmp_path_factory) -> Made:
    """The real project built once per test run as `make site` builds it (checks, engines side by
    side, flyers, exports): every test that reads the built site reads this one; do not change it."""
    root = copy_project(tmp_path_factory.mktemp("made") / "project")
    result = run_cli(root, "build", "--site-dir", str(root / "site"))
    assert result.returncode == 0, result.stdout + result.stderr
    return Made(root, root / "site", result.stdout + result.stderr)


@pytest.fixture(scope="session")
def built_site(made_site) -> Path:
    """The built real site (made_site's): read it, do not change it."""
    return made_site.site
