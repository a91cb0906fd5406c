"""A local edition (data/editions/<id>.yml) names what exists: contact ids in data/contacts.yml, state
codes in data/states.yml, numbers only through its contacts (never typed by hand), and a note short
enough for its one printed line. Its shape (fields, languages) is the loader's (core/editions.py)."""
from __future__ import annotations

import difflib
from typing import Iterable

from ..core import numbers
from ..core.editions import MAX_NOTE, TEXTS
from ..core.problems import Problem
from ..core.project import Project


def _lines(edition, key: str) -> Iterable[tuple[int, str]]:
    raw = edition.raw
    value = raw.get(key)
    if key in TEXTS and hasattr(value, "line_of"):
        for lang, text in getattr(edition, key).items():
            yield value.line_of(lang), text
    elif key == "address":
        for text in edition.address:
            yield raw.line_of(key), text


def _close(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f": did you mean '{close[0]}'?" if close else ""


def check_edition_entries(project: Project) -> Iterable[Problem]:
    for edition in project.editions.entries.values():
        raw, path, eid = edition.raw, edition.path, edition.id
        for cid in edition.contacts:
            if cid not in project.registry.contacts and project.registry.contacts:
                yield Problem(path, raw.line_of("contacts"), f"edition '{eid}': contact '{cid}' is not in "
                              f"data/contacts.yml{_close(cid, project.registry.contacts)} (a local office is added "
                              "there with scope: local, docs/contacts.md)")
        for code in edition.states:
            if project.states.entries and code not in project.states.entries:
                yield Problem(path, raw.line_of("states"), f"edition '{eid}': '{code}' is not a state code of "
                              "data/states.yml: use the small-letter postal code, like tx or ca")
        for key in ("name", "address", "hours", "note"):
            for line, text in _lines(edition, key):
                for found in numbers.find(text):
                    yield Problem(path, line, f"edition '{eid}': the number '{found.raw}' is typed by hand: add the office "
                                  "to data/contacts.yml and list its id under 'contacts:' (numbers are written there once)")
        for lang, text in edition.note.items():
            if len(text) > MAX_NOTE:
                line = raw.get("note").line_of(lang) if hasattr(raw.get("note"), "line_of") else raw.line
                yield Problem(path, line, f"edition '{eid}': the note in '{lang}' has {len(text)} characters; it is "
                              f"printed on one line of every flyer: keep it to {MAX_NOTE}")
