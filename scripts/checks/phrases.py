"""Worker phrases (docs/pages.md): every Spanish and English prose page lists the words people
use for its problem; each names a real section; a phrase on two pages is a warning naming both."""
from __future__ import annotations

from typing import Iterable

from ..core.phrases import KEY, WHOLE_PAGE, folded, read
from ..core.problems import Problem
from ..core.project import Page, Project
from ..core.sections import section_ids
from ..core.urls import gone

# The example is in the page's own language: English phrases are not a translation of the
# Spanish ones (docs/pages.md), so an English page is shown English ones.
EXAMPLES = {
    "es": ("write it like:\nphrases:\n  page:\n    - me lastimé\n    - me accidenté\n"
           "  reporte:        # a section id from the page, the {#reporte} after a heading\n    - no avisé del accidente"),
    "en": ("write it like:\nphrases:\n  page:\n    - got hurt\n    - hurt at work\n"
           "  reporte:        # a section id from the page, the {#reporte} after a heading\n    - did not report the injury"),
}
LANGUAGES = ("es", "en")


def example(page: Page) -> str:
    return EXAMPLES.get(page.lang, EXAMPLES["es"])


def is_prose(page: Page) -> bool:
    # Pages with their own template (search, flyers, the words page) are forms and lists, not prose.
    return page.readable and bool(page.meta) and "template" not in page.meta


def check_shape(page: Page, gone_sections: frozenset = frozenset()) -> Iterable[Problem]:
    block = page.meta.get(KEY)
    if block is None:
        if is_prose(page) and KEY not in page.meant:  # misspelt: the front-matter check names it
            yield Problem(page.path, page.meta.line,
                          "'phrases:' is missing: list the words workers use for this problem, so search finds the page; " + example(page))
        return
    if not isinstance(block, dict) or not block:
        yield Problem(page.path, page.line_of(KEY), "'phrases:' must list phrases under 'page:' or a section id; " + example(page))
        return
    ids = section_ids(page)
    for where, items in block.items():
        line = block.line_of(where) if hasattr(block, "line_of") else page.line_of(KEY)
        if where != WHOLE_PAGE and where not in ids and (page.rel, str(where)) not in gone_sections:
            known = ", ".join(sorted(ids)) or "none"
            yield Problem(page.path, line, f"'{where}:' under 'phrases:' is not a section of this page: "
                          f"use 'page' or one of its section ids ({known})")
        if not isinstance(items, list) or not items:
            yield Problem(page.path, line, f"'{where}:' under 'phrases:' needs a list, one '    - phrase' per line")
            continue
        for index, item in enumerate(items):
            if isinstance(item, dict):
                yield Problem(page.path, line + 1 + index, "a phrase with ': ' in it reads as something else: "
                              "drop the colon, or put the whole phrase in quotes, like '    - \"cobro: 500\"'")
            elif not isinstance(item, str) or not item.strip():
                yield Problem(page.path, line + 1 + index, f"'{item}' is not a phrase: write words, like '    - me lastimé'")


def check_phrases(project: Project) -> Iterable[Problem]:
    sections_gone = frozenset(gone(project).sections)  # a published section that went: the manifest check's
    for lang in LANGUAGES:
        seen: dict[str, tuple[Page, int]] = {}
        for page in sorted(project.pages.get(lang, {}).values(), key=lambda p: p.rel):
            yield from check_shape(page, sections_gone)
            for phrase in read(page):
                key = folded(phrase.text)
                if key in seen and seen[key][0] is not page:
                    first, first_line = seen[key]
                    yield Problem(page.path, phrase.line,
                                  f"the phrase '{phrase.text}' is also on {first.path}:{first_line}: search cannot tell the "
                                  "two pages apart with it; keep it on the page that answers it best", "warning")
                seen.setdefault(key, (page, phrase.line))
