"""One page per question and per outcome, in one language, as Markdown the site engine builds.

The body is plain HTML, from the templates que-paso-question.html and que-paso-outcome.html
(scripts/website/templates/, autoescaped): each answer a link with a large tap target, each contact a tel: link,
"Atrás" and "Empezar de nuevo" as links, so the path works without JavaScript and needs no form.
Links are relative, so the pages work under any address, and the same step has the same address
in every language (the language switcher leads to the same step).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from markupsafe import Markup, escape

from ..website import components, render
from ..core import addresses
from ..core.contacts import Registry
from ..core.deadlines import Deadlines
from ..core.phones import Dial
from ..core.strings import Strings
from ..core.project import Project
from ..core.quepaso import Outcome, Question, Tree, address, source, sources
from ..core.states import topic_list

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
    quick_exit: bool = False  # the page it leads to has "Salir rápido": so has the outcome


def read_labels(project: Project, lang: str) -> dict[str, ReadLabel]:
    """'salarios/index.md#queja' -> the page's title and the section's heading, in this language."""
    labels = {}
    for outcome in project.que_paso.outcomes.values():
        page = project.pages.get(lang, {}).get(outcome.read_page)
        if page is None or not page.readable:
            continue
        title = str(page.meta.get("title") or "")
        match = re.search(HEADING % re.escape(outcome.read_section), page.body, re.M) if outcome.read_section else None
        labels[outcome.read] = ReadLabel(title, match.group(1).strip() if match else "", page.meta.get("quick_exit") is True)
    return labels


def _link(here: str, there: str) -> str:
    """Relative link between two addresses of the same language."""
    return "../" * here.count("/") + there or "./"


def _front(title: str, description: str, reviewed: dt.date | None, sources: list[str], quick_exit: bool = False) -> str:
    lines = ["---", f"title: {_yaml(title)}", f"description: {_yaml(description)}", "search:", "  exclude: true"]
    if quick_exit:
        lines.append("quick_exit: true")
    if reviewed:
        lines.append(f"reviewed: {reviewed.isoformat()}")
    if sources:
        lines.append("sources:")
        lines += [f"  - {_yaml(source)}" for source in sources]
    return "\n".join(lines + ["---", ""])


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _nav(tree: Tree, here: str, back: str | None) -> dict[str, str | None]:
    """The links back and to the first question (none on the first question itself)."""
    start = address(tree.start, tree.start)
    return {"back": _link(here, back) if back is not None else None,
            "restart": _link(here, start) if here != start else None}


def question_page(tree: Tree, question: Question, words: Strings) -> GeneratedPage:
    lang = words.lang
    here = address(question.id, tree.start)
    parent = tree.parent(question.id)
    back = address(parent.id, tree.start) if parent else ""  # the first question goes back to the home page
    text = question.text.get(lang, "")
    answers = [(_link(here, address(a.next, tree.start)), a.text.get(lang, "")) for a in question.answers]
    body = components.render("que-paso-question.html", text=text, first=question.id == tree.start, answers=answers,
                             words=words, **_nav(tree, here, back))
    title = text if question.id != tree.start else words("qp_name")
    front = _front(title, words("qp_question_description", question=text), tree.reviewed, [])
    return GeneratedPage(question.id, here, source(question.id, tree.start), front + str(body) + "\n")


def _call(contact, words: Strings, listed: bool = False) -> tuple[str, Markup]:
    """A person to call: the name and the number as a one-tap link; `listed` (the list of whom to
    call) also says how to dial a US line of a Mexican office from Mexico (render.inline_phone)."""
    return contact.text("name", words.lang), Markup(render.inline_phone(contact, words, from_mexico=listed))


def _plain_number(dial: Dial, words: Strings) -> str:
    """A number in a message (the share text) as the list of whom to call prints it: the message may
    reach someone in the other country, so a foreign line says how to dial it from the US, and a US
    line of a Mexican office (the CIAM) how to dial it from Mexico."""
    abroad = [words("from_us_inline", number=dial.from_us)] if dial.from_us else []
    abroad += [words("from_mx_inline", number=dial.from_mx)] if dial.from_mx else []
    return dial.display + "".join(f" ({form})" for form in abroad)


def outcome_page(tree: Tree, outcome: Outcome, registry: Registry, deadlines: Deadlines,
                 labels: dict[str, ReadLabel], words: Strings, home: str = "") -> GeneratedPage:
    """home: the language's absolute home address ('https://…/en/'): a printed outcome carries its
    own address under the lines to fill in (shown on paper only)."""
    lang = words.lang
    here = address(outcome.id, tree.start)
    parent = tree.parent(outcome.id)
    back = address(parent.id, tree.start) if parent else address(tree.start, tree.start)
    title = outcome.title.get(lang, "")
    contacts = [c for c in (registry.get(cid) for cid in outcome.contacts) if c is not None]
    urgent = []
    if outcome.urgent:
        emergency = registry.get("emergencia")
        # 911 alone, on one line above the title; the first office follows in the answer box (issue 26:
        # the number and the deadline on the first screen).
        urgent = [_call(c, words) for c in ([emergency] if emergency else [])]
    # A step may hold [[phone:ID]] (a one-tap call) or [[deadline:ID]]; checks/que_paso_numbers.py
    # allows no other tag. The text is escaped first; the references then become links.
    steps = [Markup(render.expand(str(escape(step)), registry, words, deadlines)) for step in outcome.steps.get(lang, [])]
    found = [d for d in (deadlines.get(did) for did in outcome.deadlines) if d is not None]
    dated = []
    for item in found:
        office = registry.get(item.office)
        dated.append((Markup(render.deadline_link(item, lang)), item.words("starts", lang),
                      office.text("name", lang) if office else ""))
    label = labels.get(outcome.read)
    topic = addresses.page_address(outcome.read_page)
    href = _link(here, topic) + (f"#{outcome.read_section}" if outcome.read_section else "")
    shown = " — ".join(part for part in (label.page_title, label.section_title) if part) if label else topic
    in_state = topic_list(outcome.read_page)  # "En su estado": the list leading to the state page's section
    # Share the answer (issue 26, item 12): one message with the office, its number and the deadline.
    first = next((c for c in contacts if c.dial("phone")), None)
    share = " ".join(part for part in (
        f"{title}.",
        f"{first.text('name', lang)}: {_plain_number(first.dial('phone'), words)}." if first else "",
        f"{words('qp_deadline')}: {found[0].words('text', lang)}." if found
        else words("qp_no_deadline"),
        home + here) if part)
    body = components.render("que-paso-outcome.html", title=title, urgent=urgent, steps=steps, share_text=share,
                             first=_call(contacts[0], words) if contacts else None,
                             calls=[_call(c, words, listed=True) for c in contacts], deadlines=dated, read_href=href,
                             read_label=shown, state_href=_link(here, in_state) if in_state else None,
                             words=words, url=home + here, **_nav(tree, here, back))
    sources = list(dict.fromkeys(d.source for d in found if d.source))
    front = _front(title, f"{title}: {words('qp_intro_outcome')}", tree.reviewed, sources, bool(label and label.quick_exit))
    return GeneratedPage(outcome.id, here, source(outcome.id, tree.start), front + str(body) + "\n")


def has_pages(tree: Tree) -> bool:
    """True when the path is published (the file reads and has its first question)."""
    return bool(sources(tree))


def for_language(project: Project, lang: str) -> list[GeneratedPage]:
    """The path's pages in one language (scripts/website/generated.py hands them to the engine)."""
    words = project.strings.get(lang) or project.strings[project.default]
    home = addresses.absolute(project.site_url, addresses.home(lang, project.default))
    return pages(project.que_paso, project.registry, project.deadlines, read_labels(project, lang), words, home)


def pages(tree: Tree, registry: Registry, deadlines: Deadlines, labels: dict[str, ReadLabel],
          words: Strings, home: str = "") -> list[GeneratedPage]:
    """Every page of the path in one language (none while the tree is broken: the checks say why)."""
    if not tree.readable or tree.start not in tree.questions:
        return []
    made = [question_page(tree, q, words) for q in tree.questions.values()]
    made += [outcome_page(tree, o, registry, deadlines, labels, words, home) for o in tree.outcomes.values()]
    return made
