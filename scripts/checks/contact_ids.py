"""Every contact id a page, a flyer, the wallet card, the guided path or a deadline names is in
data/contacts.yml; [[directory]] and [[topics]] take no id.

An id that names no contact is one message however many places name it (a contact deleted or
renamed is named on dozens of pages): at its first place, listing the others, and saying what was
published under that id when it was (its vCard and contacts.json entry: checks/manifest.py leaves
them to this message).
"""
from __future__ import annotations

import difflib
from typing import Iterable

from ..core import addresses
from ..core.problems import Problem
from ..core.project import Project
from ..core.references import NO_ID, Use, contact_uses, page_references
from ..core.urls import load_manifest

SHOWN = 6  # places listed in the message; the rest are counted


def places(uses: list[Use]) -> str:
    shown = [f"{u.path}:{u.line}" for u in uses[:SHOWN]]
    more = f" and {len(uses) - SHOWN} more" if len(uses) > SHOWN else ""
    return ", ".join(shown) + more


def unknown_ids(project: Project) -> dict[str, list[Use]]:
    """Each id named somewhere that is not in the registry -> where it is named, in file order
    (empty when the registry itself cannot be read: that is its one message)."""
    if project.registry.problems and not project.registry.contacts:
        return {}
    found: dict[str, list[Use]] = {}
    for use in contact_uses(project):
        if use.contact_id not in project.registry.contacts:
            found.setdefault(use.contact_id, []).append(use)
    return {cid: sorted(uses, key=lambda u: (u.path, u.line)) for cid, uses in found.items()}


def check_contact_ids(project: Project) -> Iterable[Problem]:
    for page in project.all_pages():
        for ref in page_references(page):
            if ref.kind in NO_ID and ref.contact_id:
                yield Problem(page.path, ref.line, f"[[{ref.kind}]] takes no id: write just [[{ref.kind}]]")
    gone = unknown_ids(project)
    if not gone:
        return
    known = sorted(project.registry.contacts)
    published = set(load_manifest(project.root).urls)
    renamed = project.redirects.renamed()
    for cid, uses in sorted(gone.items(), key=lambda item: (item[1][0].path, item[1][0].line)):
        first, rest = uses[0], uses[1:]
        close = difflib.get_close_matches(cid, known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"known ids: {', '.join(known)}"
        if cid in renamed:
            hint = f"it was renamed to '{renamed[cid]}' (data/redirects.yml): write that id here"
        where = f"; it is also named at {places(rest)}: change them all" if rest else ""
        was = [a for a in (addresses.vcard(project.default, project.default, cid), addresses.contacts_json_entry(cid))
               if a in published]
        kept = ""
        if was and cid not in renamed:
            kept = (f". Its vCard and contacts.json entry were published ({', '.join(was)}): if the contact was renamed, "
                    f"also add the line '  contactos/{cid}.vcf: contactos/{close[0] if close else 'NEW-ID'}.vcf' under "
                    "'redirects:' in data/redirects.yml so NGOs' copies keep working")
        yield Problem(first.path, first.line, f"{first.what} names no contact in data/contacts.yml: {hint}{where}{kept}")
