"""Every content page carries title, description, reviewed (a date) and sources (URLs)."""
from __future__ import annotations

from typing import Iterable

from ..core.datafile import unknown_keys
from ..core.frontmatter import FIELDS
from ..core.problems import Problem
from ..core.yamlfile import date_problem
from ..core.project import Page, Project


def _is_url(value: object) -> bool:
    return isinstance(value, str) and value.startswith("https://") and " " not in value and len(value) > 8


def _needs_no_sources(page: Page) -> bool:
    # The help directory shows each contact's own source; the search page states no facts.
    return "template" in page.meta or "[[directory]]" in page.body


def check_page_meta(page: Page) -> Iterable[Problem]:
    meta = page.meta
    if not meta:
        return  # the loader already said the front matter is missing or broken
    # A misspelt field would otherwise be dropped without a word (its flyer, note or date lost).
    # It is one mistake: its "did you mean" says it all, not also "'…:' is missing".
    yield from unknown_keys(meta, FIELDS, page.path, "the front matter")
    meant = page.meant
    for key in ("title", "description"):
        value = meta.get(key)
        if key in meant:
            continue
        if not isinstance(value, str) or not value.strip():
            yield Problem(page.path, page.line_of(key), f"'{key}:' is missing or empty in the front matter: add one line of text")
    reviewed = meta.get("reviewed")
    if "reviewed" in meant:
        pass
    elif "reviewed" not in meta:
        yield Problem(page.path, meta.line, "'reviewed:' is missing: add the date a person last checked this page, like 'reviewed: 2026-11-23'")
    elif date_problem("reviewed", reviewed):
        yield Problem(page.path, page.line_of("reviewed"), date_problem("reviewed", reviewed))
    if "quick_exit" in meta and meta.get("quick_exit") is not True:
        yield Problem(page.path, page.line_of("quick_exit"), "'quick_exit:' is either 'quick_exit: true' (the page shows "
                      "the \"Salir rápido\" button) or left out: remove the line or write 'quick_exit: true'")
    if "downloads" in meta and meta.get("downloads") is not False:
        yield Problem(page.path, page.line_of("downloads"), "'downloads:' is either 'downloads: false' (the page is left "
                      "out of the one-file guide and the booklet) or left out: remove the line or write 'downloads: false'")
    sources = meta.get("sources")
    if "sources" in meant:
        pass
    elif "sources" not in meta:
        if not _needs_no_sources(page):
            yield Problem(page.path, meta.line, "'sources:' is missing: list the official pages this page's facts come from, one '  - https://…' per line")
    elif not isinstance(sources, list) or not sources:
        yield Problem(page.path, page.line_of("sources"), "'sources:' must be a list of web addresses, one '  - https://…' per line")
    else:
        for index, source in enumerate(sources):
            if not _is_url(source):
                yield Problem(page.path, page.line_of("sources") + 1 + index,
                              f"source '{source}' is not a web address starting with https://: copy the address of the official page")


def check_front_matter(project: Project) -> Iterable[Problem]:
    for page in project.all_pages():
        yield from check_page_meta(page)
