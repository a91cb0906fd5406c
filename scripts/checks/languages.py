"""Languages beyond Spanish and English grow page by page: report their coverage, never fail on it.

A page missing in such a language is built from the Spanish page with a notice in that language
(scripts/hooks.py), so readers are told, not silently switched.
"""
from __future__ import annotations

from typing import Iterable

from ..problems import Problem
from ..project import CONTENT, Project


def check_language_coverage(project: Project) -> Iterable[Problem]:
    sources = project.pages.get(project.default, {})
    for lang in project.extra_languages:
        pages = project.pages.get(lang, {})
        for rel, page in sorted(pages.items()):
            if rel not in sources:
                yield Problem(page.shown, 1, f"this page has no Spanish original {CONTENT}/{project.default}/{rel}: "
                              "a page in this language must translate a Spanish page at the same path; "
                              "move it there or remove it")
        done = sum(1 for rel in sources if rel in pages)
        missing = sorted(rel for rel in sources if rel not in pages)
        hint = f"; not yet translated: {', '.join(missing)} (readers see the Spanish page with a notice)" if missing else ""
        yield Problem(f"{CONTENT}/{lang}", 1, f"{lang}: {done} of {len(sources)} pages translated{hint}", "info")
