"""The states (data/states.yml) are complete, sourced, dated and current.

All 52 jurisdictions, once each; every section present with its official source (an allowed
domain: .gov, gob.mx or another in data/checks.yml), the day it was checked (not after today) and
its confidence; a minimum wage with its amount and the day it took effect; a State Plan with its
agency; an office's name in Spanish and English with its website; a contact that is a local office
of the registry (an id the registry lacks is the contact-ids check's message); a state's own
deadlines (`deadlines:` in pay, injury, discrimination) named by ids that data/deadlines.yml has.
A broken re-check is reported here; a passed one is a warning of the rechecks check, as for
contacts and deadlines.
"""
from __future__ import annotations

import difflib
import re
from decimal import Decimal
from typing import Iterable
from urllib.parse import urlparse

from ..core import recheck
from ..core.contacts import LOCAL
from ..core.datafile import missing_languages
from ..core.paylog import PAY_LOG
from ..core.problems import Problem
from ..core.project import Project
from ..core.deadlines import DEADLINES
from ..core.states import (CODES, CONFIDENCE, DEADLINE_SECTIONS, FEDERAL, NONE, UNKNOWN, PLAN_KINDS, SECTIONS, STATES,
                           Section, State)
from ..core.yamlfile import date_problem

AMOUNT = re.compile(r"\d{1,2}\.\d\d")


def _at(item: Section, key: str) -> int:
    return item.raw.line_of(key) if key in item.raw else item.line


def _missing(item: Section, what: str, key: str, example: str) -> Problem:
    return Problem(STATES, item.line, f"{what} needs '{key}:', like '{key}: {example}'")


def _fact(project: Project, item: Section, what: str) -> Iterable[Problem]:
    """Source, checked, confidence and the re-check of one section."""
    raw = item.raw
    if "source" not in raw:
        yield _missing(item, what, "source", "https://www.dol.gov/…' (the official page you read it on)")
    elif not item.source.startswith("https://"):
        yield Problem(STATES, _at(item, "source"), f"{what}: 'source:' must be the address of the official page, starting with https://")
    else:
        host = urlparse(item.source).hostname or ""
        # While data/checks.yml cannot be read the allowlist is unknown: its own message is the one
        # root cause, so no source is judged until it is fixed.
        if project.settings.readable and not project.settings.domain_allowed(host):
            yield Problem(STATES, _at(item, "source"), f"{what}: the source '{host}' is not an official site: a fact comes "
                          "only from a government page (.gov, gob.mx, or a state's own domain listed under "
                          "allowed_domains in data/checks.yml)")
    if "checked" not in raw:
        yield _missing(item, what, "checked", "2026-12-05' (the day you read it on the source")
    elif item.checked is None:
        yield Problem(STATES, _at(item, "checked"), f"{what}: {date_problem('checked', raw.get('checked'))}")
    elif item.checked > project.today:
        yield Problem(STATES, _at(item, "checked"), f"{what}: 'checked: {item.checked.isoformat()}' is after today "
                      f"({project.today.isoformat()}): write the day you read it")
    if item.confidence not in CONFIDENCE:
        line = _at(item, "confidence")
        yield Problem(STATES, line, f"{what} needs 'confidence: verified' (read on the source) or 'confidence: likely' "
                      "(not read there yet: the page asks the reader to confirm it)")
    yield from recheck.read(raw, STATES, what, item.source or "its source")[1]


