"""The menu (mkdocs.yml's nav:) lists every page, and every line of it names a page.

The site engine finds both too, but only during `make site`, after the other checks passed, and
without a line number. Found here, each is one `path:line:` message from `make check`.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..core.problems import Problem
from ..core.project import CONFIG, Project

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def _menu_paths(items: object, found: list[str]) -> None:
    if isinstance(items, str):
        found.append(items)
    elif isinstance(items, list):
        for item in items:
            _menu_paths(item, found)
    elif isinstance(items, dict):
        for value in items.values():
            _menu_paths(value, found)


def check_menu(project: Project) -> Iterable[Problem]:
    """Every page is in mkdocs.yml's nav:, and every nav: line names a page."""
    parsed = project.config  # read once by the loader, which reported it if it cannot be read
    text = parsed.text
    if not isinstance(parsed.data, dict) or "nav" not in parsed.data:
        return  # no menu: the engine lists every page by itself
    listed: list[str] = []
    _menu_paths(parsed.data["nav"], listed)
    local = [p for p in listed if not EXTERNAL.match(p)]
    lines = text.split("\n")
    nav_line = parsed.data.line_of("nav")
    last = nav_line
    for index in range(nav_line, len(lines)):
        if lines[index].startswith(" ") or not lines[index].strip():
            last = index + 1
        else:
            break
    example = lines[nav_line] if nav_line < len(lines) else "  - index.md"
    indent = example[: len(example) - len(example.lstrip())] or "  "
    for lang in project.strict_languages:
        for rel, page in sorted(project.pages.get(lang, {}).items()):
            if rel not in local:
                yield Problem(page.path, 1, f"this page is not in the menu: add the line '{indent}- {rel}' "
                              f"under 'nav:' in {CONFIG} (line {nav_line}, in the order readers should see it)")
    pages = project.pages.get(project.default, {})
    for path in local:
        if path not in pages:
            line = next((i + 1 for i in range(nav_line - 1, last) if path in lines[i]), nav_line)
            yield Problem(CONFIG, line, f"the menu names '{path}', which is not a page "
                          f"(content/{project.default}/{path} does not exist): fix the path or remove the line")
