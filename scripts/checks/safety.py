"""Safe content: no scripts, frames, event handlers, javascript: or http:// links in the Markdown,
and links to other sites only to domains in the allowlist (data/checks.yml).

Pages are written by many hands for years; a pasted embed code or a link to a look-alike site
must be caught before it reaches a worker's phone.
"""
from __future__ import annotations

import fnmatch
import re
from dataclasses import dataclass
from typing import Iterable, Iterator
from urllib.parse import urlsplit

from .. import checkconfig
from ..contacts import REGISTRY
from ..problems import Problem
from ..project import Page, Project

FENCE = re.compile(r"^\s*(```|~~~)")
CODE_SPAN = re.compile(r"`+[^`]*`+")
TAGS = re.compile(r"<\s*(script|iframe|object|embed)\b", re.IGNORECASE)
# on…= inside an HTML tag or inside an attribute list {: … } (attr_list is enabled)
HANDLER = re.compile(r"(?:<[a-zA-Z][^>]*|\{[^}]*)\s(on[a-zA-Z]+)\s*=", re.IGNORECASE)
SCHEME = re.compile(r"\b(javascript|vbscript)\s*:", re.IGNORECASE)
DATA_HTML = re.compile(r"\bdata\s*:\s*text/html", re.IGNORECASE)
PLAIN_HTTP = re.compile(r"\bhttp://[^\s)<>\"'\]]*", re.IGNORECASE)
URL = re.compile(r"\bhttps://[^\s)<>\"'\]]+", re.IGNORECASE)


@dataclass(frozen=True)
class Link:
    path: str
    line: int
    url: str

    @property
    def host(self) -> str:
        try:
            return (urlsplit(self.url).hostname or "").lower()
        except ValueError:
            return ""


def prose_lines(page: Page) -> Iterator[tuple[int, str]]:
    """(file line, text) of the body, without fenced code blocks and `code spans`."""
    fenced = False
    for offset, line in enumerate(page.body.split("\n")):
        if FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced:
            yield page.body_line + offset, CODE_SPAN.sub("", line)


def is_embed_page(page: Page, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(page.rel, pattern) for pattern in patterns)


def page_problems(page: Page, embed_patterns: list[str]) -> Iterator[Problem]:
    for line_no, line in prose_lines(page):
        for match in TAGS.finditer(line):
            tag = match.group(1).lower()
            if tag == "iframe" and is_embed_page(page, embed_patterns):
                continue
            where = " outside the embed pages (data/checks.yml: embed_pages)" if tag == "iframe" else ""
            yield Problem(page.shown, line_no, f"<{tag}> is not allowed in a page{where}: remove it; "
                          "to show something from another site, link to it with [text](https://…)")
        for match in HANDLER.finditer(line):
            yield Problem(page.shown, line_no, f"'{match.group(1)}=' runs a script when clicked or loaded: "
                          "remove it (pages carry no scripts)")
        for match in SCHEME.finditer(line):
            yield Problem(page.shown, line_no, f"a '{match.group(1).lower()}:' link runs a script: remove it, "
                          "and link to a page with https://")
        if DATA_HTML.search(line):
            yield Problem(page.shown, line_no, "a 'data:text/html' link can carry a script: remove it")
        for match in PLAIN_HTTP.finditer(line):
            yield Problem(page.shown, line_no, f"'{match.group(0)}' is an http:// link (not encrypted, can be changed "
                          "on the way): write https:// instead, after checking the address opens")


def external_links(project: Project) -> list[Link]:
    """Every link to another site: in page bodies, page sources and the contact registry."""
    links: list[Link] = []
    for page in project.all_pages():
        for line_no, line in prose_lines(page):
            links.extend(Link(page.shown, line_no, m.group(0).rstrip(".,;:")) for m in URL.finditer(line))
        sources = page.meta.get("sources") if page.meta else None
        if isinstance(sources, list):
            first = page.line_of("sources") + 1
            links.extend(Link(page.shown, first + i, s) for i, s in enumerate(sources)
                         if isinstance(s, str) and s.startswith("https://"))
    for contact in project.registry.contacts.values():
        for key in ("website", "source"):
            value = getattr(contact, key)
            if value.startswith("https://"):
                links.append(Link(REGISTRY, contact.raw.line_of(key), value))
    return links


def check_safety(project: Project) -> Iterable[Problem]:
    config, problems = checkconfig.load(project.root)
    yield from problems
    for page in project.all_pages():
        if page.readable:
            yield from page_problems(page, config.embed_pages)
    for link in external_links(project):
        if not config.domain_allowed(link.host):
            yield Problem(link.path, link.line, f"link to '{link.host or link.url}', a site outside the allowlist: "
                          "check it is an official or vetted site, then add its domain to allowed_domains in "
                          "data/checks.yml (or link to an allowed site instead)", "warning")