def _office(project: Project, item: Section, what: str, required: bool) -> Iterable[Problem]:
    raw = item.raw
    value = raw.get("office") if item.key != "consulates" else raw.get("name")
    key = "office" if item.key != "consulates" else "name"
    if value is None and required:
        yield _missing(item, what, key, "{es: …, en: …}' (the office's name in each language")
        return
    if value is None or value == NONE:
        if value == NONE and (item.website or item.contact):
            yield Problem(STATES, _at(item, "website" if item.website else "contact"),
                          f"{what} says 'office: none' but gives a website or contact: name the office, or delete them")
        return
    if not isinstance(value, dict):
        yield Problem(STATES, _at(item, key), f"{what}: '{key}:' is the office's name in each language "
                      f"(es:, en:), or 'none' when the state has none")
        return
    yield from missing_languages(raw, key, project.strict_languages, STATES, what)
    if not item.website.startswith("https://"):
        yield Problem(STATES, _at(item, "website"), f"{what} needs 'website:' with the office's own page (https://…)")
    if item.contact:
        contact = project.registry.get(item.contact)
        if contact is not None and contact.scope != LOCAL:
            yield Problem(STATES, _at(item, "contact"), f"{what}: contact '{item.contact}' is a national contact; a "
                          "state's office is a local one: give its entry in data/contacts.yml 'scope: local' "
                          "(docs/contacts.md), or name the state's own office")


def _wage(item: Section, what: str, federal: Decimal | None) -> Iterable[Problem]:
    """federal: data/pay-log.yml's federal minimum (None when that file cannot be read)."""
    raw = item.raw
    if "amount" not in raw:
        yield _missing(item, what, "amount", "\"16.90\"' (dollars an hour, in quotes), 'amount: federal' when the "
                       "state has no minimum above the federal $7.25, or 'amount: unknown' when no official page "
                       "showed today's amount")
    elif item.amount not in (FEDERAL, UNKNOWN) and not AMOUNT.fullmatch(item.amount):
        yield Problem(STATES, _at(item, "amount"), f"{what}: 'amount: {raw.get('amount')}' is not an hourly amount: "
                      "write dollars and cents in quotes, like amount: \"16.90\", or 'amount: federal', or "
                      "'amount: unknown'")
    elif item.hourly and federal is not None and Decimal(item.hourly) <= federal:
        # Where a state's own minimum is not above the federal one, the federal one applies: a lower
        # amount is a slip of a digit ("1.69" for "16.90") or belongs to 'amount: federal'.
        yield Problem(STATES, _at(item, "amount"), f"{what}: 'amount: {item.amount}' is not above the federal minimum "
                      f"of ${federal} ({PAY_LOG}): check the digits against the source; if the state's own minimum "
                      "is not above the federal one, write 'amount: federal' (and no 'since:')")
    elif item.unknown and item.confidence == "verified":
        yield Problem(STATES, _at(item, "confidence"), f"{what}: 'amount: unknown' cannot be 'confidence: verified': "
                      "if you read the amount on the official page, write it (amount: \"16.90\" and since:); if not, "
                      "write 'confidence: likely'")
    if item.amount not in (FEDERAL, UNKNOWN) and "since" not in raw:
        yield _missing(item, what, "since", "2026-01-01' (the day this amount took effect")
    elif "since" in raw and item.since is None:
        yield Problem(STATES, _at(item, "since"), f"{what}: {date_problem('since', raw.get('since'))}")


def _deadlines(project: Project, item: Section, what: str) -> Iterable[Problem]:
    """`deadlines:` names the state's own deadlines by their ids in data/deadlines.yml."""
    value = item.raw.get("deadlines")
    line = _at(item, "deadlines")
    ids = [value] if isinstance(value, str) else value
    if not isinstance(ids, list) or not all(isinstance(v, str) and v.strip() for v in ids):
        yield Problem(STATES, line, f"{what}: 'deadlines:' is a list of deadline ids of {DEADLINES}, like "
                      "'deadlines: [lesion_aviso_fl, lesion_reclamo_fl]'")
        return
    if not project.deadlines.readable:
        return  # the deadlines file itself is broken; that is reported once, at its own line
    known = sorted(project.deadlines.entries)
    for did in ids:
        if did.strip() in project.deadlines.entries:
            continue
        close = difflib.get_close_matches(did.strip(), known, n=1)
        hint = (f"did you mean '{close[0]}'?" if close else
                f"add the deadline to {DEADLINES} first (docs/states.md, 'A state's own deadlines')")
        yield Problem(STATES, line, f"{what}: the deadline '{did.strip()}' is not in {DEADLINES}: {hint}")


