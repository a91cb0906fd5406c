"""The reference grammar: how a page names a contact, a deadline or a list ([[phone:whd]],
[[contact:whd]], [[deadline:osha-queja]], [[directory]], [[topics]]).

One place for the forms, so the site (scripts/website/render.py), the flyers and the checks
(checks/reference_syntax.py and the others) read references the same way.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterator

from .deadlines import Deadlines
from .printed import help_items
from .project import Page, Project

# The kinds of reference a page may use: adding a kind is one edit here (and its renderer in
# scripts/website/render.py); the checks then accept it and suggest it for near misses.
KINDS = ("phone", "contact", "deadline", "directory", "topics")
TAG = re.compile(r"\[\[(" + "|".join(KINDS) + r")(?::([^\]\s]*))?\]\]")
# Anything a person may have meant as a reference: [[…]], [[…] or […]] holding a word, and a
# [word:id] whose word is near a kind. The checks compare each with TAG and explain the difference.
# (The leading '[' is written once, outside the alternatives: the regex engine then skips to each '['
# instead of trying three alternatives at every character, 30 times faster on a page, same matches.)
LOOSE_TAG = re.compile(r"\[(?:\[[^\[\]\n]{1,80}\]{0,2}|\[?[^\W\d_][^\[\]\n]{0,80}\]\]"
                       r"|\s*[^\W\d_]{2,12}\s*:\s*[\w-]{1,40}\s*\](?![(\[:]))")
DEADLINE = re.compile(r"\[\[deadline:([^\]\s]*)\]\]")
# A reference written with other brackets: {{phone:whd}}, ((phone:whd)), {phone:whd}, <<phone:whd>>,
# [(phone:whd)], (phone:whd), a '=' or ';' for the colon. Published as typed, so each is an error
# (checks/reference_syntax.py) when its word is a kind. Single brackets ( { < are ordinary text
# too: there the word must be a kind (or an alias) exactly and the id one the site knows.
# (One character class first: the regex engine then skips to each bracket, 3 times faster on the
# prose of 1,000 page pairs than an alternation of openers; a lone '[' is LOOSE_TAG's and is skipped.)
NEAR = re.compile(r"(?P<open>[{(<\[][{(<]?)\s*(?P<kind>[^\W\d_]{2,12})\s*"
                  r"(?:(?P<sep>[:=;])\s*(?P<id>[\w-]{1,40})\s*)?(?P<close>[})>\]]{1,2})")
NO_ID = ("directory", "topics")  # [[directory]] (the help page), [[topics]] (the home page's list)
# The printed words of a page (front matter blocks the flyer builder prints), where [[deadline:…]] is expanded.
PRINTED_WORDS = (("flyer", ("title", "rights", "steps")), ("card", ("title", "lines")))


@dataclass(frozen=True)
class Reference:
    kind: str        # phone, contact, deadline or directory
    contact_id: str  # the id after the colon (a deadline id for deadline); empty for directory
    line: int        # line inside the text given to find_references


def find_references(text: str, first_line: int = 1) -> list[Reference]:
    refs = []
    line, counted = first_line, 0  # lines counted on from the last reference, not from the top each time
    for match in TAG.finditer(text):
        line += text.count("\n", counted, match.start())
        counted = match.start()
        refs.append(Reference(match.group(1), match.group(2) or "", line))
    return refs


# Words maintainers reach for, in either language, and the kind each one means.
ALIASES = {"telefono": "phone", "tel": "phone", "numero": "phone", "llamar": "phone", "phones": "phone",
           "contacto": "contact", "contactos": "contact", "contacts": "contact", "tarjeta": "contact",
           "directorio": "directory", "ayuda": "directory", "plazo": "deadline", "fecha": "deadline",
           "temas": "topics", "topic": "topics"}


def fold(word: str) -> str:
    """Lower case without accents: 'Teléfono' -> 'telefono'."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def meant(raw: str, known: dict[str, list[str]]) -> str | None:
    """The valid reference a loose one most likely meant, or None when it is no reference at all."""
    inner = raw.strip("[]{}()<> \t")
    kind_part, colon, id_part = (re.split(r"\s*([:=;])\s*", inner, maxsplit=1) + ["", ""])[:3]
    if not colon:
        kind_part, _, id_part = inner.partition(" ")
    kind_word = fold(kind_part.strip())
    kind = kind_word if kind_word in KINDS else ALIASES.get(kind_word)
    if kind not in KINDS:
        close = difflib.get_close_matches(kind_word, KINDS, n=1, cutoff=0.7)
        kind = close[0] if close else None
    if kind is None:
        return None
    if kind in NO_ID:
        return f"[[{kind}]]"
    known_ids = known.get(kind, [])
    cid = id_part.strip().strip("[]{}()<>").lower()
    if cid not in known_ids:
        close = difflib.get_close_matches(cid, known_ids, n=1)
        cid = close[0] if close else (cid or "ID")
    return f"[[{kind}:{cid}]]"


