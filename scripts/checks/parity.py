"""Every Spanish page has its English twin at the same path, and the other way round.

A page whose name the page-paths check refuses has no twin to ask for yet: the twin takes the
new name, so the rename comes first (one message per cause, not a twin under the wrong name)."""
from __future__ import annotations

from typing import Iterable

from ..core.addresses import wrong_parts
from ..core.problems import Problem
from ..core.project import CONTENT, Project


def check_parity(project: Project) -> Iterable[Problem]:
    strict = project.strict_languages  # further languages report coverage (checks/language_coverage.py)
    for lang in strict:
        for other in strict:
            if other == lang:
                continue
            for rel, page in project.pages.get(lang, {}).items():
                twin = project.pages.get(other, {}).get(rel)
                if twin is None and not wrong_parts(rel):
                    yield Problem(page.path, 1, f"this page has no twin in '{other}': create {CONTENT}/{other}/{rel} "
                                  f"(the same path), translated, or remove this page")
    for lang in strict:
        for page in project.pages.get(lang, {}).values():
            if page.readable and not page.body.strip():
                yield Problem(page.path, page.body_line, "the page has no text below its front matter: write it, or remove the pair")
