"""The words printed around the content, one file per language: data/strings/<lang>.yml."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from babel.core import UnknownLocaleError
from babel.dates import format_date

from . import yamlfile
from .problems import Problem
from .textfile import read_text


@dataclass
class Strings:
    lang: str
    path: str
    words: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    fallback: "Strings | None" = None

    def __call__(self, key: str, **values: str) -> str:
        text = self.words.get(key)
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
    text, problem = read_text(root / shown, shown)
    if problem:
        return strings, [Problem(shown, 1, f"no words file for language '{lang}': copy data/strings/es.yml to {shown} and translate each line")]
    parsed = yamlfile.parse(text)
    if parsed.error:
        return strings, [Problem(shown, parsed.error_line, parsed.error)]
    if not isinstance(parsed.data, dict):
        return strings, [Problem(shown, 1, "the words file must be lines of 'key: text'")]
    strings.words = {str(k): str(v) for k, v in parsed.data.items() if v is not None}
    strings.lines = {str(k): v for k, v in parsed.data.lines.items()}
    return strings, []
