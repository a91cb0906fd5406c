"""Safe content: no scripts, frames, event handlers, javascript: or http:// links in the Markdown,
no redirect, form or base address, no picture, video or sound from another site, and links to
other sites only to domains in the allowlist (data/checks.yml).

A link is followed only when the reader chooses; a picture from another site is fetched by every
phone that opens the page, which tells that site who reads about trafficking or retaliation (and
the site's Content-Security-Policy blocks it, so the reader sees a broken picture): even an
allowlisted, official site is refused there.

Every address is read as a browser reads it (the WHATWG URL standard, through ada-url):
`//host/` is another site, `https://evil.example\\@dol.gov/` goes to evil.example, and an
address written with HTML entities is read after them. Links come from Markdown links, bare
addresses, autolinks, reference definitions and every address attribute of HTML in the page.

Pages are written by many hands for years; a pasted embed code or a link to a look-alike site
must be caught before it reaches a worker's phone.
"""
from __future__ import annotations

import fnmatch
import re
from functools import lru_cache
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator
from html.parser import HTMLParser

from ada_url import URL as WhatwgURL

from ..core import rendered
from ..core.contacts import REGISTRY
from ..core.deadlines import DEADLINES
from ..core.states import STATES
from ..core.problems import Problem
from ..core.project import Page, Project

CODE_SPAN = re.compile(r"`+[^`\n]*`+")
TAGS = re.compile(r"<\s*(script|iframe|object|embed|meta|form|base|link|frame|frameset)\b", re.IGNORECASE)
# Why a tag other than a script or a frame cannot be in a page.
TAG_WHY = {"meta": "it can send the reader to another site", "form": "it can send what the reader types elsewhere",
           "base": "it changes where every link of the page goes", "link": "it loads a file into the page"}
# An attribute list {: … } that sets where a link goes or what loads: it replaces the address written.
ATTR_ADDRESS = re.compile(r"\{[^}\n]*?\b(href|src|action|formaction|data|srcset)\s*=", re.IGNORECASE)
# Where an address can stand: a Markdown link or image, an autolink, a reference definition.
MD_TARGET = re.compile(r"\]\(\s*<?([^)\s>]+)|<((?:https?:)?//[^>\s]+)>|^[ \t]{0,3}\[[^\]\n]+\]:[ \t]*<?([^\s>]+)",
                       re.IGNORECASE | re.MULTILINE)
ADDRESS_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "poster", "cite", "background", "srcset", "xlink:href"}
# What the page fetches by itself, without a click: a Markdown picture, an HTML attribute that
# loads (a picture, a video, a sound, a poster) and a style's url(…).
IMAGE_MD = re.compile(r"!\[[^\]\n]*\]\(\s*<?([^)\s>]+)")
LOADING_ATTRIBUTES = {"src", "srcset", "poster", "background"}
STYLE_URL = re.compile(r"url\(\s*['\"]?([^'\")\s]+)", re.IGNORECASE)
OWN_RULE = {"script", "iframe", "object", "embed", "meta", "form", "base", "link", "frame", "frameset"}  # TAGS judges these
TAG_WITH_ATTRIBUTES = re.compile(r"<[a-zA-Z][^<>]*=[^<>]*>?")
THIS_SITE = "https://this-site.invalid/page/"  # relative links resolve here: not another site
# on…= inside an HTML tag or inside an attribute list {: … } (attr_list is enabled)
HANDLER = re.compile(r"(?:<[a-zA-Z][^>\n]*|\{[^}\n]*)\s(on[a-zA-Z]+)\s*=", re.IGNORECASE)
SCHEME = re.compile(r"\b(javascript|vbscript)\s*:", re.IGNORECASE)
DATA_HTML = re.compile(r"\bdata\s*:\s*text/html", re.IGNORECASE)
PLAIN_HTTP = re.compile(r"\bhttp://[^\s)<>\"'\]]*", re.IGNORECASE)
# An https:// address, in any case. The same matches as r"\bhttps://[^\s)<>\"'\]]+" with
# re.IGNORECASE (which also lets ſ, the long s, stand for s), written to start with a plain
# [hH]: the regex engine then jumps from h to h instead of trying every position (0.11 -> 0.045 s
# on 1,000 page pairs; tests/test_safety.py compares the two).
URL = re.compile(r"[hH](?<!\w[hH])[tT][tT][pP][sS\u017f]://[^\s)<>\"'\]]+")


