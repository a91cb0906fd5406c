"""Every topic page (a page with a flyer) is where some outcome of the guided path sends the reader.

Skipped while data/que-paso.yml is broken or has an unknown field: the loader reports that once,
and checking a half-read tree would only add follow-on errors.
"""
from __future__ import annotations

from typing import Iterable

from ..core.addresses import wrong_parts
from ..core.printed import flyer_pages
from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import TREE, Tree
from ..core.urls import gone


def check_que_paso_topics(project: Project) -> Iterable[Problem]:
    """Every topic page (a page with a flyer) is where some outcome sends the reader."""
    tree: Tree = project.que_paso
    if not tree.readable or not tree.outcomes:
        return
    reached = {outcome.read_page for outcome in tree.outcomes.values()}
    if reached & set(gone(project).pages) or reached - set(project.pages.get(project.default, {})):
        return  # an outcome reads a page that is not there (moved?): that line is the one to change, and is reported
    for page in flyer_pages(project):
        if page.rel not in reached and not wrong_parts(page.rel):  # renamed first (page-paths), then pointed at
            yield Problem(TREE, tree.raw.line_of("outcomes"), f"no outcome sends the reader to the topic {page.path}: "
                          f"add an outcome with 'read: {page.rel}#…', or point an existing one there")
