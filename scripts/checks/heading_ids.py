"""A heading's id is written the one way the site reads it, `## Horas extra {#horas-extra}`:
written loosely ({# horas-extra}, {#Horas}, (#horas), an unclosed '{'), the page shows the
attempt as text or a broken attribute and the section loses its address, which NGOs link to.
"""
from __future__ import annotations

from typing import Iterable

from ..core.problems import Problem
from ..core.project import Project
from ..core.sections import heading_slips


def check_heading_ids(project: Project) -> Iterable[Problem]:
    for page in project.all_pages():
        if not page.readable:
            continue
        for slip in heading_slips(page):
            yield Problem(page.path, slip.line, f"the heading id '{slip.written}' is written loosely: the page would show "
                          f"it as text and the section would lose its address (#{slip.meant}). End the heading with "
                          f"{{#{slip.meant}}}: a brace, '#', the id in lower-case letters, digits and hyphens, a brace, "
                          "no spaces (the same id in both languages)")
