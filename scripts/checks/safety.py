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

from ..core.contacts import REGISTRY
from ..core.deadlines import DEADLINES
from ..core.states import STATES
from ..core.problems import Problem
from ..core.project import Page, Project

FENCED = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\n]*$|\Z)", re.MULTILINE | re.DOTALL)
CODE_SPAN = re.compile(r"`+[^`\n]*`+")
TAGS = re.compile(r"<\s*(script|iframe|object|embed)\b", re.IGNORECASE)
# on…= inside an HTML tag or inside an attribute list {: … } (attr_list is enabled)
HANDLER = re.compile(r"(?:<[a-zA-Z][^>\n]*|\{[^}\n]*)\s(on[a-zA-Z]+)\s*=", re.IGNORECASE)
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


def prose(page: Page) -> str:
    """The body without fenced code blocks and `code spans`, newlines kept so lines still count."""
    text = page.body
    if "`" not in text and "~~~" not in text:
        return text  # most pages: nothing to blank out, skip the two passes
    text = FENCED.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    return CODE_SPAN.sub("", text)


# A plain substring each pattern needs, tested first on the lower-cased text: far cheaper than
# running case-insensitive patterns over every page (this check runs on every `make check`).
GATES = {TAGS: "<", HANDLER: "=", SCHEME: "script", DATA_HTML: "text/html", PLAIN_HTTP: "http://"}


def located(page: Page, text: str, pattern: re.Pattern, lower: str | None = None) -> Iterator[tuple[int, re.Match]]:
    """Matches of pattern in the whole text with their file line (one pass; matches are rare)."""
    gate = GATES.get(pattern) or ("https:" if pattern is URL else "")
    if gate and gate not in (text.lower() if lower is None else lower):
        return
    line, position = page.body_line, 0
    for match in pattern.finditer(text):
        line += text.count("\n", position, match.start())
        position = match.start()
        yield line, match


def is_embed_page(page: Page, patterns: list[str]) -> bool:
    return any(fnmatch.fnmatch(page.rel, pattern) for pattern in patterns)


def page_problems(page: Page, embed_patterns: list[str], text: str | None = None) -> Iterator[Problem]:
    text = prose(page) if text is None else text
    lower = text.lower()
    for line_no, match in located(page, text, TAGS, lower):
        tag = match.group(1).lower()
        if tag == "iframe" and is_embed_page(page, embed_patterns):
            continue
        where = " outside the embed pages (data/checks.yml: embed_pages)" if tag == "iframe" else ""
        yield Problem(page.path, line_no, f"<{tag}> is not allowed in a page{where}: remove it; "
                      "to show something from another site, link to it with [text](https://…)")
    for line_no, match in located(page, text, HANDLER, lower):
        yield Problem(page.path, line_no, f"'{match.group(1)}=' runs a script when clicked or loaded: "
                      "remove it (pages carry no scripts)")
    for line_no, match in located(page, text, SCHEME, lower):
        yield Problem(page.path, line_no, f"a '{match.group(1).lower()}:' link runs a script: remove it, "
                      "and link to a page with https://")
    for line_no, _ in located(page, text, DATA_HTML, lower):
        yield Problem(page.path, line_no, "a 'data:text/html' link can carry a script: remove it")
    for line_no, match in located(page, text, PLAIN_HTTP, lower):
        yield Problem(page.path, line_no, f"'{match.group(0)}' is an http:// link (not encrypted, can be changed "
                      "on the way): write https:// instead, after checking the address opens")


def page_links(page: Page, text: str | None = None) -> list[Link]:
    text = prose(page) if text is None else text
    links = [Link(page.path, line_no, m.group(0).rstrip(".,;:")) for line_no, m in located(page, text, URL)]
    sources = page.meta.get("sources") if page.meta else None
    if isinstance(sources, list):
        first = page.line_of("sources") + 1
        links.extend(Link(page.path, first + i, s) for i, s in enumerate(sources)
                     if isinstance(s, str) and s.startswith("https://"))
    return links


def registry_links(project: Project) -> list[Link]:
    return [Link(REGISTRY, contact.raw.line_of(key), getattr(contact, key))
            for contact in project.registry.contacts.values() for key in ("website", "source")
            if getattr(contact, key).startswith("https://")]


def deadline_links(project: Project) -> list[Link]:
    """The deadlines' sources: every page that states a deadline links to its source."""
    return [Link(DEADLINES, item.raw.line_of("source"), item.source)
            for item in project.deadlines.entries.values() if item.source.startswith("https://")]


def state_links(project: Project) -> list[Link]:
    """The offices' websites in data/states.yml (a source outside the allowlist is state-entries' error)."""
    return [Link(STATES, part.raw.line_of("website"), part.website) for state in project.states.entries.values()
            for part in state.sections() if part.website.startswith("https://")]


def external_links(project: Project) -> list[Link]:
    """Every link to another site: in page bodies, page sources, the contact registry, the deadlines and the states."""
    return ([link for page in project.all_pages() for link in page_links(page)] + registry_links(project)
            + deadline_links(project) + state_links(project))


def check_safety(project: Project) -> Iterable[Problem]:
    config = project.settings  # its own problems are the loader's, reported once
    links = registry_links(project) + deadline_links(project)
    for page in project.all_pages():
        if page.readable:
            text = prose(page)
            yield from page_problems(page, config.embed_pages, text)
            links.extend(page_links(page, text))
    if not config.readable:
        return  # the allowlist is in the file that cannot be read: judge links once it is fixed
    allowed: dict[str, bool] = {}
    for link in links:
        host = link.host
        if host not in allowed:
            allowed[host] = config.domain_allowed(host)
        if not allowed[host]:
            yield Problem(link.path, link.line, f"link to '{host or link.url}', a site outside the allowlist: "
                          "check it is an official or vetted site, then add its domain to allowed_domains in "
                          "data/checks.yml (or link to an allowed site instead)", "warning")
