"""[[phone:id]], [[contact:id]] and a flyer's contacts name real contacts of data/contacts.yml."""
from __future__ import annotations

import difflib
from typing import Iterable

from ..core.problems import Problem
from ..core.project import Project
from ..core.references import NO_ID, page_references


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
                continue  # checks/deadline_ids.py
            if ref.contact_id in project.registry.contacts:
                continue
            close = difflib.get_close_matches(ref.contact_id, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known ids: {', '.join(known)}"
            what = f"[[{ref.kind}:{ref.contact_id}]]" if ref.kind != "flyer" else f"flyer contact '{ref.contact_id}'"
            yield Problem(page.path, ref.line, f"{what} names no contact in data/contacts.yml: {hint}")
