"""The whole guide as one file (issue 25, part 2): /descargas/derechos-es.html, /en/descargas/derechos-en.html.

A step of make site after the engine (buildsteps.STEPS): it reads the pages the engine wrote and
puts, in one HTML file per language, the home page, every page of the menu that is read as text
(not search, the flyers page, the words list or the downloads page), the guided path ("¿Qué le
pasó?") and, last, every contact of data/contacts.yml that no page of the file shows. Each page is
a section; its ids get the section's name in front, so links between pages become links inside
the file and every #anchor still leads to its place. A link to a page that is not in the file
(a state page, say) goes to the site's address. The stylesheet is inside the file, there is no
script, and the file's Content-Security-Policy forbids loading anything: it opens from a phone's
Downloads folder, and can be sent by WhatsApp or Bluetooth. Nothing to do when a page is added:
it is in the menu, so it is in the file (docs/offline.md).
"""
from __future__ import annotations

import html
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup

from ..core import addresses, menu
from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import address as que_paso_address
from ..core.urls import que_paso_nodes
from . import components, render

FOLDER = "descargas"                         # /descargas/, /en/descargas/: the downloads page and its files
LEFT_OUT = ("buscar/index.md", "volantes/index.md", "palabras/index.md", FOLDER + "/index.md")
LIMIT = 300 * 1024                           # issue 25: the file stays under 300 KB
STYLESHEET = "assets/derechos.css"           # as published (lean.compact_css: no comments)
CSP = "default-src 'none'; style-src 'unsafe-inline'; form-action 'none'"  # its own <style>, nothing else

_ARTICLE = re.compile(r'<article class="md-content__inner md-typeset">(.*)</article>', re.S)
_SCRIPT = re.compile(r"<script\b.*?</script>\s*", re.S | re.I)
_ID = re.compile(r'\bid="([^"]*)"')
_HREF = re.compile(r'\bhref="([^"]*)"')
_TITLE = re.compile(r"<title>(.*?)</title>", re.S)
_EXTERNAL = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|//)", re.I)
_TEL = re.compile(r'href="tel:([^"]+)"')
_TOPIC_ITEM = re.compile(r'<li><a href="([^"]*)">.*?</li>\s*', re.S)  # one line of [[topics]] (topics.py)
# What the guided path's steps repeat below them (the review date and disclaimer, the note that the
# site keeps no answers): on the site each step is a page of its own; in one file and on paper the
# path's start says it once. A footer that differs is kept whole: an outcome names its sources.
_PATH_REPEATS = (re.compile(r'<footer class="page-facts">.*?</footer>\s*', re.S),
                 re.compile(r'<p class="qp-privacy">.*?</p>\s*', re.S))


def file_name(lang: str) -> str:
    return f"derechos-{lang}.html"


def path(project: Project, lang: str) -> str:
    """The file inside the site: 'descargas/derechos-es.html', 'en/descargas/derechos-en.html'."""
    return addresses.prefix(lang, project.default) + FOLDER + "/" + file_name(lang)


def left_out(project: Project, lang: str) -> set[str]:
    """The site paths of the menu's pages with 'downloads: false' ('copia-001/salarios/', …)."""
    here = addresses.prefix(lang, project.default)
    return {here + addresses.page_address(rel) for rel in menu.page_paths(menu.nav(project)) if _left_out(project, lang, rel)}


def _without_left_out(body: str, here: str, gone: set[str]) -> str:
    """The home page's list of topics, less the pages left out of the file: the file's own
    contents list what it holds, and a list of 1,000 pages it does not hold is not a guide."""
    def item(match: re.Match) -> str:
        target = urlsplit(urljoin("/" + here, html.unescape(match.group(1)))).path.lstrip("/")
        return "" if target.removesuffix("index.html") in gone else match.group(0)
    return _TOPIC_ITEM.sub(item, body) if gone else body


def pages(project: Project, lang: str) -> list[str]:
    """The site paths of the pages in the file, in order ('' is the home page, 'salarios/', …)."""
    here = addresses.prefix(lang, project.default)
    found = [here + addresses.page_address(rel) for rel in menu.page_paths(menu.nav(project))
             if rel not in LEFT_OUT and rel in project.pages.get(lang, {}) and not _left_out(project, lang, rel)]
    found += [here + que_paso_address(node.id, project.que_paso.start) for node in que_paso_nodes(project)]
    return list(dict.fromkeys(found))


def _left_out(project: Project, lang: str, rel: str) -> bool:
    """'downloads: false' in the page's front matter, in this language or the default one (the
    languages' files hold the same pages: one line written in one language is enough)."""
    return any(project.pages.get(code, {}).get(rel) is not None
               and project.pages[code][rel].meta.get("downloads") is False for code in (lang, project.default))


def section_id(site_path: str) -> str:
    """'salarios/' -> 'p-salarios', '' -> 'p-inicio', 'en/que-paso/pago/' -> 'p-en-que-paso-pago'."""
    return "p-" + (site_path.strip("/").replace("/", "-") or "inicio")


