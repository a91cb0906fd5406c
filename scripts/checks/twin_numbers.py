"""A text written in every language states the same numbers in each.

The data files hold each text once per language: a deadline's words (data/deadlines.yml), a
state's notes and rules (data/states.yml), a contact's name and note (data/contacts.yml), the
guided path's questions, answers and steps (data/que-paso.yml). A translator's slip there ("60
days" beside "30 días", "$16.00" beside "$15.00") prints a wrong deadline or amount in one
language only, and no other check compares the two. Numbers are compared as the words state
them: digits, and lengths of time in words ("treinta días" is 30); cents of zero and minutes of
zero do not count ($15 is $15.00, 8 a.m. is 8:00), nor does one (an article reads as one: "a
year", "un año"). Opening hours are left out: each language writes the clock its own way (17:00,
5 p.m.).
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..core import durations, states
from ..core.contacts import REGISTRY
from ..core.deadlines import DEADLINES
from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import TREE

# ":00" of a time and ".00" of an amount say nothing; a thousands separator splits no number.
ZEROS = re.compile(r"(?<=\d)[.:,]00(?!\d)")
THOUSANDS = re.compile(r"(?<=\d)[,.](?=\d{3}(?!\d))")

def stated(text: str) -> set[int]:
    """The numbers a text states, but 1: '$15.00 desde el 2 de julio' -> {15, 2}; 'treinta días' -> {30}.
    One is left out because an article reads as one ("$4.00 a year", "un año", "24 hours a day")."""
    return durations.numbers(THOUSANDS.sub("", ZEROS.sub("", text))) - {1}


def _lines(values: object, lang: str, default: int) -> int:
    return values.line_of(lang) if hasattr(values, "line_of") else default


def _texts(project: Project) -> Iterator[tuple[str, str, dict[str, tuple[int, str]]]]:
    """(file, what, {lang: (line, text)}) for every text the data files give in several languages."""
    for item in project.deadlines.entries.values():
        for what in ("text", "starts"):
            values = item.raw.get(what)
            if isinstance(values, dict):
                yield DEADLINES, f"deadline '{item.id}': the {what}", {
                    str(lang): (_lines(values, lang, item.line), str(text)) for lang, text in values.items()}
    for contact in project.registry.contacts.values():
        for what in ("name", "note"):
            values = contact.raw.get(what)
            if isinstance(values, dict):
                yield REGISTRY, f"contact '{contact.id}': the {what}", {
                    str(lang): (_lines(values, lang, contact.line), str(text)) for lang, text in values.items()}
    grouped: dict[tuple[str, int, str], dict[str, tuple[int, str]]] = {}
    for shown in states.shown_texts(project.states):
        key = (shown.where.rsplit(" (", 1)[0], shown.part, shown.field)
        grouped.setdefault(key, {})[shown.lang] = (shown.line, shown.text)
    for (where, _, _), values in grouped.items():
        yield project.states.path, where, values
    tree = project.que_paso
    if tree.readable:
        for question in tree.questions.values():
            block = question.raw.get("question")
            yield TREE, f"question '{question.id}'", {
                lang: (_lines(block, lang, question.line), text) for lang, text in question.text.items()}
            for number, answer in enumerate(question.answers, start=1):
                yield TREE, f"answer {number} of question '{question.id}'", {
                    lang: (answer.raw.line_of(lang), text) for lang, text in answer.text.items()}
        for outcome in tree.outcomes.values():
            block = outcome.raw.get("title")
            yield TREE, f"the title of outcome '{outcome.id}'", {
                lang: (_lines(block, lang, outcome.line), text) for lang, text in outcome.title.items()}
            steps = outcome.raw.get("steps")
            count = min((len(items) for items in outcome.steps.values()), default=0)
            for number in range(count):  # a missing step is the guided path's own message
                yield TREE, f"step {number + 1} of outcome '{outcome.id}'", {
                    lang: (_lines(steps, lang, outcome.line) + 1 + number, items[number])
                    for lang, items in outcome.steps.items()}


def _difference(lang: str, found: set[int], first: str, expected: set[int]) -> str:
    """'(en) says 16 where the 'es' text says 15', naming only the numbers that differ."""
    extra, missing = sorted(found - expected), sorted(expected - found)
    if extra and missing:
        return f"({lang}) says {', '.join(map(str, extra))} where the '{first}' text says {', '.join(map(str, missing))}"
    if extra:
        return f"({lang}) says {', '.join(map(str, extra))}, which the '{first}' text does not say"
    return f"({lang}) does not say {', '.join(map(str, missing))}, which the '{first}' text says"


def check_twin_numbers(project: Project) -> Iterable[Problem]:
    first = project.default
    for path, what, values in _texts(project):
        if first not in values:
            continue  # a missing language is the file's own message
        _, original = values[first]
        expected = stated(original)
        for lang, (line, text) in values.items():
            if lang == first or not str(text).strip():
                continue
            found = stated(text)
            if found != expected:
                yield Problem(path, line, f"{what} {_difference(lang, found, first, expected)}: a number must be the "
                              f"same in every language. Read the source and correct the text that is wrong "
                              f"('{first}': \"{original}\")")
