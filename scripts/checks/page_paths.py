"""A page's path is its address for good (/salarios/, printed on flyers, listed in data/urls.txt):
folder and file names are lower-case letters, digits and hyphens, so the address reads the same
typed, spoken or printed (a space becomes %20, a capital letter is another address on most servers).

One message per path, at the default language's page when it has the name: its twin has the same
path and the same fix. Until the rename, the checks that would ask for the page's twin, its menu
line or a guided-path outcome leave it alone: they would name the page by the name that must go.
"""
from __future__ import annotations

from typing import Iterable

from ..core.addresses import suggested_name, wrong_parts
from ..core.problems import Problem
from ..core.project import CONFIG, CONTENT, Project
from .menu import menu_lines

def check_page_paths(project: Project) -> Iterable[Problem]:
    seen: set[str] = set()
    menu = menu_lines(project)
    for lang in project.languages:
        for rel, page in sorted(project.pages.get(lang, {}).items()):
            wrong = wrong_parts(rel)
            if not wrong or rel in seen:
                continue
            seen.add(rel)
            good = "/".join(suggested_name(part) if part in wrong else part for part in rel.removesuffix(".md").split("/")) + ".md"
            others = [f"{CONTENT}/{other}/{rel}" for other in project.languages if other != lang and rel in project.pages.get(other, {})]
            also = f" and {', '.join(others)}" if others else ""
            names = ", ".join(f"'{part}'" for part in wrong)
            line = menu.get(rel)
            nav = (f"and its line in {CONFIG}'s nav: (line {line}) to {good}" if line else
                   f"then list it in {CONFIG}'s nav: as {good}")
            yield Problem(page.path, 1, f"the name {names} would be part of the page's address for good: use lower-case "
                          f"letters, digits and hyphens only (no spaces, capitals, accents or '_'). Rename {page.path}{also} "
                          f"to {CONTENT}/<language>/{good}, {nav}")
