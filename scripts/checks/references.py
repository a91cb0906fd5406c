"""References are well formed, [[phone:id]] and [[contact:id]] name real contacts, and twins
name the same ones.

A reference typed slightly wrong ([[telefono:whd]], [[phone: whd]], [[phone:whd]) is not
expanded and would show on the page as raw text, so anything that looks like a reference and is
not a valid one is an error, with the reference the maintainer most likely meant."""
from __future__ import annotations

import difflib
import unicodedata
from typing import Iterable

from ..core.problems import Problem
from ..core.project import Page, Project
from ..core.references import KINDS, LOOSE_TAG, TAG, Reference, find_references

# Words maintainers reach for, in either language, and the kind each one means.
ALIASES = {"telefono": "phone", "tel": "phone", "numero": "phone", "llamar": "phone", "phones": "phone",
           "contacto": "contact", "contactos": "contact", "contacts": "contact", "tarjeta": "contact",
           "directorio": "directory", "ayuda": "directory", "plazo": "deadline", "fecha": "deadline",
           "temas": "topics", "topic": "topics"}
BLOCKS = {"flyer": "contacts", "card": "help"}
NO_ID = ("directory", "topics")  # [[directory]] (the help page), [[topics]] (the home page's list)
PRINTED = ("deadline",)  # kinds the flyer builder expands in a flyer's or card's words


def _fold(word: str) -> str:
    """Lower case without accents: 'Teléfono' -> 'telefono'."""
    return "".join(c for c in unicodedata.normalize("NFD", word.lower()) if not unicodedata.combining(c))


def meant(raw: str, known: dict[str, list[str]]) -> str | None:
    """The valid reference a loose one most likely meant, or None when it is no reference at all."""
    inner = raw.strip("[] \t")
    kind_part, colon, id_part = inner.partition(":")
    if not colon:
        kind_part, _, id_part = inner.partition(" ")
    kind_word = _fold(kind_part.strip())
    kind = kind_word if kind_word in KINDS else ALIASES.get(kind_word)
    if kind not in KINDS:
        close = difflib.get_close_matches(kind_word, KINDS, n=1, cutoff=0.7)
        kind = close[0] if close else None
    if kind is None:
        return None
    if kind in NO_ID:
        return f"[[{kind}]]"
    known_ids = known.get(kind, [])
    cid = id_part.strip().strip("[]").lower()
    if cid not in known_ids:
        close = difflib.get_close_matches(cid, known_ids, n=1)
        cid = close[0] if close else (cid or "ID")
    return f"[[{kind}:{cid}]]"


def _front_matter_key(page: Page, line: int) -> str | None:
    if line >= page.body_line - 1:
        return None
    owner = None
    for start, key in sorted((page.meta.line_of(k), str(k)) for k in page.meta):
        if start <= line:
            owner = key
    return owner or "front matter"


def malformed(page: Page) -> bool:
    """Does the page's text hold a [[…]] that is not a valid reference?"""
    return any(m.group(0).startswith("[[") or m.group(0).endswith("]]") for m in LOOSE_TAG.finditer(page.body)
               if not TAG.fullmatch(m.group(0)))


