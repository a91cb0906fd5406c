"""Every rule is one function check_x(project) -> Iterable[Problem], listed here once.

The runner stamps each problem with its check's id: the function's name without `check_`, with
dashes (`check_front_matter` -> `front-matter`); what the loader found while reading the files is `load`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable

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


def run(project: Project, checks: list[Check] | None = None) -> list[Problem]:
    problems = stamp(project.problems, LOAD)
    if any(p.check == MISSING_FOLDER for p in problems):
        return problems  # one message for a whole missing language, not one per page it lacks
    for check in checks or ALL:
        problems.extend(stamp(check(project), check_id(check)))
    return problems
