"""The federal minimum wage is the same amount wherever it is written: data/pay-log.yml's.

The amount lives in data/pay-log.yml (read on dol.gov, with the day), which the hours-and-pay
log's worked example is checked against. The wages page, its flyer lines and the state pages'
words (data/strings/) say it in a sentence too; a slip there ("$7.52") would print a wrong wage
on the site and on paper. When the federal minimum changes, changing the file makes this check
name every place that still says the old amount.

Read: in pages (body and front matter) and the guided path, a dollar amount in a sentence that
says "federal"; in the words files, an hourly dollar amount ("$7.25 la hora", "$7.25 an hour"),
which there is always the federal one (a state's amount comes from data/states.yml).
"""
from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from typing import Iterable

from ..core.paylog import PAY_LOG
from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import TREE, shown_texts

AMOUNT = re.compile(r"(?<![\w.])(?:US)?\$\s?(\d{1,3}(?:[.,]\d{1,2})?)(?![\d,]\d)")
FEDERAL = re.compile(r"\bfederal", re.IGNORECASE)
HOURLY = re.compile(r"\s*(?:la\s+hora|por\s+hora|an\s+hour|per\s+hour|/\s?h(?:ora|our)?\b)", re.IGNORECASE)
SENTENCE = re.compile(r"(?:[^.!?\n]|\.(?=\d))+(?:[.!?]|$)", re.MULTILINE)  # "$7.25" stays in its sentence


def _value(raw: str) -> Decimal | None:
    try:
        return Decimal(raw.replace(",", "."))
    except InvalidOperation:
        return None


def federal_amounts(text: str) -> Iterable[tuple[int, str]]:
    """(offset, as written) of each dollar amount in a sentence that says 'federal'."""
    for sentence in SENTENCE.finditer(text):
        if sentence.group(0) and FEDERAL.search(sentence.group(0)):
            for match in AMOUNT.finditer(text, sentence.start(), sentence.end()):
                yield match.start(), match.group(0)


def _message(written: str, project: Project) -> str:
    log = project.pay_log
    read = f" (read on {log.source} on {log.checked})" if log.source and log.checked else ""
    return (f"the federal minimum wage is written '{written}' here, but {PAY_LOG}{read} says ${log.minimum}: write "
            f"${log.minimum}; if the federal minimum changed, change {PAY_LOG} first (docs/printing.md), then every place "
            "this check names")


def _wrong(written: str, project: Project) -> bool:
    value = _value(written.split("$", 1)[1].strip())
    return value is not None and value != project.pay_log.minimum


def check_federal_wage(project: Project) -> Iterable[Problem]:
    if project.pay_log.minimum is None:
        return  # the file cannot be read: its own message says why
    for page in project.all_pages():
        text = page.text
        if "$" not in text or not page.readable:
            continue
        for at, written in federal_amounts(text):
            if _wrong(written, project):
                yield Problem(page.path, text.count("\n", 0, at) + 1, _message(written, project))
    for words in project.strings.values():
        for key, text in words.texts.items():
            for match in AMOUNT.finditer(text):
                if HOURLY.match(text, match.end()) and _wrong(match.group(0), project):
                    yield Problem(words.path, words.lines.get(key, 1), f"'{key}': {_message(match.group(0), project)}")
    if project.que_paso.readable:
        for line, where, text in shown_texts(project.que_paso):
            for _, written in federal_amounts(text):
                if _wrong(written, project):
                    yield Problem(TREE, line, f"{where}: {_message(written, project)}")
