"""Data NGOs can reuse, written after the site engine (a step in buildsteps.STEPS):

- contacts.json: the registry in every language, with a schema version; it is validated against
  data/contacts.schema.json (also published) before it is written;
- one vCard per contact and one with all of them, per language (/contactos/, /en/contactos/),
  and the same with the sensitive lines under neutral names (DISCREET: todos-discreto.vcf),
  so "save to my phone" adds a help line to the phone's contacts;
- an embed page per contact group (/embed/us/, /en/embed/mx/…), plain HTML with no script, for
  an NGO's <iframe>.

Every number goes through scripts/core/phones.py (via Contact.dial), the formatter the pages use.
"""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import vobject
from markupsafe import Markup

from ..core import addresses, contactcard, urls
from . import components, render
from ..core.contacts import KINDS, LOCAL, NUMBER_FIELDS, REGISTRY, Contact, Registry
from ..core.problems import Problem
from ..core.project import Project
from ..core.strings import Strings

SCHEMA = "data/contacts.schema.json"
STYLESHEET = "assets/derechos.css"  # the site's one stylesheet (overrides/assets/), inside the site
SCHEMA_VERSION = 1


def url(project: Project, path: str) -> str:
    return addresses.absolute(project.site_url, path)


def number_record(contact: Contact, kind: str) -> dict | None:
    dial = contact.dial(kind)
    if dial is None:
        return None
    return {"raw": dial.raw, "e164": dial.e164, "href": dial.href, "display": dial.display,
            "from_us": dial.from_us, "from_mx": dial.from_mx, "toll_free_abroad": dial.toll_free_abroad}


def contact_record(project: Project, contact: Contact) -> dict:
    numbers = {kind: rec for kind in NUMBER_FIELDS if (rec := number_record(contact, kind))}
    record = {
        "id": contact.id, "group": contact.group, "name": contact.name,
        "hours": contact.hours, "note": contact.note, "vanity": contact.vanity,
        "website": contact.website, "source": contact.source,
        "checked": contact.checked.isoformat() if contact.checked else None,
        "confidence": contact.confidence, "numbers": numbers,
        "vcard": {lang: url(project, addresses.vcard(lang, project.default, contact.id)) for lang in project.languages},
    }
    return record


def contacts_json(project: Project) -> dict:
    contacts = project.registry.national()  # local offices stay on the pages that name them
    dates = [c.checked for c in contacts if c.checked]
    return {
        "$schema": url(project, addresses.contacts_schema()),
        "schema_version": SCHEMA_VERSION,
        "site": url(project, "/"),
        "languages": list(project.languages),
        "generated": max(dates).isoformat() if dates else "1970-01-01",
        "contacts": [contact_record(project, c) for c in contacts],
        # a renamed contact (data/redirects.yml): NGOs' code that reads the old id finds the new one
        "renamed": {old: new for old, new, _ in urls.renamed_contacts(project, project.redirects)
                    if new in {c.id for c in contacts}},
    }


def load_schema(root: Path) -> dict:
    return json.loads((root / SCHEMA).read_text(encoding="utf-8"))


def validate(data: dict, schema: dict) -> list[str]:
    """Schema errors in plain words, with where in the data they are."""
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())
    return [f"{'/'.join(str(p) for p in error.absolute_path) or '(top)'}: {error.message}"
            for error in sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))]


# What a vCard's note says, in this order: its main number, address and name are fields of their own.
IN_VCARD_NOTE = (*NUMBER_FIELDS[1:], "from_us", "from_mx", "hours", "note")


def vcard(contact: Contact, words: Strings, page_url: str) -> vobject.base.Component:
    """One contact as a vCard 3.0 (what Android and iPhone import), in the words' language."""
    content = contactcard.card(contact, words)
    card = vobject.vCard()
    name = content.name
    card.add("fn").value = name
    card.add("n").value = vobject.vcard.Name(family=name)
    card.add("org").value = [name]
    card.add("uid").value = f"derechos-{contact.id}"
    for kind in NUMBER_FIELDS:
        dial = contact.dial(kind)
        if dial is None:
            continue
        tel = card.add("tel")
        tel.value = dial.e164 or dial.raw  # what the phone dials, as on the page's tel: link
        tel.type_param = list(KINDS[kind].vcard_types)
    if contact.website:
        card.add("url").value = contact.website
    notes = [contactcard.text(row, words) for row in content.only(IN_VCARD_NOTE)]
    notes.append(page_url)
    card.add("note").value = "\n".join(notes)
    card.add("categories").value = [words("group_" + contact.group)]
    return card


