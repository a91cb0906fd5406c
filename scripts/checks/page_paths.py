"""A page's path is its address for good (/salarios/, printed on flyers, listed in data/urls.txt):
folder and file names are lower-case letters, digits and hyphens, so the address reads the same
typed, spoken or printed (a space becomes %20, a capital letter is another address on most servers).

One message per path, at the default language's page when it has the name: its twin has the same
path and the same fix.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Iterable

from ..core.problems import Problem
from ..core.project import CONTENT, Project

PART = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def suggested(part: str) -> str:
    """'Mis Derechos' -> 'mis-derechos', 'niños_2' -> 'ninos-2': what the folder should be called."""
    plain = "".join(c for c in unicodedata.normalize("NFD", part.lower()) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "pagina"


def wrong_parts(rel: str) -> list[str]:
    """The folder and file names of a page path (without .md) that are not lower-case words with hyphens."""
    *folders, name = rel.split("/")
    return [part for part in [*folders, name.removesuffix(".md")] if not PART.fullmatch(part)]


def check_page_paths(project: Project) -> Iterable[Problem]:
    seen: set[str] = set()
    for lang in project.languages:
        for rel, page in sorted(project.pages.get(lang, {}).items()):
            wrong = wrong_parts(rel)
            if not wrong or rel in seen:
                continue
            seen.add(rel)
            good = "/".join(suggested(part) if part in wrong else part for part in rel.removesuffix(".md").split("/")) + ".md"
            others = [f"{CONTENT}/{other}/{rel}" for other in project.languages if other != lang and rel in project.pages.get(other, {})]
            also = f" and {', '.join(others)}" if others else ""
            names = ", ".join(f"'{part}'" for part in wrong)
            yield Problem(page.path, 1, f"the name {names} would be part of the page's address for good: use lower-case "
                          f"letters, digits and hyphens only (no spaces, capitals, accents or '_'). Rename {page.path}{also} "
                          f"to {CONTENT}/<language>/{good}, and its line in mkdocs.yml's nav: to {good}")
