"""No phone number typed by hand: every number comes from the registry by id.

Pages (body and front matter, flyer words included), the registry's own texts (name, hours,
note), the deadlines' words and the words files (data/strings/) are read with
scripts/core/numbers.py, which knows the many ways people type a number. The fix differs by
place, so the message does too: a page body takes [[phone:ID]], a flyer lists the id under
'contacts:', a registry note points to a number field.
"""
from __future__ import annotations

import re
from typing import Iterable

from ..core import numbers, phones, states
from ..core.contacts import REGISTRY, TEXT_FIELDS
from ..core.deadlines import DEADLINES
from ..core.problems import Problem
from ..core.project import Page, Project
from ..core.references import LOOSE_TAG, NEAR

BLOCKS = ("flyer", "card")  # front matter blocks printed on paper, where a reference cannot go


# Short numbers everyone types by hand, whether or not the registry has them yet: emergency,
# relay for deaf callers, the suicide and crisis line.
WELL_KNOWN = {"911", "711", "988"}


def short_codes(project: Project) -> tuple[str, ...]:
    """911, 711, 988 and every short number in the registry: found wherever they are typed."""
    return tuple(sorted(WELL_KNOWN | {number for c in project.registry.contacts.values()
                                      for number in c.numbers.values() if not number.startswith("+")}))


def front_matter_block(page: Page, line: int) -> str | None:
    """The top-level front matter key whose lines hold `line` (None in the body)."""
    if line >= page.body_line - 1:
        return None
    starts = sorted((page.meta.line_of(key), str(key)) for key in page.meta)
    owner = None
    for start, key in starts:
        if start <= line:
            owner = key
    return owner


def _registry_ids(project: Project) -> dict[str, str]:
    """Each contact's main number (as stored: +18664879243, 911) -> the first contact that has it:
    what [[phone:ID]] shows (a TTY or text number is not, so it is not offered)."""
    ids: dict[str, str] = {}
    for contact in project.registry.contacts.values():
        if contact.numbers.get("phone"):
            ids.setdefault(contact.numbers["phone"], contact.id)
    return ids


def _vanity_key(raw: str) -> str:
    """'1-800-321-OSHA' and '1 800 321 osha' -> '1800321OSHA': a vanity form as the registry may spell it."""
    return "".join(c for c in raw.upper() if c.isalnum())


def _vanities(project: Project) -> dict[str, str]:
    """Each contact's vanity form (its `vanity:` field, as a key) -> the contact's id."""
    return {_vanity_key(c.vanity): c.id for c in project.registry.contacts.values() if c.vanity}


def _known(raw: str, ids: dict[str, str], vanities: dict[str, str] | None = None) -> str | None:
    """The registry id of a typed number, when the registry has it: then the fix is exact."""
    if raw.strip() in ids:
        return ids[raw.strip()]
    digits = re.sub(r"\D", "", raw)  # a short code in groups: "233 733", "9-1-1"
    if digits in ids:
        return ids[digits]
    if vanities and _vanity_key(raw) in vanities:
        return vanities[_vanity_key(raw)]
    letters = any(c.isalpha() for c in raw)
    for typed in ([raw, phones.dialled(raw)] if letters else [raw]):
        for read, _ in phones.readings(typed, phones.HOME_REGION):
            if read in ids:
                return ids[read]
    return None


# The numbers a contact card shows under its main phone, as a sentence names them.
OTHER_WORDS = {"tty": "TTY number", "sms": "text-message number", "asl_video": "ASL video number"}


def _other_numbers(project: Project) -> dict[str, tuple[str, str]]:
    """Each TTY, text or video number that one contact alone has -> (its id, the kind): [[contact:ID]]
    shows it on the card ([[phone:ID]] shows only the main phone). A number many share (711, the
    relay for deaf callers) belongs to no one contact, so no contact is offered for it."""
    owners: dict[str, set[tuple[str, str]]] = {}
    for contact in project.registry.contacts.values():
        for field, number in contact.numbers.items():
            if field != "phone" and number:
                owners.setdefault(number, set()).add((contact.id, field))
    return {number: next(iter(held)) for number, held in owners.items() if len(held) == 1}


