"""What the site templates need from the project, loaded once per build."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import contacts, deadlines, strings
from .quepaso import model as quepaso


@dataclass
class SiteData:
    registry: contacts.Registry
    languages: list[str]
    default: str
    _words: dict[str, strings.Strings] = field(default_factory=dict)
    deadlines: deadlines.Deadlines = field(default_factory=deadlines.Deadlines)
    que_paso: quepaso.Tree = field(default_factory=quepaso.Tree)
    root: Path = Path(".")

    @classmethod
    def load(cls, root: Path, languages: list[str], default: str) -> "SiteData":
        words = {lang: strings.load(root, lang)[0] for lang in languages}
        for lang, item in words.items():
            if lang != default:
                item.fallback = words[default]
        return cls(contacts.load(root), languages, default, words, deadlines.load(root), quepaso.load(root), Path(root))

    def words(self, lang: str) -> strings.Strings:
        return self._words.get(lang) or self._words[self.default]
