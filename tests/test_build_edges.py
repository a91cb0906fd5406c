"""make site on a real host (issue 28, parts 4 and 6): the published files are readable by the web
server's user (0644/0755, read as another user), a build killed in the swap is recovered, a `site`
that is a link to a web root is updated through it, a leftover site.old file or killed builds' work
folders do not break the next build, and a second build at once is one plain line."""
from __future__ import annotations

import os
import shutil
import stat
import subprocess
import tempfile
from pathlib import Path

import pytest

from scripts import build

from conftest import make_site, run_cli


def modes(site: Path) -> set[tuple[str, int]]:
    return {("dir" if p.is_dir() else "file", stat.S_IMODE(p.stat().st_mode)) for p in [site, *site.rglob("*")]}


def test_published_files_are_world_readable(built_site):
    assert modes(built_site) == {("dir", 0o755), ("file", 0o644)}


@pytest.mark.skipif(os.geteuid() != 0 or not shutil.which("runuser"), reason="needs root to act as another user")
def test_another_user_reads_every_file_after_cp_a(built_site):
    # What a web server running as another user sees after `cp -a site/ /var/www/` (cp -a keeps modes).
    web = Path(tempfile.mkdtemp(prefix="webroot-"))
    try:
        web.chmod(0o755)
        subprocess.run(["cp", "-a", str(built_site), str(web / "site")], check=True)
        files = sum(1 for p in (web / "site").rglob("*") if p.is_file())
        read = subprocess.run(["runuser", "-u", "nobody", "--", "sh", "-c",
                               'find "$1" -type f | wc -l; find "$1" -type f -exec cat {} + | wc -c', "sh", str(web / "site")],
                              capture_output=True, text=True, cwd="/")  # a clone in a 0700 folder (mktemp -d): nobody can't stay there
        assert read.returncode == 0 and read.stderr == "", read.stderr[:500]
        counted, size = read.stdout.split()
        assert int(counted) == files > 100 and int(size) > 100_000
    finally:
        shutil.rmtree(web)


def test_umask_does_not_decide_the_modes(tmp_path):
    folder = tmp_path / "new"
    folder.mkdir(mode=0o700)
    (folder / "a").mkdir(mode=0o700)
    (folder / "a/page.html").write_text("x")
    (folder / "a/page.html").chmod(0o600)
    build.publishable(folder)
    assert modes(folder) == {("dir", 0o755), ("file", 0o644)}


def test_a_build_killed_between_the_renames_is_recovered(tmp_path):
    site = tmp_path / "site"
    (tmp_path / "site.old").mkdir()
    (tmp_path / "site.old/index.html").write_text("previous")
    build.recover(site)  # what the next build does first
    assert (site / "index.html").read_text() == "previous" and not (tmp_path / "site.old").exists()


@pytest.mark.parametrize("leftover", ["file", "dir", "link"])
def test_a_leftover_site_old_of_any_kind_is_replaced(tmp_path, leftover):
    site, old, new = tmp_path / "site", tmp_path / "site.old", tmp_path / ".site-new"
    site.mkdir()
    new.mkdir()
    (new / "index.html").write_text("new")
    if leftover == "file":
        old.write_text("x")
    elif leftover == "dir":
        old.mkdir()
    else:
        old.symlink_to(tmp_path / "nowhere")
    build.swap(new, site)
    assert (site / "index.html").read_text() == "new" and not old.exists() and not old.is_symlink()


def test_a_second_build_at_once_is_one_line(project_copy):
    with build.lock(project_copy / "site"):
        result = run_cli(project_copy, "build")
    assert result.returncode == 1
    assert result.stdout.strip() == ("another build of site/ is running: wait for it to finish, then run "
                                     "'make site' again (site/ was left as it was).")


def test_a_site_that_links_to_a_web_root_with_leftovers(project_copy, made_site):
    web = project_copy.parent / "www"
    (web / "html").mkdir(parents=True)
    (web / "html/old.html").write_text("old site")
    (project_copy / "site").symlink_to(web / "html")
    (web / "html.old").write_text("a file left by hand")       # a leftover site.old that is a file
    for killed in (".html-abc123", ".html-work-def456"):       # work folders of killed builds
        (web / killed / "x").mkdir(parents=True)
    printed = make_site(project_copy, flyers_from=made_site.root)
    assert printed.returncode == 0, printed.stdout
    assert (project_copy / "site").is_symlink() and (project_copy / "site").resolve() == web / "html"
    assert (web / "html/index.html").is_file() and not (web / "html/old.html").exists()
    assert sorted(p.name for p in web.iterdir()) == [".html.lock", "html"]
    assert modes(web / "html") == {("dir", 0o755), ("file", 0o644)}


def test_a_redirect_line_without_indentation_is_named(project_copy):
    from conftest import assert_fails, edit
    edit(project_copy / "data/redirects.yml", "redirects:\n", "redirects:\npago/: salarios/\n")
    line = (project_copy / "data/redirects.yml").read_text(encoding="utf-8").splitlines().index("pago/: salarios/") + 1
    assert_fails(project_copy, {("data/redirects.yml", line, "redirects")}, "'pago/' is not under 'redirects:'", only="redirects")


@pytest.mark.parametrize("damage", ["cut", "garbage"])
def test_a_damaged_flyer_font_stops_the_flyers_with_a_plain_line(tmp_path, monkeypatch, damage):
    from scripts.core import project as project_module
    from scripts.flyers import layout, run
    from conftest import ROOT, TODAY
    fonts = tmp_path / "fonts"
    shutil.copytree(layout.FONTS, fonts)
    bold = fonts / "DejaVuSans-Bold.ttf"
    data = bold.read_bytes()
    bold.write_bytes(data[: len(data) // 2] if damage == "cut" else b"\0" * 4096)
    monkeypatch.setattr(layout, "FONTS", fonts)
    monkeypatch.setattr(run, "damaged_fonts", layout.damaged_fonts)
    assert layout.damaged_fonts() == [bold]
    written, problems = run.render_all(project_module.load(ROOT, TODAY), tmp_path / "out")
    assert written == [] and len(problems) == 1
    assert f"the font {bold} is damaged" in problems[0].message and "fonts-dejavu-core" in problems[0].message


def test_the_installed_fonts_are_whole():
    from scripts.flyers import layout
    assert layout.damaged_fonts() == []
