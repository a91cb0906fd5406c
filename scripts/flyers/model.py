"""The flyer data, read from the pages' own front matter (no engine, no rendering).

A topic page carries its flyer words in a `flyer:` block (docs/printing.md):

    flyer:
      title: Sus derechos sobre el pago
      rights: [3 to 6 short sentences]
      steps: [2 to 5 short sentences]
      contacts: [whd, ciam]      # ids in data/contacts.yml

and the flyers page (content/<lang>/volantes/index.md) carries the wallet card's words in a
`card:` block with title, lines and contacts. Reading here is lenient: anything that is not
text is skipped, and checks/flyer_shape.py reports it at its line.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from ..core import contactcard
from ..core.contactcard import CardRow
from ..core.contacts import CARD_NUMBERS, Contact
from ..core.phones import Dial
from ..core.project import Page, Project
from ..core.strings import Strings
from ..core import addresses
from ..core.paylog import money
from ..core.printed import CARD_PAGE, LOG_OFFICE, LOG_SECTION, LOG_TOPIC, folder_of, help_items, strings_of
from ..core.references import plain
from ..core.states import page_source

# What a printed help line carries, in this order: paper has no links, so no website; the
# hours sit under the number.
ON_PAPER = ("phone", "hours", "vanity", "from_us", "from_mx", *CARD_NUMBERS)


@dataclass(frozen=True)
class ContactLine:
    """One help line as printed: the card's rows (scripts/core/contactcard.py), as on the site."""
    id: str
    name: str
    phone: Dial | None            # the wallet card prints the main number alone
    rows: tuple[CardRow, ...]     # in ON_PAPER order


@dataclass
class Text:
    """The words of one flyer (or of one side of the card) in one language."""
    lang: str
    title: str
    rights: list[str]
    steps: list[str]
    contacts: list[ContactLine]
    url: str                      # the page's absolute address in this language (for the QR code)
    reviewed: dt.date | None
    page: Page


@dataclass
class Topic:
    folder: str                   # "salarios" for salarios/index.md: the flyers' file names start with it
    texts: dict[str, Text] = field(default_factory=dict)  # by language, the default language first


def contact_line(contact: Contact, words: Strings, default_lang: str) -> ContactLine:
    content = contactcard.card(contact, words, default_lang)
    return ContactLine(contact.id, content.name, contact.dial("phone"), content.only(ON_PAPER))


def page_url(project: Project, lang: str, rel: str) -> str:
    """The page's absolute address, which the QR code and the printed text carry."""
    return addresses.absolute(project.site_url, addresses.page(lang, project.default, rel))


def read_text(project: Project, page: Page, key: str, items: str) -> Text | None:
    """The `flyer:` (items='rights') or `card:` (items='lines') block of a page, or None."""
    block = page.meta.get(key)
    if not isinstance(block, dict):
        return None
    title = block.get("title")
    contacts = []
    for cid in strings_of(block.get("contacts")):
        contact = project.registry.get(cid)
        if contact is not None:
            contacts.append(contact_line(contact, project.strings[page.lang], project.default))
    reviewed = page.meta.get("reviewed")

    def words(lines: list[str]) -> list[str]:  # [[deadline:id]] printed as plain text
        return [plain(line, project.deadlines, page.lang) for line in lines]
    return Text(page.lang, title.strip() if isinstance(title, str) else "", words(strings_of(block.get(items))),
                words(strings_of(block.get("steps"))), contacts, page_url(project, page.lang, page.rel),
                reviewed if isinstance(reviewed, dt.date) else None, page)


def topics(project: Project) -> list[Topic]:
    """Every page with a `flyer:` block, with its twins' flyers, in menu-independent path order."""
    found = []
    languages = project.strict_languages  # flyers exist in the two languages kept in strict parity
    for rel, page in sorted(project.pages.get(languages[0], {}).items()):
        text = read_text(project, page, "flyer", "rights")
        if text is None:
            continue
        topic = Topic(folder_of(rel), {languages[0]: text})
        for lang in languages[1:]:
            twin = project.pages.get(lang, {}).get(rel)
            twin_text = read_text(project, twin, "flyer", "rights") if twin else None
            if twin_text is not None:
                topic.texts[lang] = twin_text
        found.append(topic)
    return found


