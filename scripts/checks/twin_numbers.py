"""A text written in every language states the same numbers in each.

A translator's slip ("60 days" beside "30 días", "$16.00" beside "$15.00") prints a wrong deadline
or amount in one language only, and no other check compares the two languages. Compared:

- a translated page with its Spanish original, section by section (the sections its `{#id}`
  headings open), and its title, description and printed blocks; an outdated translation is left
  to the translations-current warning (an urgent fix to the Spanish page must still reach the site);
- the texts the data files hold once per language: a deadline's words (data/deadlines.yml), a
  state's notes and names (data/states.yml), a contact's name and note (data/contacts.yml), the
  guided path's questions, answers and steps (data/que-paso.yml).

Numbers are compared as the words state them: digits, and lengths of time in words ("treinta días"
is 30); cents and minutes of zero do not count ($15 is $15.00, 8 a.m. is 8:00), nor does one (an
article reads as one: "a year", "un año"). A contact's opening hours are read as a clock, on
twelve hours: each language writes it its own way (17:00 is 5 p.m.). A number another check reports (a deadline or a phone number
typed by hand, a federal minimum wage that is not data/pay-log.yml's) is that check's message only.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterable, Iterator

from ..core import durations, numbers, stale, states
from ..core.contacts import REGISTRY
from ..core.deadlines import DEADLINES
from ..core.problems import Problem
from ..core.project import Page, Project
from ..core.quepaso import TREE
from ..core.references import PRINTED_WORDS
from ..core.sections import section_ids
from .federal_wage import federal_amounts
from .handwritten_numbers import short_codes

# What holds digits but states no number to a reader: references ([[phone:whd]]), web addresses
# and link targets, attribute lists ({#pago .screen-only}).
NOT_SAID = re.compile(r"\[\[[^\]\n]*\]\]|(?:https?://|www\.)\S+|\]\([^)\s]*\)|\{[#.:][^}\n]*\}")
# The front matter a reader sees: the title, the description and the printed blocks' words.
SHOWN_META = ("title", "description", *(block for block, _ in PRINTED_WORDS))
# A number as written: digits, maybe parted by '.', ',' or ':' ("110,000", "15.00", "8:00", "7.25").
TOKEN = re.compile(r"\d+(?:[.,:]\d+)*")


def _values(token: str) -> Iterator[int]:
    """The numbers a written number states: a group of three after ',' or '.' continues the number
    (110,000), '00' after it says nothing ($15.00 is $15, 8:00 is 8), any other group is a number
    of its own (7.25 states 7 and 25, as the words do)."""
    groups = re.split(r"[.,:]", token)
    seps = re.findall(r"[.,:]", token)
    value = groups[0]
    for sep, group in zip(seps, groups[1:]):
        if group == "00":
            continue
        if sep != ":" and len(group) == 3:
            value += group
        else:
            yield int(value)
            value = group
    yield int(value)


def stated(text: str) -> set[int]:
    """The numbers a text states, but 1: '$15.00 desde el 2 de julio' -> {15, 2}; 'treinta días' -> {30}.
    One is left out because an article reads as one ("$4.00 a year", "un año", "24 hours a day")."""
    found = {value for token in TOKEN.findall(text) for value in _values(token)}
    return (found | durations.lengths(text)) - {1}


# What other checks read in a text, so that one slip is one message: a deadline typed by hand
# (handwritten-deadlines), a phone number typed by hand (handwritten-numbers), a federal minimum
# wage that is not data/pay-log.yml's (federal-wage). Each source below is read by some of them.
# (911, 711 and the registry's other short numbers count in pages, states and the guided path; a
# contact's note may say "marque 711".)
DEADLINES_TYPED, PHONES_TYPED, SHORT_CODES, FEDERAL_WAGE = "deadlines", "phones", "short codes", "federal"
EVERY = frozenset((DEADLINES_TYPED, PHONES_TYPED, SHORT_CODES, FEDERAL_WAGE))
HOURS = "hours"  # not a check: the text is opening hours, compared as a clock (17:00 is 5 p.m.)


# A time of day as written: 8, 8:00, 17.30 (the words around it, a.m., p.m., h, say nothing more here).
CLOCK = re.compile(r"(?<![\d.,:])(\d{1,2})(?:[:.](\d{2}))?(?!\d|[.,:]\d)")


def clock(text: str) -> set[str]:
    """The times of day a text of opening hours states, on twelve hours: '8:00 a 17:00' and
    '8:00 a.m. to 5:00 p.m.' both state {'8:00', '5:00'} ('24 horas' states '12:00', as '24 hours')."""
    return {f"{int(hour) % 12 or 12}:{minutes or '00'}" for hour, minutes in CLOCK.findall(text)}


def _reported_elsewhere(text: str, read_by: frozenset[str], codes: tuple[str, ...]) -> set[int]:
    """The numbers of text that another check reports, each with its own message (codes: the short
    numbers the handwritten-numbers check finds, 911 and the registry's)."""
    found = [f.raw for f in durations.find(text)] if DEADLINES_TYPED in read_by else []
    codes = codes if SHORT_CODES in read_by else ()
    found += [f.raw for f in numbers.find(text, codes)] if PHONES_TYPED in read_by else []
    found += [written for _, written in federal_amounts(text)] if FEDERAL_WAGE in read_by else []
    return {value for raw in found for value in stated(raw)}


def _differ(original: str, text: str, read_by: frozenset[str], codes: tuple[str, ...]) -> tuple[set[int], set[int]] | None:
    """(the numbers of text, of the original) when they differ in a way no other check reports."""
    expected, found = stated(original), stated(text)
    if found == expected:
        return None
    if HOURS in read_by:  # hours with a phone number typed in them are the typed-number check's message
        if numbers.find(original) or numbers.find(text):
            return None
        expected, found = clock(original), clock(text)
        return (found, expected) if found != expected else None
    expected -= _reported_elsewhere(original, read_by, codes)  # rare: only when they differ
    found -= _reported_elsewhere(text, read_by, codes)
    return (found, expected) if found != expected else None


def _words(value: object) -> Iterator[str]:
    if isinstance(value, dict):
        for item in value.values():
            yield from _words(item)
    elif isinstance(value, list):
        for item in value:
            yield from _words(item)
    elif isinstance(value, str):
        yield value


def _parts(page: Page) -> dict[str, tuple[int, str]]:
    """A page's texts a reader sees, by part: each front matter field a reader sees ("'flyer:'"),
    the text before its first `{#id}` heading ("top") and each such heading's section ('pago'),
    with the line each starts on."""
    parts = {f"'{key}:'": (page.meta.line_of(key), " ".join(_words(page.meta.get(key))))
             for key in SHOWN_META if page.meta and key in page.meta}
    lines = NOT_SAID.sub(" ", page.body).splitlines()  # no pattern of NOT_SAID spans two lines
    starts = sorted((line, sid) for sid, line in section_ids(page).items())
    bounds = [(page.body_line, "top")] + starts
    for (line, sid), (end, _) in zip(bounds, bounds[1:] + [(page.body_line + len(lines), "")]):
        text = "\n".join(lines[line - page.body_line:end - page.body_line])
        parts.setdefault(sid, (line, text))
    return parts


DIGITS = re.compile(r"\d+")


def _counted(page: Page) -> Counter[str]:
    """Every run of digits in the page's body and shown front matter, counted: a first look that
    spares the section-by-section comparison to the pages whose digits are their original's
    (nearly all: 1,000 pairs in 0.1 s, against 0.4 s for reading each section's numbers). A
    number written in words only, with every digit the same, is left to the translators' review."""
    shown = " ".join(_words([page.meta.get(key) for key in SHOWN_META])) if page.meta else ""
    return Counter(DIGITS.findall(page.body)) + Counter(DIGITS.findall(shown))


def _current(original: Page, page: Page) -> bool:
    """The translation says it matches today's original (an outdated one is the
    translations-current warning: an urgent fix to the Spanish page must still reach the site)."""
    recorded = page.meta.get(stale.KEY) if page.meta else None
    return recorded is not None and str(recorded).strip() == stale.version(original)


def _pages(project: Project, codes: tuple[str, ...]) -> Iterator[Problem]:
    for original, page in project.twins():
        if _counted(original) == _counted(page):
            continue
        first, translated = _parts(original), _parts(page)
        found_here = []
        for part, (line, text) in translated.items():
            if part not in first:
                continue  # a section the original lacks is the section-ids check's
            differ = _differ(first[part][1], text, EVERY, codes)
            if differ:
                found, expected = differ
                where = (f"the front matter's {part}" if part.startswith("'") else
                         "the text before the first section" if part == "top" else f"the section '{part}'")
                found_here.append(Problem(page.path, line, f"{where} {_difference(page.lang, found, original.lang, expected, 'page')} "
                                          f"({original.path}): a number must be the same in every language. Read the "
                                          "page's sources and correct the page that is wrong"))
        if found_here and _current(original, page):
            yield from found_here


def _lines(values: object, lang: str, default: int) -> int:
    return values.line_of(lang) if hasattr(values, "line_of") else default


def _by_language(block: object, texts: dict, default: int) -> dict[str, tuple[int, str]]:
    """{lang: (line, text)}: each language's text with its line in the file (its key's line in block)."""
    return {str(lang): (_lines(block, lang, default), str(text)) for lang, text in texts.items()}


def _texts(project: Project) -> Iterator[tuple[str, str, dict[str, tuple[int, str]], frozenset[str]]]:
    """(file, what, {lang: (line, text)}, the other checks that read it) for every text the data
    files give in several languages."""
    # A local edition's name, hours and note are printed on its flyers; each edition has a file of its own.
    sources = [(DEADLINES, "deadline", project.deadlines.entries.values(), ("text", "starts")),
               (REGISTRY, "contact", project.registry.contacts.values(), ("name", "note", "hours")),
               *((edition.path, "edition", [edition], ("name", "hours", "note"))
                 for edition in project.editions.entries.values())]
    for path, kind, entries, fields in sources:
        for entry in entries:
            for what in fields:
                values = entry.raw.get(what)
                if isinstance(values, dict):
                    yield (path, f"{kind} '{entry.id}': the {what}", _by_language(values, values, entry.line),
                           frozenset((HOURS if what == "hours" else PHONES_TYPED,)))
    grouped: dict[tuple[str, int, str], dict[str, tuple[int, str]]] = {}
    for shown in states.shown_texts(project.states):
        grouped.setdefault((shown.label, shown.part, shown.field), {})[shown.lang] = (shown.line, shown.text)
    for (label, _, _), values in grouped.items():
        yield project.states.path, label, values, frozenset((DEADLINES_TYPED, PHONES_TYPED, SHORT_CODES))
    tree = project.que_paso
    if tree.readable:
        for question in tree.questions.values():
            block = question.raw.get("question")
            yield TREE, f"question '{question.id}'", _by_language(block, question.text, question.line), EVERY
            for number, answer in enumerate(question.answers, start=1):
                yield (TREE, f"answer {number} of question '{question.id}'",
                       _by_language(answer.raw, answer.text, answer.raw.line), EVERY)
        for outcome in tree.outcomes.values():
            block = outcome.raw.get("title")
            yield TREE, f"the title of outcome '{outcome.id}'", _by_language(block, outcome.title, outcome.line), EVERY
            steps = outcome.raw.get("steps")
            count = min((len(items) for items in outcome.steps.values()), default=0)
            for number in range(count):  # a missing step is the guided path's own message
                yield TREE, f"step {number + 1} of outcome '{outcome.id}'", {
                    lang: (_lines(steps, lang, outcome.line) + 1 + number, items[number])
                    for lang, items in outcome.steps.items()}, EVERY


def _difference(lang: str, found: set[int], first: str, expected: set[int], noun: str = "text") -> str:
    """'(en) says 16 where the 'es' text says 15', naming only the numbers that differ."""
    extra, missing = sorted(found - expected), sorted(expected - found)
    if extra and missing:
        return f"({lang}) says {', '.join(map(str, extra))} where the '{first}' {noun} says {', '.join(map(str, missing))}"
    if extra:
        return f"({lang}) says {', '.join(map(str, extra))}, which the '{first}' {noun} does not say"
    return f"({lang}) does not say {', '.join(map(str, missing))}, which the '{first}' {noun} says"


def check_twin_numbers(project: Project) -> Iterable[Problem]:
    codes = short_codes(project)
    yield from _pages(project, codes)
    first = project.default
    for path, what, values, read_by in _texts(project):
        if first not in values:
            continue  # a missing language is the file's own message
        _, original = values[first]
        for lang, (line, text) in values.items():
            if lang == first or not str(text).strip():
                continue
            differ = _differ(original, text, read_by, codes)
            if differ:
                found, expected = differ
                yield Problem(path, line, f"{what} {_difference(lang, found, first, expected)}: a number must be the "
                              f"same in every language. Read the source and correct the text that is wrong "
                              f"('{first}': \"{original}\")")
