"""The states (data/states.yml): what changes with the place a person works, one record type.

One entry per jurisdiction (the 50 states, the District of Columbia, Puerto Rico), keyed by its
lower-case postal code. Each has the same sections, in the order the state pages show them
(SECTIONS): the minimum wage, where to claim unpaid pay, safety (the OSHA State Plan), injuries
(workers' compensation), discrimination (the state fair-employment agency), heat, the consulates.
Every section carries its official `source`, the day it was `checked` and its `confidence`.
Phone numbers are not here: a section names a contact of data/contacts.yml by id (`contact:`).

Read once by the project loader (project.states); never raises. What is wrong inside an entry
(a missing field, a wrong kind, an amount that is not one) is the state-entries check's
(checks/state_entries.py); what stops the file from being read is a loader problem.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterator

from .datafile import as_date, blocks, load_section, texts, unknown_keys
from .problems import Problem
from .yamlfile import LineDict

STATES = "data/states.yml"
TOP = ("schema", "states")
NONE = "none"            # `office: none`, `rule: none`: the state has none
FEDERAL = "federal"      # `amount: federal`: no state minimum above the federal one
UNKNOWN = "unknown"      # `amount: unknown`: the state has its own minimum, but no official page could be read
                         # for today's amount: the page shows no amount, only the official link to confirm it
PLAN_KINDS = ("full", "public_only", "none")
CONFIDENCE = ("verified", "likely")
# The sections of an entry, in the order of a state page (and their anchors on it).
SECTIONS = ("minimum_wage", "pay", "safety", "injury", "discrimination", "heat", "consulates")
ANCHORS = {"minimum_wage": "salario", "pay": "pago", "safety": "seguridad", "injury": "lesiones",
           "discrimination": "discriminacion", "heat": "calor", "consulates": "consulado"}
ENTRY_FIELDS = ("name", "aliases", *SECTIONS)
FACT_FIELDS = ("source", "checked", "confidence", "recheck", "recheck_note")
OFFICE_FIELDS = ("office", "website", "contact")
# The sections that may name the state's own deadlines (ids in data/deadlines.yml, `deadlines:`).
DEADLINE_SECTIONS = ("pay", "injury", "discrimination")
SECTION_FIELDS = {
    "minimum_wage": ("amount", "since", "note", *FACT_FIELDS),
    "pay": (*OFFICE_FIELDS, "note", "deadlines", *FACT_FIELDS),
    "safety": ("state_plan", *OFFICE_FIELDS, *FACT_FIELDS),
    "injury": (*OFFICE_FIELDS, "deadlines", *FACT_FIELDS),
    "discrimination": (*OFFICE_FIELDS, "deadlines", *FACT_FIELDS),
    "heat": ("rule", "website", *FACT_FIELDS),
}
CONSULATE_FIELDS = ("name", "serves", "website", "contact", *FACT_FIELDS)
# The 52 jurisdictions: every one must be in the file, once.
CODES = ("al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh nj "
         "nm ny nc nd oh ok or pa pr ri sc sd tn tx ut vt va wa wv wi wy").split()
EXAMPLE = """states:
  tx:
    name: {es: Texas, en: Texas}
    minimum_wage:
      amount: federal
      source: https://www.dol.gov/agencies/whd/minimum-wage/state
      checked: 2026-12-05
      confidence: verified
    …"""


@dataclass
class Section:
    """One section of a state: its facts and where they were read. `office` is the office's name in
    each language ({} when the state has none, `office: none`)."""
    key: str
    source: str = ""
    checked: dt.date | None = None
    confidence: str = ""
    office: dict[str, str] = field(default_factory=dict)
    website: str = ""
    contact: str = ""
    amount: str = ""                 # minimum_wage: "16.90", "federal" or "unknown"
    since: dt.date | None = None     # minimum_wage: the day the amount took effect
    note: dict[str, str] = field(default_factory=dict)
    state_plan: str = ""             # safety: full | public_only | none
    rule: dict[str, str] = field(default_factory=dict)  # heat: what the state's rule covers
    serves: dict[str, str] = field(default_factory=dict)  # a consulate: the part of the state it serves
    deadlines: list[str] = field(default_factory=list)  # pay, injury, discrimination: the state's own deadlines,
                                                         # ids in data/deadlines.yml (the page shows each)
    present: bool = True             # False when the entry has no such section (its message is the check's)
    line: int = 1
    raw: LineDict = field(default_factory=LineDict, repr=False)

    @property
    def likely(self) -> bool:
        return self.confidence != "verified"

    @property
    def federal(self) -> bool:
        return self.amount == FEDERAL

    @property
    def unknown(self) -> bool:
        """The state has its own minimum wage, but its amount could not be read on an official page:
        show no amount (say the state may pay more than $7.25 and link the official page)."""
        return self.amount == UNKNOWN

    @property
    def hourly(self) -> str:
        """The state's own hourly amount to print ("16.90"), or "" when there is none to print
        (federal: $7.25 applies; unknown: not read, show none)."""
        return "" if self.amount in (FEDERAL, UNKNOWN) else self.amount

    def words(self, what: str, lang: str, default_lang: str = "es") -> str:
        values = getattr(self, what)
        return values.get(lang) or values.get(default_lang) or ""


@dataclass
class State:
    code: str
    name: dict[str, str]
    aliases: list[str]
    minimum_wage: Section
    pay: Section
    safety: Section
    injury: Section
    discrimination: Section
    heat: Section
    consulates: list[Section]
    line: int = 1
    raw: LineDict = field(default_factory=LineDict, repr=False)

    def words(self, lang: str, default_lang: str = "es") -> str:
        return self.name.get(lang) or self.name.get(default_lang) or self.code.upper()

    def sections(self) -> list[Section]:
        """Every section with facts, in page order (each consulate is one)."""
        return [self.minimum_wage, self.pay, self.safety, self.injury, self.discrimination, self.heat, *self.consulates]


@dataclass
class States:
    path: str = STATES
    entries: dict[str, State] = field(default_factory=dict)   # in file order
    problems: list[Problem] = field(default_factory=list)     # what stopped us from reading the file
    readable: bool = True
    line: int = 1            # the 'states:' line

    def get(self, code: str) -> State | None:
        return self.entries.get(code)

    def ordered(self, lang: str) -> list[State]:
        """The states as a reader looks for them: by name in their language."""
        import unicodedata

        def key(state: State) -> str:
            plain = unicodedata.normalize("NFKD", state.words(lang)).encode("ascii", "ignore").decode()
            return plain.lower()
        return sorted(self.entries.values(), key=key)


def _str(value: object) -> str:
    if value is None or isinstance(value, (dict, list)):
        return ""
    return str(value).strip()


def _office(raw: LineDict, key: str) -> dict[str, str]:
    return texts(raw, key) if isinstance(raw.get(key), dict) else {}


def _ids(value: object) -> list[str]:
    """`deadlines: [lesion_aviso_fl, lesion_reclamo_fl]` (or one id alone); what is not a list of ids
    is the state-entries check's message."""
    if isinstance(value, str):
        value = [value]
    return [str(v).strip() for v in value if isinstance(v, str) and v.strip()] if isinstance(value, list) else []


