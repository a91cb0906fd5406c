"""Every [[…]] is a valid reference, and references stand only where they are expanded.

A reference typed slightly wrong ([[telefono:whd]], [[phone: whd]], [[phone:whd]) is not
expanded and would show on the page as raw text, so anything that looks like a reference and is
not a valid one is an error, with the reference the maintainer most likely meant.
"""
from __future__ import annotations

from typing import Iterable

from ..core.problems import Problem
from ..core.project import Page, Project
from ..core.references import KINDS, LOOSE_TAG, NO_ID, TAG, meant, near_references

BLOCKS = {"flyer": "contacts", "card": "help"}
PRINTED = ("deadline",)  # kinds the flyer builder expands in a flyer's or card's words


def _front_matter_key(page: Page, line: int) -> str | None:
    if line >= page.body_line - 1:
        return None
    owner = None
    for start, key in sorted((page.meta.line_of(k), str(k)) for k in page.meta):
        if start <= line:
            owner = key
    return owner or "front matter"


def _candidates(text: str, known: dict[str, list[str]]) -> list[tuple[int, str, str | None]]:
    """(offset, as written, what it meant when written with other brackets) of every reference
    or near-reference in text, in order; a near form inside a [[…]] is that one's."""
    found = [(m.start(), m.group(0), None) for m in LOOSE_TAG.finditer(text)]
    spans = [(start, start + len(raw)) for start, raw, _ in found]
    for start, raw, guess in near_references(text, known):
        if not any(a < start + len(raw) and start < b for a, b in spans):
            found.append((start, raw, guess))
    return sorted(found)


def check_reference_syntax(project: Project) -> Iterable[Problem]:
    """Every [[…]] is a valid reference, and references stand only where they are expanded."""
    contacts = sorted(project.registry.contacts)
    known = {"phone": contacts, "contact": contacts, "deadline": sorted(project.deadlines.entries)}
    forms = ", ".join(f"[[{k}]]" if k in NO_ID else f"[[{k}:ID]]" for k in KINDS)
    for page in project.all_pages():
        line, counted = 1, 0  # lines are counted on from the last match, not from the top each time
        for start, raw, near in _candidates(page.text, known):
            line += page.text.count("\n", counted, start)
            counted = start
            valid = TAG.fullmatch(raw)
            guess = raw if valid else near or meant(raw, known)
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
