"""Reading without signal (issue 25, part 1): the service worker and what it keeps (engine-free).

A step of make site after the engine (buildsteps.STEPS), because it reads the pages the engine wrote:
- `<language folder>offline.json` per language: the whole guide in that language (its pages, the
  guided path, the stylesheet, the scripts, the search index), each file's address and the size a
  phone downloads (gzip), and the topic pages' titles for the offline page's list of what is kept;
- `<language folder>offline.html`: the page a phone without signal shows for a page it did not
  keep (templates/offline-page.html: the main help numbers as tel: links, links to what is kept);
- `sw.js` at the site's root (the worker must sit there to serve every page), from the template
  templates/sw.js, with the build's version: a hash of every kept file, so a new build that changes
  one byte is a new worker, which replaces what a phone kept.

overrides/assets/keep-section.js registers the worker on every page; offline-save.js runs the "Guardar
para leer sin señal" control (guardar.html, linked from the home and help pages: SAVE_ON) and the offline page's list of what is kept. docs/offline.md says how it works for maintainers.
"""
from __future__ import annotations

import hashlib
import json
import zlib
from pathlib import Path
from urllib.parse import urlsplit

from markupsafe import Markup

from ..core import addresses
from ..core.problems import Problem
from ..core.project import Project
from ..core.urls import que_paso_nodes
from ..core.quepaso import address as que_paso_address
from . import components, render
from .pagemarkup import CSP

WORKER = "sw.js"
MANIFEST = "offline.json"                  # in each language's folder: /offline.json, /en/offline.json
PAGE = "offline.html"                      # the same: /offline.html, /en/offline.html
SAVE_PAGE = "guardar.html"                 # the same: the page that saves the guide (home and help link to it)
SAVE_ON = ("index.md", "ayuda/index.md")   # the pages that link to the "save to read offline" page
# The numbers the offline page offers (calls need no data), in this order; an id missing from
# data/contacts.yml is left out with a message.
MAIN_NUMBERS = ("emergencia", "trafficking", "whd", "osha", "eeoc", "ciam")
# Files every page of a language loads or may load, under the site's root.
ASSETS = ("assets/derechos.css", "assets/favicon.svg", "assets/keep-section.js", "assets/offline-save.js",
          "assets/quick-exit.js", "assets/search.js", "assets/search-core.js")
SEARCH_INDEX = "search/index.json"
SAMPLE = 64                                # files gzipped to tell a language's size (_download)


def _files(project: Project, lang: str) -> tuple[list[str], list[tuple[str, str]]]:
    """The kept files of a language (paths under the site's root, folders as 'x/'), and the topic
    pages' (address, title) for the offline page's list."""
    here = addresses.prefix(lang, project.default)
    pages, titles = [], []
    for rel, page in sorted(project.pages.get(lang, {}).items()):
        path = addresses.page(lang, project.default, rel).lstrip("/")
        pages.append(path)
        title = page.meta.get("title") if page.readable else None
        if isinstance(title, str):
            titles.append((path, title))
    pages += [here + que_paso_address(node.id, project.que_paso.start) for node in que_paso_nodes(project)]
    return [here + PAGE, here + SAVE_PAGE] + pages + list(ASSETS) + [here + SEARCH_INDEX], titles


def _on_disk(site: Path, path: str) -> Path:
    return site / (path + "index.html" if path.endswith("/") or not path else path)