def card(project: Project) -> dict[str, Text]:
    """The wallet card's words by language (front: the default language; back: the second).

    Its help lines carry short labels of the card's own (`- whd: Pago (WHD)`), since a registry
    name is too long for 85 mm; the numbers still come from the registry. Its QR code leads home.
    """
    texts = {}
    for lang in project.strict_languages:
        page = project.pages.get(lang, {}).get(CARD_PAGE)
        text = read_text(project, page, "card", "lines") if page else None
        if text is None:
            continue
        text.contacts = []
        for cid, label in help_items(page.meta["card"]):
            contact = project.registry.get(cid)
            if contact is not None:
                text.contacts.append(replace(contact_line(contact, project.strings[lang], project.default), name=label))
        text.url = page_url(project, lang, "index.md")
        texts[lang] = text
    return texts


def log(project: Project) -> dict[str, Text]:
    """The pay log's words by language: its office (WHD, from the registry) and the address its QR
    code opens (the pay page's section on keeping a record); the rest are strings (data/strings)."""
    office = project.registry.get(LOG_OFFICE)
    texts = {}
    for lang in project.strict_languages:
        words = project.strings[lang]
        page = project.pages.get(lang, {}).get(LOG_TOPIC)
        rel = LOG_TOPIC if page is not None else "index.md"
        url = page_url(project, lang, rel) + (f"#{LOG_SECTION}" if page is not None else "")
        lines = [contact_line(office, words, project.default)] if office else []
        texts[lang] = Text(lang, words("log_title"), [], [], lines, url, None, page)
    return texts


def log_example(project: Project) -> dict[str, str]:
    """The worked example's numbers, as printed: every sum made here from data/pay-log.yml."""
    data = project.pay_log
    return {"hours": str(data.hours), "pieces": str(data.pieces), "rate": money(data.rate), "pay": money(data.pay),
            "per_hour": money(data.per_hour), "minimum": money(data.minimum), "due": money(data.due),
            "owed": money(data.owed)}


@dataclass
class ReferralRow:
    """One outcome of the guided path as the referral sheet prints it."""
    outcome: str
    answers: dict[str, list[str]]          # by language: the answers after the first, tapped in order
    title: dict[str, str]
    offices: list[ContactLine]             # by the outcome's contacts, in the sheet's first language
    seconds: dict[str, str]                # contact id -> its name in the second language
    deadlines: list[str]                   # the keys of its deadlines in the sheet's list: ["A", "C"]


@dataclass
class ReferralGroup:
    """The rows reached through one answer of the first question."""
    answer: dict[str, str]
    rows: list[ReferralRow]


def short_name(name: str) -> str:
    """An office as a row of the referral sheet names it: the abbreviation the registry's name ends
    with ('… (OSHA)' -> 'OSHA'), else the name up to its first comma ('MiConsulado, citas …')."""
    match = re.search(r"\(([A-Z][A-Za-z0-9-]{1,9})\)$", name)
    return match.group(1) if match else name.split(",")[0].strip()


def referral_texts(project: Project) -> dict[str, Text]:
    """The referral sheet's Text by language: the QR code and the printed address lead to the
    guided path's first question; the date is the path's `reviewed:`."""
    from ..core.quepaso import address
    tree = project.que_paso
    texts = {}
    for lang in project.strict_languages:
        url = addresses.absolute(project.site_url, addresses.home(lang, project.default) + address(tree.start, tree.start))
        texts[lang] = Text(lang, project.strings[lang]("ref_title"), [], [], [], url, tree.reviewed,
                           project.pages.get(lang, {}).get(CARD_PAGE))
    return texts


@dataclass
class Referral:
    question: dict[str, str]               # the first question, by language
    groups: list[ReferralGroup]
    deadlines: list[tuple[str, dict[str, str], dict[str, str]]]  # (key, text, starts) by language, listed once
    # The sheet's US lines that Mexican offices run (the CIAM), each once with how to dial it from
    # Mexico: the path has a row for a worker back in Mexico, where 1-520-… does not connect.
    from_mexico: list[ContactLine] = field(default_factory=list)


