"""The state pages, made from data/states.yml: /estados/ (the list of the 52), /estados/<code>/ (one
per state) and /estados/<section>/ (the list the guided path's outcomes lead to: each state links
straight to that section of its page). Same addresses under each language's folder.

The HTML comes from the templates state-page.html and state-list.html (autoescaped): plain links,
one-tap numbers from the registry (core/phones through render.inline_phone), no script. A maker of
website/generated.py; the addresses are listed by core/urls.produced (core/states.published).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from urllib.parse import urlsplit

from markupsafe import Markup

from ..core import addresses
from ..core.project import Project
from ..core.states import ANCHORS, CODES, SECTIONS, Section, State, list_source, page_source
from ..core.strings import Strings
from . import components, render

# Where to find one's consulate when the file names none (the Foreign Ministry's directory).
DIRECTORY = "https://directorio.sre.gob.mx/index.php/consulados-de-mexico-en-el-exterior"
TITLES = {"minimum_wage": "st_wage", "pay": "st_pay", "safety": "st_safety", "injury": "st_injury",
          "discrimination": "st_discrimination", "heat": "st_heat", "consulates": "st_consulate"}


@dataclass(frozen=True)
class StatePage:
    source: str     # inside the language: 'estados/tx/index.md'
    markdown: str


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _front(title: str, description: str, reviewed: dt.date | None = None) -> str:
    lines = ["---", f"title: {_yaml(title)}", f"description: {_yaml(description)}", "search:", "  exclude: true"]
    if reviewed:
        lines.append(f"reviewed: {reviewed.isoformat()}")
    return "\n".join(lines + ["---", ""])


def _view(item: Section, words: Strings, project: Project) -> dict:
    """What the template shows of one section, in the page's language."""
    lang = words.lang
    contact = project.registry.get(item.contact) if item.contact else None
    return {"source": item.source, "host": (urlsplit(item.source).hostname or "").removeprefix("www."),
            "checked": words.date(item.checked) if item.checked else "",
            "likely": item.likely, "name": item.words("office", lang), "website": item.website,
            "card": Markup(render.contact_card(contact, words, "p", _vcard(project, lang, contact.id))) if contact else "",
            "amount": item.hourly, "federal": item.federal, "unknown": item.unknown, "since": words.date(item.since) if item.since else "",
            "note": item.words("note", lang), "kind": item.state_plan, "rule": item.words("rule", lang),
            "serves": item.words("serves", lang), "deadlines": _deadlines(item, project, lang)}


def _deadlines(item: Section, project: Project, lang: str) -> list[tuple[Markup, str]]:
    """The state's own deadlines of a section, as the guided path shows a deadline: its words linked to
    the official page that states it, and what starts the clock (an unknown id is the check's message)."""
    found = [project.deadlines.get(did) for did in item.deadlines]
    return [(Markup(render.deadline_link(d, lang)), d.words("starts", lang)) for d in found if d]


def _vcard(project: Project, lang: str, cid: str) -> str:
    """The office's vCard ("save to my phone") from a state page: two folders up, in its language."""
    home = addresses.home(lang, project.default)
    return "../../" + addresses.vcard(lang, project.default, cid).removeprefix(home)


def _phone(project: Project, cid: str, words: Strings) -> Markup:
    contact = project.registry.get(cid)
    return Markup(render.inline_phone(contact, words)) if contact else Markup("")


def state_page(project: Project, state: State, words: Strings) -> StatePage:
    lang = words.lang
    name = state.words(lang)
    views = {key: _view(getattr(state, key), words, project) for key in SECTIONS[:-1]}
    eeoc = project.deadlines.get("eeoc_queja")
    body = components.render(
        "state-page.html", words=words, state=name, anchors=ANCHORS, list_href="../",
        wage=views["minimum_wage"], pay=views["pay"], safety=views["safety"], injury=views["injury"],
        discrimination=views["discrimination"], heat=views["heat"],
        consulates=[_view(c, words, project) for c in state.consulates], directory=DIRECTORY,
        whd=_phone(project, "whd", words), osha=_phone(project, "osha", words), eeoc=_phone(project, "eeoc", words),
        miconsulado=_phone(project, "miconsulado", words),
        eeoc_deadline=Markup(render.deadline_link(eeoc, lang)) if eeoc else "")
    days = [part.checked for part in state.sections() if part.checked]
    front = _front(words("st_title", state=name), words("st_description", state=name), max(days) if days else None)
    return StatePage(page_source(state.code), front + str(body) + "\n")


def list_page(project: Project, words: Strings, key: str = "") -> StatePage:
    """The list of the states; for a section (key), each link leads to that section of the state's page."""
    lang = words.lang
    ordered = [s for s in project.states.ordered(lang) if s.code in CODES]
    if key:
        anchor = ANCHORS[key]
        section = words(TITLES[key])
        states = [(f"../{s.code}/#{anchor}", s.words(lang)) for s in ordered]
        title, intro = words("st_section_list_title", section=section), words("st_section_list_intro", section=section)
        source = list_source(anchor)
    else:
        states = [(f"{s.code}/", s.words(lang)) for s in ordered]
        title, intro, source = words("st_list_title"), words("st_list_intro"), list_source()
    body = components.render("state-list.html", title=title, intro=intro, states=states)
    return StatePage(source, _front(title, words("st_list_description")) + str(body) + "\n")


def for_language(project: Project, lang: str) -> list[StatePage]:
    """Every state page and list in one language (none while data/states.yml is broken: the checks say why)."""
    found = project.states
    if not found.readable or not found.entries:
        return []
    words = project.strings.get(lang) or project.strings[project.default]
    made = [list_page(project, words)] + [list_page(project, words, key) for key in SECTIONS]
    made += [state_page(project, state, words) for state in found.entries.values() if state.code in CODES]
    return made