def build(project: Project, site: Path) -> list[Problem]:
    """Writes each language's offline.json and sw.js; a kept file that is missing is an error."""
    problems: list[Problem] = []
    version = hashlib.sha256()
    for lang in project.languages:
        here = site / addresses.prefix(lang, project.default)
        here.mkdir(parents=True, exist_ok=True)
        (here / PAGE).write_text(str(offline_page(project, lang, problems)), encoding="utf-8")
        (here / SAVE_PAGE).write_text(str(save_page(project, lang)), encoding="utf-8")
        kept, titles = _files(project, lang)
        listed, sizes = [], []
        for path in kept:
            file = _on_disk(site, path)
            try:
                data = file.read_bytes()
            except OSError:
                problems.append(Problem("mkdocs.yml", 1, f"the offline copy needs {path}, which the build did not "
                                        "write: scripts/website/offline.py lists what is kept"))
                continue
            version.update(path.encode() + b"\0" + hashlib.sha256(data).digest())
            listed.append(path)
            sizes.append(data)
        manifest = {"files": listed, "bytes": _download(sizes), "pages": titles}
        text = json.dumps(manifest, ensure_ascii=False, separators=(",", ":"))
        (here / MANIFEST).write_text(text, encoding="utf-8")
        version.update(text.encode())
    prefixes = sorted(((addresses.prefix(lang, project.default), lang) for lang in project.languages),
                      key=lambda item: -len(item[0]))  # the longest first: 'en/' before ''
    worker = components.render(WORKER, version=version.hexdigest()[:16], languages=prefixes)
    # Every visitor downloads it: lines without their indentation (no line of it is inside a string).
    (site / WORKER).write_text("\n".join(line.strip() for line in str(worker).splitlines()) + "\n", encoding="utf-8")
    return problems


def _download(files: list[bytes]) -> int:
    """What the phone downloads for these files (gzip, as web hosts send them). Exact up to
    SAMPLE files; beyond, an even sample's ratio times the total: gzip took 1.3 s of CPU on the
    1,000-pair corpus's 2,000 pages (make bench), for a figure shown as "about N KB"."""
    raw = sum(len(data) for data in files)
    step = max(1, -(-len(files) // SAMPLE))
    sample = files[::step]
    packed = sum(len(zlib.compress(data, 6)) for data in sample)
    return packed if step == 1 else round(packed * raw / max(1, sum(len(data) for data in sample)))


def offline_page(project: Project, lang: str, problems: list[Problem]) -> Markup:
    """The page a phone without signal shows for a page it did not keep."""
    words = project.strings.get(lang) or project.strings[project.default]
    calls = []
    for contact_id in MAIN_NUMBERS:
        contact = project.registry.get(contact_id)
        if contact is None:
            if lang == project.default:
                problems.append(Problem("data/contacts.yml", 1, f"the offline page lists the contact '{contact_id}', "
                                        "which is not in data/contacts.yml: add it back or change "
                                        "MAIN_NUMBERS in scripts/website/offline.py"))
            continue
        calls.append((contact.text("name", lang), Markup(render.inline_phone(contact, words))))
    root = _root(project)
    return components.render("offline-page.html", lang=lang, words=words, calls=calls, csp=Markup(CSP),
                             root=root, home=root + addresses.prefix(lang, project.default),
                             twins=_twins(project, lang, PAGE))


def _root(project: Project) -> str:
    """Both pages are served for any address of the language (the offline page) or linked from
    several, so their links start at the site's root ('/' or the folder of SITE_URL)."""
    return urlsplit(project.site_url or "/").path.rstrip("/") + "/"


def _twins(project: Project, lang: str, name: str) -> list[tuple[str, str, str]]:
    """(language, its name, address) of the same page in each other language: the switcher."""
    return [(other, project.strings[other]("language_name"),
             _root(project) + addresses.prefix(other, project.default) + name)
            for other in project.languages if other != lang and other in project.strings]


def save_page(project: Project, lang: str) -> Markup:
    """The page that saves the guide: its size first (assets/offline-save.js)."""
    words = project.strings.get(lang) or project.strings[project.default]
    root = _root(project)
    return components.render("save-page.html", lang=lang, words=words, csp=Markup(CSP), root=root,
                             home=root + addresses.prefix(lang, project.default),
                             twins=_twins(project, lang, SAVE_PAGE))


def saves_here(rel: str) -> bool:
    """The page (its Markdown file inside its language) shows the "save to read offline" control."""
    return rel in SAVE_ON