def referral(project: Project) -> Referral:
    """The guided path (data/que-paso.yml) as a checklist: the first question, and for each of its
    answers every outcome it leads to, with the answers on the way, the offices and the deadlines
    (each deadline written once, in a list under the checklist, and named by its letter)."""
    tree = project.que_paso
    start = tree.questions.get(tree.start)
    if not tree.readable or start is None:
        return Referral({}, [], [])
    keys: dict[str, str] = {}
    listed = []
    languages = project.strict_languages
    first = languages[0]
    walks = tree.walks()
    groups = []
    for answer in start.answers:
        rows = []
        for oid, outcome in tree.outcomes.items():
            path = walks.get(oid, [])
            if not path or path[0][1] is not answer:
                continue
            offices = [replace(contact_line(c, project.strings[first], project.default), name=short_name(c.text("name", first)))
                       for c in (project.registry.get(cid) for cid in outcome.contacts) if c is not None]
            seconds = {cid: short_name(c.text("name", languages[-1])) for cid in outcome.contacts
                       if (c := project.registry.get(cid)) is not None}
            found = [d for d in (project.deadlines.get(did) for did in outcome.deadlines) if d is not None]
            for item in found:
                if item.id not in keys:
                    keys[item.id] = chr(ord("A") + len(keys))
                    listed.append((keys[item.id], {lang: item.words("text", lang) for lang in languages},
                                   {lang: item.words("starts", lang) for lang in languages}))
            rows.append(ReferralRow(
                oid, {lang: [a.text.get(lang, "") for _, a in path[1:]] for lang in languages},
                {lang: plain(outcome.title.get(lang, ""), project.deadlines, lang) for lang in languages},
                offices, seconds, [keys[item.id] for item in found]))
        groups.append(ReferralGroup(dict(answer.text), rows))
    offices = {c.id: c for group in groups for row in group.rows for c in row.offices}
    return Referral(dict(start.text), groups, listed, [c for c in offices.values() if c.phone and c.phone.from_mx])


def edition_contacts(project: Project, edition, lang: str) -> list[ContactLine]:
    """A local edition's offices as printed (the registry's numbers, written as the site writes them)."""
    return [contact_line(c, project.strings[lang], project.default)
            for c in (project.registry.get(cid) for cid in edition.contacts) if c is not None]


# The flyers where the state changes the answer, and the sections of data/states.yml they print
# for an edition that serves one state (docs/printing.md): the same facts as the state's page.
STATE_TOPICS = {"salarios": ("minimum_wage", "pay"), "seguridad": ("safety",), "calor": ("heat", "safety"),
                "lesiones": ("injury",)}


@dataclass
class StateFact:
    """One section of a state as a flyer prints it, in one language: what the state's page says, in
    order, as (kind, text) parts: "text", "office" (a name) or "number" (the registry's, as the site
    writes it, right after the office or sentence it belongs to); and where it was read."""
    heading: str
    parts: list[tuple[str, str]]
    confirm: str = ""              # the state page's "confírmelo" sentence, when the fact is likely
    host: str = ""                 # where it was read: "dol.gov"
    checked: str = ""              # "revisado el 5 de diciembre de 2026"

    def text(self) -> str:
        return " ".join(text for _, text in self.parts)


def _display(contact) -> str:
    """A registry contact's main number, as the site writes it ("" without one)."""
    dial = contact.dial("phone") if contact is not None else None
    return dial.display if dial else ""


def _host(url: str) -> str:
    from urllib.parse import urlsplit
    return (urlsplit(url).hostname or "").removeprefix("www.")


