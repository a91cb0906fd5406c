"""The pages left at old addresses (data/redirects.yml), written by the site plugin for each
language it builds: one line 'viejo/: salarios/' serves /viejo/ and /en/viejo/, each leading to
its own language. Engine-free; the page is the template redirect.html (no script, the site's CSP).
"""
from __future__ import annotations

import posixpath
from dataclasses import dataclass
from pathlib import Path

from markupsafe import Markup

from ..core import addresses
from ..core.problems import Problem
from ..core.project import Project
from ..core.redirects import REDIRECTS
from . import components
from .pagemarkup import CSP


@dataclass(frozen=True)
class RedirectPage:
    dest: str    # the file inside the site: 'en/viejo/index.html'
    url: str     # where it leads, relative to it: '../salarios/#queja'


def pages(project: Project, lang: str, built: set[str]) -> tuple[list[RedirectPage], list[Problem]]:
    """This language's redirect pages; `built` holds the addresses of the pages built in it
    ('en/salarios/'), so a redirect never leads to a page that is not there."""
    own = addresses.prefix(lang, project.default)
    made, problems = [], []
    for item in project.redirects.items:
        path, hash_, section = item.new.partition("#")
        target = own + path
        if target not in built:
            problems.append(Problem(REDIRECTS, item.line, f"the new address '{item.new}' of '{item.old}' is not a page "
                                    f"in '{lang}': point it at a page that exists"))
            continue
        old = own + item.old
        url = posixpath.relpath(target or ".", start=old.rstrip("/")) + "/" + hash_ + section
        made.append(RedirectPage(old + "index.html", url))
    return made, problems


def html(page: RedirectPage, lang: str, project: Project) -> str:
    words = project.strings.get(lang) or project.strings[project.default]
    return components.render("redirect.html", lang=lang, csp=Markup(CSP), words=words, url=page.url) + "\n"


def write(project: Project, lang: str, built: set[str], site: Path) -> list[Problem]:
    made, problems = pages(project, lang, built)
    for page in made:
        target = site / page.dest
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(html(page, lang, project), encoding="utf-8")
    return problems
