"""Every text in every data file, and in a page's front matter, is read as text.

YAML reads some unquoted words as something else: yes, no, on, off, true and false as a yes-or-no
value, 12:30 as a number (750), 911 or 1.5 as numbers, 2026-11-30 as a date. In a text field the
site would then publish "False" for `- es: No`, "True" for `en: yes`, "750" for an hour. So
wherever words are expected, anything that is not text is an error at its line, with the quotes
to add. The fields that are not text (dates, `urgent:`, `schema:`, the numbers of a contact,
which the registry check reads) are left to their own checks.
"""
from __future__ import annotations

import datetime as dt
import difflib
import re
from functools import lru_cache
from typing import Iterable, Iterator

from ..core.contacts import NUMBER_FIELDS, REGISTRY
from ..core.deadlines import DEADLINES
from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import TREE

# Fields whose value is not words: dates, a yes-or-no switch, the file's format, phone numbers.
NOT_TEXT = {"reviewed", "checked", "recheck", "urgent", "quick_exit", "downloads", "schema", *NUMBER_FIELDS}


@lru_cache(maxsize=None)  # the same few keys on every page: difflib once per key (0.35 s on 1,000 pairs otherwise)
def _misspelt_not_text(name: object) -> bool:
    """'urgnet', 'rechek': a misspelt date or switch, which the front-matter or loader check names."""
    return bool(difflib.get_close_matches(str(name), sorted(NOT_TEXT), n=1, cutoff=0.8))


def _what(value: object) -> tuple[str, str]:
    """(what YAML read, what the site would print)."""
    if isinstance(value, bool):
        return "a yes-or-no value (YAML reads yes, no, on, off, true and false that way)", str(value)
    if isinstance(value, (int, float)):
        return f"the number {value}", str(value)
    if isinstance(value, (dt.date, dt.datetime)):
        return "a date", str(value)
    return "a value that is not text", str(value)


def _written(line_text: str, key: object, index: int | None, value: object) -> str:
    """The value as typed on its line: after 'key:' (block or {flow}), or the index-th '- item'."""
    if index is None:
        found = re.search(r"(?:^|[\s{,])-?\s*" + re.escape(str(key)) + r"\s*:\s*(.*?)\s*(?:[,}]|\s#|$)", line_text)
    else:
        flow = re.search(r"\[(.*)\]", line_text)
        if flow and line_text.lstrip()[:1] != "-":
            parts = [part.strip() for part in flow.group(1).split(",")]
            return parts[index] if index < len(parts) else str(value)
        found = re.search(r"^\s*-\s*(.*?)\s*(?:\s#|$)", line_text)
    return found.group(1).strip() if found and found.group(1).strip() else str(value).lower()


def _not_text(data: object) -> Iterator[tuple[int, object, int | None, object]]:
    """(line, key, list index or None, value) of every value under data that is not text."""
    if isinstance(data, dict):
        for name, value in data.items():
            if name in NOT_TEXT or _misspelt_not_text(name):
                continue
            line = data.line_of(name) if hasattr(data, "line_of") else 1
            if isinstance(value, (dict, list)):
                yield from _items(value, name, line)
            elif value is not None and not isinstance(value, str):
                yield line, name, None, value


def _items(value: object, name: object, line: int) -> Iterator[tuple[int, object, int | None, object]]:
    if isinstance(value, dict):
        yield from _not_text(value)
        return
    for index, item in enumerate(value):
        if isinstance(item, dict) and len(item) == 1:
            continue  # '- cobro: 500': a text with ': ' read as a pair, which the list's own check explains
        if isinstance(item, dict):
            yield from _not_text(item)
        elif isinstance(item, list):
            yield from _items(item, name, line)
        elif item is not None and not isinstance(item, str):
            yield line, name, index, item


def _problems(path: str, text: str, data: object, lines_below: bool = True) -> Iterable[Problem]:
    found = list(_not_text(data))
    lines = text.split("\n") if found else []  # most files have nothing to report: no need to split them
    for line, key, index, value in found:
        at = line
        if index is not None and lines_below and 0 < line <= len(lines) and "[" not in lines[line - 1].split("#")[0]:
            at = line + 1 + index  # one '- item' per line under its key
        typed = _written(lines[at - 1] if 0 < at <= len(lines) else "", key, index, value)
        what, shown = _what(value)
        fix = f'- "{typed}"' if index is not None else f'{key}: "{typed}"'
        yield Problem(path, at, f"'{typed}' is read as {what}, not as words: the site would show '{shown}'. Put the "
                      f"text in double quotes: {fix}")


def check_text_fields(project: Project) -> Iterable[Problem]:
    registry = project.registry
    for contact in registry.contacts.values():
        yield from _problems(REGISTRY, registry.text, contact.raw)
    for item in project.deadlines.entries.values():
        yield from _problems(DEADLINES, project.deadlines.text, item.raw)
    if project.que_paso.raw:
        yield from _problems(TREE, project.que_paso.text, project.que_paso.raw)
    for words in project.strings.values():
        yield from _problems(words.path, words.text, words.raw)
    for page in project.all_pages():
        if page.readable:
            yield from _problems(page.path, page.text, page.meta)