def state_facts(project: Project, edition, folder: str, lang: str) -> tuple[str, list[StateFact]]:
    """For an edition that names exactly one state, on a topic whose answer the state changes:
    the state's name and its facts in lang, as its state page words them; ("", []) otherwise."""
    if edition is None or len(edition.states) != 1 or folder not in STATE_TOPICS:
        return "", []
    state = project.states.get(edition.states[0])
    if state is None:
        return "", []
    words = project.strings[lang]
    name = state.words(lang, project.default)
    osha = _display(project.registry.get("osha"))
    facts = []
    for key in STATE_TOPICS[folder]:
        item = getattr(state, key)
        if not item.present or (folder == "calor" and key == "safety" and item.state_plan not in ("full", "public_only")):
            continue  # the heat flyer names the state's own safety office only when there is one
        parts: list[tuple[str, str]] = []
        office = item.words("office", lang, project.default)
        own = _display(project.registry.get(item.contact)) if item.contact else ""

        def text(value: str, parts: list = parts) -> None:
            if value:
                parts.append(("text", value))

        def office_and_number(parts: list = parts, office: str = office, own: str = own) -> None:
            if office:
                parts.append(("office", office))
            if own:
                parts.append(("number", own))
        if key == "minimum_wage":
            if item.federal:
                text(words("st_wage_federal", state=name))
            elif item.hourly:
                text(words("st_wage_amount", state=name, amount=item.hourly,
                           since=words.date(item.since) if item.since else ""))
            else:  # unknown: never a figure the data does not have
                text(words("st_wage_unknown", state=name))
            text(item.words("note", lang, project.default))
            # (the state page's "if your city or county pays more…": the pay flyer's rights say it)
        elif key == "pay":
            if office:
                text(words("st_pay_office"))
                office_and_number()
                text(item.words("note", lang, project.default))
            else:
                text(words("st_pay_none"))
        elif key == "safety":
            if item.state_plan == "full":
                text(words("st_safety_full", state=name))
                office_and_number()
            elif item.state_plan == "public_only":
                text(words("st_safety_public", state=name))
                office_and_number()
                text(words("st_safety_private"))
                parts.append(("number", osha))
            else:
                text(words("st_safety_none", state=name))
                parts.append(("number", osha))
        elif key == "injury":
            text(words("st_injury_office", state=name))
            office_and_number()
        elif key == "heat":
            rule = item.words("rule", lang, project.default)
            if rule:
                text(rule)
            else:
                text(words("st_heat_none", state=name))
                parts.append(("number", osha))
        found = [d for d in (project.deadlines.get(did) for did in item.deadlines) if d is not None]
        if found:  # the state's own deadlines, as its page lists them (data/deadlines.yml)
            if parts and parts[-1][0] == "office" and not parts[-1][1].endswith("."):
                parts[-1] = ("office", parts[-1][1] + ".")
            text(words("st_deadlines", state=name))
            for deadline in found:
                parts.append(("office", f"{deadline.words('text', lang)}, {deadline.words('starts', lang)}."))
        parts = [part for part in parts if part[1]]
        if parts and parts[-1][0] == "office" and not parts[-1][1].endswith("."):
            parts[-1] = ("office", parts[-1][1] + ".")  # a sentence may follow ("Confírmelo…")
        fact = StateFact(words({"minimum_wage": "st_wage", "pay": "st_pay", "safety": "st_safety",
                                "injury": "st_injury", "heat": "st_heat"}[key]), parts)
        if item.likely:
            fact.confirm = words("st_confirm")
        fact.host = _host(item.source) if item.source else ""
        fact.checked = words("st_checked", date=words.date(item.checked)) if item.checked else ""
        facts.append(fact)
    return name, facts


