"""Legal deadlines (data/deadlines.yml): one record type, loaded in one place, like the contacts.

Pages write [[deadline:ID]]; scripts/website/render.py shows the entry's text in the page's language,
linked to its source, and the flyers print the same text. So a deadline reads one way everywhere.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .datafile import as_date, blocks, load_section, texts, unknown_keys
from .problems import Problem
from .yamlfile import LineDict

DEADLINES = "data/deadlines.yml"
FIELDS = ("length", "starts", "text", "office", "source", "checked", "recheck", "recheck_note")
TOP = ("schema", "deadlines")
EXAMPLE = """deadlines:
  osha_represalia:
    length: 30 days
    starts: {es: desde el día del castigo, en: from the day you were punished}
    text: {es: 30 días, en: 30 days}
    office: osha
    source: https://www.osha.gov/workers/file-complaint
    checked: 2026-11-30"""


@dataclass
class Deadline:
    id: str
    length: str
    starts: dict[str, str]
    text: dict[str, str]
    office: str              # a contact id, or "" when each state has its own office
    source: str
    checked: dt.date | None
    recheck: dt.date | None = None
    recheck_note: str = ""
    line: int = 1
    raw: LineDict = field(default_factory=LineDict, repr=False)

    def words(self, what: str, lang: str, default_lang: str = "es") -> str:
        values = getattr(self, what)
        return values.get(lang) or values.get(default_lang) or ""


@dataclass
class Deadlines:
    path: str = DEADLINES
    entries: dict[str, Deadline] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # what stopped us from reading the file
    readable: bool = True
    text: str = ""  # the file as written (what a message quotes)

    def get(self, deadline_id: str) -> Deadline | None:
        return self.entries.get(deadline_id)


def load(root: Path) -> Deadlines:
    """Read data/deadlines.yml; never raises. An unknown field is reported here, once."""
    found = Deadlines()
    data, body, problems, found.text = load_section(Path(root), DEADLINES, "deadlines", EXAMPLE)
    found.problems.extend(problems)
    if data is not None:
        found.problems.extend(unknown_keys(data, TOP, DEADLINES, "the file"))
    if body is None:
        found.readable = False
        return found
    entries, problems = blocks(body, DEADLINES, "deadline", "text, source, checked…")
    found.problems.extend(problems)
    for did, raw in entries:
        found.problems.extend(unknown_keys(raw, FIELDS, DEADLINES, f"deadline '{did}'"))
        found.entries[str(did)] = Deadline(
            id=str(did), length=str(raw.get("length") or ""), starts=texts(raw, "starts"), text=texts(raw, "text"),
            office=str(raw.get("office") or ""), source=str(raw.get("source") or ""), checked=as_date(raw.get("checked")),
            recheck=as_date(raw.get("recheck")), recheck_note=str(raw.get("recheck_note") or ""), line=raw.line, raw=raw)
    return found
