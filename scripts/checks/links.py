"""Links between pages reach a page and a #section that exist, and name the page's file.

The site engine finds both too, but only during `make site`, after the other checks passed, and
without a line number. Found here, each is one `path:line:` message from `make check`.

A link written as a page's web address ('/represalias/', '../lesiones/') works on the site only
by luck: it breaks when the site is published under a path (a consulate's /derechos/), leads an
English reader to the Spanish page, and cannot be followed in the one-file guide or the printed
booklet. The file's name (../represalias/index.md) is what the engine turns into each of those.
"""
from __future__ import annotations

import posixpath
import re
import unicodedata
from typing import Iterable

from ..core import quepaso, states
from ..core.problems import Problem
from ..core.project import Page, Project
from ..core.references import find_references
from ..core.sections import FENCE, section_ids
from ..core.urls import gone

HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
ATTR_AT_END = re.compile(r"\s*\{:?[^}]*\}\s*$")
LINK = re.compile(r"(?<!!)\[(?:[^\]\n]|\][^(\n])*?\]\(\s*<?([^)\s>]+)>?(?:\s+\"[^\"]*\")?\s*\)")
HTML_ID = re.compile(r"""\bid=["']([^"']+)["']""")
EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
INLINE = re.compile(r"\[([^\]]*)\]\([^)]*\)|[*_`]+")


def slug(text: str) -> str:
    """The id the engine's table of contents gives a heading (Python-Markdown's toc slugify)."""
    text = INLINE.sub(lambda m: m.group(1) or "", text)
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii")
    text = re.sub(r"[^\w\s-]", "", text).strip().lower()
    return re.sub(r"[-\s]+", "-", text)


def anchors(page: Page, project: Project) -> set[str]:
    """Every #id a link may name on this page: headings, {#id}, id="…", and the contact cards."""
    found = set(section_ids(page))
    seen: dict[str, int] = {}
    fenced = False
    for line in page.body.splitlines():
        if FENCE.match(line):
            fenced = not fenced
            continue
        if fenced:
            continue
        found.update(HTML_ID.findall(line))
        match = HEADING.match(line)
        if match and not ATTR_AT_END.search(match.group(2)):
            base = slug(match.group(2))
            # the engine makes a repeated heading's id unique with _1, _2…
            count = seen.get(base, 0)
            seen[base] = count + 1
            found.add(base if count == 0 else f"{base}_{count}")
    for ref in find_references(page.body, page.body_line):
        if ref.kind == "contact":
            found.add(f"contacto-{ref.contact_id}")
        elif ref.kind == "directory":
            found.update(f"contacto-{cid}" for cid in project.registry.contacts)
            found.update({c.group for c in project.registry.contacts.values()})
    return found


def _links(page: Page) -> Iterable[tuple[int, str]]:
    if "](" not in page.body:  # every link has it; most lines have none (2,000 pages on a big site)
        return
    fenced = False
    for number, line in enumerate(page.body.splitlines(), start=page.body_line):
        if ("`" in line or "~" in line) and FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced and "](" in line:
            for match in LINK.finditer(line):
                yield number, match.group(1)


def _page_file(path: str, names: set[str]) -> str | None:
    """The page a site address inside a language stands for ('represalias/', 'salarios', '' for the
    home page) as a page name ('represalias/index.md'), when there is one; None for anything else
    (a flyer, a picture, a folder the site does not have)."""
    parts = [part for part in path.split("/") if part and part != "."]
    if any(part == ".." for part in parts) or (parts and "." in parts[-1]):
        return None
    name = "/".join(parts + ["index.md"])
    return name if name in names else None


def _language_and_path(project: Project, page: Page, path: str) -> tuple[str, str]:
    """Which language's site an address inside the site leads to, and the path inside it:
    '/en/salarios/' -> ('en', 'salarios/'); '../lesiones/' on an English page -> ('en', 'lesiones');
    '../../es/trata/' (out of the page's language folder) -> ('es', 'trata')."""
    if path.startswith("/"):
        first, _, rest = path.lstrip("/").partition("/")
        if first in project.languages and first != project.default:
            return first, rest
        return project.default, path.lstrip("/")
    where = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path))
    if where.startswith("../"):
        _, lang, *rest = where.split("/")
        return lang, "/".join(rest)
    return page.lang, "" if where == "." else where


