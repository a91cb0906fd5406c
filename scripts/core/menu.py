"""The menu: mkdocs.yml's `nav:`, as the checks and the site both read it.

An entry is a page's path ('salarios/index.md'), an outside address, or a title over either or
over a list of entries ({'Salarios': 'salarios/index.md'}, {'Estados': [...]}). `entries` walks
all of it in order (the menu check needs every line); `page_paths` keeps the pages (the home
page's list of topics, the one-file guide).
"""
from __future__ import annotations

from .project import Project


def nav(project: Project) -> object:
    """mkdocs.yml's `nav:` as the project's loader read it; None when there is none."""
    data = project.config.data
    return data.get("nav") if isinstance(data, dict) else None


def entries(items: object) -> list[str]:
    """Every address the menu names, in order, however an entry is written."""
    if isinstance(items, str):
        return [items]
    if isinstance(items, dict):
        items = list(items.values())
    if isinstance(items, list):
        return [found for item in items for found in entries(item)]
    return []


def page_paths(items: object) -> list[str]:
    """The pages the menu names ('index.md', 'salarios/index.md', …), in order."""
    return [path for path in entries(items) if path.endswith(".md")]