def check_reference_syntax(project: Project) -> Iterable[Problem]:
    """Every [[…]] is a valid reference, and references stand only where they are expanded."""
    contacts = sorted(project.registry.contacts)
    known = {"phone": contacts, "contact": contacts, "deadline": sorted(project.deadlines.entries)}
    forms = ", ".join(f"[[{k}]]" if k in NO_ID else f"[[{k}:ID]]" for k in KINDS)
    for page in project.all_pages():
        line, counted = 1, 0  # lines are counted on from the last match, not from the top each time
        for match in LOOSE_TAG.finditer(page.text):
            raw = match.group(0)
            line += page.text.count("\n", counted, match.start())
            counted = match.start()
            valid = TAG.fullmatch(raw)
            guess = raw if valid else meant(raw, known)
            if not raw.startswith("[[") and not raw.endswith("]]") and guess is None:
                continue  # [word:text] that is no reference: ordinary text
            key = _front_matter_key(page, line)
            if key is not None and not page.readable:
                continue  # the front matter cannot be read: that is its one message
            printed = key in BLOCKS and (guess or "").startswith(tuple(f"[[{k}:" for k in PRINTED))
            if printed and not valid:
                yield Problem(page.path, line, f"'{raw}' is not a valid reference and would print as raw text: "
                              f"did you mean {guess}?")
            elif printed:
                continue
            elif key in BLOCKS:
                cid = (valid.group(2) if valid else (guess or "").strip("[]").partition(":")[2]) or "ID"
                yield Problem(page.path, line, f"'{raw}': a reference cannot go in the '{key}:' block (it would "
                              f"print as raw text): {'list' if key == 'flyer' else 'add a line'} '{cid if key == 'flyer' else '- ' + cid + ': label'}' under '{BLOCKS[key]}:' instead, and the printout "
                              "shows its number beside the help lines")
            elif key is not None:
                yield Problem(page.path, line, f"'{raw}': a reference works only in the page's text, below the "
                              f"front matter: take it out of '{key}:' and write it in the text")
            elif not valid:
                hint = f"did you mean {guess}?" if guess else f"a reference is one of {forms}"
                yield Problem(page.path, line, f"'{raw}' is not a valid reference and would show as raw text: {hint} "
                              "(lower case, English words, no spaces)")


SKIP = ("directory", "deadline", "topics")  # not contacts; deadlines have their own check (checks/deadlines.py)


def page_references(page: Page) -> list[Reference]:
    """Tags in the body and contact ids listed in front matter (flyer contacts)."""
    refs = find_references(page.body, page.body_line)
    flyer = page.meta.get("flyer")
    if isinstance(flyer, dict) and isinstance(flyer.get("contacts"), list):
        line = flyer.line_of("contacts") if hasattr(flyer, "line_of") else 1
        refs += [Reference("flyer", str(cid), line) for cid in flyer["contacts"]]
    return refs


def check_contact_ids(project: Project) -> Iterable[Problem]:
    known = sorted(project.registry.contacts)
    if project.registry.problems and not known:
        return  # the registry itself is broken; that is reported once, at its own line
    for page in project.all_pages():
        for ref in page_references(page):
            if ref.kind in NO_ID:
                if ref.contact_id:
                    yield Problem(page.path, ref.line, f"[[{ref.kind}]] takes no id: write just [[{ref.kind}]]")
                continue
            if ref.kind == "deadline":
                continue  # checks/deadlines.py
            if ref.contact_id in project.registry.contacts:
                continue
            close = difflib.get_close_matches(ref.contact_id, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known ids: {', '.join(known)}"
            what = f"[[{ref.kind}:{ref.contact_id}]]" if ref.kind != "flyer" else f"flyer contact '{ref.contact_id}'"
            yield Problem(page.path, ref.line, f"{what} names no contact in data/contacts.yml: {hint}")


def check_twin_contacts(project: Project) -> Iterable[Problem]:
    """A Spanish page and its English twin must send the reader to the same help lines."""
    first = project.default
    for page, twin in project.twins():
        if malformed(page) or malformed(twin):
            continue  # the reference that is not valid is reported once, where it stands
        ids = {r.contact_id for r in page_references(page) if r.kind not in SKIP}
        twin_ids = {r.contact_id for r in page_references(twin) if r.kind not in SKIP}
        for missing in sorted(ids - twin_ids):
            yield Problem(twin.path, twin.body_line, f"the {first} twin ({page.path}) refers to contact '{missing}' "
                          f"but this page does not: add [[contact:{missing}]] or [[phone:{missing}]] here too")
        for extra in sorted(twin_ids - ids):
            line = next(r.line for r in page_references(twin) if r.contact_id == extra and r.kind not in SKIP)
            yield Problem(twin.path, line, f"contact '{extra}' is not on the {first} twin ({page.path}): "
                          f"add it there too, or remove it here")
