"""The "¿Qué le pasó?" tree (data/que-paso.yml) is one tree: ids, answers that lead somewhere, one
way into each node, no cycle, every node reachable, at most MAX_QUESTIONS deep.

Skipped while data/que-paso.yml is broken or has an unknown field: the loader reports that once,
and checking a half-read tree would only add follow-on errors.
"""
from __future__ import annotations

import difflib
from typing import Iterable

from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import ID, MAX_QUESTIONS, TREE, Tree


def _hint(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f"did you mean '{close[0]}'?" if close else "write the id of a question or an outcome of this file"


def check_que_paso_links(project: Project) -> Iterable[Problem]:
    """Ids, answers that lead somewhere, one way into each node, no cycle, reachability, depth."""
    tree: Tree = project.que_paso
    if not tree.readable:
        return
    known = set(tree.questions) | set(tree.outcomes)
    for nid in sorted(set(tree.questions) & set(tree.outcomes)):
        yield Problem(TREE, tree.outcomes[nid].line, f"'{nid}' is both a question and an outcome: rename one of them")
    for node in list(tree.questions.values()) + list(tree.outcomes.values()):
        if not ID.fullmatch(node.id):
            yield Problem(TREE, node.line, f"'{node.id}' cannot be part of an address: use small letters, digits and "
                          "hyphens only, like 'pago-h2a'")
    if tree.start not in tree.questions:
        line = tree.raw.line_of("start") if "start" in tree.raw else tree.line
        yield Problem(TREE, line, f"'start:' must name the first question ({_hint(tree.start, tree.questions)})"
                      if tree.start else "add 'start:' with the id of the first question, like 'start: inicio'")
        return
    broken = False
    for question in tree.questions.values():
        if not question.answers:
            yield Problem(TREE, question.line, f"question '{question.id}' has no answers: add at least two")
        elif len(question.answers) == 1:
            yield Problem(TREE, question.line, f"question '{question.id}' has only one answer: a question with one answer "
                          "is a needless tap; link the answer before it straight to '" + question.answers[0].next + "'", "warning")
        for answer in question.answers:
            if not answer.next:
                broken = True
                yield Problem(TREE, answer.line, f"an answer of question '{question.id}' has no 'next:': name the question "
                              "or outcome it leads to")
            elif answer.next not in known:
                broken = True
                yield Problem(TREE, answer.raw.line_of("next"), f"'next: {answer.next}' names no question or outcome: "
                              + _hint(answer.next, known))
    if broken:
        return  # reachability and depth would only repeat the same missing link
    yield from _cycles(tree)
    parents = tree.parents()
    for nid, found in sorted(parents.items()):
        if nid == tree.start:
            continue  # reported as a cycle
        if len(found) > 1:
            first, *others = found
            for question, index in others:
                where = (f"another answer of question '{question.id}' also leads to '{nid}'" if question is first[0]
                         else f"'{nid}' is also reached from question '{first[0].id}'")
                yield Problem(TREE, question.answers[index].raw.line_of("next"),
                              f"{where}: each question or outcome has one way in, so 'Atrás' knows where to go. "
                              "Point this answer elsewhere, or make a copy with a new id for it")
    walks = tree.walks()
    for node in list(tree.questions.values()) + list(tree.outcomes.values()):
        if node.id not in walks:
            yield Problem(TREE, node.line, f"'{node.id}' cannot be reached from the first question: point an answer at "
                          "it with 'next: " + node.id + "', or delete it")
    for oid, walk in walks.items():
        if oid in tree.outcomes and len(walk) > MAX_QUESTIONS:
            question, answer = walk[MAX_QUESTIONS]
            yield Problem(TREE, answer.raw.line_of("next"), f"outcome '{oid}' comes after {len(walk)} questions "
                          f"({' > '.join(q.id for q, _ in walk)}); at most {MAX_QUESTIONS} are allowed: shorten the path")


def _cycles(tree: Tree) -> Iterable[Problem]:
    """An answer that leads back to a question already on its own path."""
    reported = set()

    def visit(qid: str, path: list[str]) -> Iterable[Problem]:
        question = tree.questions.get(qid)
        if question is None:
            return
        for answer in question.answers:
            if answer.next in path and (qid, answer.next) not in reported:
                reported.add((qid, answer.next))
                yield Problem(TREE, answer.raw.line_of("next"), f"this answer of question '{qid}' leads back to "
                              f"'{answer.next}', a question before it ({' > '.join(path + [answer.next])}): the path "
                              "would go round in a circle. Point it at an outcome or a new question")
            elif answer.next in tree.questions:
                yield from visit(answer.next, path + [answer.next])
    yield from visit(tree.start, [tree.start])
