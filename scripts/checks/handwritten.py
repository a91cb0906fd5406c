"""No phone number typed by hand in a page: every number comes from the registry by id."""
from __future__ import annotations

import re
from typing import Iterable

import phonenumbers

from ..problems import Problem
from ..project import Page, Project
from ..render import TAG

# Spelled-out numbers such as 1-800-321-OSHA or 1-866-4-USWAGE, which phonenumbers skips.
VANITY = re.compile(r"(?<![\w/])(?:1[-.\s]?)?\(?[2-9]\d\d\)?[-.\s]\d{0,4}[-.\s]?[A-Z][A-Z0-9]{2,}\b")
URL = re.compile(r"(?:https?://|www\.)\S+|\]\([^)\s]*\)")
REGIONS = ("US", "MX")
# A dialable number has at least seven digits close together; the (slow) matcher only reads
# the lines that have such a run, which keeps `make check` fast on a large site.
DIGIT_RUN = re.compile(r"(?:\d[\s().+\-/]{0,3}){7,}")


def _blank(text: str, pattern: re.Pattern) -> str:
    # Keep offsets (and so line numbers) while hiding tags and web addresses from the matcher.
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


def _short_codes(project: Project) -> re.Pattern | None:
    codes = {getattr(c, kind) for c in project.registry.contacts.values()
             for kind in ("phone", "tty", "sms") if getattr(c, kind) and not getattr(c, kind).startswith("+")}
    if not codes:
        return None
    return re.compile(r"(?<![\w.,/-])(" + "|".join(sorted(map(re.escape, codes))) + r")(?![\w/-]|[.,]\d)")


def _lines_with_digit_runs(text: str) -> Iterable[tuple[int, str]]:
    for match in DIGIT_RUN.finditer(text):
        start = text.rfind("\n", 0, match.start()) + 1
        end = text.find("\n", match.end())
        yield start, text[start: end if end >= 0 else len(text)]


def find_numbers(text: str, short_codes: re.Pattern | None) -> list[tuple[int, str]]:
    clean = _blank(_blank(text, TAG), URL)
    found: dict[int, str] = {}
    for start, line in _lines_with_digit_runs(clean):
        for region in REGIONS:
            for match in phonenumbers.PhoneNumberMatcher(line, region, leniency=phonenumbers.Leniency.VALID):
                found.setdefault(start + match.start, match.raw_string)
    for match in VANITY.finditer(clean):
        found.setdefault(match.start(), match.group(0))
    if short_codes:
        for match in short_codes.finditer(clean):
            found.setdefault(match.start(), match.group(0))
    return sorted(found.items())


def check_page(page: Page, short_codes: re.Pattern | None) -> Iterable[Problem]:
    for offset, raw in find_numbers(page.text, short_codes):
        line = page.text.count("\n", 0, offset) + 1
        yield Problem(page.shown, line, f"phone number '{raw.strip()}' is typed by hand: put it in data/contacts.yml "
                      "(if it is not there yet) and write [[phone:ID]] or [[contact:ID]] here instead")


def check_handwritten_numbers(project: Project) -> Iterable[Problem]:
    codes = _short_codes(project)
    for page in project.all_pages():
        yield from check_page(page, codes)