def _on_disk(site: Path, site_path: str) -> Path:
    return site / (site_path + "index.html")


def _rewrite(body: str, here: str, included: set[str], project: Project) -> str:
    """Ids get the section's name; links to a page in the file become in-file links; other
    links inside the site become the site's addresses."""
    own = section_id(here)
    body = _ID.sub(lambda m: f'id="{own}--{m.group(1)}"', body)

    def link(match: re.Match) -> str:
        href = html.unescape(match.group(1))
        if href.startswith("#"):
            return f'href="#{own}--{html.escape(href[1:])}"'
        if _EXTERNAL.match(href):
            return match.group(0)
        target = urlsplit(urljoin("/" + here, href))
        where = target.path.lstrip("/")
        if where.endswith("index.html"):
            where = where.removesuffix("index.html")
        if where in included:
            fragment = f"{section_id(where)}--{target.fragment}" if target.fragment else section_id(where)
            return f'href="#{html.escape(fragment)}"'
        full = addresses.absolute(project.site_url, where) + (f"#{target.fragment}" if target.fragment else "")
        return f'href="{html.escape(full)}"'
    return _HREF.sub(link, body)


def said_once(start: str, step: str) -> str:
    """A step of the guided path without what the path's start already says (_PATH_REPEATS): a
    part is left out only when the start has the very same words."""
    for pattern in _PATH_REPEATS:
        said = {match.group(0).strip() for match in pattern.finditer(start)}
        step = pattern.sub(lambda m, said=said: "" if m.group(0).strip() in said else m.group(0), step)
    return step


def _path_said_once(sections: list[tuple[str, Markup]], start: str) -> list[tuple[str, Markup]]:
    """The guided path's steps (sections 'p-que-paso-…' after its start 'p-que-paso') said_once."""
    said = dict(sections).get(start, "")
    return [(name, Markup(said_once(said, body)) if said and name.startswith(start + "-") else body)
            for name, body in sections]


def guide(project: Project, site: Path, lang: str) -> tuple[str, list[Problem]]:
    """The file's text for one language."""
    problems: list[Problem] = []
    words = project.strings.get(lang) or project.strings[project.default]
    listed = pages(project, lang)
    included = set(listed)
    home, gone = addresses.prefix(lang, project.default), left_out(project, lang)
    sections, contents = [], []
    for here in listed:
        try:
            page = _on_disk(site, here).read_text(encoding="utf-8")
        except OSError:
            problems.append(Problem("mkdocs.yml", 1, f"the one-file guide needs /{here}, which the build did not "
                                    "write: scripts/website/onefile.py lists its pages"))
            continue
        found = _ARTICLE.search(page)
        if not found:
            continue
        title = html.unescape(_TITLE.search(page).group(1)).rsplit(" - ", 1)[0].strip()
        body = _SCRIPT.sub("", found.group(1))
        if here == home:
            body = _without_left_out(body, here, gone)
        body = _rewrite(body, here, included, project)
        sections.append((section_id(here), Markup(body)))
        if "que-paso/" not in here or here.endswith("que-paso/"):  # the path's start, not each of its steps
            contents.append((section_id(here), title))
    sections = _path_said_once(sections, section_id(home + que_paso_address(project.que_paso.start, project.que_paso.start)))
    shown = set(_TEL.findall("".join(body for _, body in sections)))
    more = [Markup(render.contact_card(contact, words, heading="h3"))
            for contact in project.registry.contacts.values()
            if contact.phone and contact.phone not in shown]
    try:
        css = (site / STYLESHEET).read_text(encoding="utf-8")
    except OSError:
        problems.append(Problem("mkdocs.yml", 1, f"the one-file guide needs /{STYLESHEET}, which the build did not write"))
        return "", problems
    text = components.render("one-file-guide.html", lang=lang, words=words, csp=Markup(CSP), css=Markup(css),
                             sections=sections, contents=contents, more=more,
                             site=addresses.absolute(project.site_url, addresses.home(lang, project.default)))
    return str(text), problems


def build(project: Project, site: Path) -> list[Problem]:
    """Writes each language's one-file guide; over LIMIT is an error."""
    problems: list[Problem] = []
    for lang in project.languages:
        text, found = guide(project, site, lang)
        problems += found
        if not text:
            continue
        where = site / path(project, lang)
        where.parent.mkdir(parents=True, exist_ok=True)
        where.write_text(text, encoding="utf-8")
        size = len(text.encode("utf-8"))
        if size > LIMIT:
            problems.append(Problem("mkdocs.yml", 1, f"the one-file guide /{path(project, lang)} is {size // 1024} KB, "
                                    f"over its {LIMIT // 1024} KB: shorten pages, or leave a page out of the downloads with the line "
                                    "'downloads: false' in its front matter (docs/offline.md)"))
    return problems