def _entry(project: Project, state: State) -> Iterable[Problem]:
    name = f"state '{state.code}'"
    yield from missing_languages(state.raw, "name", project.strict_languages, STATES, name)
    for key in SECTIONS[:-1]:
        item: Section = getattr(state, key)
        what = f"{name}, {key}"
        if not item.present:
            shown = {"minimum_wage": "amount, since, source", "safety": "state_plan, office, source"}.get(key, "office, website, source")
            yield Problem(STATES, state.line, f"{name} needs a '{key}:' block ({shown}, checked, confidence; "
                          "docs/states.md)")
            continue
        if key == "minimum_wage":
            yield from _wage(item, what, project.pay_log.minimum)
        elif key == "safety":
            if item.state_plan not in PLAN_KINDS:
                yield Problem(STATES, _at(item, "state_plan"), f"{what} needs 'state_plan:' with one of "
                              f"{', '.join(PLAN_KINDS)} (as OSHA's State Plans page lists the state)")
            elif item.state_plan != NONE and not item.office:
                yield Problem(STATES, _at(item, "office") if "office" in item.raw else _at(item, "state_plan"),
                              f"{what}: a State Plan ({item.state_plan}) needs its agency: 'office:' with its name in "
                              "each language, and 'website:'")
            elif item.state_plan == NONE and item.office:
                yield Problem(STATES, _at(item, "office"), f"{what}: 'state_plan: none' means federal OSHA covers the "
                              "state: delete 'office:' or correct the kind")
            if item.state_plan in PLAN_KINDS and item.office:
                yield from _office(project, item, what, required=False)
        elif key == "heat":
            rule = item.raw.get("rule")
            if rule is None:
                yield _missing(item, what, "rule", "none' when the state has no heat rule of its own, or its words in each language")
            elif rule != NONE:
                yield from missing_languages(item.raw, "rule", project.strict_languages, STATES, what)
                if not item.website.startswith("https://"):
                    yield Problem(STATES, _at(item, "website"), f"{what} needs 'website:' with the rule's official page (https://…)")
        else:
            yield from _office(project, item, what, required=True)
        if key in DEADLINE_SECTIONS and "deadlines" in item.raw:
            yield from _deadlines(project, item, what)
        yield from _fact(project, item, what)
    if "consulates" not in state.raw:
        yield Problem(STATES, state.line, f"{name} needs 'consulates:': the Mexican consulate(s) whose district includes "
                      "the state (docs/states.md), or 'consulates: []' while none is known")
    elif not isinstance(state.raw.get("consulates"), list):
        yield Problem(STATES, state.raw.line_of("consulates"), f"{name}: 'consulates:' is a list, one '- name:' block per consulate")
    for index, consulate in enumerate(state.consulates, 1):
        what = f"{name}, consulate {index}"
        yield from _office(project, consulate, what, required=True)
        yield from _fact(project, consulate, what)


def check_state_entries(project: Project) -> Iterable[Problem]:
    found = project.states
    if not found.readable:
        return
    for state in found.entries.values():
        if state.code not in CODES:
            close = difflib.get_close_matches(state.code.lower(), CODES, n=1)
            hint = f"did you mean '{close[0]}'?" if close else "use the state's two-letter postal code in lower case, like 'tx'"
            yield Problem(STATES, state.line, f"'{state.code}' is not one of the 52 jurisdictions: {hint}")
            continue
        yield from _entry(project, state)
    missing = [code for code in CODES if code not in found.entries]
    if missing:
        yield Problem(STATES, found.line, f"{len(missing)} of the 52 jurisdictions are missing: "
                      f"{', '.join(missing)}; add an entry for each (docs/states.md)")
