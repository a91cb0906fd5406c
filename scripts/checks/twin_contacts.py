"""A page and its twin send the reader to the same help lines."""
from __future__ import annotations

from typing import Iterable

from ..core.problems import Problem
from ..core.project import Project
from ..core.references import malformed, page_references

SKIP = ("directory", "deadline", "topics")  # not contacts; deadlines have their own check (checks/twin_deadlines.py)


def check_twin_contacts(project: Project) -> Iterable[Problem]:
    """A Spanish page and its English twin must send the reader to the same help lines."""
    first = project.default
    for page, twin in project.twins():
        if malformed(page) or malformed(twin):
            continue  # the reference that is not valid is reported once, where it stands
        known = project.registry.contacts  # an id that names no contact: the contact-ids check, once
        ids = {r.contact_id for r in page_references(page) if r.kind not in SKIP and r.contact_id in known}
        twin_ids = {r.contact_id for r in page_references(twin) if r.kind not in SKIP and r.contact_id in known}
        for missing in sorted(ids - twin_ids):
            yield Problem(twin.path, twin.body_line, f"the {first} twin ({page.path}) refers to contact '{missing}' "
                          f"but this page does not: add [[contact:{missing}]] or [[phone:{missing}]] here too")
        for extra in sorted(twin_ids - ids):
            line = next(r.line for r in page_references(twin) if r.contact_id == extra and r.kind not in SKIP)
            yield Problem(twin.path, line, f"contact '{extra}' is not on the {first} twin ({page.path}): "
                          f"add it there too, or remove it here")
