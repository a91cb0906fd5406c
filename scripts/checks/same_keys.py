"""The words files (data/strings/<code>.yml) name the same keys in Spanish and English.

A key missing in English would print the Spanish text on an English page; a key only English
has is a typo or a leftover. Further languages may lack keys (the Spanish words stand in, like
their pages), but a key Spanish does not have is reported: it is never used.
"""
from __future__ import annotations

from typing import Iterable

from ..core.problems import Problem
from ..core.project import Project


def check_same_keys(project: Project) -> Iterable[Problem]:
    source = project.strings.get(project.default)
    if source is None or not source.lines:  # unreadable: its own message already says why
        return
    for index, lang in enumerate(project.languages[1:], start=1):
        words = project.strings.get(lang)
        if words is None or not words.lines:
            continue
        strict = index == 1  # English keeps strict parity with Spanish, like its pages
        if strict:
            for key in sorted(set(source.lines) - set(words.lines), key=source.lines.get):
                yield Problem(words.path, 1, f"'{key}' is missing: {source.path} has it at line {source.lines[key]}; "
                              f"add a line '{key}: …' here with the text in this language")
        for key in sorted(set(words.lines) - set(source.lines), key=words.lines.get):
            yield Problem(words.path, words.lines[key], f"'{key}' is not a key of {source.path}, so the site never "
                          "uses it: fix its spelling to match that file, or remove the line",
                          "error" if strict else "warning")
