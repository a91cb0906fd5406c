"""Flyer words: every `flyer:` block has the right shape.

The flyers are printed from these blocks (scripts/flyers/, docs/printing.md), so a Spanish flyer
without its English twin, or a list too long for one page, is caught here, before the build.
The wallet card's words (`card:` on the flyers page) follow the same rules.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable

from ..core.printed import CARD_PAGE, help_items
from ..core.problems import Problem
from ..core.project import Page, Project

GUIDE = "see docs/printing.md"


@dataclass(frozen=True)
class Shape:
    """What one kind of block holds; the numbers keep the printout on one page (or one card)."""
    key: str                           # flyer or card
    lists: dict[str, tuple[int, int]]  # list key -> (fewest, most) items
    item_chars: int                    # longest item
    title_chars: int
    ids_key: str                       # where the contact ids are
    ids: tuple[int, int]


FLYER = Shape("flyer", {"rights": (3, 6), "steps": (2, 5)}, 110, 60, "contacts", (1, 4))
# The card prints at 11 pt or more: 3 lines of about one printed row each and 5 help lines (911
# first) fill its 55 mm, and a label and its number share one row beside the QR code (0.8 mm
# modules, about 26 mm wide, so that it reads after two photocopies). The build measures the
# laid-out card as well (flyers/fit.py); these limits catch most of it earlier, at the line.
CARD = Shape("card", {"lines": (2, 3)}, 40, 30, "help", (1, 5))
CARD_LABEL_CHARS = 13
EMERGENCY = "911"      # the card always carries it (issue 26)


def item_line(page: Page, key_line: int, index: int) -> int:
    """Line of a list's index-th item: the key's own line for [a, b], one line per '- item' otherwise."""
    lines = page.text.split("\n")
    if 0 < key_line <= len(lines) and "[" in lines[key_line - 1]:
        return key_line
    return key_line + 1 + index


def block_ids(block: dict, shape: Shape) -> list[str]:
    if shape.key == "card":
        return [cid for cid, _ in help_items(block)]
    values = block.get(shape.ids_key)
    return [str(v) for v in values] if isinstance(values, list) else []


def check_block(page: Page, block: object, shape: Shape, known: set[str]) -> Iterable[Problem]:
    line = page.line_of(shape.key)
    if not isinstance(block, dict):
        yield Problem(page.path, line, f"'{shape.key}:' must be a block of 'title:', "
                      f"{', '.join(repr(k + ':') for k in shape.lists)} and '{shape.ids_key}:' lines ({GUIDE})")
        return
    allowed = ["title", *shape.lists, shape.ids_key]
    for key in block:
        if key not in allowed:
            close = difflib.get_close_matches(str(key), allowed, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"a '{shape.key}:' block holds only {', '.join(allowed)}"
            yield Problem(page.path, block.line_of(key), f"'{key}:' is not part of a '{shape.key}:' block: {hint}")
    title = block.get("title")
    if not isinstance(title, str) or not title.strip():
        yield Problem(page.path, block.line_of("title") if "title" in block else line,
                      f"the {shape.key} needs a 'title:' of one short line ({GUIDE})")
    elif len(title) > shape.title_chars:
        yield Problem(page.path, block.line_of("title"), f"the {shape.key} title has {len(title)} characters; "
                      f"keep it to {shape.title_chars} so it prints large")
    for key, (fewest, most) in shape.lists.items():
        yield from check_list(page, block, key, fewest, most, shape)
    yield from check_ids(page, block, shape, known)


def check_list(page: Page, block: dict, key: str, fewest: int, most: int, shape: Shape) -> Iterable[Problem]:
    where = block.line_of(key) if key in block else block.line
    items = block.get(key)
    if not isinstance(items, list):
        yield Problem(page.path, where, f"the {shape.key} needs '{key}:', a list of {fewest} to {most} short sentences, "
                      f"one '    - …' per line ({GUIDE})")
        return
    if not fewest <= len(items) <= most:
        yield Problem(page.path, where, f"'{key}:' has {len(items)} item(s); a {shape.key} takes {fewest} to {most}: "
                      f"{'add' if len(items) < fewest else 'keep the most important and remove'} some")
    for index, item in enumerate(items):
        at = item_line(page, where, index)
        if isinstance(item, dict) and len(item) == 1:
            # `- Por discriminación: EEOC, 180 días` reads as a pair, not a sentence, and would vanish
            # from the flyer: say so in the words the YAML messages use (yamlerrors.py).
            (label, rest), = item.items()
            text = f"{label}: {rest}" if rest is not None else f"{label}:"
            yield Problem(page.path, at, f"text that contains ': ' must be in quotes: write - \"{text}\"")
        elif not isinstance(item, str) or not item.strip():
            yield Problem(page.path, at, f"item {index + 1} of '{key}:' is not a sentence: write plain text after '- ' "
                          "(put it in quotes if it contains ': ')")
        elif len(item) > shape.item_chars:
            yield Problem(page.path, at, f"item {index + 1} of '{key}:' has {len(item)} characters; "
                          f"keep each to {shape.item_chars} so the {shape.key} fits its page: split or shorten it")


def check_ids(page: Page, block: dict, shape: Shape, known: set[str]) -> Iterable[Problem]:
    where = block.line_of(shape.ids_key) if shape.ids_key in block else block.line
    raw = block.get(shape.ids_key)
    fewest, most = shape.ids
    example = "'contacts: [whd, ciam]'" if shape.key == "flyer" else "'help:' then lines like '    - whd: Pago (WHD)'"
    if not isinstance(raw, list) or not raw:
        yield Problem(page.path, where, f"the {shape.key} needs its help lines: {example}, with ids from data/contacts.yml")
        return
    if len(raw) > most:
        yield Problem(page.path, where, f"'{shape.ids_key}:' lists {len(raw)} help lines; a {shape.key} has room for {most}")
    if shape.key == "card":
        for index, item in enumerate(raw):
            at = item_line(page, where, index)
            if not (isinstance(item, dict) and len(item) == 1 and isinstance(next(iter(item.values())), str)):
                yield Problem(page.path, at, f"help line {index + 1} must read '- id: label', like '- whd: Pago (WHD)'")
                continue
            cid, label = next(iter(item.items()))
            if len(label) > CARD_LABEL_CHARS:
                yield Problem(page.path, at, f"the label '{label}' has {len(label)} characters; keep it to {CARD_LABEL_CHARS}")
            # an id that names no contact: the contact-ids check, once for every place that names it


def check_flyer_shape(project: Project) -> Iterable[Problem]:
    """Each `flyer:` block (and the card) holds a title, lists of the right length and help lines."""
    known = set(project.registry.contacts)
    for page in project.all_pages():
        if "flyer" in page.meta:
            if "/" not in page.rel:  # flyer files are named after the topic's folder
                yield Problem(page.path, page.line_of("flyer"), "only a topic page in its own folder "
                              "(like salarios/index.md) can have a flyer: move the 'flyer:' block to one")
            yield from check_block(page, page.meta["flyer"], FLYER, known)
        if "card" in page.meta:
            if page.rel != CARD_PAGE:
                yield Problem(page.path, page.line_of("card"), f"'card:' belongs only in the flyers page "
                              f"({CARD_PAGE}): move it there, or remove it")
            else:
                yield from check_block(page, page.meta["card"], CARD, known)
                yield from check_emergency(project, page)


def check_emergency(project: Project, page: Page) -> Iterable[Problem]:
    """The card names the emergency number among its help lines (a worker who is hurt needs it first)."""
    block = page.meta["card"]
    if not isinstance(block, dict) or not isinstance(block.get("help"), list) or not block.get("help"):
        return  # no help lines at all: its own message above
    contacts = [project.registry.get(cid) for cid, _ in help_items(block)]
    if not contacts or None in contacts:
        return  # an id the registry does not know (or a broken registry): the contact-ids check names it
    for contact in contacts:
        phone = contact.dial("phone")
        if phone is not None and phone.display == EMERGENCY:
            return
    yield Problem(page.path, block.line_of("help"), f"the card has no line for {EMERGENCY}: add '    - emergencia: "
                  "Emergencia' as the first line under 'help:'")
