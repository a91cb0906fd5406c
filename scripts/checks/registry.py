"""The contact registry: every field present, every number valid, every language given."""
from __future__ import annotations

import re
from typing import Iterable

from ..core.contacts import NUMBER_FIELDS, REGISTRY, SCOPES, Contact
from ..core.phones import GROUP_REGION, dial, validate, vanity_mismatch
from ..core.problems import Problem
from ..core.yamlfile import date_problem
from ..core.project import Project

KNOWN = {"group", "name", *NUMBER_FIELDS, "vanity", "hours", "note",
         "website", "source", "checked", "confidence", "recheck", "recheck_note", "scope", "country", "shared"}
CONFIDENCE = ("verified", "likely")
# A warning about the number written into its name, hours or note: the site prints a likely number
# as any other, with no such warning, in every medium (docs/contacts.md, issue 26 item 8).
UNCONFIRMED = re.compile(r"por confirmar|sin confirmar|no confirmad|to be confirmed|unconfirmed|not (?:yet )?confirmed", re.I)


def _url_ok(value: object) -> bool:
    return isinstance(value, str) and value.startswith("https://") and " " not in value


def check_contact(contact: Contact, languages: list[str]) -> Iterable[Problem]:
    raw, cid = contact.raw, contact.id

    def at(key: str) -> int:
        return raw.line_of(key)

    for key in raw:
        if key not in KNOWN:
            yield Problem(REGISTRY, at(key), f"contact '{cid}': unknown field '{key}' (a typo?); known fields: {', '.join(sorted(KNOWN))}")
    if "scope" in raw and contact.scope not in SCOPES:
        yield Problem(REGISTRY, at("scope"), f"contact '{cid}': 'scope:' must be 'national' (every help list, the "
                      "default) or 'local' (an office for one area, shown only on the pages and flyers that name it)")
    if contact.group not in GROUP_REGION:
        yield Problem(REGISTRY, at("group"), f"contact '{cid}': 'group:' must be one of {', '.join(GROUP_REGION)} (where the office is)")
    if "country" in raw and contact.country not in GROUP_REGION:
        yield Problem(REGISTRY, at("country"), f"contact '{cid}': 'country:' must be one of {', '.join(GROUP_REGION)} (where "
                      "the office's line is, when it is not where the office is), or left out")
    for what in ("name", "hours", "note"):
        if what != "name" and what not in raw:
            continue
        value = raw.get(what)
        if not isinstance(value, dict):
            yield Problem(REGISTRY, at(what), f"contact '{cid}': '{what}:' needs one line per language ({', '.join(f'{l}: …' for l in languages)})")
            continue
        for lang in languages:
            if not str(value.get(lang) or "").strip():
                yield Problem(REGISTRY, at(what), f"contact '{cid}': '{what}' has no text in '{lang}': add a line '{lang}: …' under '{what}:'")
        for lang, text in value.items():
            if found := UNCONFIRMED.search(str(text or "")):
                line = value.line_of(lang) if hasattr(value, "line_of") else at(what)
                yield Problem(REGISTRY, line, f"contact '{cid}': remove \"{found.group(0)}\" from '{what}': readers never see a "
                              "warning next to a number. Leave 'confidence: likely' and confirm the number soon, then write "
                              "'confidence: verified' (docs/contacts.md, \"Numbers not yet confirmed\")")
    if "phone" not in raw:
        yield Problem(REGISTRY, contact.line, f"contact '{cid}': 'phone:' is missing: add the number in E.164 form, like \"+18003216742\"")
    for kind in NUMBER_FIELDS:
        if kind in raw:
            error = validate(raw.get(kind), contact.region, contact.line_region, kind)
            if error:
                yield Problem(REGISTRY, at(kind), f"contact '{cid}', {kind}: {error}")
    phone = raw.get("phone")
    if contact.vanity and isinstance(phone, str) and not validate(phone, contact.region, contact.line_region):
        # A worker who dials the letters reaches the number they spell, whatever 'phone:' says.
        if other := vanity_mismatch(contact.vanity, phone):
            yield Problem(REGISTRY, at("vanity"), f"contact '{cid}': the spelled number '{contact.vanity}' "
                          f"{other}, but its phone is {dial(phone).display}: copy the spelled form from the office's own "
                          "page, letter by letter, or delete the 'vanity:' line")
    for key in ("source", "website"):
        if not _url_ok(raw.get(key)):
            yield Problem(REGISTRY, at(key), f"contact '{cid}': '{key}:' must be a web address starting with https:// "
                          + ("(the official page where the number was read)" if key == "source" else "(the office's own page)"))
    if "checked" not in raw:
        yield Problem(REGISTRY, contact.line, f"contact '{cid}': 'checked:' is missing: add the date the number was last read on its source, like checked: 2026-11-23")
    elif date_problem("checked", raw.get("checked")):
        yield Problem(REGISTRY, at("checked"), f"contact '{cid}': {date_problem('checked', raw.get('checked'))}")
    if contact.confidence not in CONFIDENCE:
        yield Problem(REGISTRY, at("confidence"), f"contact '{cid}': 'confidence:' must be 'verified' (read on the agency's own page) or 'likely'")


def check_registry(project: Project) -> Iterable[Problem]:
    if project.registry.problems and not project.registry.contacts:
        return
    for contact in project.registry.contacts.values():
        yield from check_contact(contact, project.strict_languages)
