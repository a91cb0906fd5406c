"""The list of topics, made from the menu: [[topics]] in a page (the home page) becomes one line
per topic page, in the menu's order, with its title and description, in the page's language.

A new topic then appears on the home page in every language once it is in the menu (mkdocs.yml,
nav:). Not topics: the home page itself, the pages with their own template (search, flyers) and
the help directory ([[directory]]), which the home page already links on its own. Engine-free:
the site plugin passes the menu and the page.
"""
from __future__ import annotations

import posixpath
from html import escape
from dataclasses import dataclass

from ..core.menu import page_paths
from ..core.project import Page, Project

TOPICS = "[[topics]]"


@dataclass(frozen=True)
class Topic:
    rel: str      # path inside the language folder, e.g. "salarios/index.md"
    title: str
    summary: str  # the page's description


def is_topic(page: Page) -> bool:
    return page.rel != "index.md" and "template" not in page.meta and "[[directory]]" not in page.body


def topics(project: Project, lang: str, nav: object) -> list[Topic]:
    """Each topic in this language; a page not yet translated shows its Spanish title, as the site does."""
    found = []
    for rel in page_paths(nav):
        page = project.pages.get(lang, {}).get(rel) or project.pages.get(project.default, {}).get(rel)
        if page is None or not page.readable or not is_topic(page):
            continue  # a menu line without a page is the checks' to report
        found.append(Topic(rel, str(page.meta.get("title") or rel), str(page.meta.get("description") or "").strip()))
    return found


def markdown_list(items: list[Topic], page_rel: str) -> str:
    """The list as Markdown. Titles and descriptions are text, never markup: Markdown passes HTML
    through, so <, > and & are written as entities first (Markdown shows them as typed)."""
    here = posixpath.dirname(page_rel)
    lines = []
    for topic in items:
        link = posixpath.relpath(topic.rel, here or ".")
        title = escape(topic.title, quote=False).replace("[", "\\[").replace("]", "\\]")
        summary = escape(topic.summary, quote=False)
        lines.append(f"- [{title}]({link})" + (f": {summary}" if summary else ""))
    return "\n".join(lines)


def expand(markdown: str, items: list[Topic], page_rel: str) -> str:
    if TOPICS not in markdown:
        return markdown
    return markdown.replace(TOPICS, "\n" + markdown_list(items, page_rel) + "\n")
