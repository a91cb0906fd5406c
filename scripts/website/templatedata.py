"""What the site templates need from the project, loaded once per build by the project's own
loaders (contacts, strings, deadlines), without reading every page as project.load does: the
engine reads the pages itself."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..core import contacts, deadlines, strings
from ..core import quepaso


@dataclass
class TemplateData:
    registry: contacts.Registry
    languages: list[str]
    default: str
    _words: dict[str, strings.Strings] = field(default_factory=dict)
    deadlines: deadlines.Deadlines = field(default_factory=deadlines.Deadlines)
    que_paso: quepaso.Tree = field(default_factory=quepaso.Tree)
    root: Path = Path(".")

    @classmethod
    def load(cls, root: Path, languages: list[str], default: str) -> "TemplateData":
        words, _ = strings.load_all(root, [default, *(lang for lang in languages if lang != default)])
        return cls(contacts.load(root), languages, default, words, deadlines.load(root), quepaso.load(root), Path(root))

    def words(self, lang: str) -> strings.Strings:
        return self._words.get(lang) or self._words[self.default]