@dataclass(frozen=True)
class Link:
    path: str
    line: int
    url: str

    @property
    def host(self) -> str:
        return host_of(self.url)


@lru_cache(maxsize=None)  # the same sources on many pages
def host_of(url: str) -> str:
    """The host a browser would go to for url (WHATWG parsing), '' when it goes nowhere on the web
    (mailto:, tel:) or cannot be read; 'this-site.invalid' for a link within the site."""
    try:
        parsed = WhatwgURL(url.strip(), base=THIS_SITE)
    except ValueError:
        return ""
    return (parsed.hostname or "").lower().rstrip(".") if parsed.protocol in ("http:", "https:") else ""


class _Addresses(HTMLParser):
    """Every address attribute of the HTML in a text, entities read as the browser reads them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[int, str]] = []
        self.loads: list[tuple[int, str]] = []  # the addresses fetched without a click (LOADING_ATTRIBUTES, style)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        line = self.getpos()[0]
        values = dict(attrs)
        for name, value in attrs:
            if name in ADDRESS_ATTRIBUTES and value:
                for part in (value.split(",") if name == "srcset" else [value]):
                    self.found.append((line, part.strip().split(" ")[0]))
                    if name in LOADING_ATTRIBUTES and tag not in OWN_RULE:
                        self.loads.append(self.found[-1])
            if name == "style" and value and "url(" in value.lower():
                self.loads.extend((line, m.group(1)) for m in STYLE_URL.finditer(value))
        if tag == "meta" and values.get("content") and "url=" in (values.get("content") or "").lower():
            self.found.append((line, re.split(r"(?i)url\s*=\s*", values["content"] or "", maxsplit=1)[1].strip("'\" ")))


def prose(page: Page) -> str:
    """The body without its `code spans`, newlines kept so lines still count: the text whose links
    are listed. (The site's renderer has no fenced code blocks: ``` on a line of its own is text.)"""
    text = page.body
    if "`" not in text:
        return text  # most pages: nothing to blank out
    return CODE_SPAN.sub("", text)


# A plain substring each pattern needs, tested first on the lower-cased text: far cheaper than
# running case-insensitive patterns over every page (this check runs on every `make check`).
GATES = {TAGS: "<", HANDLER: "=", SCHEME: "script", DATA_HTML: "text/html", PLAIN_HTTP: "http://",
         ATTR_ADDRESS: "{"}


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


def _key(pattern: re.Pattern, match: re.Match) -> str:
    return (match.group(1) if pattern.groups else match.group(0)).lower()


def _as_rendered(page: Page, text: str, lower: str, config: object) -> Callable[[re.Pattern], Iterator[tuple[int, re.Match]]]:
    """The matches of a pattern in the page as written that the renderer also publishes outside
    code: code spans and indented code are read as Python-Markdown reads them (rendered.py), so
    neither a pretended fence hides a script nor a real code example is flagged."""
    if not rendered.may_hold_code(text):
        return lambda pattern: located(page, text, pattern, lower)
    html = rendered.outside_code(text, config)
    lines = text.split("\n")

    def published(pattern: re.Pattern) -> Iterator[tuple[int, re.Match]]:
        found = list(located(page, text, pattern, lower))
        if not found:
            return
        left: dict[str, int] = {}
        for match in pattern.finditer(html):
            left[_key(pattern, match)] = left.get(_key(pattern, match), 0) + 1

        def looks_like_code(line_no: int) -> bool:
            line = lines[line_no - page.body_line] if 0 <= line_no - page.body_line < len(lines) else ""
            return "`" in line or line.startswith(("    ", "\t"))
        kept = []
        for line_no, match in sorted(found, key=lambda f: looks_like_code(f[0])):
            if left.get(_key(pattern, match), 0) > 0:
                left[_key(pattern, match)] -= 1
                kept.append((line_no, match))
        yield from sorted(kept, key=lambda f: f[1].start())
    return published


def page_problems(page: Page, embed_patterns: list[str], config: object = None) -> Iterator[Problem]:
    text = page.body
    lower = text.lower()
    if not any(gate in lower for gate in GATES.values()) and "![" not in text:
        return  # most pages: none of the characters a problem needs (a Markdown picture has none of the gates)
    matches = _as_rendered(page, text, lower, config)
    for line_no, match in matches(TAGS):
        tag = match.group(1).lower()
        if tag == "iframe" and is_embed_page(page, embed_patterns):
            continue
        where = " outside the embed pages (data/checks.yml: embed_pages)" if tag == "iframe" else ""
        why = f" ({TAG_WHY[tag]})" if tag in TAG_WHY else ""
        yield Problem(page.path, line_no, f"<{tag}> is not allowed in a page{where}{why}: remove it; "
                      "to show something from another site, link to it with [text](https://…)")
    for line_no, match in matches(ATTR_ADDRESS):
        yield Problem(page.path, line_no, f"'{{: {match.group(1).lower()}=… }}' replaces the address the link shows: "
                      "remove it, and write the address in the link itself, [text](https://…)")
    for line_no, match in matches(HANDLER):
        yield Problem(page.path, line_no, f"'{match.group(1)}=' runs a script when clicked or loaded: "
                      "remove it (pages carry no scripts)")
    for line_no, match in matches(SCHEME):
        yield Problem(page.path, line_no, f"a '{match.group(1).lower()}:' link runs a script: remove it, "
                      "and link to a page with https://")
    for line_no, _ in matches(DATA_HTML):
        yield Problem(page.path, line_no, "a 'data:text/html' link can carry a script: remove it")
    loads: dict[int, str] = {}  # one message a line: a picture's own, not also the http:// one
    for line_no, url in page_loads(page, config):
        loads.setdefault(line_no, url)
    for line_no, match in matches(PLAIN_HTTP):
        if line_no not in loads:
            yield Problem(page.path, line_no, f"'{match.group(0)}' is an http:// link (not encrypted, can be changed "
                          "on the way): write https:// instead, after checking the address opens")
    folder = page.path.rsplit("/", 1)[0]
    for line_no, url in loads.items():
        yield Problem(page.path, line_no, f"'{url}' is a picture or file from another site ({host_of(url)}): every "
                      "reader's phone would ask that site for it, which tells it who reads this page (and the site's "
                      "pages block it: the reader sees a broken picture). Save the file next to this page, in "
                      f"{folder}/, and write ![what it shows](name.png)")


def _loads_in(text: str, first_line: int = 1) -> list[tuple[int, str]]:
    """The addresses HTML in a text fetches by itself, with their lines."""
    parser = _Addresses()
    parser.feed(text)
    parser.close()
    return [(first_line + line - 1, url) for line, url in parser.loads]


def page_loads(page: Page, config: object = None) -> list[tuple[int, str]]:
    """What the page, as published, fetches from another site by itself: Markdown pictures and
    HTML's loading attributes and style url(…), outside code (a code example shows, not loads)."""
    text = prose(page)
    lower = text.lower()
    found: list[tuple[int, str]] = []
    if "![" in text:
        found += [(line_no, m.group(1)) for line_no, m in located(page, text, IMAGE_MD, lower)]
    if "<" in text and "=" in text:
        for line_no, tag in located(page, text, TAG_WITH_ATTRIBUTES, lower):
            found += _loads_in(tag.group(0), line_no)
    outside = [(line_no, url) for line_no, url in found if host_of(url) not in ("", "this-site.invalid")]
    if outside and rendered.may_hold_code(page.body):
        shown = {url for _, url in _loads_in(rendered.outside_code(page.body, config))}
        outside = [(line_no, url) for line_no, url in outside if url in shown]
    return outside


def page_links(page: Page, text: str | None = None) -> list[Link]:
    """The page's links to other sites (their host is not this site's), as the browser reads them."""
    text = prose(page) if text is None else text
    lower = text.lower()
    found: list[tuple[int, str]] = [(line_no, m.group(0).rstrip(".,;:")) for line_no, m in located(page, text, URL, lower)]
    if "](" in text or "<" in text or "]:" in text:
        for line_no, m in located(page, text, MD_TARGET, lower):
            found.append((line_no, next(g for g in m.groups() if g)))
    if "<" in text and "=" in text:
        for line_no, tag in located(page, text, TAG_WITH_ATTRIBUTES, lower):  # only tags with attributes: few
            parser = _Addresses()
            parser.feed(tag.group(0))
            parser.close()
            found.extend((line_no + line - 1, url) for line, url in parser.found)
    links = list(dict.fromkeys(Link(page.path, line_no, url) for line_no, url in found
                               if host_of(url) not in ("", "this-site.invalid")))
    sources = page.meta.get("sources") if page.meta else None
    if isinstance(sources, list):
        first = page.line_of("sources") + 1
        links.extend(Link(page.path, first + i, s) for i, s in enumerate(sources)
                     if isinstance(s, str) and host_of(s) not in ("", "this-site.invalid"))
    return links


def _published_hosts(page: Page, config: object) -> set[str]:
    """The hosts the rendered page links to outside its code (rendered.py), as the browser reads them."""
    parser = _Addresses()
    parser.feed(rendered.outside_code(page.body, config))
    parser.close()
    return {host_of(url) for _, url in parser.found}


def registry_links(project: Project) -> list[Link]:
    return [Link(REGISTRY, contact.raw.line_of(key), getattr(contact, key))
            for contact in project.registry.contacts.values() for key in ("website", "source")
            if getattr(contact, key) and host_of(getattr(contact, key))]


def deadline_links(project: Project) -> list[Link]:
    """The deadlines' sources: every page that states a deadline links to its source."""
    return [Link(DEADLINES, item.raw.line_of("source"), item.source)
            for item in project.deadlines.entries.values() if item.source and host_of(item.source)]


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
    flagged: set[tuple[str, int]] = set()  # one slip, one message: a refused tag's address is not named again
    pages: dict[str, Page] = {}
    published: dict[str, set[str]] = {}  # a page's hosts outside code, as rendered (only when one is in doubt)
    for page in project.all_pages():
        if page.readable:
            for problem in page_problems(page, config.embed_pages, project.config.data):
                flagged.add((problem.path, problem.line))
                yield problem
            pages[page.path] = page
            links.extend(link for link in page_links(page) if (link.path, link.line) not in flagged)
    if not config.readable:
        return  # the allowlist is in the file that cannot be read: judge links once it is fixed
    allowed: dict[str, bool] = {}
    for link in links:
        host = link.host
        if host not in allowed:
            allowed[host] = config.domain_allowed(host)
        if not allowed[host] and link.path in pages and rendered.may_hold_code(pages[link.path].body):
            if link.path not in published:
                published[link.path] = _published_hosts(pages[link.path], project.config.data)
            if host not in published[link.path]:
                continue  # only in a code example: the page does not link there
        if not allowed[host]:
            yield Problem(link.path, link.line, f"link to '{host or link.url}', a site outside the allowlist: "
                          "check it is an official or vetted site, then add its domain to allowed_domains in "
                          "data/checks.yml (or link to an allowed site instead)")