# The discreet contacts file (issue 25): someone who looks at the phone's contacts should not read
# "trafficking" or "discrimination" there. These lines are saved under a neutral name (a word of
# the interface, data/strings/*.yml) with their numbers only: no note, address or site.
DISCREET = {"trafficking": "discreet_trafficking", "eeoc": "discreet_eeoc"}


def discreet_vcard(contact: Contact, words: Strings, number: int) -> vobject.base.Component:
    """A sensitive contact under its neutral name, numbers only; its uid says nothing either."""
    card = vobject.vCard()
    name = words(DISCREET[contact.id])
    card.add("fn").value = name
    card.add("n").value = vobject.vcard.Name(family=name)
    card.add("uid").value = f"derechos-d{number}"
    for kind in NUMBER_FIELDS:
        dial = contact.dial(kind)
        if dial is not None:
            tel = card.add("tel")
            tel.value = dial.e164 or dial.raw
            tel.type_param = list(KINDS[kind].vcard_types)
    return card


# The embed pages' policy: no script, nothing from another site, the site's stylesheet only, no form.
EMBED_CSP = "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'none'"


def embed_page(project: Project, registry: Registry, words: Strings, group: str) -> str:
    """A page made to sit inside an NGO's <iframe>: the group's cards, nothing else, no script
    (templates/embed.html)."""
    lang, default = words.lang, project.default
    home = url(project, addresses.home(lang, default))
    dest = addresses.embed_dest(lang, default, group)
    cards = [Markup(render.contact_card(contact, words, heading="h2", vcard=addresses.vcard_link(dest, lang, default, contact.id)))
             for contact in registry.by_group(group)]
    return components.render(
        "embed.html", lang=lang, csp=Markup(EMBED_CSP), title=words("group_" + group), words=words, cards=cards,
        canonical=url(project, addresses.embed(lang, default, group)),
        stylesheet="../" * dest.count("/") + STYLESHEET,  # relative, as every link of the site
        all_vcards=addresses.all_vcards_link(dest, lang, default), home=home, short_home=contactcard.short_url(home)) + "\n"


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8", newline="")


def export(project: Project, site: Path) -> list[Problem]:
    """The build step: write contacts.json, the vCards and the embed pages into the built site."""
    registry = project.registry
    if not registry.contacts:
        return [Problem(REGISTRY, 1, "the contact registry is empty or unreadable: run 'make check'")]
    data = contacts_json(project)
    try:
        schema = load_schema(project.root)
    except (OSError, ValueError) as exc:
        return [Problem(SCHEMA, 1, f"cannot read the schema of contacts.json ({exc})")]
    errors = validate(data, schema)
    if errors:
        return [Problem(SCHEMA, 1, f"contacts.json does not match this schema: {e}") for e in errors]
    write(site / addresses.CONTACTS_JSON, json.dumps(data, ensure_ascii=False, indent=1) + "\n")
    write(site / addresses.CONTACTS_SCHEMA, json.dumps(schema, ensure_ascii=False, indent=1) + "\n")
    groups = sorted({c.group for c in registry.national()})
    for lang in project.languages:
        words = project.strings[lang]
        home = url(project, addresses.home(lang, project.default))
        every, discreet = [], []
        for contact in registry.contacts.values():
            text = vcard(contact, words, home).serialize()
            write(site / addresses.vcard(lang, project.default, contact.id).lstrip("/"), text)
            if contact.scope != LOCAL:  # the all-contacts files are a national list
                every.append(text)
                discreet.append(discreet_vcard(contact, words, len(discreet)).serialize()
                                if contact.id in DISCREET else text)
        for old, new, _ in urls.renamed_contacts(project, project.redirects):  # a renamed contact keeps its old vCard
            write(site / addresses.vcard(lang, project.default, old).lstrip("/"),
                  vcard(registry.contacts[new], words, home).serialize())
        write(site / addresses.all_vcards(lang, project.default).lstrip("/"), "".join(every))
        write(site / addresses.discreet_vcards(lang, project.default).lstrip("/"), "".join(discreet))
        for group in groups:
            write(site / addresses.embed_dest(lang, project.default, group), embed_page(project, registry, words, group))
    return []


def copy_moved_flyers(project: Project, site: Path) -> list[Problem]:
    """A build step after the flyers: a topic that moved keeps its old flyer addresses (a copy
    of each new PDF under the old name), as its pages keep theirs through data/redirects.yml."""
    for old, new, _ in urls.moved_flyers(project, project.redirects, urls.flyer_addresses(project)):
        source = site / new.lstrip("/")
        if source.is_file():
            (site / old.lstrip("/")).write_bytes(source.read_bytes())
    return []
