"""A page is in its own language: an English page whose text is mostly Spanish (copied and not
translated) would be published under lang="en", and the other way round.

Measured with core/language.py (a language detector over the page's prose); one message for a page
mostly in the other language, else one for the sections that are, at the first of them (sections
are measured only on a page where some of the text reads as the other language: on 1,000 page
pairs that keeps the check at one detector call a page). The
flyer's printed words (`flyer:`) are measured too: a flyer is printed in the page's language.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..core.language import MIN_BYTES, MOSTLY, other_share, prose, shares
from ..core.problems import Problem
from ..core.project import Page, Project

NAMES = {"es": "Spanish", "en": "English"}
SLICE = 1000  # characters of prose in each of the three slices of a long page
_SECTION = re.compile(r"^##\s+.*$", re.M)


def _parts(page: Page) -> list[tuple[int, str, str]]:
    """(file line, heading, text) of the page's head (title, description, text before the first ##)
    and of each ## section: each is measured once, the page's share is theirs weighed by size."""
    starts = list(_SECTION.finditer(page.body))
    head = f"{page.meta.get('title') or ''}\n{page.meta.get('description') or ''}\n"
    found = [(page.body_line, "", head + page.body[:starts[0].start() if starts else len(page.body)])]
    for index, match in enumerate(starts):
        end = starts[index + 1].start() if index + 1 < len(starts) else len(page.body)
        line = page.body_line + page.body.count("\n", 0, match.start())
        found.append((line, match.group(0).lstrip("# ").strip(), page.body[match.start():end]))
    return found


def _flyer_words(page: Page) -> str:
    block = page.meta.get("flyer")
    if not isinstance(block, dict):
        return ""
    items = [block.get("title")] + [i for key in ("rights", "steps") for i in (block.get(key) or []) if isinstance(block.get(key), list)]
    return "\n".join(str(i) for i in items if isinstance(i, str))


def _sample(text: str) -> str:
    """A long text measured by three slices of it (start, middle, end): "mostly" needs no more, and
    the detector's time grows with the text (1,000 page pairs: 0.34 -> 0.2 s)."""
    if len(text) <= 3 * SLICE:
        return text
    middle = len(text) // 2
    return "\n".join((text[:SLICE], text[middle - SLICE // 2:middle + SLICE // 2], text[-SLICE:]))


def _text_problems(page: Page, own: str, theirs: str, other: str) -> Iterable[Problem]:
    head = f"{page.meta.get('title') or ''}\n{page.meta.get('description') or ''}\n"
    judged, found = shares(_sample(prose(head + page.body)))
    share = found.get(other, 0) if judged >= MIN_BYTES else 0
    if share >= MOSTLY:
        yield Problem(page.path, page.body_line, f"this page is in {theirs}, not {own}: about {share}% of its "
                      f"text reads as {theirs}, as if it was copied and not translated. Translate it into "
                      f"{own} (its twin in content/{other}/ is the text to translate)")
        return
    if not share:
        return  # none of it reads as the other language: no section to look at (most pages)
    measured = [(line, heading, *shares(prose(text))) for line, heading, text in _parts(page)]
    late = [(line, heading, found.get(other, 0)) for line, heading, judged, found in measured
            if heading and judged >= MIN_BYTES and found.get(other, 0) >= MOSTLY]
    if late:
        (line, heading, share), *more = late
        also = f"; so are {', '.join(repr(h) for _, h, _ in more)}" if more else ""
        yield Problem(page.path, line, f"the section '{heading}' is in {theirs}, not {own} (about {share}% of "
                      f"its text){also}: translate it into {own}")


def check_page_language(project: Project) -> Iterable[Problem]:
    languages = [lang for lang in project.strict_languages if lang in NAMES]
    for lang in languages:
        for other in (o for o in languages if o != lang):
            own, theirs = NAMES[lang], NAMES[other]
            for page in sorted(project.pages.get(lang, {}).values(), key=lambda p: p.rel):
                if not page.readable:
                    continue
                yield from _text_problems(page, own, theirs, other)
                words = _flyer_words(page)
                share = other_share(words, other) if words else None
                if share is not None and share >= MOSTLY:
                    yield Problem(page.path, page.line_of("flyer"), f"the flyer's words are in {theirs}, not {own} (about "
                                  f"{share}%): the {own} flyer would print them; translate 'title:', 'rights:' and 'steps:'")
