"""`make site`: check, build into a fresh folder, and only then replace site/.

A failed build leaves the previous site/ untouched, so a mistake never takes the site down.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .website import engine, sitefiles
from .core import project
from .core.problems import Problem, failed


def start_engine(root: Path, out: Path, language: str | None = None) -> subprocess.Popen:
    """Start the site engine (strict: any warning fails) into `out`, in its own process
    (scripts/website/engine.py); with `language`, that language only (hooks.py, on_config)."""
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    if language:
        env[engine.ONLY_LANGUAGE] = language
    # Never -q with --strict: -q hides the warnings that --strict turns into a failure.
    return subprocess.Popen(
        [sys.executable, "-m", "scripts.website.engine", "build", "--strict", "--clean", "--site-dir", str(out)],
        cwd=root, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)


class Engines:
    """One engine process per language, side by side on the machine's cores: the default
    language into `out`, each other one into a folder of its own under `work`, merged into `out`
    afterwards (its folder and its half of the sitemap). Same files as one process building
    every language, in about half the time on two cores."""

    def __init__(self, proj: project.Project, root: Path, out: Path, work: Path) -> None:
        self.out = out
        self.others = {lang: work / f"engine-{lang}" for lang in proj.languages[1:]}
        self.started = [start_engine(root, out, proj.default)]
        self.started += [start_engine(root, folder, lang) for lang, folder in self.others.items()]

    def wait(self) -> tuple[bool, str]:
        """Whether every language built, and the engines' output."""
        outputs = [process.communicate()[0] for process in self.started]
        return all(process.returncode == 0 for process in self.started), "\n".join(outputs)

    def merge(self) -> None:
        for lang, folder in self.others.items():
            shutil.copytree(folder / lang, self.out / lang, dirs_exist_ok=True)
            sitefiles.merge_sitemaps(self.out / "sitemap.xml", folder / "sitemap.xml")


def build_all(proj: project.Project, root: Path, out: Path) -> tuple[bool, str, list[Problem]]:
    """The engines, and beside them the steps that need only the project, such as the flyers;
    then the steps that read the engine's output. Returns whether the engine succeeded, its
    output, and the steps' problems (an error among them fails the build)."""
    from . import buildsteps
    side = Path(tempfile.mkdtemp(prefix=".side-", dir=out.parent))
    steps = side / "steps"
    steps.mkdir()
    try:
        engines = Engines(proj, root, out, side)
        side_ok, side_problems = buildsteps.run(proj, steps, buildsteps.beside_engine())
        engines_ok, output = engines.wait()
        if not engines_ok or not side_ok:
            return engines_ok, output, side_problems
        engines.merge()
        shutil.copytree(steps, out, dirs_exist_ok=True)
        _, problems = buildsteps.run(proj, out, buildsteps.after_engine())
        return True, output, side_problems + problems
    finally:
        shutil.rmtree(side, ignore_errors=True)


def engine_messages(output: str) -> list[str]:
    """The engine's warnings and errors whole (a message's indented lines, such as the list of
    pages missing from the menu, belong to it), without its tracebacks; a message that each
    language's process printed (a mistake in mkdocs.yml, say) is shown once."""
    messages: list[list[str]] = []
    inside = False
    for line in output.splitlines():
        if line.startswith(("WARNING", "ERROR")) or "Aborted" in line:
            messages.append([line])
            inside = True
        elif inside and line[:1].isspace() and line.strip() and "Traceback" not in line:
            messages[-1].append(line)
        else:
            inside = False
    unique = list(dict.fromkeys(tuple(message) for message in messages))
    keep = [line for message in unique for line in message]
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


@dataclass
class Outcome:
    """What a build did, for the command to print (commands.cmd_build)."""
    built: bool                      # site/ was replaced by the new build
    engine: list[str] = field(default_factory=list)        # the engine's own messages, when it failed
    problems: list[Problem] = field(default_factory=list)  # the build steps' problems
    pages: int = 0                   # HTML pages in the new site/
    flyers: int = 0                  # PDFs in the new site/flyers/


def site_folder(root: Path, site: Path) -> Path:
    return site if site.is_absolute() else root / site


def build(proj: project.Project, root: Path, site: Path) -> Outcome:
    """Build a checked project into a fresh folder and swap it in only when everything succeeded."""
    tmp = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
    try:
        engine_ok, output, problems = build_all(proj, root, tmp)
        if not engine_ok or failed(problems):
            return Outcome(False, [] if engine_ok else engine_messages(output), problems)
        swap(tmp, site)
    finally:
        if tmp.exists():
            shutil.rmtree(tmp, ignore_errors=True)
    return Outcome(True, problems=problems, pages=sum(1 for _ in site.rglob("*.html")),
                   flyers=sum(1 for _ in site.glob("flyers/*.pdf")))
