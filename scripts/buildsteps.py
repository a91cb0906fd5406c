"""Steps of `make site` beside and after the site engine (flyers, search index, exports…).

Each step takes the project and the build folder and returns Problems (an error fails the
build); the runner stamps each with its step's id, the module's name ("exports", "flyers").
New capabilities add one step to STEPS.
"""
from __future__ import annotations

from pathlib import Path
from typing import Callable

from .website import exports  # contacts.json, vCards, embed pages
from .website import searchindex  # site/search/index.json, site/en/search/index.json
from .website import onefile  # descargas/derechos-<lang>.html: the whole guide in one file
from .website import onezim  # descargas/derechos-<lang>.zim: the same for Kiwix (zim-tools)
from .website import onebooklet  # descargas/derechos-<lang>-<letter|a4>.pdf: the same as a printed booklet
from .website import offline  # site/sw.js and each language's offline.json (reading without signal)
from .website import headers  # site/_headers, site/.htaccess (docs/hosting.md)
from . import flyers  # site/flyers/*.pdf (WeasyPrint)
from . import parallel
from .checks import stamp
from .core.problems import Problem, failed
from .core.project import Project

Step = Callable[[Project, Path], list[Problem]]

STEPS: list[Step] = [
    onefile.build,  # after the pages: it reads them
    onebooklet.build,  # after onefile.build: the booklets are the one-file guide on paper (the slowest: first)
    exports.export,
    searchindex.write,  # make serve and a build of the engine alone write it from the site plugin instead
    flyers.build,
    exports.copy_moved_flyers,  # after flyers.build: a moved topic keeps its old flyer addresses
    onezim.build,  # after onefile.build: the ZIM files hold the one-file guide
    offline.build,  # after the pages, flyers and exports: it hashes what they wrote into the worker's version
    headers.write,  # the last: its rules list the files of the built site
]


# Steps that need only the project, not the engine's pages: `make site` runs them while the
# checks and the engines run, as a task of their own (scripts/parallel.py), into a folder that is
# then merged in. The search index is one: written by an engine, it made that engine finish last.
BESIDE_ENGINE: tuple[Step, ...] = (searchindex.write, flyers.build)


# Steps that read what those wrote (the flyers): `make site` runs them last, once both the
# engines and that task are done. The others after the engine (the one-file guide, its booklets…)
# need only the pages: they run as soon as the engines are done, while the flyers are still being
# made (on the real site, a clean build's booklets no longer wait about 8 s for the flyers).
AFTER_BESIDE: tuple[Step, ...] = (exports.copy_moved_flyers, offline.build, headers.write)


def beside_engine() -> list[Step]:
    return [step for step in STEPS if step in BESIDE_ENGINE]


def after_engine() -> list[Step]:
    """The steps that need the engines' pages and nothing the steps beside them write."""
    return [step for step in STEPS if step not in BESIDE_ENGINE and step not in AFTER_BESIDE]


def after_all() -> list[Step]:
    return [step for step in STEPS if step in AFTER_BESIDE]


def step_id(step: Step) -> str:
    return step.__module__.rsplit(".", 1)[-1]  # scripts.website.exports -> exports, scripts.flyers -> flyers


# Steps that split their work into tasks (one per language) when the build gives them its own
# (`tasks`: side by side on the cores, or one after the other with make site SERIAL=1): each
# step's `start(project, site, tasks)` starts them and returns what collects them. The steps
# that follow run meanwhile; `run` collects the started ones at its end.
Finish = Callable[[], list[Problem]]
USE_TASKS: dict[Step, Callable[[Project, Path, parallel.Tasks], Finish]] = {onebooklet.build: onebooklet.start}


def run(project: Project, site: Path, steps: list[Step] | None = None,
        tasks: parallel.Tasks | None = None) -> tuple[bool, list[Problem]]:
    problems: list[Problem] = []
    started: list[tuple[Step, Finish]] = []
    for step in STEPS if steps is None else steps:
        if tasks is not None and step in USE_TASKS:
            started.append((step, USE_TASKS[step](project, site, tasks)))
        else:
            problems.extend(stamp(step(project, site), step_id(step)))
    for step, finish in started:
        problems.extend(stamp(finish(), step_id(step)))
    return not failed(problems), problems
