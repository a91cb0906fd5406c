"""data/que-paso.yml read into records, leniently: what cannot be read becomes a Problem.

One file holds one tree, each text in both languages, so the Spanish and English paths always have
the same ids and shape. Each question and each outcome is a page at /que-paso/<id>/ (the first
question at /que-paso/); an id never changes once published.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterator
from pathlib import Path

from .datafile import as_date, blocks, load_section, texts, unknown_keys
from .problems import Problem
from .yamlfile import LineDict

TREE = "data/que-paso.yml"
FOLDER = "que-paso"                     # /que-paso/, /en/que-paso/
MAX_QUESTIONS = 3                       # questions from the start to any outcome
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
LANGUAGE = re.compile(r"[a-z]{2,3}")
TOP = ("schema", "reviewed", "start", "questions", "outcomes")
QUESTION_FIELDS = ("question", "answers")
OUTCOME_FIELDS = ("title", "urgent", "steps", "read", "contacts", "deadlines")
EXAMPLE = """start: inicio
questions:
  inicio:
    question: {es: ¿Qué le pasó?, en: What happened to you?}
    answers:
      - {es: No me pagaron todo, en: I was not paid everything, next: pago-otro}
outcomes:
  pago-otro: ..."""


@dataclass
class Answer:
    text: dict[str, str]
    next: str
    line: int
    raw: LineDict = field(default_factory=LineDict, repr=False)


@dataclass
class Node:
    """What every question and outcome has: its id, the line it starts on, and its lines as
    read (the checks point at the field to edit)."""
    id: str
    line: int
    raw: LineDict = field(default_factory=LineDict, repr=False, kw_only=True)


@dataclass
class Question(Node):
    text: dict[str, str]
    answers: list[Answer]


@dataclass
class Outcome(Node):
    title: dict[str, str]
    urgent: bool
    steps: dict[str, list[str]]
    read: str                  # "salarios/index.md#queja": the topic page and section to read
    contacts: list[str]        # registry ids, shown as one-tap calls
    deadlines: list[str]       # ids in data/deadlines.yml

    @property
    def read_page(self) -> str:
        return self.read.partition("#")[0]

    @property
    def read_section(self) -> str:
        return self.read.partition("#")[2]


@dataclass
class Tree:
    start: str = ""
    reviewed: dt.date | None = None
    questions: dict[str, Question] = field(default_factory=dict)
    outcomes: dict[str, Outcome] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)   # what the loader could not read
    readable: bool = False     # False: broken file or unknown field; the tree checks wait for the fix
    line: int = 1
    raw: LineDict = field(default_factory=LineDict, repr=False)
    text: str = field(default="", repr=False)  # the file as written (what a message quotes)

    def node(self, node_id: str) -> Question | Outcome | None:
        return self.questions.get(node_id) or self.outcomes.get(node_id)

    def parents(self) -> dict[str, list[tuple[Question, int]]]:
        """node id -> every (question, answer index) that leads to it."""
        found: dict[str, list[tuple[Question, int]]] = {}
        for question in self.questions.values():
            for index, answer in enumerate(question.answers):
                found.setdefault(answer.next, []).append((question, index))
        return found

    def parent(self, node_id: str) -> Question | None:
        """The question whose answer leads here (the tree has one; the check says so otherwise)."""
        found = self.parents().get(node_id)
        return found[0][0] if found and node_id != self.start else None

    def walks(self) -> dict[str, list[tuple[Question, Answer]]]:
        """Each node reached from the start -> the (question, answer) taps that reach it.
        Stops at a node already seen, so a cycle in a broken file cannot loop forever."""
        found: dict[str, list[tuple[Question, Answer]]] = {}
        if self.start not in self.questions:
            return found
        found[self.start] = []
        queue = [self.start]
        while queue:
            question = self.questions.get(queue.pop(0))
            if question is None:
                continue
            for answer in question.answers:
                if answer.next in found or self.node(answer.next) is None:
                    continue
                found[answer.next] = found[question.id] + [(question, answer)]
                queue.append(answer.next)
        return found


def address(node_id: str, start: str) -> str:
    """The node's address inside a language: 'que-paso/' for the start, 'que-paso/<id>/' otherwise."""
    return f"{FOLDER}/" if node_id == start else f"{FOLDER}/{node_id}/"


def source(node_id: str, start: str) -> str:
    """The Markdown name the engine is given for the node's page, as content pages link to it:
    'que-paso/index.md' for the start, 'que-paso/<id>/index.md' otherwise (like a topic folder, so
    a redirect in data/redirects.yml can lead to it)."""
    return f"{FOLDER}/index.md" if node_id == start else f"{FOLDER}/{node_id}/index.md"


def sources(tree: Tree) -> set[str]:
    """Every page name the path publishes (none while the file is broken: its message says why)."""
    if not tree.readable or tree.start not in tree.questions:
        return set()
    return {source(nid, tree.start) for nid in list(tree.questions) + list(tree.outcomes)}


