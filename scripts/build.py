"""`make site`: check, build into a fresh folder, and only then replace site/.

A failed build leaves the previous site/ untouched, so a mistake never takes the site down.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from . import forked
from .core import project
from .core.problems import Problem, failed
from .website import engine, sitefiles


def run_engine(root: Path, out: Path, language: str | None = None) -> tuple[int, None]:
    """The site engine (strict: any warning fails) into `out`, run in a forked child
    (scripts/forked.py); with `language`, that language only (website/hooks.py, on_config)."""
    os.chdir(root)
    os.environ["NO_MKDOCS_2_WARNING"] = "1"
    if language:
        os.environ[engine.ONLY_LANGUAGE] = language
    # Never -q with --strict: -q hides the warnings that --strict turns into a failure.
    return engine.main(["build", "--strict", "--clean", "--site-dir", str(out)]), None


def move_into(source: Path, dest: Path) -> None:
    """Everything in `source` into `dest`: a folder `dest` does not have yet is moved whole
    (a rename, no copying), anything else is merged file by file."""
    dest.mkdir(parents=True, exist_ok=True)
    for item in source.iterdir():
        target = dest / item.name
        if not target.exists():
            item.rename(target)
        elif item.is_dir():
            shutil.copytree(item, target, dirs_exist_ok=True)
        else:
            shutil.copy2(item, target)


class Build:
    """`make site` after the project is read: the steps that need only the project (the flyers)
    start at once in a forked child, beside the checks; `finish` then runs one engine per
    language, each in a forked child that reuses the project already read, side by side on the
    machine's cores. The default language goes into `out`, each other one into a folder of its
    own under `work`, moved into `out` afterwards (its folder and its half of the sitemap). Same
    files as one process building every language, in about half the time on two cores.

    Used as a context manager: leaving it stops what still runs and removes the work folders."""

    def __init__(self, proj: project.Project, root: Path, site: Path) -> None:
        from . import buildsteps
        self.proj, self.root, self.site = proj, root, site
        self.out = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
        self.work = Path(tempfile.mkdtemp(prefix=".side-", dir=site.parent))
        self.steps = self.work / "steps"
        self.steps.mkdir()
        self.children: list[forked.Child] = []
        self.side = self._fork(lambda: self._run_steps(buildsteps.beside_engine()), "side")

    def _fork(self, work, name: str) -> forked.Child:
        child = forked.start(work, self.work / f"child-{name}")
        self.children.append(child)
        return child

    def _run_steps(self, steps) -> tuple[int, list[Problem]]:
        from . import buildsteps
        ok, problems = buildsteps.run(self.proj, self.steps, steps)
        return 0, problems

    def _wait(self, child: forked.Child) -> forked.Finished:
        finished = child.wait()
        self.children.remove(child)
        return finished

    def finish(self) -> Outcome:
        """The engines and the side steps' results; the site swapped in only when all succeeded."""
        from . import buildsteps
        engine.use_project(self.proj)  # the engines' hooks take it instead of reading every page again
        others = {lang: self.work / f"engine-{lang}" for lang in self.proj.languages[1:]}
        engines = [self._fork(lambda: run_engine(self.root, self.out, self.proj.default), self.proj.default)]
        for lang, folder in others.items():
            engines.append(self._fork(lambda lang=lang, folder=folder: run_engine(self.root, folder, lang), lang))
        side = self._wait(self.side)
        if not side.ok:  # a bug, not a maintainer's mistake: the command's last guard reports it
            raise RuntimeError((side.output.strip().splitlines() or ["the steps beside the engines stopped"])[-1])
        notes = [line for line in side.output.splitlines() if line.strip()]  # what the steps' libraries printed
        side_problems = side.result
        done = [self._wait(child) for child in engines]
        output = "\n".join(finished.output for finished in done)
        if not all(finished.ok for finished in done):
            return Outcome(False, engine_messages(output), side_problems, notes=notes)
        if failed(side_problems):
            return Outcome(False, [], side_problems, notes=notes)
        for lang, folder in others.items():
            move_into(folder / lang, self.out / lang)
            sitefiles.merge_sitemaps(self.out / "sitemap.xml", folder / "sitemap.xml")
        move_into(self.steps, self.out)
        _, problems = buildsteps.run(self.proj, self.out, buildsteps.after_engine())
        problems = side_problems + problems
        if failed(problems):
            return Outcome(False, [], problems, notes=notes)
        swap(self.out, self.site)
        return Outcome(True, problems=problems, notes=notes, pages=sum(1 for _ in self.site.rglob("*.html")),
                       flyers=sum(1 for _ in self.site.glob("flyers/*.pdf")))

    def __enter__(self) -> "Build":
        return self

    def __exit__(self, *exc) -> None:
        for child in self.children:
            child.stop()
        for folder in (self.out, self.work):
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)


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
    notes: list[str] = field(default_factory=list)  # what the steps beside the engines printed


def site_folder(root: Path, site: Path) -> Path:
    return site if site.is_absolute() else root / site
