"""`make site`: check, build into a fresh folder, and only then replace site/.

A failed build leaves the previous site/ untouched, so a mistake never takes the site down.
"""
from __future__ import annotations

import fcntl
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from . import buildsteps, flyers, parallel
from .core.problems import Problem, failed
from .core.project import Project
from .website import engine, sitefiles


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


def side_steps(project: Project, folder: Path) -> list[Problem]:
    """The steps that need only the project (flyers, search index), into a folder of their own."""
    _, problems = buildsteps.run(project, folder, buildsteps.beside_engine())
    return problems


class Build:
    """`make site` after the project is read, as tasks (scripts/parallel.py): the steps that need
    only the project (the flyers, the search index) and one engine per language, each beginning
    with the project already read, all start at once, beside the checks; `finish` collects them
    and publishes only if the checks passed (the caller calls it only then; leaving the `with`
    stops the rest). Started after the checks, the engines left one core idle while the checks
    ran when the flyers came from the cache (about 1.5 s of CPU on a 1,000-pair rebuild,
    docs/bench.md). Once the engines are done, the steps that read only their pages (the one-file
    guide, its booklets side by side) run while the flyers may still be rendering; the steps that
    read the flyers (buildsteps.AFTER_BESIDE) run last. The default language goes into `out`,
    each other one into a folder of its own under `work`, moved into `out` afterwards (its
    folder and its half of the sitemap): the same files as one engine building every language,
    in about half the time on two cores. With serial=True (or one core) the same tasks run one
    after the other in this process when `finish` asks for them, after the checks.

    Used as a context manager: leaving it stops what still runs and removes the work folders."""

    def __init__(self, proj: Project, root: Path, site: Path, serial: bool = False) -> None:
        self.proj, self.root, self.site = proj, root, site
        site.parent.mkdir(parents=True, exist_ok=True)
        self.out = Path(tempfile.mkdtemp(prefix=".site-", dir=site.parent))
        self.work = Path(tempfile.mkdtemp(prefix=".site-work-", dir=site.parent))
        self.tasks = parallel.tasks(serial)
        self.folders = {lang: self.out if lang == proj.default else self.work / f"engine-{lang}" for lang in proj.languages}
        self.engines = {lang: self.tasks.add(f"the '{lang}' engine", engine.build, root, folder, proj, lang)
                        for lang, folder in self.folders.items()}
        # The tasks that print (the flyers now, the booklets after the engines) are forked once
        # WeasyPrint is imported here, while the engines run: imported once, not once in each of
        # them (a booklet's task 4.7 -> 4.4 s of CPU, forked with and without it; docs/bench.md).
        if isinstance(self.tasks, parallel.ParallelTasks):
            flyers.load_renderer()
        self.side = self.tasks.add("the flyers and the search index", side_steps, proj, self.work / "steps")

    def finish(self) -> Outcome:
        """The engines and the side steps' results; the site swapped in only when all succeeded."""
        proj, folders, engines = self.proj, self.folders, self.engines
        done = [self.tasks.result(task) for task in engines.values()]
        if not all(run.ok for run in done):
            side_problems = self.tasks.result(self.side)  # a crash is a bug: the command's last guard reports it
            messages = list(dict.fromkeys(line for run in done for line in run.messages))  # each once
            return Outcome(False, messages, side_problems)
        for lang, folder in folders.items():
            if folder != self.out:
                move_into(folder / lang, self.out / lang)
                sitefiles.merge_sitemaps(self.out / "sitemap.xml", folder / "sitemap.xml")
        # The steps that read only the pages, while the flyers are still being made (booklets side by side).
        _, problems = buildsteps.run(proj, self.out, buildsteps.after_engine(), self.tasks)
        side_problems = self.tasks.result(self.side)
        problems = side_problems + problems
        if failed(problems):
            return Outcome(False, [], problems)
        move_into(self.work / "steps", self.out)
        _, last = buildsteps.run(proj, self.out, buildsteps.after_all())
        problems += last
        if failed(problems):
            return Outcome(False, [], problems)
        publishable(self.out)
        swap(self.out, self.site)
        return Outcome(True, problems=problems, pages=sum(1 for _ in self.site.rglob("*.html")),
                       flyers=sum(1 for _ in self.site.glob("flyers/*.pdf")))

    def __enter__(self) -> "Build":
        return self

    def __exit__(self, *exc) -> None:
        self.tasks.stop()
        for folder in (self.out, self.work):
            if folder.exists():
                shutil.rmtree(folder, ignore_errors=True)


def publishable(folder: Path) -> None:
    """Every file readable by everyone (0644) and every folder open to everyone (0755): a web server
    runs as another user, and the build's fresh folder starts as 0700 (tempfile), which `cp -a` and
    rsync keep. Set outright, whatever the umask of the person building."""
    folder.chmod(0o755)
    for path in folder.rglob("*"):
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() else 0o644)


def _old(site: Path) -> Path:
    return site.with_name(site.name + ".old")


def _remove(path: Path) -> None:
    """A folder, a file or a link, whichever is there (a leftover site.old may be any)."""
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    elif path.exists() or path.is_symlink():
        path.unlink()


def recover(site: Path) -> None:
    """A build killed between the swap's two renames left site.old and no site/: put it back."""
    old = _old(site)
    if not site.exists() and not site.is_symlink() and old.is_dir() and not old.is_symlink():
        old.rename(site)


def swap(new: Path, site: Path) -> None:
    """site/ replaced by new: two renames, then the old one removed. Killed between the renames,
    the next build puts site.old back first (recover)."""
    old = _old(site)
    _remove(old)
    if site.exists() or site.is_symlink():
        site.rename(old)
    new.rename(site)
    _remove(old)


def leftovers(site: Path) -> None:
    """Work folders of builds that were killed (their own cleanup never ran). Called under the lock,
    so no other build is using them."""
    for folder in site.parent.glob(f".{site.name}-*"):
        if folder.is_dir() and not folder.is_symlink():
            shutil.rmtree(folder, ignore_errors=True)


class Busy(Exception):
    """Another build of the same site is running."""


@contextmanager
def lock(site: Path) -> Iterator[None]:
    """One build of a site at a time: a second one stops at once (Busy) instead of mixing folders."""
    site.parent.mkdir(parents=True, exist_ok=True)
    with open(site.parent / f".{site.name}.lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            raise Busy() from None
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


@dataclass
class Outcome:
    """What a build did, for the command to print (commands.cmd_build)."""
    built: bool                      # site/ was replaced by the new build
    engine: list[str] = field(default_factory=list)        # the engine's own messages, when it failed
    problems: list[Problem] = field(default_factory=list)  # the build steps' problems
    pages: int = 0                   # HTML pages in the new site/
    flyers: int = 0                  # PDFs in the new site/flyers/


def site_folder(root: Path, site: Path) -> Path:
    """The folder to build. A `site` that is a link (to a web server's folder) is followed: the
    folder it points to is replaced, and the link keeps pointing at the new site."""
    site = site if site.is_absolute() else root / site
    return site.resolve() if site.is_symlink() else site
