"""A translation whose Spanish original changed since it was translated is reported as outdated.

A warning, not an error: a lawyer's urgent fix to the Spanish page must still reach the site
while the translators catch up. `check --strict` (CI) turns it into an error.
"""
from __future__ import annotations

from typing import Iterable

from ..core.problems import Problem
from ..core.project import Project
from ..core.stale import KEY, translations


def check_translations_current(project: Project) -> Iterable[Problem]:
    for item in translations(project):
        if not item.page.meta:
            continue  # the loader already reported the broken front matter
        if item.source.meant:
            continue  # a misspelt field on the source page (front-matter names it) is not a new text
        if not item.marked:
            if "translation_of" in item.page.meant:
                continue  # misspelt: the front-matter check names it
            yield Problem(item.page.path, item.page.meta.line,
                          f"this page does not say which version of {item.source.path} it translates: "
                          f"when it matches the Spanish page, run 'make translated PAGE={item.page_arg}'", "warning")
        elif item.outdated:
            yield Problem(item.page.path, item.page.line_of(KEY),
                          f"outdated translation: {item.source.path} changed since this page was translated. "
                          f"'make stale' shows what changed; update this page, then run "
                          f"'make translated PAGE={item.page_arg}'", "warning")