def section(key: str, raw: object, line: int) -> Section:
    if not isinstance(raw, LineDict):
        return Section(key, present=False, line=line)
    amount = raw.get("amount")
    return Section(
        key, source=_str(raw.get("source")), checked=as_date(raw.get("checked")),
        confidence=_str(raw.get("confidence")), office=_office(raw, "office"), website=_str(raw.get("website")),
        contact=_str(raw.get("contact")), amount=_str(amount) if not isinstance(amount, bool) else "",
        since=as_date(raw.get("since")), note=_office(raw, "note"), state_plan=_str(raw.get("state_plan")),
        rule=_office(raw, "rule"), serves=_office(raw, "serves"), deadlines=_ids(raw.get("deadlines")),
        line=raw.line, raw=raw)


def load(root: Path) -> States:
    """Read data/states.yml; never raises. An unknown field is reported here, once."""
    found = States()
    data, body, problems, _ = load_section(Path(root), STATES, "states", EXAMPLE)
    found.problems.extend(problems)
    if data is not None:
        found.problems.extend(unknown_keys(data, TOP, STATES, "the file"))
        found.line = data.line_of("states") if "states" in data else 1
    if body is None:
        found.readable = False
        return found
    entries, problems = blocks(body, STATES, "state", "name, minimum_wage, pay…")
    found.problems.extend(problems)
    for code, raw in entries:
        what = f"state '{code}'"
        found.problems.extend(unknown_keys(raw, ENTRY_FIELDS, STATES, what))
        parts = {}
        for key in SECTIONS[:-1]:
            value = raw.get(key)
            line = raw.line_of(key) if key in raw else raw.line
            if isinstance(value, LineDict):
                value.line = line
                found.problems.extend(unknown_keys(value, SECTION_FIELDS[key], STATES, f"{what}, {key}"))
            parts[key] = section(key, value, line)
        consulates = []
        listed = raw.get("consulates")
        if isinstance(listed, list):
            for item in listed:
                if isinstance(item, LineDict):  # its line is its '- name:' line
                    found.problems.extend(unknown_keys(item, CONSULATE_FIELDS, STATES, f"{what}, a consulate"))
                    consulate = section("consulates", item, item.line)
                    consulate.office = _office(item, "name")
                    consulates.append(consulate)
        aliases = raw.get("aliases")
        found.entries[code] = State(
            code=code, name=texts(raw, "name"),
            aliases=[str(a).strip() for a in aliases if str(a).strip()] if isinstance(aliases, list) else [],
            consulates=consulates, line=raw.line, raw=raw, **parts)
    return found


