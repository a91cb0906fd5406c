"""No legal deadline typed by hand: every deadline comes from data/deadlines.yml by id.

A deadline typed into a page ("Tiene 180 días para quejarse") escapes what the registry gives
each deadline: one wording on every page and flyer, in both languages, linked to the official
page it was read on, with the day it was checked. A wrong one can cost a worker the claim. Pages
(body and front matter, flyer lines included; not the search phrases, which are what workers
type), the guided path and the texts data/states.yml prints (core/states.shown_texts) are read with
scripts/core/durations.py; the message names the registry's entries that state the same number.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..core import durations, states
from ..core.deadlines import DEADLINES
from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import TREE, shown_texts
from ..core.references import LOOSE_TAG, NEAR
from .handwritten_numbers import BLOCKS, front_matter_block


def _blanked(text: str) -> str:
    """References blanked, lines kept: [[deadline:…]] is the right way, not a find."""
    for pattern in (LOOSE_TAG, NEAR):
        text = pattern.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), text)
    return text


def _same_number(project: Project, lang: str, number: int | None) -> list[str]:
    """The registry's deadlines whose words, in this language, state this number: the national
    ones first, then those a state names (data/states.yml)."""
    local = {d for state in project.states.entries.values() for part in state.sections() for d in part.deadlines}
    same = [item.id for item in project.deadlines.entries.values() if number and number in durations.numbers(item.text.get(lang, ""))]
    return sorted(same, key=lambda i: i in local)


def _advice(found: durations.Found, ids: list[str]) -> str:
    said = f"the deadline '{found.raw}' is typed by hand: deadlines come from {DEADLINES}, worded the same on every page and flyer and linked to their official source"
    if ids:
        choices = " or ".join(f"[[deadline:{i}]]" for i in ids[:3])
        return f"{said}: write {choices} instead (check the entry says what this sentence means)"
    return (f"{said}: add it there with the official page that states it (docs/deadlines.md), "
            "then write [[deadline:ID]] here instead")


def check_handwritten_deadlines(project: Project) -> Iterable[Problem]:
    for page in project.all_pages():
        if not page.readable:
            continue
        text = page.text
        finds = durations.find(text)
        if finds:  # rare: only then are the references blanked, and the text read again
            text = _blanked(text)
            finds = durations.find(text)
        for found in finds:
            line = text.count("\n", 0, found.start) + 1
            block = front_matter_block(page, line)
            if block == "phrases":
                continue  # what workers type to search, not a fact the page states
            advice = _advice(found, _same_number(project, page.lang, durations.amount(found.raw)))
            if block not in (None, *BLOCKS):  # references work in the text and the printed blocks only
                advice += f"; a reference works in the page's text, not in the front matter ('{block}:'): state it there"
            yield Problem(page.path, line, advice)
    # data/states.yml's words are printed as written: a deadline there is listed by id (`deadlines:`).
    for shown in states.shown_texts(project.states):
        for found in durations.find(shown.text):
            said = f"the deadline '{found.raw}' is typed by hand: deadlines come from {DEADLINES}, linked to their official source"
            if shown.may_name_deadlines:
                others = {d for state in project.states.entries.values() if state.code != shown.state
                          for part in state.sections() for d in part.deadlines}
                ids = [i for i in _same_number(project, shown.lang, durations.amount(found.raw)) if i not in others]
                fix = ("list its id under 'deadlines:' in this section (the state page shows it)"
                       + (f": perhaps {' or '.join(ids[:3])} (check the entry says what this sentence means)" if ids else
                          "; add it to that file first with the official page that states it (docs/deadlines.md)"))
            else:
                fix = "the state page shows the state's deadlines in its pay, injury and discrimination sections"
            yield Problem(project.states.path, shown.line, f"{shown.where}: {said}: take it out; {fix}")
    tree = project.que_paso
    if not tree.readable:
        return
    for line, where, text in shown_texts(tree):
        for found in durations.find(_blanked(text)):
            ids = [i for lang in project.languages for i in _same_number(project, lang, durations.amount(found.raw))]
            yield Problem(TREE, line, f"{where}: {_advice(found, list(dict.fromkeys(ids)))}")
