"""The menu (mkdocs.yml's nav:) lists every page, and every line of it names a page.

The site engine finds both too, but only during `make site`, after the other checks passed, and
without a line number. Found here, each is one `path:line:` message from `make check`. A page whose name the page-paths
check refuses is not asked for in the menu: its line names the new name, after the rename.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..core.addresses import wrong_parts
from ..core.menu import entries
from ..core.problems import Problem
from ..core.project import CONFIG, Project
from ..core.urls import gone

EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)


def menu_lines(project: Project) -> dict[str, int]:
    """Each page the menu names (a path like 'salarios/index.md') -> its line in mkdocs.yml."""
    parsed = project.config
    if not isinstance(parsed.data, dict) or "nav" not in parsed.data:
        return {}
    listed = entries(parsed.data["nav"])
    lines = parsed.text.split("\n")
    nav_line = parsed.data.line_of("nav")
    found = {}
    for path in listed:
        if not EXTERNAL.match(path):
            found[path] = next((i + 1 for i in range(nav_line - 1, len(lines)) if path in lines[i]), nav_line)
    return found


def check_menu(project: Project) -> Iterable[Problem]:
    """Every page is in mkdocs.yml's nav:, and every nav: line names a page."""
    parsed = project.config  # read once by the loader, which reported it if it cannot be read
    text = parsed.text
    if not isinstance(parsed.data, dict) or "nav" not in parsed.data:
        return  # no menu: the engine lists every page by itself
    listed = entries(parsed.data["nav"])
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
    broken = gone(project).pages  # published pages that went: the manifest check names their menu line
    unlisted: dict[str, list[str]] = {}  # one message a page, whatever the languages
    for lang in project.strict_languages:
        for rel, page in sorted(project.pages.get(lang, {}).items()):
            if rel not in local and not wrong_parts(rel):
                unlisted.setdefault(rel, []).append(page.path)
    for rel, paths in sorted(unlisted.items()):
        if any(path in broken for path in local):
            # a page moved: its old line in the menu is the one to change (the manifest check says so)
            continue
        also = f" (and {', '.join(paths[1:])})" if len(paths) > 1 else ""
        yield Problem(paths[0], 1, f"this page{also} is not in the menu: add the line '{indent}- {rel}' "
                      f"under 'nav:' in {CONFIG} (line {nav_line}, in the order readers should see it)")
    pages = project.pages.get(project.default, {})
    for path in local:
        if path in broken:
            continue
        if path not in pages:
            line = next((i + 1 for i in range(nav_line - 1, last) if path in lines[i]), nav_line)
            yield Problem(CONFIG, line, f"the menu names '{path}', which is not a page "
                          f"(content/{project.default}/{path} does not exist): fix the path or remove the line")
