"""Two contacts with the same number: one agency given another's number, unless both say why.

A number pasted into the wrong contact passes every other check (it is valid, it is a help line),
and the site would send a worker to the wrong office. A line that is really shared (the 711 relay
service for deaf callers, one office answering for two programmes) is written down on both
contacts, with why, under `shared:`:

    tty: "711"
    shared:
      tty: the relay service, the same 711 for every office
"""
from __future__ import annotations

from typing import Iterable

from ..core.contacts import NUMBER_FIELDS, REGISTRY, Contact
from ..core.problems import Problem
from ..core.project import Project


def _reason(contact: Contact, kind: str) -> str:
    shared = contact.raw.get("shared")
    return str(shared.get(kind) or "").strip() if isinstance(shared, dict) else ""


def _shape(contact: Contact) -> Iterable[Problem]:
    shared = contact.raw.get("shared")
    if shared is None:
        return
    line = contact.raw.line_of("shared")
    if not isinstance(shared, dict):
        yield Problem(REGISTRY, line, f"contact '{contact.id}': 'shared:' holds one line per shared number, its field and "
                      "why, like '      tty: the relay service, the same 711 for every office'")
        return
    for kind, why in shared.items():
        at = shared.line_of(kind) if hasattr(shared, "line_of") else line
        if kind not in NUMBER_FIELDS or kind not in contact.numbers:
            yield Problem(REGISTRY, at, f"contact '{contact.id}': 'shared:' names '{kind}', which is not one of its numbers "
                          f"({', '.join(contact.numbers) or 'none'})")
        elif not isinstance(why, str) or not why.strip():
            yield Problem(REGISTRY, at, f"contact '{contact.id}': say why the {kind} number is shared, in words, after '{kind}:'")


def check_shared_numbers(project: Project) -> Iterable[Problem]:
    if project.registry.problems and not project.registry.contacts:
        return
    holders: dict[str, list[tuple[Contact, str]]] = {}
    for contact in project.registry.contacts.values():
        yield from _shape(contact)
        for kind, number in contact.numbers.items():
            holders.setdefault(number, []).append((contact, kind))
    for number, found in holders.items():
        if len({contact.id for contact, _ in found}) < 2 or all(_reason(contact, kind) for contact, kind in found):
            continue
        found.sort(key=lambda item: item[0].raw.line_of(item[1]))
        silent = [item for item in found if not _reason(*item)]
        # One message, where it most likely went wrong: the first later contact that gives no reason.
        second, kind = next((item for item in silent if item is not found[0]), silent[0])
        others = ", ".join(f"'{c.id}' ({k}, line {c.raw.line_of(k)})" for c, k in found if c is not second)
        silent_ids = [c.id for c, _ in silent]
        yield Problem(REGISTRY, second.raw.line_of(kind),
                      f"contact '{second.id}': its {kind} \"{number}\" is also the number of {others}: was one office "
                      "given another's number? Copy this contact's own number from its source. If the line really is "
                      f"shared, say why on each contact ({', '.join(silent_ids)}): a line 'shared:' and under it "
                      f"'{kind}: why' (docs/contacts.md)")
