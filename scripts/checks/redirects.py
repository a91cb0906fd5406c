"""Every redirect of data/redirects.yml leads to a page (or a renamed contact's vCard to a contact) that
exists, and hides none; one message a line, whatever the languages."""
from __future__ import annotations

from typing import Iterable

from ..core import quepaso
from ..core.addresses import page_address, source_of
from ..core.problems import Problem
from ..core.project import Project
from ..core.redirects import REDIRECTS


def check_redirects(project: Project) -> Iterable[Problem]:
    redirects = project.redirects
    yield from redirects.problems
    path_pages = {page_address(rel) for rel in quepaso.sources(project.que_paso)}  # the same in every language
    default_pages = {page_address(rel) for rel in project.pages.get(project.default, {})} | path_pages
    for item in redirects.items:
        target = item.new.partition("#")[0]
        if item.old in default_pages:
            yield Problem(REDIRECTS, item.line, f"'{item.old}' is still a page ({source_of(item.old)}): a redirect "
                          "would hide it. Delete this line, or move the page first")
        # One message for the line, however many languages lack the page.
        missing = [lang for lang in project.strict_languages
                   if target not in {page_address(rel) for rel in project.pages.get(lang, {})} | path_pages]
        if missing:
            files = " and ".join(f"content/{lang}/{source_of(target)}" for lang in missing)
            yield Problem(REDIRECTS, item.line, f"the new address '{item.new}' is not a page in {' and '.join(repr(m) for m in missing)} "
                          f"({files} {'does' if len(missing) == 1 else 'do'} not exist): point it at a page that exists")
    known = project.registry.contacts
    for item in redirects.contacts:
        if item.old in known:
            yield Problem(REDIRECTS, item.line, f"contact '{item.old}' is still in data/contacts.yml: its own vCard would be "
                          "hidden. Delete this line, or rename the contact first")
        elif known and item.new not in known:
            yield Problem(REDIRECTS, item.line, f"'contactos/{item.new}.vcf' is the vCard of no contact: write the new id of "
                          f"the contact '{item.old}' became (data/contacts.yml)")