def _ids(value: object) -> list[str]:
    return [str(v) for v in value] if isinstance(value, list) else []


def _steps(raw: LineDict, oid: str, problems: list[Problem]) -> dict[str, list[str]]:
    value = raw.get("steps")
    if not isinstance(value, dict):
        return {}
    for items in value.values():
        for item in items if isinstance(items, list) else []:
            if isinstance(item, dict):
                # '- Vaya al médico: diga que …' is read as a pair, not as a step: without this
                # message the step is dropped from the page in silence (in both languages alike).
                key, text = next(iter(item.items()), ("", ""))
                problems.append(Problem(TREE, getattr(item, "line", raw.line_of("steps")),
                                        f"outcome '{oid}': a step that holds ': ' is read as two parts and would be left "
                                        f"out of the page: put the whole step in double quotes: - \"{key}: {text}\""))
    return {str(lang): [str(s).strip() for s in items if isinstance(s, (str, int)) and str(s).strip()]
            for lang, items in value.items() if isinstance(items, list)}


def _question(qid: str, raw: LineDict, line: int, problems: list[Problem]) -> Question:
    problems += unknown_keys(raw, QUESTION_FIELDS, TREE, f"question '{qid}'")
    answers = []
    items = raw.get("answers")
    if "answers" in raw and not isinstance(items, list):
        problems.append(Problem(TREE, raw.line_of("answers"), f"question '{qid}': 'answers:' must be a list, each answer "
                                "starting with '- es: ...' on its own line"))
    for item in items if isinstance(items, list) else []:
        if not isinstance(item, LineDict):
            problems.append(Problem(TREE, raw.line_of("answers"), f"question '{qid}': each answer needs 'es:', 'en:' and 'next:' lines"))
            continue
        for key in item:  # an answer holds 'next:' and one line per language code
            if key != "next" and not LANGUAGE.fullmatch(str(key)):
                problems += unknown_keys(_only(item, key), ("next", "es", "en"), TREE, f"an answer of question '{qid}'")
        text = {str(k): str(v).strip() for k, v in item.items() if k != "next" and isinstance(v, (str, int)) and str(v).strip()}
        answers.append(Answer(text, str(item.get("next") or ""), item.line, item))
    return Question(qid, line, texts(raw, "question"), answers, raw=raw)


def _only(item: LineDict, key: object) -> LineDict:
    """The one field of an answer to report, keeping its line."""
    one = LineDict({key: item[key]})
    one.line, one.lines = item.line, {key: item.line_of(key)}
    return one


def _outcome(oid: str, raw: LineDict, line: int, problems: list[Problem]) -> Outcome:
    problems += unknown_keys(raw, OUTCOME_FIELDS, TREE, f"outcome '{oid}'")
    urgent = raw.get("urgent", False)
    if not isinstance(urgent, bool):
        problems.append(Problem(TREE, raw.line_of("urgent"), f"outcome '{oid}': 'urgent:' must be true or false"))
        urgent = False
    for key in ("contacts", "deadlines"):
        if key in raw and not isinstance(raw.get(key), list):
            problems.append(Problem(TREE, raw.line_of(key), f"outcome '{oid}': '{key}:' must be a list of ids in brackets, like [whd, ciam]"))
    return Outcome(oid, line, texts(raw, "title"), urgent, _steps(raw, oid, problems), str(raw.get("read") or "").strip(),
                   _ids(raw.get("contacts")), _ids(raw.get("deadlines")), raw=raw)


def load(root: Path) -> Tree:
    """Read data/que-paso.yml; never raises."""
    tree = Tree()
    data, _, problems, tree.text = load_section(Path(root), TREE, "questions", EXAMPLE)
    tree.problems += problems
    if data is None:
        return tree
    tree.raw, tree.line = data, data.line
    tree.problems += unknown_keys(data, TOP, TREE, "the file")
    tree.start = str(data.get("start") or "")
    tree.reviewed = as_date(data.get("reviewed"))
    for section, make, store in (("questions", _question, tree.questions), ("outcomes", _outcome, tree.outcomes)):
        body = data.get(section)
        if not isinstance(body, LineDict):
            if section == "outcomes":
                tree.problems.append(Problem(TREE, data.line_of(section) if section in data else data.line,
                                             "the file needs an 'outcomes:' section: one block per outcome (title, steps, read, contacts, deadlines)"))
            continue
        entries, problems = blocks(body, TREE, "")
        tree.problems.extend(problems)
        for nid, raw in entries:
            store[nid] = make(nid, raw, body.line_of(nid), tree.problems)  # messages point at the id's line
    tree.readable = not tree.problems
    return tree


def shown_texts(tree: Tree) -> Iterator[tuple[int, str, str]]:
    """(line, where, text) of every text of the tree shown to a worker: what the checks of
    hand-typed numbers, deadlines and the federal wage read."""
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