def near_references(text: str, known: dict[str, list[str]]) -> Iterator[tuple[int, str, str]]:
    """(offset, as written, the reference meant) of every reference written with other brackets."""
    if "{" not in text and "(" not in text and "<" not in text:
        return
    for match in NEAR.finditer(text):
        opener, closer = match.group("open"), match.group("close")
        if opener == "[":
            continue  # [phone:whd]: LOOSE_TAG finds it
        kind_word = fold(match.group("kind"))
        cid = match.group("id")
        if len(opener) == 1 and len(closer) == 1:
            kind = kind_word if kind_word in KINDS else ALIASES.get(kind_word)
            # ordinary text in brackets, "(llame al: ...)", unless it names a kind and a known id exactly
            if kind is None or (kind in NO_ID and (cid or kind_word != kind)) or \
                    (kind not in NO_ID and (not cid or cid.lower() not in known.get(kind, []))):
                continue
        guess = meant(match.group(0), known)
        if guess is not None:
            yield match.start(), match.group(0), guess


def page_references(page: Page) -> list[Reference]:
    """Tags in the body and contact ids listed in front matter (flyer contacts, kind 'flyer')."""
    refs = find_references(page.body, page.body_line)
    flyer = page.meta.get("flyer")
    if isinstance(flyer, dict) and isinstance(flyer.get("contacts"), list):
        line = flyer.line_of("contacts") if hasattr(flyer, "line_of") else 1
        refs += [Reference("flyer", str(cid), line) for cid in flyer["contacts"]]
    return refs


def malformed(page: Page) -> bool:
    """Does the page's text hold a [[…]] that is not a valid reference?"""
    return any(m.group(0).startswith("[[") or m.group(0).endswith("]]") for m in LOOSE_TAG.finditer(page.body)
               if not TAG.fullmatch(m.group(0)))


def deadline_references(page: Page) -> list[tuple[str, int]]:
    """(id, line) of every [[deadline:id]] in the body and in the flyer or card words."""
    found = []
    lines = page.body.splitlines() if "[[deadline:" in page.body else []  # most pages state none
    for number, line in enumerate(lines, start=page.body_line):
        if "[[deadline:" in line:
            found += [(m.group(1), number) for m in DEADLINE.finditer(line)]
    for key, fields in PRINTED_WORDS:
        block = page.meta.get(key) if page.meta else None
        if not isinstance(block, dict):
            continue
        for name in fields:
            value = block.get(name)
            line = block.line_of(name) if hasattr(block, "line_of") else page.line_of(key)
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str):
                    found += [(m.group(1), line) for m in DEADLINE.finditer(item)]
    return found


def plain(text: str, deadlines: Deadlines | None, lang: str) -> str:
    """Flyers: [[deadline:id]] as plain text (paper has no links; the QR code leads to the page)."""
    if deadlines is None:
        return text

    def replace(match: re.Match) -> str:
        found = deadlines.get(match.group(1))
        return found.words("text", lang) if found else match.group(0)
    return DEADLINE.sub(replace, text)


@dataclass(frozen=True)
class Use:
    """One place a contact id is named: a page's reference or flyer, the card, the path, a deadline."""
    contact_id: str
    path: str
    line: int
    what: str      # as written there: "[[phone:whd]]", "flyer contact 'whd'", "office: whd"…


def contact_uses(project: Project) -> list[Use]:
    """Every place the project names a contact id, in file order: pages (references, a flyer's
    `contacts:`, the card's `help:`), the guided path (an outcome's `contacts:`, [[phone:ID]] in a
    step) and the deadlines (`office:`). One list, so a contact that is gone is one message that
    says where it is still named (checks/contact_ids.py)."""
    uses: list[Use] = []
    for page in project.all_pages():
        for ref in page_references(page):
            if ref.kind in NO_ID or ref.kind == "deadline":
                continue
            what = f"[[{ref.kind}:{ref.contact_id}]]" if ref.kind != "flyer" else f"flyer contact '{ref.contact_id}'"
            uses.append(Use(ref.contact_id, page.path, ref.line, what))
        card = page.meta.get("card") if page.meta else None
        if isinstance(card, dict):
            line = card.line_of("help") if hasattr(card, "line_of") else 1
            flow = "[" in page.text.split("\n")[line - 1] if 0 < line <= page.text.count("\n") + 1 else False
            listed = card.get("help") if isinstance(card.get("help"), list) else []
            for index, item in enumerate(listed):  # one '- id: label' a line (help_items reads the same)
                if isinstance(item, dict) and len(item) == 1 and help_items({"help": [item]}):
                    cid = str(next(iter(item)))
                    uses.append(Use(cid, page.path, line if flow else line + 1 + index, f"card help line '{cid}'"))
    tree = project.que_paso
    if tree.readable:
        for outcome in tree.outcomes.values():
            line = outcome.raw.line_of("contacts") if "contacts" in outcome.raw else outcome.line
            uses += [Use(cid, "data/que-paso.yml", line, f"outcome '{outcome.id}' contact '{cid}'") for cid in outcome.contacts]
            steps = outcome.raw.get("steps")
            for lang, items in outcome.steps.items():
                first = steps.line_of(lang) if hasattr(steps, "line_of") else outcome.line
                for number, step in enumerate(items):
                    uses += [Use(ref.contact_id, "data/que-paso.yml", first + 1 + number, f"[[phone:{ref.contact_id}]]")
                             for ref in find_references(step) if ref.kind == "phone"]
    for item in project.deadlines.entries.values():
        if item.office:
            uses.append(Use(item.office, "data/deadlines.yml", item.raw.line_of("office"), f"deadline '{item.id}' office"))
    for state in project.states.entries.values():
        uses += [Use(part.contact, "data/states.yml", part.raw.line_of("contact"), f"state '{state.code}' {part.key} contact")
                 for part in state.sections() if part.contact]
    return uses