def address_problems(project: Project, written_as_addresses: list[tuple[Page, int, str]]) -> Iterable[Problem]:
    """A link to a page written as its web address instead of its file (see the module)."""
    names = ({rel for pages in project.pages.values() for rel in pages} | quepaso.sources(project.que_paso)
             | {source for source, _, _ in states.published(project.states)})
    for page, line, target in written_as_addresses:
        path, hash_, section = target.partition("#")
        lang, inside = _language_and_path(project, page, path)
        name = _page_file(inside, names) if lang in project.languages else None
        if name is None:
            continue  # a flyer, a picture, a file: the engine checks them
        written = _relative(page, name, hash_ + section)
        if lang != page.lang:
            yield _other_language(page, line, target, lang, written)
        else:
            yield Problem(page.path, line, f"the link '{target}' is the page's web address: write its file instead: "
                          f"({written}). A web address breaks when the site is published under another address, "
                          "sends an English reader to the Spanish page and cannot be followed in the printed guide")


def _relative(page: Page, name: str, anchor: str = "") -> str:
    """A page name ('represalias/index.md') as a link from `page` ('../represalias/index.md#plazos')."""
    return posixpath.relpath(name, posixpath.dirname(page.rel) or ".") + anchor


def _other_language(page: Page, line: int, target: str, lang: str, written: str) -> Problem:
    """A link into another language's pages, however it was written: the language button's job."""
    return Problem(page.path, line, f"the link '{target}' leads to a page in another language ('{lang}'): the "
                   "language button already links every page to its twin. Link to the page in this "
                   f"page's language by its file: ({written})")


def page_links(project: Project, others: list[tuple[Page, int, str]] | None = None) -> Iterable[tuple[Page, int, str, str, str]]:
    """(page, line, link as written, the page it names (rel), #section or '') for each link between
    pages; the links inside the site not written as a page's file go to `others` when given."""
    for page in project.all_pages():
        for line, target in _links(page):
            if EXTERNAL.match(target):
                continue  # other sites are the safety check's
            path, _, section = target.partition("#")
            if target.startswith("/") or (path and not path.endswith(".md")):
                if others is not None:
                    others.append((page, line, target))
                continue  # a web address (address_problems), an image or a file (the engine checks them)
            rel = posixpath.normpath(posixpath.join(posixpath.dirname(page.rel), path)) if path else page.rel
            yield page, line, target, rel, section


def check_links(project: Project) -> Iterable[Problem]:
    """A link to another page names its file (../salarios/index.md) and, if any, a #section it has."""
    cache: dict[tuple[str, str], set[str]] = {}
    others: list[tuple[Page, int, str]] = []
    path_pages = quepaso.sources(project.que_paso)  # "¿Qué le pasó?" pages, made from data/que-paso.yml
    state_pages = {source: sections for source, sections, _ in states.published(project.states)}  # from data/states.yml
    broken = gone(project)  # published pages and sections that went: the manifest check names each link to them
    for page, line, target, rel, section in page_links(project, others):
        pages = project.pages.get(page.lang, {})
        if rel in broken.pages or (rel, section) in broken.sections:
            continue
        other = pages.get(rel)
        if other is None and (rel in path_pages or (rel.startswith(quepaso.FOLDER + "/") and not project.que_paso.readable)):
            continue  # made from data/que-paso.yml, which checks/que_paso_*.py check (or reports broken, once)
        if other is None and rel in state_pages:
            if section and section not in state_pages[rel]:
                yield Problem(page.path, line, f"the link '{target}' names the section '#{section}', which a state's page "
                              f"does not have: use one of {', '.join(state_pages[rel]) or 'none (a list has no sections)'}")
            continue
        if other is None and rel.startswith(states.FOLDER + "/") and not project.states.readable:
            continue  # made from data/states.yml, which cannot be read now (its one message says why)
        if other is None:
            if project.default in project.pages and rel in project.pages[project.default] and page.lang in project.extra_languages:
                other = project.pages[project.default][rel]  # a further language falls back to Spanish
            elif rel.startswith("../") and rel.split("/")[1] in project.languages:  # ../../en/salarios/index.md
                lang, inside = _language_and_path(project, page, target.partition("#")[0])
                yield _other_language(page, line, target, lang, _relative(page, inside, "#" + section if section else ""))
                continue
            else:
                yield Problem(page.path, line, f"the link '{target}' leads to no page: content/{page.lang}/{rel} "
                              "does not exist. Write the path of an existing page, like ../salarios/index.md")
                continue
        if not section or not other.readable:
            continue
        key = (other.lang, other.rel)
        if key not in cache:
            cache[key] = anchors(other, project)
        if section not in cache[key]:
            yield Problem(page.path, line, f"the link '{target}' names the section '#{section}', which "
                          f"{other.path} does not have: use one of its {{#id}} names "
                          f"({', '.join(sorted(section_ids(other))) or 'none yet'}), or add {{#{section}}} to its heading")
    yield from address_problems(project, others)  # gathered while the links above were read
