"""One page per question and per outcome, in one language, as Markdown the site engine builds.

The body is plain HTML: each answer a link with a large tap target, each contact a tel: link,
"Atrás" and "Empezar de nuevo" as links, so the path works without JavaScript and needs no form.
Links are relative, so the pages work under any address, and the same step has the same address
in every language (the language switcher leads to the same step).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from html import escape
from pathlib import Path

from ..website import render
from ..core import addresses
from ..core.contacts import Registry
from ..core.deadlines import Deadlines
from ..core.frontmatter import split
from ..core.strings import Strings
from ..core.textfile import read_text
from ..core.quepaso import Outcome, Question, Tree, address, source, sources

HEADING = r"^#{1,6}\s+(.+?)\s*\{[^}]*#%s\b[^}]*\}\s*$"


@dataclass(frozen=True)
class GeneratedPage:
    node: str          # the question or outcome id
    address: str       # inside the language: 'que-paso/', 'que-paso/pago-otro/'
    source: str        # the Markdown file name the engine is given, inside the language: 'que-paso/pago-otro.md'
    markdown: str


@dataclass(frozen=True)
class ReadLabel:
    page_title: str
    section_title: str


def read_labels(root: Path, tree: Tree, lang: str) -> dict[str, ReadLabel]:
    """'salarios/index.md#queja' -> the page's title and the section's heading, in this language."""
    labels = {}
    for outcome in tree.outcomes.values():
        text, problem = read_text(Path(root) / "content" / lang / outcome.read_page, outcome.read_page)
        if problem or text is None:
            continue
        front = split(text)
        title = str(front.meta.get("title") or "")
        match = re.search(HEADING % re.escape(outcome.read_section), front.body, re.M) if outcome.read_section else None
        labels[outcome.read] = ReadLabel(title, match.group(1).strip() if match else "")
    return labels


def _link(here: str, there: str) -> str:
    """Relative link between two addresses of the same language."""
    return "../" * here.count("/") + there or "./"


def _front(title: str, description: str, reviewed: dt.date | None, sources: list[str]) -> str:
    lines = ["---", f"title: {_yaml(title)}", f"description: {_yaml(description)}", "search:", "  exclude: true"]
    if reviewed:
        lines.append(f"reviewed: {reviewed.isoformat()}")
    if sources:
        lines.append("sources:")
        lines += [f"  - {_yaml(source)}" for source in sources]
    return "\n".join(lines + ["---", ""])


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _nav(tree: Tree, here: str, back: str | None, words: Strings) -> str:
    items = []
    if back is not None:
        items.append(f'<a class="qp-back" href="{escape(_link(here, back))}">{escape(words("qp_back"))}</a>')
    if here != address(tree.start, tree.start):
        items.append(f'<a class="qp-restart" href="{escape(_link(here, address(tree.start, tree.start)))}">'
                     f'{escape(words("qp_restart"))}</a>')
    return '<nav class="qp-nav">\n' + "\n".join(items) + "\n</nav>"


def _privacy(words: Strings) -> str:
    return f'<p class="qp-privacy">{escape(words("qp_privacy"))}</p>'


def question_page(tree: Tree, question: Question, words: Strings) -> GeneratedPage:
    lang = words.lang
    here = address(question.id, tree.start)
    parent = tree.parent(question.id)
    back = address(parent.id, tree.start) if parent else ""  # the first question goes back to the home page
    text = question.text.get(lang, "")
    answers = "\n".join(f'<li><a href="{escape(_link(here, address(a.next, tree.start)))}">{escape(a.text.get(lang, ""))}</a></li>'
                        for a in question.answers)
    body = [f"<h1>{escape(text)}</h1>"]
    if question.id == tree.start:
        body.append(f'<p class="qp-intro">{escape(words("qp_intro"))}</p>')
    body += [f'<ul class="qp-answers">\n{answers}\n</ul>', _nav(tree, here, back, words), _privacy(words)]
    title = text if question.id != tree.start else words("qp_name")
    front = _front(title, words("qp_question_description", question=text), tree.reviewed, [])
    return GeneratedPage(question.id, here, source(question.id, tree.start), front + "\n\n".join(body) + "\n")


def _call(contact, words: Strings, css: str = "qp-call") -> str:
    name = escape(contact.text("name", words.lang))
    return f'<li class="{css}"><span class="qp-who">{name}</span> {render.inline_phone(contact, words)}</li>'


def outcome_page(tree: Tree, outcome: Outcome, registry: Registry, deadlines: Deadlines,
                 labels: dict[str, ReadLabel], words: Strings) -> GeneratedPage:
    lang = words.lang
    here = address(outcome.id, tree.start)
    parent = tree.parent(outcome.id)
    back = address(parent.id, tree.start) if parent else address(tree.start, tree.start)
    title = outcome.title.get(lang, "")
    contacts = [c for c in (registry.get(cid) for cid in outcome.contacts) if c is not None]
    body = []
    if outcome.urgent:
        emergency = registry.get("emergencia")
        first = [emergency] if emergency else []
        calls = "\n".join(_call(c, words) for c in first + contacts[:1])
        body.append(f'<div class="qp-urgent">\n<p><strong>{escape(words("qp_urgent"))}</strong></p>\n'
                    f'<ul class="qp-calls">\n{calls}\n</ul>\n</div>')
    body.append(f"<h1>{escape(title)}</h1>")
    # A step may hold [[phone:ID]] (a one-tap call) or [[deadline:ID]]; checks/que_paso_numbers.py allows no other tag.
    steps = "\n".join(f"<li>{render.expand(escape(step), registry, words, deadlines)}</li>" for step in outcome.steps.get(lang, []))
    body.append(f'<h2 id="primero">{escape(words("qp_steps"))}</h2>\n<ol class="qp-steps">\n{steps}\n</ol>')
    calls = "\n".join(_call(c, words) for c in contacts)
    body.append(f'<h2 id="llamar">{escape(words("qp_call"))}</h2>\n<p>{escape(words("qp_call_note"))}</p>\n'
                f'<ul class="qp-calls">\n{calls}\n</ul>')
    found = [d for d in (deadlines.get(did) for did in outcome.deadlines) if d is not None]
    if found:
        items = []
        for item in found:
            office = registry.get(item.office)
            where = (f'<br><span class="qp-where">{escape(words("qp_where"))} {escape(office.text("name", lang))}</span>'
                     if office else "")
            items.append(f"<li><strong>{render.deadline_link(item, lang)}</strong>, {escape(item.words('starts', lang))}.{where}</li>")
        deadline_html = '<ul class="qp-deadlines">\n' + "\n".join(items) + "\n</ul>"
    else:
        deadline_html = f"<p>{escape(words('qp_no_deadline'))}</p>"
    body.append(f'<h2 id="plazo">{escape(words("qp_deadline"))}</h2>\n{deadline_html}')
    label = labels.get(outcome.read)
    topic = addresses.page_address(outcome.read_page)
    href = _link(here, topic) + (f"#{outcome.read_section}" if outcome.read_section else "")
    shown = " — ".join(part for part in (label.page_title, label.section_title) if part) if label else topic
    body.append(f'<p class="qp-read">{escape(words("qp_read"))}: <a href="{escape(href)}">{escape(shown)}</a></p>')
    body += [_nav(tree, here, back, words), _privacy(words)]
    sources = list(dict.fromkeys(d.source for d in found if d.source))
    front = _front(title, f"{title}: {words('qp_intro_outcome')}", tree.reviewed, sources)
    return GeneratedPage(outcome.id, here, source(outcome.id, tree.start), front + "\n\n".join(body) + "\n")


def has_pages(tree: Tree) -> bool:
    """True when the path is published (the file reads and has its first question)."""
    return bool(sources(tree))


def pages(tree: Tree, registry: Registry, deadlines: Deadlines, labels: dict[str, ReadLabel],
          words: Strings) -> list[GeneratedPage]:
    """Every page of the path in one language (none while the tree is broken: the checks say why)."""
    if not tree.readable or tree.start not in tree.questions:
        return []
    made = [question_page(tree, q, words) for q in tree.questions.values()]
    made += [outcome_page(tree, o, registry, deadlines, labels, words) for o in tree.outcomes.values()]
    return made