# The topics whose answer depends on the state, and the section of a state page each leads to:
# their pages and the guided path's outcomes that read them end with "En su estado".
TOPIC_SECTIONS = {"salarios": "pay", "seguridad": "safety", "calor": "heat", "lesiones": "injury",
                  "discriminacion": "discrimination"}


def topic_list(read_page: str) -> str:
    """The address inside a language of the state list for a topic page ('salarios/index.md' ->
    'estados/pago/'), or '' when the state does not change that topic's answer."""
    key = TOPIC_SECTIONS.get(read_page.split("/", 1)[0])
    return f"{FOLDER}/{ANCHORS[key]}/" if key else ""


# The pages made from this file (scripts/website/statepages.py), inside each language's folder:
# /estados/ (the list), /estados/tx/ (a state), /estados/pago/ (the list leading to each state's #pago).
FOLDER = "estados"


def list_source(anchor: str = "") -> str:
    """'estados/index.md', or a section's list 'estados/pago/index.md'."""
    return f"{FOLDER}/{anchor}/index.md" if anchor else f"{FOLDER}/index.md"


def page_source(code: str) -> str:
    """'estados/tx/index.md': the state's page inside a language (/estados/tx/, /en/estados/tx/)."""
    return f"{FOLDER}/{code}/index.md"


def published(found: States) -> list[tuple[str, list[str], int]]:
    """(page source, its section ids, the line that makes it) of every state page and list; none while
    the file cannot be read (its problem says why)."""
    if not found.readable or not found.entries:
        return []
    out = [(list_source(), [], found.line)]
    out += [(list_source(ANCHORS[key]), [], found.line) for key in SECTIONS]
    out += [(page_source(state.code), [ANCHORS[key] for key in SECTIONS], state.line)
            for state in found.entries.values() if state.code in CODES]
    return out


# The words of an entry a state page prints as written (a local edition's flyer prints the pay office's).
SHOWN_TEXTS = ("name", "office", "note", "rule", "serves")


@dataclass(frozen=True)
class ShownText:
    """One printed text of a state, for the checks that read what readers see (typed numbers, deadlines)."""
    line: int
    state: str       # its code: "ak"
    section: str     # the section's key ("minimum_wage", "consulates", …)
    part: int        # its place among the state's sections (each consulate is one)
    field: str       # "note", "office", …
    lang: str
    text: str

    @property
    def label(self) -> str:
        """"state 'ak', minimum_wage: the note": the text in every language."""
        return f"state '{self.state}', {self.section}: the {self.field}"

    @property
    def where(self) -> str:
        """"state 'ak', minimum_wage: the note (en)": this language's text, as a message names it."""
        return f"{self.label} ({self.lang})"

    @property
    def may_name_contact(self) -> bool:
        return "contact" in SECTION_FIELDS.get(self.section, CONSULATE_FIELDS)

    @property
    def may_name_deadlines(self) -> bool:
        return self.section in DEADLINE_SECTIONS


def shown_texts(found: States) -> Iterator[ShownText]:
    """Every text of every state that a page prints as written, in file order."""
    for state in found.entries.values():
        for place, part in enumerate(state.sections()):
            if not part.present:
                continue
            for what in SHOWN_TEXTS:
                values = part.raw.get(what)
                if not isinstance(values, dict):
                    continue
                for lang, text in values.items():
                    line = values.line_of(lang) if hasattr(values, "line_of") else part.line
                    yield ShownText(line, state.code, part.key, place, what, str(lang), str(text))
