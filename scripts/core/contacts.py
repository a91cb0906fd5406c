"""The contact registry (data/contacts.yml): one record type, loaded in one place."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path

from .datafile import blocks, read_yaml
from .phones import GROUP_REGION, Dial, dial
from .problems import Problem
from .yamlfile import LineDict

REGISTRY = "data/contacts.yml"


@dataclass(frozen=True)
class NumberKind:
    """A kind of number a contact may have. A new kind (WhatsApp, say) is one line in NUMBER_KINDS,
    its label in data/strings/<lang>.yml under the same key, and its line in data/contacts.schema.json
    (a test compares the schema with this list)."""
    field: str                    # its key in data/contacts.yml and in data/strings/<lang>.yml
    scheme: str                   # the link: tel: or sms:
    vcard_types: tuple[str, ...]  # the vCard TEL types a phone's address book understands
    card_rank: int = 0            # order under the main phone on a contact card (0: the main phone)


NUMBER_KINDS = (
    NumberKind("phone", "tel", ("WORK", "VOICE")),
    NumberKind("tty", "tel", ("TEXTPHONE",), card_rank=1),
    NumberKind("sms", "sms", ("TEXT",), card_rank=3),
    NumberKind("asl_video", "tel", ("VIDEO",), card_rank=2),
)
NUMBER_FIELDS = tuple(kind.field for kind in NUMBER_KINDS)
KINDS = {kind.field: kind for kind in NUMBER_KINDS}
# The other numbers, in the order a card (site, flyer, embed) shows them under the main phone.
CARD_NUMBERS = tuple(kind.field for kind in sorted(NUMBER_KINDS, key=lambda k: k.card_rank) if kind.card_rank)
TEXT_FIELDS = ("name", "hours", "note")  # given in every language
# national: in the help directory, contacts.json, the embeds and the all-contacts vCard file.
# local: an office for one area (a consulate, an NGO), shown only where a page or flyer names it.
NATIONAL, LOCAL = "national", "local"
SCOPES = (NATIONAL, LOCAL)


@dataclass
class Contact:
    id: str
    group: str
    name: dict[str, str]
    phone: str
    website: str
    source: str
    checked: dt.date | None
    confidence: str
    numbers: dict[str, str] = field(default_factory=dict)  # kind -> number as written, phone included
    vanity: str | None = None
    hours: dict[str, str] = field(default_factory=dict)
    note: dict[str, str] = field(default_factory=dict)
    scope: str = NATIONAL
    country: str = ""  # 'us' or 'mx' when the line is not where the office is (a Mexican office's US line)
    line: int = 1
    raw: LineDict = field(default_factory=LineDict, repr=False)

    @property
    def region(self) -> str:
        """Where the office is (its group): how its numbers are shown (from Mexico, from the US)."""
        return GROUP_REGION.get(self.group, "US")

    @property
    def line_region(self) -> str | None:
        """Where its line is, when `country:` says so (None: where the office is)."""
        return GROUP_REGION.get(self.country) if self.country else None

    def number(self, kind: str) -> str | None:
        return self.numbers.get(kind)

    def dial(self, kind: str = "phone") -> Dial | None:
        value = self.numbers.get(kind)
        if not value:
            return None
        return dial(value, self.region, KINDS[kind].scheme)

    def text(self, what: str, lang: str, default_lang: str = "es") -> str:
        values = getattr(self, what)
        return values.get(lang) or values.get(default_lang) or ""


@dataclass
class Registry:
    contacts: dict[str, Contact] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)  # what stopped us from reading it
    text: str = field(default="", repr=False)  # the file as written (what a message quotes)

    def get(self, contact_id: str) -> Contact | None:
        return self.contacts.get(contact_id)

    def national(self) -> list[Contact]:
        """The contacts every national list shows; local offices appear only where they are named."""
        return [c for c in self.contacts.values() if c.scope != LOCAL]

    def by_group(self, group: str) -> list[Contact]:
        return [c for c in self.national() if c.group == group]


def _texts(value: object) -> dict[str, str]:
    if isinstance(value, dict):
        return {str(k): str(v) for k, v in value.items() if v is not None}
    return {}


def _str(value: object) -> str | None:
    return None if value is None else str(value)


def _contact(cid: str, raw: LineDict) -> Contact:
    checked = raw.get("checked")
    numbers = {kind: number for kind in NUMBER_FIELDS if (number := _str(raw.get(kind)))}
    return Contact(
        id=cid, group=str(raw.get("group", "")), name=_texts(raw.get("name")),
        phone=_str(raw.get("phone")) or "", website=_str(raw.get("website")) or "",
        source=_str(raw.get("source")) or "",
        checked=checked if isinstance(checked, dt.date) else None,
        confidence=str(raw.get("confidence", "")), numbers=numbers, vanity=_str(raw.get("vanity")),
        hours=_texts(raw.get("hours")), note=_texts(raw.get("note")),
        scope=str(raw.get("scope") or NATIONAL), country=str(raw.get("country") or "").strip().lower(),
        line=raw.line, raw=raw)


def load(root: Path) -> Registry:
    """Read the registry; never raises. Unreadable parts become problems."""
    registry = Registry()
    found = read_yaml(root, REGISTRY)
    registry.problems.extend(found.problems)
    registry.text = found.text
    if found.unreadable or found.broken:
        return registry
    data = found.data
    contacts = data.get("contacts") if isinstance(data, dict) else None
    if not isinstance(contacts, LineDict):
        line = data.line if isinstance(data, LineDict) else 1
        registry.problems.append(Problem(REGISTRY, line, "the registry needs a 'contacts:' section holding one entry per contact id"))
        return registry
    entries, problems = blocks(contacts, REGISTRY, "contact", "name, phone, source…")
    registry.problems.extend(problems)
    for cid, raw in entries:
        registry.contacts[cid] = _contact(cid, raw)
    return registry
