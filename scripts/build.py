"""`make site`: check, build into a fresh folder, and only then replace site/.

A failed build leaves the previous site/ untouched, so a mistake never takes the site down.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from . import checks, project
from .problems import report


def build_site(root: Path, out: Path) -> tuple[bool, str]:
    """Run the site engine (strict: any warning fails) into `out`; return success and its output."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    # Never -q with --strict: -q hides the warnings that --strict turns into a failure.
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(out)],
        cwd=root, env=env, capture_output=True, text=True)
    return result.returncode == 0, result.stdout + result.stderr


def engine_messages(output: str) -> list[str]:
    """The engine's warnings and errors, without its tracebacks."""
    keep = []
    for line in output.splitlines():
        if line.startswith(("WARNING", "ERROR")) or "Aborted" in line:
            keep.append(line)
    if not keep and output.strip():
        keep.append(output.strip().splitlines()[-1])
    return keep


def swap(new: Path, site: Path) -> None:
    old = site.with_name(site.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if site.exists():
        site.rename(old)
    new.rename(site)
    if old.exists():
        shutil.rmtree(old)


def main(root: Path, site: Path) -> int:
    root = root.resolve()
    site = site if site.is_absolute() else root / site
    proj = project.load(root)
    if report(checks.run(proj)) != 0:
        print(f"{site.name}/ was left as it was: fix the problems above, then run 'make site' again.")
        return 1
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    try:
        ok, output = build_site(root, tmp)
        if ok:
            from . import postbuild
            ok, messages = postbuild.run(proj, tmp)
            output += "\n".join(messages)
        if not ok:
            for line in engine_messages(output):
                print(line)
            print(f"build failed: {site.name}/ was left as it was. Fix the problems above and run 'make site' again.")
            return 1
        swap(tmp, site)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"built {site.name}/ ({sum(1 for _ in site.rglob('*.html'))} HTML pages)")
    return 0
