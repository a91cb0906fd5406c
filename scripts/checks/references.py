"""[[phone:id]] and [[contact:id]] name real contacts, and twins name the same ones."""
from __future__ import annotations

import difflib
from typing import Iterable

from ..problems import Problem
from ..project import Page, Project
from ..render import Reference, find_references


SKIP = ("directory", "deadline")  # not contacts; deadlines have their own check (checks/deadlines.py)


def page_references(page: Page) -> list[Reference]:
    """Tags in the body and contact ids listed in front matter (flyer contacts)."""
    refs = find_references(page.body, page.body_line)
    flyer = page.meta.get("flyer")
    if isinstance(flyer, dict) and isinstance(flyer.get("contacts"), list):
        line = flyer.line_of("contacts") if hasattr(flyer, "line_of") else 1
        refs += [Reference("flyer", str(cid), line, 1) for cid in flyer["contacts"]]
    return refs


def check_contact_ids(project: Project) -> Iterable[Problem]:
    known = sorted(project.registry.contacts)
    if project.registry.problems and not known:
        return  # the registry itself is broken; that is reported once, at its own line
    for page in project.all_pages():
        for ref in page_references(page):
            if ref.kind == "directory":
                if ref.contact_id:
                    yield Problem(page.shown, ref.line, "[[directory]] takes no id: write just [[directory]]")
                continue
            if ref.kind == "deadline":
                continue  # checks/deadlines.py
            if ref.contact_id in project.registry.contacts:
                continue
            close = difflib.get_close_matches(ref.contact_id, known, n=1)
            hint = f"did you mean '{close[0]}'?" if close else f"known ids: {', '.join(known)}"
            what = f"[[{ref.kind}:{ref.contact_id}]]" if ref.kind != "flyer" else f"flyer contact '{ref.contact_id}'"
            yield Problem(page.shown, ref.line, f"{what} names no contact in data/contacts.yml: {hint}")


def check_twin_contacts(project: Project) -> Iterable[Problem]:
    """A Spanish page and its English twin must send the reader to the same help lines."""
    first, *others = project.languages[:2]
    for rel, page in project.pages.get(first, {}).items():
        ids = {r.contact_id for r in page_references(page) if r.kind not in SKIP}
        for lang in others:
            twin = project.pages.get(lang, {}).get(rel)
            if twin is None or not (twin.readable and page.readable):
                continue
            twin_ids = {r.contact_id for r in page_references(twin) if r.kind not in SKIP}
            for missing in sorted(ids - twin_ids):
                yield Problem(twin.shown, twin.body_line, f"the {first} twin ({page.shown}) refers to contact '{missing}' "
                              f"but this page does not: add [[contact:{missing}]] or [[phone:{missing}]] here too")
            for extra in sorted(twin_ids - ids):
                line = next(r.line for r in page_references(twin) if r.contact_id == extra and r.kind not in SKIP)
                yield Problem(twin.shown, line, f"contact '{extra}' is not on the {first} twin ({page.shown}): "
                              f"add it there too, or remove it here")
