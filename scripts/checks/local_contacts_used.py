"""A local office (scope: local) is in no national list, so it reaches readers only where a page or
a flyer names it: one that no page names would never be seen."""
from __future__ import annotations

from typing import Iterable

from ..core.contacts import LOCAL, REGISTRY
from ..core.problems import Problem
from ..core.project import Project
from ..core.references import page_references


def check_local_contacts_used(project: Project) -> Iterable[Problem]:
    local = [c for c in project.registry.contacts.values() if c.scope == LOCAL]
    if not local or not project.states.readable:
        return  # data/states.yml names state offices: while it cannot be read, its own message comes first
    named = {ref.contact_id for page in project.all_pages() for ref in page_references(page)}
    named |= {cid for edition in project.editions.entries.values() for cid in edition.contacts}
    named |= {part.contact for state in project.states.entries.values() for part in state.sections() if part.contact}
    for contact in local:
        if contact.id not in named:
            yield Problem(REGISTRY, contact.raw.line_of("scope"),
                          f"contact '{contact.id}' is local and no page or flyer names it, so nobody sees it: add "
                          f"[[contact:{contact.id}]] to the pages for its area, or list it under a flyer's "
                          "'contacts:' (docs/contacts.md)", "warning")
