"""Every question, answer and outcome of the guided path is in both languages, with the same steps.

Skipped while data/que-paso.yml is broken or has an unknown field: the loader reports that once,
and checking a half-read tree would only add follow-on errors.
"""
from __future__ import annotations

from typing import Iterable

from ..core.datafile import missing_languages
from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import TREE, Tree

MAX_STEPS = 3


def check_que_paso_texts(project: Project) -> Iterable[Problem]:
    """Every question, answer and outcome in both languages, with the same number of steps."""
    tree: Tree = project.que_paso
    if not tree.readable:
        return
    languages = project.languages[:2]
    for question in tree.questions.values():
        yield from missing_languages(question.raw, "question", languages, TREE, f"question '{question.id}'")
        for number, answer in enumerate(question.answers, 1):
            missing = [lang for lang in languages if lang not in answer.text]
            if missing:
                yield Problem(TREE, answer.line, f"answer {number} of question '{question.id}' has no text in "
                              f"{', '.join(missing)}: add a line '{missing[0]}: ...'")
    for outcome in tree.outcomes.values():
        what = f"outcome '{outcome.id}'"
        yield from missing_languages(outcome.raw, "title", languages, TREE, what)
        if "steps" not in outcome.raw:
            yield Problem(TREE, outcome.line, f"{what} needs 'steps:': 1 to {MAX_STEPS} short things to do first, in each language")
            continue
        line = outcome.raw.line_of("steps")
        counts = {lang: len(outcome.steps.get(lang, [])) for lang in languages}
        for lang, count in counts.items():
            if not 1 <= count <= MAX_STEPS:
                yield Problem(TREE, line, f"{what} has {count} step(s) in '{lang}': give 1 to {MAX_STEPS} short steps")
        if len(set(counts.values())) > 1:
            shown = ", ".join(f"{count} in {lang}" for lang, count in counts.items())
            yield Problem(TREE, line, f"{what} has a different number of steps by language ({shown}): "
                          "translate each step once")
