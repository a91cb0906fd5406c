"""Every built page is valid HTML (the Nu Html Checker, npm vnu-jar, on Java), and the pages left at
old addresses are script-free, in their language, with the site's Content-Security-Policy."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT, build_site, copy_project, edit

VNU = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def ensure_vnu() -> Path:
    """vnu-jar comes from npm (package-lock.json) and runs on Java (scripts/sysdeps.sh installs it)."""
    if shutil.which("java") is None:
        raise RuntimeError("java is missing: run 'make test' as root (scripts/sysdeps.sh installs default-jre-headless)")
    if not VNU.exists():
        result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0 or not VNU.exists():
            raise RuntimeError(f"could not install vnu-jar with 'npm ci' in {ROOT}:\n{result.stderr[-2000:]}")
    return VNU


def html_errors(site: Path) -> list[str]:
    """The checker's errors on every .html file of a built site, as 'path:line: message'."""
    result = subprocess.run(["java", "-jar", str(ensure_vnu()), "--skip-non-html", "--errors-only",
                             "--format", "json", str(site)], capture_output=True, text=True)
    found = json.loads(result.stderr or '{"messages": []}')["messages"]
    return sorted(f"{Path(m['url'].removeprefix('file:')).relative_to(site)}:{m.get('lastLine', 0)}: {m['message']}"
                  for m in found if m.get("type") == "error" or m.get("subType") == "fatal")


@pytest.fixture(scope="module")
def site_with_redirects(tmp_path_factory) -> Path:
    """The real project plus what maintainers add later: a moved page's old address and a third language."""
    from test_languages import add_language
    root = copy_project(tmp_path_factory.mktemp("valid") / "project")
    edit(root / "data/redirects.yml", "  # pago/: salarios/", "  pago/: salarios/\n  horas/: salarios/#horas-extra")
    add_language(root, pages=("index.md",))
    site = build_site(root, root / "site")
    from scripts.website import exports  # the embed pages, as make site writes them after the engine
    from scripts.core import project
    assert not exports.export(project.load(root), site)
    return site


def test_every_page_is_valid_html(site_with_redirects):
    pages = list(site_with_redirects.rglob("*.html"))
    assert len(pages) > 60 and (site_with_redirects / "en/pago/index.html").is_file()
    assert (site_with_redirects / "en/embed/us/index.html").is_file()
    assert html_errors(site_with_redirects) == []


def test_redirect_pages_are_script_free_with_the_site_csp(site_with_redirects):
    policy = CSP.search((site_with_redirects / "index.html").read_text(encoding="utf-8")).group(1)
    for prefix, lang in (("", "es"), ("en/", "en"), ("mix/", "mix")):
        page = (site_with_redirects / prefix / "horas/index.html").read_text(encoding="utf-8")
        assert "<script" not in page, prefix
        found = CSP.search(page)
        assert found and found.group(1).replace("&#x27;", "'") == policy.replace("&#x27;", "'"), prefix
        assert f'<html lang="{lang}">' in page
        assert '<meta http-equiv="refresh" content="0; url=../salarios/#horas-extra">' in page
        assert '<a href="../salarios/#horas-extra">' in page
    english = (site_with_redirects / "en/pago/index.html").read_text(encoding="utf-8")
    assert "This page has moved" in english and "Go to the new page" in english


def test_checker_names_file_and_line_of_invalid_markup(site_with_redirects, tmp_path):
    """The test above can fail: a built page with markup a maintainer might paste into a page
    (a block inside a paragraph) is reported at its file and line."""
    page = (site_with_redirects / "calor/index.html").read_text(encoding="utf-8")
    lines = page.split("\n")
    at = next(i for i, line in enumerate(lines) if "<h1" in line) + 1
    lines.insert(at, "<p><div>Tome agua.</div></p>")
    broken = tmp_path / "site"
    (broken / "calor").mkdir(parents=True)
    (broken / "calor/index.html").write_text("\n".join(lines), encoding="utf-8")
    errors = html_errors(broken)
    assert errors and all(e.startswith(f"calor/index.html:{at + 1}: ") for e in errors), errors