def _advice(page: Page, line: int, found: numbers.Found, ids: dict[str, str] | None = None,
            vanities: dict[str, str] | None = None, others: dict[str, tuple[str, str]] | None = None) -> str:
    if found.link:
        scheme = found.raw.split(":")[0].lower() if ":" in found.raw[:12] else "WhatsApp"
        return (f"'{found.raw}' is a {scheme} link made by hand: it dials a number no check can follow. "
                "Write [[phone:ID]] instead (it makes the link from data/contacts.yml)")
    what = f"phone number '{found.raw}' is typed by hand"
    block = front_matter_block(page, line)
    if block in BLOCKS:
        where = "the contact's id under 'contacts:'" if block == "flyer" else "a line '- id: label' under 'help:'"
        return (f"{what} in the '{block}:' block: list {where} instead (the printout shows its number "
                "beside the help lines) and take the number out of this text")
    if block is not None:
        return (f"{what} in the front matter ('{block}:'): take it out; the page's text shows it "
                "with [[phone:ID]]")
    known = _known(found.raw, ids or {}, vanities)
    spelled = any(c.isalpha() for c in found.raw)
    if known:
        shown = " (the card shows its spelled-out form too)" if spelled else ""
        return f"{what}: it is the number of '{known}' in data/contacts.yml: write [[phone:{known}]] instead{shown}"
    other = _known(found.raw, {number: number for number in others or {}})
    if other:
        owner, kind = (others or {})[other]
        return (f"{what}: it is the {OTHER_WORDS.get(kind, kind)} of '{owner}' in data/contacts.yml: write "
                f"[[contact:{owner}]] instead, alone on its line with an empty line before and after (its card shows it)")
    if spelled:
        return (f"{what}: a number spelled with letters must come from data/contacts.yml too: add the office there "
                "(its digits in 'phone:', this form in 'vanity:') and write [[phone:ID]] here instead")
    return (f"{what}: put it in data/contacts.yml (if it is not there yet) and write [[phone:ID]] "
            "or [[contact:ID]] here instead")


def check_page(page: Page, short_codes: tuple[str, ...], ids: dict[str, str] | None = None,
               vanities: dict[str, str] | None = None,
               others: dict[str, tuple[str, str]] | None = None) -> Iterable[Problem]:
    for found in numbers.find(page.text, short_codes, hide=(LOOSE_TAG, NEAR)):
        line = page.text.count("\n", 0, found.start) + 1
        yield Problem(page.path, line, _advice(page, line, found, ids, vanities, others))


def check_registry_texts(project: Project) -> Iterable[Problem]:
    """A number inside a contact's name, hours or note is printed as plain text: no link, no check."""
    for contact in project.registry.contacts.values():
        for what in TEXT_FIELDS:
            texts = contact.raw.get(what)
            if not isinstance(texts, dict):
                continue
            for lang, text in texts.items():
                for found in numbers.find(str(text)):
                    line = texts.line_of(lang) if hasattr(texts, "line_of") else contact.line
                    yield Problem(REGISTRY, line, f"contact '{contact.id}': the {what} ({lang}) has the number "
                                  f"'{found.raw}' typed in its text: put it in the contact's phone, tty or sms field, "
                                  "or in a contact of its own, and take it out of the text")


def check_deadline_texts(project: Project) -> Iterable[Problem]:
    """A deadline's words are shown on pages and flyers as they are: no number may hide in them."""
    for item in project.deadlines.entries.values():
        for what in ("text", "starts"):
            texts = item.raw.get(what)
            if not isinstance(texts, dict):
                continue
            for lang, text in texts.items():
                for found in numbers.find(str(text)):
                    yield Problem(DEADLINES, texts.line_of(lang) if hasattr(texts, "line_of") else item.raw.line,
                                  f"deadline '{item.id}': the {what} ({lang}) has the number '{found.raw}' typed in it: "
                                  "name the office with 'office:' (its number comes from data/contacts.yml) and take "
                                  "the number out of the text")


def check_state_texts(project: Project, codes: tuple[str, ...]) -> Iterable[Problem]:
    """A number typed in a state's note or office name is printed on its page (and on a local
    edition's flyer) as it is: no link, and no check that it is still the office's number."""
    for shown in states.shown_texts(project.states):
        fix = ("put the office in data/contacts.yml and name it with 'contact:' in this section (its card "
               "shows the number)" if shown.may_name_contact else
               "numbers come only from data/contacts.yml (the state page shows the offices and their "
               "numbers in its other sections)")
        for found in numbers.find(shown.text, codes):
            yield Problem(project.states.path, shown.line,
                          f"{shown.where} has the number '{found.raw}' typed in it: take it out; {fix}")


def check_word_files(project: Project, codes: tuple[str, ...]) -> Iterable[Problem]:
    """The words around the content (data/strings/<lang>.yml) are printed on every page and
    flyer as they are: a number typed there would be on all of them, with no link and no check."""
    for words in project.strings.values():
        for key, text in words.texts.items():
            for found in numbers.find(str(text), codes):
                yield Problem(words.path, words.lines.get(key, 1),
                              f"the words '{key}' have the number '{found.raw}' typed in them: take it out; "
                              "numbers come only from data/contacts.yml (ask a developer to show one here "
                              "from the registry)")


def check_handwritten_numbers(project: Project) -> Iterable[Problem]:
    codes, ids, vanities = short_codes(project), _registry_ids(project), _vanities(project)
    others = _other_numbers(project)
    for page in project.all_pages():
        yield from check_page(page, codes, ids, vanities, others)
    yield from check_registry_texts(project)
    yield from check_deadline_texts(project)
    yield from check_word_files(project, codes)
    yield from check_state_texts(project, codes)
