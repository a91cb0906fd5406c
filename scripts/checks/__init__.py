"""Every rule is one function check_x(project) -> Iterable[Problem], listed here once.

The runner stamps each problem with its check's id: the function's name without `check_`, with
dashes (`check_front_matter` -> `front-matter`); what the loader found while reading the files is `load`.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import Callable, Iterable

from .. import forked

from ..core.problems import Problem
from ..core.project import MISSING_FOLDER, Project
from . import handwritten, meta, parity, references, registry
from . import freshness, languages, recheck, safety, stale
from . import navigation, phrases, sections, urls
from . import flyers, scope, words
from . import deadlines, quepaso

Check = Callable[[Project], Iterable[Problem]]

ALL: list[Check] = [
    parity.check_parity,
    meta.check_front_matter,
    registry.check_registry,
    handwritten.check_handwritten_numbers,
    references.check_reference_syntax,
    references.check_contact_ids,
    references.check_twin_contacts,
    scope.check_local_contacts_used,
    stale.check_translations_current,
    freshness.check_freshness,
    recheck.check_rechecks,
    safety.check_safety,
    languages.check_language_coverage,
    words.check_same_keys,
    sections.check_section_ids,
    navigation.check_menu,
    navigation.check_links,
    phrases.check_phrases,
    urls.check_redirects,
    urls.check_manifest,
    flyers.check_flyer_parity,
    flyers.check_flyer_shape,
    deadlines.check_deadline_entries,
    deadlines.check_deadline_ids,
    deadlines.check_twin_deadlines,
    quepaso.check_que_paso_links,
    quepaso.check_que_paso_texts,
    quepaso.check_que_paso_outcomes,
    quepaso.check_que_paso_topics,
    quepaso.check_que_paso_numbers,
]


LOAD = "load"  # the id of what the loader found while reading the files (before any check ran)


def check_id(check: Check) -> str:
    return check.__name__.removeprefix("check_").replace("_", "-")


def stamp(problems: Iterable[Problem], check: str) -> list[Problem]:
    return [p if p.check else replace(p, check=check) for p in problems]


# The slowest checks, about half the time of `make check` on 1,000 page pairs (the number finder
# reads every line with digits). With beside=True they run in a forked child on the other core
# while the rest run here; the problems and their order are the same.
SLOW: tuple[Check, ...] = (handwritten.check_handwritten_numbers, stale.check_translations_current)


def run(project: Project, checks: list[Check] | None = None, beside: bool = False) -> list[Problem]:
    problems = stamp(project.problems, LOAD)
    if any(p.check == MISSING_FOLDER for p in problems):
        return problems  # one message for a whole missing language, not one per page it lacks
    chosen = checks or ALL
    slow = [check for check in chosen if check in SLOW] if beside and _two_cores() else []
    child = _start(project, slow) if slow else None
    found = {check: stamp(check(project), check_id(check)) for check in chosen if check not in slow}
    if child is not None:
        found.update(_collect(project, slow, *child))
    for check in chosen:
        problems.extend(found[check])
    return problems


def _two_cores() -> bool:
    """A second core to run on, and fork to start the child (Linux and macOS; macOS has no affinity)."""
    if not hasattr(os, "fork"):
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores > 1


def _start(project: Project, slow: list[Check]) -> tuple[forked.Child, Path]:
    folder = Path(tempfile.mkdtemp(prefix="derechos-check-"))
    return forked.start(lambda: (0, [stamp(check(project), check_id(check)) for check in slow]), folder), folder


def _collect(project: Project, slow: list[Check], child: forked.Child, folder: Path) -> dict[Check, list[Problem]]:
    """The child's problems; if it did not finish, the same checks run here (same problems, or the
    same internal error the command line reports)."""
    try:
        done = child.wait()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    if done.ok and isinstance(done.result, list) and len(done.result) == len(slow):
        return dict(zip(slow, done.result))
    return {check: stamp(check(project), check_id(check)) for check in slow}
