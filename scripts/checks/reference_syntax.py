"""Every [[…]] is a valid reference, and references stand only where they are expanded.

A reference typed slightly wrong ([[telefono:whd]], [[phone: whd]], [[phone:whd]) is not
expanded and would show on the page as raw text, so anything that looks like a reference and is
not a valid one is an error, with the reference the maintainer most likely meant.
"""
from __future__ import annotations

import difflib
import unicodedata
from typing import Iterable

from ..core.problems import Problem
from ..core.project import Page, Project
from ..core.references import KINDS, LOOSE_TAG, NO_ID, TAG

# Words maintainers reach for, in either language, and the kind each one means.
ALIASES = {"telefono": "phone", "tel": "phone", "numero": "phone", "llamar": "phone", "phones": "phone",
           "contacto": "contact", "contactos": "contact", "contacts": "contact", "tarjeta": "contact",
           "directorio": "directory", "ayuda": "directory", "plazo": "deadline", "fecha": "deadline",
           "temas": "topics", "topic": "topics"}
BLOCKS = {"flyer": "contacts", "card": "help"}
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
