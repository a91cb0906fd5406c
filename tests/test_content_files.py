"""Only pages and pictures are published from content/ (issue 28, part 2): a script, an HTML or SVG
file, a file without an ending or a link to a file elsewhere is an error naming the file, and
nothing reaches site/."""
from __future__ import annotations

import os

import pytest

from conftest import ROOT, assert_fails, assert_site_kept, check_project


@pytest.mark.parametrize("name, body", [
    ("content/es/x.js", "alert(1)"),                                          # a script the CSP would trust
    ("content/es/salarios/x.html", "<script>alert(1)</script>"),              # served without the CSP
    ("content/en/pic.svg", "<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>"),
    ("content/es/salarios/index.md~", "---\ntitle: copia\n---\n"),           # an editor's backup
    ("content/es/LEAME", "notes"),                                            # no ending
    ("content/x.php", "<?php ?>"),                                            # beside the language folders
])
def test_a_file_the_site_does_not_need_is_an_error_naming_it(project_copy, name, body):
    (project_copy / name).write_text(body, encoding="utf-8")
    assert_fails(project_copy, {(name, 1, "content-files")}, "cannot be published from content/", only="content-files")


def test_a_link_to_a_file_elsewhere_is_an_error(project_copy):
    os.symlink("/etc/hostname", project_copy / "content/es/datos.png")
    assert_fails(project_copy, {("content/es/datos.png", 1, "content-files")}, "is a link to another file",
                 only="content-files")


def test_pictures_and_hidden_files_pass(project_copy):
    (project_copy / "content/es/salarios/talon.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    (project_copy / "content/es/salarios/.index.md.swp").write_bytes(b"swap")
    assert not check_project(project_copy).of("content-files")


def test_the_real_content_passes():
    assert not check_project(ROOT).of("content-files")


def test_docs_list_the_published_kinds():
    from scripts.checks.content_files import PUBLISHED
    pages = (ROOT / "docs/pages.md").read_text(encoding="utf-8")
    assert "## Files in content/" in pages
    assert all(f"`{kind}`" in pages for kind in PUBLISHED)


def test_the_site_is_not_rebuilt(project_copy):
    (project_copy / "content/es/x.js").write_text("alert(1)", encoding="utf-8")
    assert_site_kept(project_copy, "content/es/x.js:1: a '.js' file cannot be published")
