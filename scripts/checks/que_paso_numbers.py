"""No phone number typed by hand in the guided path, and only [[phone:…]] and [[deadline:…]] in it.

Skipped while data/que-paso.yml is broken or has an unknown field: the loader reports that once,
and checking a half-read tree would only add follow-on errors.
"""
from __future__ import annotations

from typing import Iterable

from ..core import numbers
from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import TREE, Tree, shown_texts
from ..core.references import LOOSE_TAG, NEAR, TAG, find_references, meant, near_references
from .handwritten_numbers import short_codes
from .que_paso_outcomes import close_ids


def check_que_paso_numbers(project: Project) -> Iterable[Problem]:
    """No phone number typed by hand in the path (911 included): a step writes [[phone:emergencia]],
    which becomes a one-tap call from the registry. Steps may also name a deadline."""
    tree: Tree = project.que_paso
    if not tree.readable:
        return
    codes = short_codes(project)
    contacts = sorted(project.registry.contacts)
    known = {"phone": contacts, "contact": contacts, "deadline": sorted(project.deadlines.entries)}
    for line, where, text in shown_texts(tree):
        loose = [(m.group(0), meant(m.group(0), known)) for m in LOOSE_TAG.finditer(text) if not TAG.fullmatch(m.group(0))]
        loose += [(raw, guess) for _, raw, guess in near_references(text, known)]
        for raw, guess in loose:
            if guess is not None or raw.startswith("[[") or raw.endswith("]]"):
                yield Problem(TREE, line, f"{where}: '{raw}' is not a valid reference and would show as raw text: "
                              f"write {guess or '[[phone:ID]] or [[deadline:ID]]'} (two square brackets, lower case, no spaces)")
        for found in numbers.find(text, codes, hide=(LOOSE_TAG, NEAR)):
            yield Problem(TREE, line, f"{where}: the number '{found.raw}' is typed by hand: write [[phone:ID]] "
                          "with its id from data/contacts.yml (911 is [[phone:emergencia]])")
        for ref in find_references(text):
            if ref.kind == "phone":
                continue  # an unknown id: the contact-ids check, once for every place that names it
            if ref.kind == "deadline" and (ref.contact_id in project.deadlines.entries or not project.deadlines.readable):
                continue
            if ref.kind not in ("phone", "deadline"):
                yield Problem(TREE, line, f"{where}: only [[phone:ID]] and [[deadline:ID]] can go in the path's texts")
            else:
                known = project.registry.contacts if ref.kind == "phone" else project.deadlines.entries
                if not known:
                    continue  # its file cannot be read: that is the one message to fix first
                yield Problem(TREE, line, f"{where}: [[{ref.kind}:{ref.contact_id}]] names nothing: " + close_ids(ref.contact_id, known))
