"""Every redirect of data/redirects.yml leads to a page that exists, and hides none."""
from __future__ import annotations

from typing import Iterable

from ..core import quepaso
from ..core.addresses import page_address, source_of
from ..core.problems import Problem
from ..core.project import Project
from ..core.redirects import REDIRECTS


def check_redirects(project: Project) -> Iterable[Problem]:
    redirects = project.redirects
    yield from redirects.problems
    path_pages = {page_address(rel) for rel in quepaso.sources(project.que_paso)}  # the same in every language
    default_pages = {page_address(rel) for rel in project.pages.get(project.default, {})} | path_pages
    for item in redirects.items:
        target = item.new.partition("#")[0]
        if item.old in default_pages:
            yield Problem(REDIRECTS, item.line, f"'{item.old}' is still a page ({source_of(item.old)}): a redirect "
                          "would hide it. Delete this line, or move the page first")
        for lang in project.strict_languages:
            pages = {page_address(rel) for rel in project.pages.get(lang, {})} | path_pages
            if target not in pages:
                yield Problem(REDIRECTS, item.line, f"the new address '{item.new}' is not a page in '{lang}' "
                              f"(content/{lang}/{source_of(target)} does not exist): point it at a page that exists")
