"""The words printed around the content, one file per language: data/strings/<lang>.yml."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from babel.core import UnknownLocaleError
from babel.dates import format_date

from .datafile import read_yaml
from .problems import Problem


@dataclass
class Strings:
    lang: str
    path: str
    texts: dict[str, str] = field(default_factory=dict)  # key -> the text printed in this language
    lines: dict[str, int] = field(default_factory=dict)
    fallback: "Strings | None" = None
    raw: dict = field(default_factory=dict, repr=False)  # the file as read (values as YAML typed them)
    text: str = field(default="", repr=False)            # and as written

    def __call__(self, key: str, **values: str) -> str:
        text = self.texts.get(key)
        if text is None and self.fallback is not None:
            return self.fallback(key, **values)
        return (text or key).format(**values) if values else (text or key)


    def date(self, day: dt.date) -> str:
        """23 de noviembre de 2026 / November 23, 2026; ISO for a language babel does not know."""
        if not isinstance(day, dt.date):
            return str(day)
        try:
            return format_date(day, format="long", locale=self.lang)
        except (UnknownLocaleError, ValueError):
            return day.isoformat()


def load(root: Path, lang: str) -> tuple[Strings, list[Problem]]:
    shown = f"data/strings/{lang}.yml"
    strings = Strings(lang, shown)
    found = read_yaml(root, shown)
    if found.unreadable:
        return strings, [Problem(shown, 1, f"no words file for language '{lang}': copy data/strings/es.yml to {shown} and translate each line")]
    if found.broken:
        return strings, found.problems
    if not isinstance(found.data, dict):
        return strings, [Problem(shown, 1, "the words file must be lines of 'key: text'")]
    strings.texts = {str(k): str(v) for k, v in found.data.items() if v is not None}
    strings.raw, strings.text = found.data, found.text
    strings.lines = {str(k): v for k, v in found.data.lines.items()}
    return strings, found.problems


def load_all(root: Path, languages: list[str]) -> tuple[dict[str, Strings], list[Problem]]:
    """Every language's words; a missing word falls back to the default (first) language's."""
    words: dict[str, Strings] = {}
    problems: list[Problem] = []
    for lang in languages:
        words[lang], found = load(root, lang)
        problems.extend(found)
    for lang in languages[1:]:
        words[lang].fallback = words[languages[0]]
    return words, problems
