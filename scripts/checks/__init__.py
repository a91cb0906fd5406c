"""Every rule is one function check_x(project) -> Iterable[Problem] in a module of its own, named
after the check's id (yamllint's rules/ model): `check_front_matter` in front_matter.py. Listed
here once, in ALL.

The runner stamps each problem with its check's id: the function's name without `check_`, with
dashes (`check_front_matter` -> `front-matter`); what the loader found while reading the files is `load`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Iterable, Mapping

from ..core.problems import Problem
from ..core.project import MISSING_FOLDER, Project
from . import (
    parity, front_matter, registry, handwritten_numbers, handwritten_deadlines, federal_wage, reference_syntax, contact_ids,
    twin_contacts, local_contacts_used, translations_current, freshness, rechecks, safety,
    language_coverage, same_keys, section_ids, menu, links, phrases, redirects, manifest,
    flyer_parity, flyer_shape, deadline_entries, deadline_ids, twin_deadlines, que_paso_links,
    que_paso_texts, que_paso_outcomes, que_paso_topics, que_paso_numbers, future_dates,
    page_paths, content_files, heading_ids, shared_numbers, text_fields, field_markup, page_language,
    page_size, state_entries, edition_entries, twin_numbers,
)

Check = Callable[[Project], Iterable[Problem]]

# Each check lives in the module named after its id (tests/test_problems.py holds them to it).
ALL: list[Check] = [
    parity.check_parity,
    page_paths.check_page_paths,
    content_files.check_content_files,
    page_size.check_page_size,
    front_matter.check_front_matter,
    text_fields.check_text_fields,
    field_markup.check_field_markup,
    registry.check_registry,
    shared_numbers.check_shared_numbers,
    handwritten_numbers.check_handwritten_numbers,
    handwritten_deadlines.check_handwritten_deadlines,
    federal_wage.check_federal_wage,
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
    edition_entries.check_edition_entries,
    state_entries.check_state_entries,
    deadline_ids.check_deadline_ids,
    twin_deadlines.check_twin_deadlines,
    twin_numbers.check_twin_numbers,
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


# The slowest checks, about half the time of `make check` on 1,000 page pairs: the number finder
# reads every line with digits, the outdated-translation check compares every twin, the language
# detector reads every page's prose, the link check follows every link; the twin-contacts check
# (0.05 s) evens the two halves (measured forked on 1,000 pairs: 1.26 s each, against 1.24 and
# 1.30 s without it; the command waits for the longer). `make check` computes them (`each`) in a
# task beside the others (scripts/commands.py, through scripts/parallel.py) and hands them to `run`
# as `found`: the same problems in the same order. This package itself starts no process (it
# imports only core/).
SLOW: tuple[Check, ...] = (handwritten_numbers.check_handwritten_numbers,
                           translations_current.check_translations_current,
                           page_language.check_page_language,
                           links.check_links,
                           twin_contacts.check_twin_contacts)


def stopped(project: Project) -> bool:
    """A whole language folder is missing: its one message stands alone, no check runs."""
    return any(p.check == MISSING_FOLDER for p in project.problems)


def each(project: Project, checks: Iterable[Check]) -> list[list[Problem]]:
    """Each check's problems, stamped with its id, in the order given."""
    return [stamp(check(project), check_id(check)) for check in checks]


def run(project: Project, checks: list[Check] | None = None,
        found: Mapping[Check, list[Problem]] | None = None) -> list[Problem]:
    """The loader's problems, then each check's (`checks`, default ALL) in order. `found`: the
    problems of some checks already computed elsewhere (by `each`, in a task beside): taken as
    they are instead of running those checks here."""
    problems = stamp(project.problems, LOAD)
    if stopped(project):
        return problems  # one message for a whole missing language, not one per page it lacks
    found = found or {}
    for check in checks or ALL:
        problems.extend(found[check] if check in found else stamp(check(project), check_id(check)))
    return problems
