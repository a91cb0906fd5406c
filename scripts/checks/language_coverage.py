"""Languages beyond Spanish and English grow page by page: report their coverage, never fail on it.

A page missing in such a language is built from the Spanish page with a notice in that language
(scripts/website/plugin.py, scripts/website/fallback.py), so readers are told, not silently switched. The entry in
mkdocs.yml is checked here so a maintainer gets a plain message instead of an engine error.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Iterable

from ..core.problems import Problem
from ..core.languages import STAND_INS, is_language_code
from ..core.project import CONFIG, CONTENT, Project


def _theme_languages() -> set[str]:
    """Languages the theme has interface words for (found on disk, without importing the engine)."""
    spec = importlib.util.find_spec("material")
    folders = list(spec.submodule_search_locations or []) if spec else []
    return {p.stem for f in folders for p in (Path(f) / "templates/partials/languages").glob("*.html")}


def check_language_entries(project: Project) -> Iterable[Problem]:
    known = _theme_languages()
    for index, entry in enumerate(project.language_entries):
        locale = str(entry.get("locale", ""))
        line = entry.line_of("locale")
        if locale in STAND_INS:
            real = STAND_INS[locale]
            yield Problem(CONFIG, line, f"locale '{locale}' is a stand-in that browsers and search engines do not know: "
                          f"write the real code '{real}', and rename {CONTENT}/{locale}/ to {CONTENT}/{real}/ and "
                          f"data/strings/{locale}.yml to data/strings/{real}.yml (docs/translating.md)")
            continue
        if not is_language_code(locale):
            yield Problem(CONFIG, line, f"locale '{locale}' is not a language code: write the language's "
                          "code in lower case, two letters (pt) or three (Mixteco: mix, Zapoteco: zap, Triqui: trs, "
                          "K'iche': quc), the same as its folder content/<code>/ (docs/translating.md)")
            continue
        theme = entry.get("theme")
        has_theme_language = isinstance(theme, dict) and theme.get("language")
        if index >= 2 and known and locale not in known and not has_theme_language:
            yield Problem(CONFIG, line, f"the theme has no interface words for '{locale}': add two lines under this "
                          "language, 'theme:' and '  language: es', so its menus use Spanish (docs/translating.md)")


def check_language_coverage(project: Project) -> Iterable[Problem]:
    yield from check_language_entries(project)
    sources = project.pages.get(project.default, {})
    for lang in project.extra_languages:
        words = project.strings.get(lang)
        if words is not None and words.texts and "missing_translation" not in words.texts:
            yield Problem(words.path, 1, "no 'missing_translation:' line: readers of an untranslated page would see "
                          "the notice in Spanish; copy it from data/strings/es.yml and translate it", "warning")
        pages = project.pages.get(lang, {})
        for rel, page in sorted(pages.items()):
            if rel not in sources:
                yield Problem(page.path, 1, f"this page has no Spanish original {CONTENT}/{project.default}/{rel}: "
                              "a page in this language must translate a Spanish page at the same path; "
                              "move it there or remove it")
        done = sum(1 for rel in sources if rel in pages)
        missing = sorted(rel for rel in sources if rel not in pages)
        hint = f"; not yet translated: {', '.join(missing)} (readers see the Spanish page with a notice)" if missing else ""
        yield Problem(f"{CONTENT}/{lang}", 1, f"{lang}: {done} of {len(sources)} pages translated{hint}", "info")
