"""The "¿Qué le pasó?" tree (data/que-paso.yml) is complete, reachable and short.

Skipped while the file is broken or has an unknown field: the loader reports that once, and
checking a half-read tree would only add follow-on errors.
"""
from __future__ import annotations

import difflib
from typing import Iterable

from ..core import numbers
from ..core.datafile import missing_languages
from ..core.references import LOOSE_TAG, find_references
from ..core.printed import flyer_pages
from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import ID, MAX_QUESTIONS, TREE, Outcome, Tree
from .handwritten import _short_codes
from ..core.sections import section_ids

MAX_CONTACTS = 3
MAX_STEPS = 3


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


def check_que_paso_outcomes(project: Project) -> Iterable[Problem]:
    """The page and section to read, the contacts and the deadlines of each outcome exist."""
    tree: Tree = project.que_paso
    if not tree.readable:
        return
    for outcome in tree.outcomes.values():
        yield from _read(project, outcome)
        what = f"outcome '{outcome.id}'"
        line = outcome.raw.line_of("contacts") if "contacts" in outcome.raw else outcome.line
        if not 1 <= len(outcome.contacts) <= MAX_CONTACTS:
            yield Problem(TREE, line, f"{what} needs 1 to {MAX_CONTACTS} contacts, like 'contacts: [whd, ciam]' "
                          f"(it has {len(outcome.contacts)})")
        if project.registry.contacts:
            for cid in outcome.contacts:
                if cid not in project.registry.contacts:
                    yield Problem(TREE, line, f"{what}: contact '{cid}' is not in data/contacts.yml: "
                                  + _close(cid, project.registry.contacts))
        if "emergencia" in outcome.contacts:
            yield Problem(TREE, line, f"{what}: leave 'emergencia' out of 'contacts:'; write 'urgent: true' and 911 is shown first")
        if "deadlines" not in outcome.raw:
            yield Problem(TREE, outcome.line, f"{what} needs 'deadlines:' with the ids from data/deadlines.yml, "
                          "or 'deadlines: []' when no deadline applies")
        elif project.deadlines.readable:
            for did in outcome.deadlines:
                if did not in project.deadlines.entries:
                    yield Problem(TREE, outcome.raw.line_of("deadlines"), f"{what}: deadline '{did}' is not in "
                                  "data/deadlines.yml: " + _close(did, project.deadlines.entries))


def _close(name: str, known: Iterable[str]) -> str:
    close = difflib.get_close_matches(name, sorted(known), n=1)
    return f"did you mean '{close[0]}'?" if close else f"known ids: {', '.join(sorted(known))}"


def _read(project: Project, outcome: Outcome) -> Iterable[Problem]:
    what = f"outcome '{outcome.id}'"
    line = outcome.raw.line_of("read") if "read" in outcome.raw else outcome.line
    if not outcome.read:
        yield Problem(TREE, line, f"{what} needs 'read:' with the topic page and section, like 'read: salarios/index.md#queja'")
        return
    # One message for the outcome, even when both languages lack the page or the section.
    for lang in project.languages[:2]:
        page = project.pages.get(lang, {}).get(outcome.read_page)
        if page is None:
            close = difflib.get_close_matches(outcome.read_page, sorted(project.pages.get(lang, {})), n=1)
            yield Problem(TREE, line, f"{what}: 'read: {outcome.read}' names no page content/{lang}/{outcome.read_page}"
                          + (f": did you mean '{close[0]}'?" if close else ""))
            return
        if outcome.read_section and page.readable and outcome.read_section not in section_ids(page):
            close = difflib.get_close_matches(outcome.read_section, sorted(section_ids(page)), n=1)
            yield Problem(TREE, line, f"{what}: {page.path} has no section '#{outcome.read_section}'"
                          + (f": did you mean '#{close[0]}'?" if close else ""))
            return


def check_que_paso_topics(project: Project) -> Iterable[Problem]:
    """Every topic page (a page with a flyer) is where some outcome sends the reader."""
    tree: Tree = project.que_paso
    if not tree.readable or not tree.outcomes:
        return
    reached = {outcome.read_page for outcome in tree.outcomes.values()}
    for page in flyer_pages(project):
        if page.rel not in reached:
            yield Problem(TREE, tree.raw.line_of("outcomes"), f"no outcome sends the reader to the topic {page.path}: "
                          f"add an outcome with 'read: {page.rel}#…', or point an existing one there")


def _texts(tree: Tree):
    """(line, where, text) of every text of the tree shown to a worker."""
    for question in tree.questions.values():
        block = question.raw.get("question")
        for lang, text in question.text.items():
            yield (block.line_of(lang) if hasattr(block, "line_of") else question.line), f"question '{question.id}'", text
        for answer in question.answers:
            for lang, text in answer.text.items():
                yield answer.raw.line_of(lang), f"an answer of question '{question.id}'", text
    for outcome in tree.outcomes.values():
        block = outcome.raw.get("title")
        for lang, text in outcome.title.items():
            yield (block.line_of(lang) if hasattr(block, "line_of") else outcome.line), f"outcome '{outcome.id}'", text
        steps = outcome.raw.get("steps")
        for lang, items in outcome.steps.items():
            line = steps.line_of(lang) if hasattr(steps, "line_of") else outcome.line
            for number, text in enumerate(items):
                yield line + 1 + number, f"a step of outcome '{outcome.id}'", text


def check_que_paso_numbers(project: Project) -> Iterable[Problem]:
    """No phone number typed by hand in the path (911 included): a step writes [[phone:emergencia]],
    which becomes a one-tap call from the registry. Steps may also name a deadline."""
    tree: Tree = project.que_paso
    if not tree.readable:
        return
    codes = _short_codes(project)
    for line, where, text in _texts(tree):
        for found in numbers.find(text, codes, hide=(LOOSE_TAG,)):
            yield Problem(TREE, line, f"{where}: the number '{found.raw}' is typed by hand: write [[phone:ID]] "
                          "with its id from data/contacts.yml (911 is [[phone:emergencia]])")
        for ref in find_references(text):
            if ref.kind == "phone" and (ref.contact_id in project.registry.contacts or not project.registry.contacts):
                continue  # known, or the registry cannot be read (reported once, at its own line)
            if ref.kind == "deadline" and (ref.contact_id in project.deadlines.entries or not project.deadlines.readable):
                continue
            if ref.kind not in ("phone", "deadline"):
                yield Problem(TREE, line, f"{where}: only [[phone:ID]] and [[deadline:ID]] can go in the path's texts")
            else:
                known = project.registry.contacts if ref.kind == "phone" else project.deadlines.entries
                if not known:
                    continue  # its file cannot be read: that is the one message to fix first
                yield Problem(TREE, line, f"{where}: [[{ref.kind}:{ref.contact_id}]] names nothing: " + _close(ref.contact_id, known))
