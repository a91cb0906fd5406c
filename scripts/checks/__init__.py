"""Every rule is one function check_x(project) -> Iterable[Problem] in a module of its own, named
after the check's id (yamllint's rules/ model): `check_front_matter` in front_matter.py. Listed
here once, in ALL.

The runner stamps each problem with its check's id: the function's name without `check_`, with
dashes (`check_front_matter` -> `front-matter`); what the loader found while reading the files is `load`.
"""
from __future__ import annotations

import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Callable, Iterable

from ..core.problems import Problem
from ..core.project import MISSING_FOLDER, Project
from . import (
    parity, front_matter, registry, handwritten_numbers, reference_syntax, contact_ids,
    twin_contacts, local_contacts_used, translations_current, freshness, rechecks, safety,
    language_coverage, same_keys, section_ids, menu, links, phrases, redirects, manifest,
    flyer_parity, flyer_shape, deadline_entries, deadline_ids, twin_deadlines, que_paso_links,
    que_paso_texts, que_paso_outcomes, que_paso_topics, que_paso_numbers, future_dates,
    page_paths, heading_ids, shared_numbers, text_fields, page_language,
    page_size,
)

Check = Callable[[Project], Iterable[Problem]]

# Each check lives in the module named after its id (tests/test_problems.py holds them to it).
ALL: list[Check] = [
    parity.check_parity,
    page_paths.check_page_paths,
    page_size.check_page_size,
    front_matter.check_front_matter,
    text_fields.check_text_fields,
    registry.check_registry,
    shared_numbers.check_shared_numbers,
    handwritten_numbers.check_handwritten_numbers,
    reference_syntax.check_reference_syntax,
    contact_ids.check_contact_ids,
    twin_contacts.check_twin_contacts,
    local_contacts_used.check_local_contacts_used,
    translations_current.check_translations_current,
    page_language.check_page_language,
    freshness.check_freshness,
    future_dates.check_future_dates,
    rechecks.check_rechecks,
    safety.check_safety,
    language_coverage.check_language_coverage,
    same_keys.check_same_keys,
    heading_ids.check_heading_ids,
    section_ids.check_section_ids,
    menu.check_menu,
    links.check_links,
    phrases.check_phrases,
    redirects.check_redirects,
    manifest.check_manifest,
    flyer_parity.check_flyer_parity,
    flyer_shape.check_flyer_shape,
    deadline_entries.check_deadline_entries,
    deadline_ids.check_deadline_ids,
    twin_deadlines.check_twin_deadlines,
    que_paso_links.check_que_paso_links,
    que_paso_texts.check_que_paso_texts,
    que_paso_outcomes.check_que_paso_outcomes,
    que_paso_topics.check_que_paso_topics,
    que_paso_numbers.check_que_paso_numbers,
]


LOAD = "load"  # the id of what the loader found while reading the files (before any check ran)


def check_id(check: Check) -> str:
    return check.__name__.removeprefix("check_").replace("_", "-")


def stamp(problems: Iterable[Problem], check: str) -> list[Problem]:
    return [p if p.check else replace(p, check=check) for p in problems]


# The slowest checks, about half the time of `make check` on 1,000 page pairs (the number finder
# reads every line with digits, the language detector every page's prose). With beside=True they run in a forked worker on the other core
# (the standard library's process pool; fork hands it the project already read, nothing is
# pickled but the problems coming back) while the rest run here; the problems and their order
# are the same.
SLOW: tuple[Check, ...] = (handwritten_numbers.check_handwritten_numbers, translations_current.check_translations_current,
                           page_language.check_page_language)
_BESIDE: list[Project] = []  # the project the worker checks, inherited through fork


def run(project: Project, checks: list[Check] | None = None, beside: bool = False) -> list[Problem]:
    problems = stamp(project.problems, LOAD)
    if any(p.check == MISSING_FOLDER for p in problems):
        return problems  # one message for a whole missing language, not one per page it lacks
    chosen = checks or ALL
    slow = [check for check in chosen if check in SLOW] if beside and _two_cores() else []
    found = _run_beside(project, chosen, slow) if slow else {}
    found.update({check: stamp(check(project), check_id(check)) for check in chosen if check not in found})
    for check in chosen:
        problems.extend(found[check])
    return problems


def _checked(checks: list[Check]) -> list[list[Problem]]:
    """In the worker: the problems of these checks on the project the parent had read."""
    return [stamp(check(_BESIDE[0]), check_id(check)) for check in checks]


def _run_beside(project: Project, chosen: list[Check], slow: list[Check]) -> dict[Check, list[Problem]]:
    """The slow checks in a worker while the others run here. If the worker fails, nothing is
    returned for them and they run here (same problems, or the same internal error the command
    line reports)."""
    _BESIDE[:] = [project]
    try:
        with ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context("fork")) as pool:
            future = pool.submit(_checked, slow)
            here = {check: stamp(check(project), check_id(check)) for check in chosen if check not in slow}
            try:
                done = future.result()
            except Exception:  # the worker died or its check raised: run them here instead
                return here
    finally:
        _BESIDE.clear()
    return {**here, **dict(zip(slow, done))}


def _two_cores() -> bool:
    """A second core to run on, and fork to start the worker (Linux and macOS; macOS has no affinity)."""
    if not hasattr(os, "fork"):
        return False
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cores > 1