def state_facts_short(project: Project, edition, folder: str, lang: str) -> tuple[str, list[StateFact], str]:
    """The compact box, for a flyer where state_facts do not fit: one short line a fact (the wage,
    "the federal one" or "see the state's page"; the office and its number as the site writes it;
    the state's deadlines), and one last line in place of the notes, the "confirm it" sentences and
    the sources: the state page's address, where every source and date is. ("", [], "") as state_facts."""
    name, full = state_facts(project, edition, folder, lang)
    if not full:
        return "", [], ""
    code = edition.states[0]
    state = project.states.get(code)
    words = project.strings[lang]
    osha = _display(project.registry.get("osha"))
    facts = []
    for key in STATE_TOPICS[folder]:
        item = getattr(state, key)
        if not item.present or (folder == "calor" and key == "safety" and item.state_plan not in ("full", "public_only")):
            continue
        office = item.words("office", lang, project.default)
        own = _display(project.registry.get(item.contact)) if item.contact else ""
        mine = [("office", office), ("number", own)] if office else [("text", words("st_short_see"))]
        if key == "minimum_wage":
            parts = [("text", words("st_short_wage_federal") if item.federal else
                      words("st_short_wage_amount", amount=item.hourly, since=words.date(item.since) if item.since else "")
                      if item.hourly else words("st_short_see"))]
        elif key == "pay":
            parts = mine if office else [("text", words("st_short_none"))]
        elif key == "safety" and item.state_plan == "public_only":
            parts = [*mine, ("text", words("st_short_private")), ("number", osha)]
        elif key == "safety" and item.state_plan != "full":
            parts = [("text", words("st_short_osha")), ("number", osha)]
        elif key == "heat":
            parts = ([("text", words("st_short_heat_rule", state=name))] if item.words("rule", lang, project.default)
                     else [("text", words("st_short_heat_none")), ("number", osha)])
        else:  # injury, and a state's own safety plan
            parts = mine
        heading = words({"minimum_wage": "st_wage", "pay": "st_pay", "safety": "st_safety",
                         "injury": "st_injury", "heat": "st_heat"}[key])
        facts.append(StateFact(heading, [part for part in parts if part[1]]))
        found = [d for d in (project.deadlines.get(did) for did in item.deadlines) if d is not None]
        if found:  # one line a deadline, as the state's page lists it (data/deadlines.yml)
            facts.extend(StateFact(words("st_deadline"), [("text", f"{d.words('text', lang)}, {d.words('starts', lang)}.")])
                         for d in found)
    address = addresses.absolute(project.site_url, addresses.page(lang, project.default, page_source(code)))
    likely = any(f.confirm for f in full)
    return name, facts, words("st_short_confirm" if likely else "st_short_sources", address=address)


def state_facts_both(project: Project, edition, folder: str, languages: list[str]) -> dict:
    """The compact box of a bilingual flyer, one line set: each short line once, its heading and
    its words in every language ("Calor / Heat: …"), the office and its number once; the first
    language's entry holds it all, the others only their state's name (for the box's title)."""
    short = {lang: state_facts_short(project, edition, folder, lang) for lang in languages}
    first = languages[0]
    name, facts, last = short[first]
    if not facts:
        return {}
    merged = []
    for at, fact in enumerate(facts):
        others = [short[lang][1][at] for lang in languages[1:]]
        parts = list(fact.parts)
        for other in others:
            for kind, text in other.parts:
                if kind == "text" and (kind, text) not in parts:
                    parts.append(("text", "/ " + text))
        merged.append(StateFact(" / ".join(dict.fromkeys([fact.heading, *(o.heading for o in others)])), parts))
    address = last.rsplit(" ", 1)[-1]
    lead = " / ".join(short[lang][2].rsplit(" ", 1)[0].rstrip(":") for lang in languages) + ":"
    return {first: (name, merged, f"{lead} {address}"),
            **{lang: (short[lang][0], [], "") for lang in languages[1:]}}


def state_sources(facts: list[StateFact], words: Strings) -> str:
    """One line for all of a block's sources: "Fuente: dol.gov, twc.texas.gov, revisado el 5 de
    diciembre de 2026." (each source its own date when the dates differ)."""
    read = list(dict.fromkeys((f.host, f.checked) for f in facts if f.host))
    if not read:
        return ""
    dates = {checked for _, checked in read}
    if len(dates) == 1:
        listed = ", ".join(dict.fromkeys(host for host, _ in read)) + (f", {dates.pop()}" if read[0][1] else "")
    else:
        listed = "; ".join(f"{host} ({checked})" if checked else host for host, checked in read)
    return f"{words('st_source')} {listed}."
