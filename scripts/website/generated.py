"""Pages made from data instead of written in content/: the guided path's questions and outcomes
(scripts/quepaso/pages.py, from data/que-paso.yml), the state pages (statepages.py, from
data/states.yml) and the local editions' pages (editionpages.py, from data/editions/).

A maker takes the project and a language and returns pages: each a Markdown file name inside the
language (`source`, like 'que-paso/pago-otro/index.md') and its text (`markdown`: front matter
and body, as a page in content/ has them). The site plugin hands every page to the engine as a
page outside the menu, in the language being built, and lists it in the sitemap. A new kind of
generated page is one maker added to MAKERS, and its addresses to core/urls.produced (so
`make urls` records them and the published-address check keeps them).
"""
from __future__ import annotations

from typing import Callable, Protocol

from ..core.project import Project
from ..quepaso import pages as quepaso_pages
from . import editionpages, statepages


class GeneratedPage(Protocol):
    source: str     # inside the language: 'que-paso/index.md'
    markdown: str   # front matter and body


Maker = Callable[[Project, str], list[GeneratedPage]]

MAKERS: list[Maker] = [
    quepaso_pages.for_language,
    statepages.for_language,
    editionpages.for_language,
]


def pages(project: Project, lang: str) -> list[GeneratedPage]:
    return [page for make in MAKERS for page in make(project, lang)]
