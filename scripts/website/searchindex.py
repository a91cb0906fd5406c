"""The search index of one language: each page's title, sections and worker phrases as plain text.

Built from the Markdown sources (not from the engine), so `make search` and `make bench` see
exactly what the site will publish without a build. All folding, stemming and ranking happen
in overrides/assets/search-core.js, on both the index and the query: this file only gathers text.
Written to site/<lang>/search/index.json by the post-build step `write`.
"""
from __future__ import annotations

import html
import json
import re
from pathlib import Path

from . import render
from ..core import phrases
from ..core.sections import HEADING_ID
from ..core import addresses
from ..core.project import Page, Project
from ..core.states import ANCHORS, CODES, SECTIONS, page_source
from .statepages import TITLES

FOLDER = "search"
FILE = "index.json"
NOT_INDEXED = {"search-page.html", "words-page.html"}  # the search page and the words page themselves

_TAG = re.compile(r"<[^>]+>")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_ATTR = re.compile(r"\{[#.][^}]*\}")
_MARKS = re.compile(r"[*_`>|#]+")
_SPACE = re.compile(r"\s+")
_CONTACT = re.compile(r"\[\[(?:phone|contact):([^\]\s]*)\]\]")
_DIRECTORY = "[[directory]]"


def indexed(page: Page) -> bool:
    return page.readable and str(page.meta.get("template") or "") not in NOT_INDEXED


def plain(markdown: str, project: Project, lang: str) -> str:
    """Readable words only: a contact reference becomes the contact's name, not its card."""
    def name(match: re.Match) -> str:
        contact = project.registry.get(match.group(1))
        return f" {contact.text('name', lang)} " if contact else " "
    text = _CONTACT.sub(name, markdown)
    if _DIRECTORY in text:
        names = [c.text("name", lang) for group in render.GROUPS for c in project.registry.by_group(group)]
        text = text.replace(_DIRECTORY, " ".join(names))
    text = render.expand(text, project.registry, project.strings[lang], project.deadlines)  # [[deadline:id]]
    text = html.unescape(_LINK.sub(r"\1", _TAG.sub(" ", text)))  # a deadline's words come as HTML: &#39; -> '
    return _SPACE.sub(" ", _MARKS.sub(" ", _ATTR.sub(" ", text))).strip()


def page_entry(page: Page, project: Project) -> dict:
    title = str(page.meta.get("title") or "")
    description = str(page.meta.get("description") or "")
    parts = re.split(r"^##\s+", page.body, flags=re.MULTILINE)
    intro = re.sub(r"^#\s+.*$", "", parts[0], count=1, flags=re.MULTILINE)
    sections = []
    for part in parts[1:]:
        heading, _, body = part.partition("\n")
        found = HEADING_ID.match("## " + heading)
        if found:
            sections.append([found.group(2), found.group(1), plain(body, project, page.lang)])
        else:  # a heading without an id: its words belong to the section before
            intro += "\n" + heading + "\n" + body
    grouped: dict[str, list[str]] = {}
    for phrase in phrases.read(page):
        grouped.setdefault(phrase.section or phrases.WHOLE_PAGE, []).append(phrase.text)
    entry = {"u": addresses.page_address(page.rel), "t": title, "x": plain(description + "\n" + intro, project, page.lang), "s": sections}
    if grouped:
        entry["p"] = grouped
    return entry


def state_entries(project: Project, lang: str) -> list[dict]:
    """One entry per state page (scripts/website/statepages.py): its names as people write them
    (both languages' names and the aliases of data/states.yml) and, per section, what people type
    with the state's name ("salario mínimo en Texas"). `k` lists the names: search-core.js shows a
    state page only when the query holds one of them whole, and leaves these entries out of the
    word statistics, so a query without a state's name ranks the other pages exactly as before."""
    found = project.states
    if not found.readable:
        return []
    words = project.strings.get(lang) or project.strings[project.default]
    out = []
    for state in found.entries.values():
        if state.code not in CODES:
            continue
        name = state.words(lang)
        names = list(dict.fromkeys([name, *(state.name.get(other, "") for other in project.languages), *state.aliases]))
        names = [n for n in names if n]
        said = {ANCHORS[key]: [p.strip().format(state=name) for p in words(f"st_search_{ANCHORS[key]}").split(";") if p.strip()]
                for key in SECTIONS}
        out.append({"u": addresses.page_address(page_source(state.code)), "t": words("st_title", state=name),
                    "s": [[ANCHORS[key], words(TITLES[key]), ""] for key in SECTIONS],
                    "p": {"page": names, **said}, "k": names})
    return out


def build(project: Project, lang: str) -> dict:
    pages = [page for rel, page in sorted(project.pages.get(lang, {}).items()) if indexed(page)]
    return {"lang": lang, "pages": [page_entry(page, project) for page in pages] + state_entries(project, lang)}


def dumps(index: dict) -> str:
    return json.dumps(index, ensure_ascii=False, separators=(",", ":"))


def language_folder(site: Path, project: Project, lang: str) -> Path:
    return site if lang == project.default else site / lang


def write(project: Project, site: Path) -> list[str]:
    """Post-build step: one index per language, beside that language's pages."""
    for lang in project.languages:
        target = language_folder(site, project, lang) / FOLDER / FILE
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(dumps(build(project, lang)), encoding="utf-8")
    return []
