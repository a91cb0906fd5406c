"""No markup in a text field: a page's front matter (title, description, the flyer's words,
sources…), the contact registry, the deadlines, the guided path and the words files.

Every field reaches the site escaped (the templates' autoescape): markup typed into a field is
shown as code at best. At worst a field that skipped the escaping once would carry a script or an
outside redirect onto every page that prints it (a title is on 50 pages: the menu, <title>, the
topics list). So a field holds words only: an HTML tag, an HTML comment, a script link
(javascript:, vbscript:, data:text/html) or a Markdown attribute list `{: … }` is an error at its line.
"""
from __future__ import annotations

import re
from typing import Iterable, Iterator

from ..core.contacts import REGISTRY
from ..core.deadlines import DEADLINES
from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import TREE
from ..core.states import STATES

# A tag opens (<script, </title, <!--, <?xml), a script link, an attribute list.
MARKUP = re.compile(r"<\s*/?\s*[a-zA-Z][^<>]*>?|<!|<\?|\b(?:javascript|vbscript)\s*:|\bdata\s*:\s*text/html"
                    r"|\{\s*:[^}]*\}", re.IGNORECASE)


def _strings(data: object, line: int = 1) -> Iterator[tuple[int, str, str]]:
    """(line of the key, key, text) of every text under data."""
    if isinstance(data, dict):
        for name, value in data.items():
            at = data.line_of(name) if hasattr(data, "line_of") else line
            if isinstance(value, str):
                yield at, str(name), value
            elif isinstance(value, (dict, list)):
                for item_line, key, text in _strings(value, at):
                    yield item_line, key if isinstance(value, dict) else str(name), text
    elif isinstance(data, list):
        for item in data:
            if isinstance(item, str):
                yield line, "", item
            else:
                yield from _strings(item, line)


def _line(lines: list[str], start: int, found: str) -> int:
    """The line, from the key's line on, where the markup stands (a list item or a folded text
    is below its key); the key's line when the text was written another way (escapes)."""
    needle = found[:12].lower()
    for number in range(max(start, 1), len(lines) + 1):
        if needle in lines[number - 1].lower():
            return number
    return start


def _problems(path: str, text: str, data: object) -> Iterator[Problem]:
    lines: list[str] | None = None
    for line, key, value in _strings(data):
        if "<" not in value and ":" not in value and "{" not in value:
            continue  # nearly every text: none of the characters markup needs
        match = MARKUP.search(value)
        if not match:
            continue
        lines = text.split("\n") if lines is None else lines
        found = match.group(0)
        shown = found if len(found) <= 40 else found[:37] + "…"
        field = f"'{key}:'" if key else "this text"
        yield Problem(path, _line(lines, line, found),
                      f"{field} holds '{shown}', which is web-page code, not words: remove it. A text field is "
                      "shown as plain words on the site and the flyers; to link to another page, do it in the "
                      "page's text with [words](https://…)")


def check_field_markup(project: Project) -> Iterable[Problem]:
    registry = project.registry
    for contact in registry.contacts.values():
        yield from _problems(REGISTRY, registry.text, contact.raw)
    for item in project.deadlines.entries.values():
        yield from _problems(DEADLINES, project.deadlines.text, item.raw)
    if project.que_paso.raw:
        yield from _problems(TREE, project.que_paso.text, project.que_paso.raw)
    if project.states.entries:
        states_text = (project.root / STATES).read_text(encoding="utf-8")  # read already: it decodes
        for state in project.states.entries.values():
            yield from _problems(STATES, states_text, state.raw)
    for words in project.strings.values():
        yield from _problems(words.path, words.text, words.raw)
    for page in project.all_pages():
        if page.readable and page.meta:
            yield from _problems(page.path, page.text, page.meta)
