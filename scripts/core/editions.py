"""Local editions (data/editions/<id>.yml, docs/printing.md): an organization's own office, printed
on every flyer, the card sheet and the referral sheet of its edition (site/flyers/<id>/).

    name: {es: Consulado General de México en Houston, en: Consulate General of Mexico in Houston}
    address: [4507 San Jacinto St, "Houston, TX 77004"]
    contacts: [consulado_houston]       # ids in data/contacts.yml (a local office: scope: local)
    hours: {es: Lunes a viernes, de 8:00 a 14:00, en: Monday to Friday, 8:00 to 14:00}
    states: [tx]                        # codes in data/states.yml
    note: {es: Traiga una identificación., en: Bring an ID.}   # optional, one line

Read leniently (never raises): the shape of each file is reported here, what it refers to (contact
ids, state codes, numbers typed by hand) by the edition-entries check (checks/edition_entries.py).
A folder with no editions builds nothing more.
"""
from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .datafile import read_yaml, unknown_keys
from .problems import Problem
from .yamlfile import LineDict

FOLDER = "data/editions"
ID = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
FIELDS = ("name", "address", "contacts", "hours", "states", "note")
REQUIRED = ("name", "address", "contacts", "hours", "states")
TEXTS = ("name", "hours", "note")          # one line in every language
LISTS = ("address", "contacts", "states")  # lists of one-line strings
MAX_NOTE = 90                              # characters: one printed line under the office


def page_source(eid: str) -> str:
    """The edition's generated page inside a language: 'volantes/houston/index.md' is /volantes/houston/."""
    return f"volantes/{eid}/index.md"


@dataclass
class Edition:
    id: str
    path: str                               # data/editions/<id>.yml
    name: dict[str, str] = field(default_factory=dict)
    address: list[str] = field(default_factory=list)
    contacts: list[str] = field(default_factory=list)
    hours: dict[str, str] = field(default_factory=dict)
    states: list[str] = field(default_factory=list)
    note: dict[str, str] = field(default_factory=dict)
    line: int = 1
    raw: LineDict = field(default_factory=LineDict, repr=False)

    def words(self, what: str, lang: str, default_lang: str = "es") -> str:
        values = getattr(self, what)
        return values.get(lang) or values.get(default_lang) or ""


@dataclass
class Editions:
    entries: dict[str, Edition] = field(default_factory=dict)   # by id, in file-name order
    problems: list[Problem] = field(default_factory=list)
    readable: bool = True


def _line(raw: LineDict, key: str) -> int:
    return raw.line_of(key) if key in raw else raw.line


def _edition(path: str, eid: str, raw: LineDict, languages: list[str], problems: list[Problem]) -> Edition:
    edition = Edition(eid, path, line=raw.line, raw=raw)
    problems.extend(unknown_keys(raw, FIELDS, path, f"edition '{eid}'"))
    unknown = [str(k) for k in raw if k not in FIELDS]
    for key in REQUIRED:
        # A misspelt field ('horas:') has its message above: not a second one for the missing 'hours:'.
        if key not in raw and not difflib.get_close_matches(key, unknown, n=1):
            problems.append(Problem(path, raw.line, f"edition '{eid}' needs '{key}:' (docs/printing.md, \"Your own "
                                    "edition\", shows every field)"))
    for key in TEXTS:
        if key not in raw:
            continue
        value = raw.get(key)
        if not isinstance(value, LineDict):
            problems.append(Problem(path, _line(raw, key), f"edition '{eid}': '{key}:' needs one line per language, "
                                    f"like:\n  {key}:\n    es: …\n    en: …"))
            continue
        texts = {}
        for lang, text in value.items():
            if isinstance(text, (str, int, float)) and not isinstance(text, bool) and str(text).strip():
                texts[str(lang)] = " ".join(str(text).split())
        missing = [lang for lang in languages if lang not in texts]
        if missing:
            problems.append(Problem(path, _line(raw, key), f"edition '{eid}': '{key}' has no text in "
                                    f"{', '.join(missing)}: add a line '{missing[0]}: …' under '{key}:'"))
        setattr(edition, key, texts)
    for key in LISTS:
        if key not in raw:
            continue
        value = raw.get(key)
        if not isinstance(value, list) or not value:
            problems.append(Problem(path, _line(raw, key), f"edition '{eid}': '{key}:' must be a list, like "
                                    + {"address": "['4507 San Jacinto St', 'Houston, TX 77004']",
                                       "contacts": "[consulado_houston]", "states": "[tx]"}[key]))
            continue
        items = [" ".join(str(item).split()) for item in value
                 if isinstance(item, (str, int)) and not isinstance(item, bool) and str(item).strip()]
        if len(items) != len(value):
            problems.append(Problem(path, _line(raw, key), f"edition '{eid}': every item of '{key}:' must be one line "
                                    "of text"))
        setattr(edition, key, items)
    return edition


def load(root: Path, languages: list[str]) -> Editions:
    """Every data/editions/*.yml; never raises. languages: those every text needs (es, en)."""
    found = Editions()
    folder = Path(root) / FOLDER
    if not folder.is_dir():
        return found
    for file in sorted(folder.iterdir()):
        if file.name.startswith(".") or file.is_dir():
            continue
        shown = f"{FOLDER}/{file.name}"
        if file.suffix != ".yml":
            found.problems.append(Problem(shown, 1, f"{file.name}: an edition is a file named <id>.yml (like "
                                          "houston.yml): rename it"))
            continue
        eid = file.stem
        if not ID.fullmatch(eid):
            found.problems.append(Problem(shown, 1, f"the edition's file name '{file.name}' makes its address "
                                          f"(/volantes/{eid}/): use small letters, digits and hyphens, like houston.yml"))
            continue
        read = read_yaml(Path(root), shown)
        found.problems.extend(read.problems)
        if read.unreadable or read.broken:
            found.readable = False
            continue
        if not isinstance(read.data, LineDict):
            found.problems.append(Problem(shown, 1, "an edition is a block of 'field: value' lines: name, address, "
                                          "contacts, hours, states and note (docs/printing.md)"))
            continue
        problems: list[Problem] = []
        edition = _edition(shown, eid, read.data, languages, problems)
        found.problems.extend(problems)
        found.entries[eid] = edition
    return found
