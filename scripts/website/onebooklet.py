"""The guide as a printed booklet (issue 25, part 2): /descargas/derechos-es-letter.pdf, …-a4.pdf,
/en/descargas/derechos-en-letter.pdf, …-a4.pdf, for consulates that print brochures.

A step of make site after the one-file guide (buildsteps.STEPS): each booklet is that guide
(onefile.py), the same words and numbers, laid out for paper by WeasyPrint with a stylesheet of
its own (templates/booklet.css): black on white, at least 11 pt, the guide's list of pages as a
contents page with each section's page number, each page of the site on a new sheet, the page
number at the foot. Nothing is fetched from the network (the flyers'
renderer, scripts/flyers/pdf.py). Rendering takes seconds, so the booklets are filed
as the flyers are (scripts/flyers/cache.py, in .cache/booklet/): a build whose guide did not
change copies them. Nothing to do when a page is added: it is in the guide, so it is here.

The page a link leads to ("(→ 12)", the contents' numbers) is written on the link (data-page)
from where the layout put its target, and the booklet is laid out again until every number it
prints is the page its target is on (`laid_out`). WeasyPrint's own target-counter printed two of
the Spanish guided path's answers one page early, and laid out every page with a number three
times. The numbers of the last build are the first guess (.cache/booklet-pages.json): after an
edit that moves no page, one layout is enough.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Callable

from .. import parallel
from ..core import addresses
from ..core.problems import Problem
from ..core.project import Project
from . import onefile

PAPERS = ("letter", "a4")                       # the file names' word for each paper
STYLESHEET = Path(__file__).parent / "templates" / "booklet.css"
CACHE = ".cache/booklet"
_STYLE = re.compile(r"<style>.*?</style>", re.S)
_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy"[^>]*>\s*')
_NAV = re.compile(r"<nav\b.*?</nav>", re.S)               # the guide's first nav: its contents
_CONTENTS = re.compile(r'<li><a href="#([^"]+)">')
_LINK = re.compile(r'(<a\b[^>]*?\bhref="#([^"]+)")')  # a link inside the guide, and its target
PAGES = ".cache/booklet-pages.json"  # the last build's page of each link's target, per language
TRIES = 4  # layouts before giving up; two when nothing is known, one when the guess holds


def file_name(lang: str, paper: str) -> str:
    return f"derechos-{lang}-{paper}.pdf"


def path(project: Project, lang: str, paper: str) -> str:
    """The file inside the site: 'descargas/derechos-es-letter.pdf', 'en/descargas/derechos-en-a4.pdf'."""
    return addresses.prefix(lang, project.default) + onefile.FOLDER + "/" + file_name(lang, paper)


def stylesheet() -> str:
    """Laid out once on the area Letter and A4 share, as the flyers are (flyers/pdf.py,
    write_papers): then written on each paper, centred. The layout is most of the time."""
    from ..flyers.layout import FONTS, PAPER_CSS
    return (STYLESHEET.read_text(encoding="utf-8")
            .replace("{{ fonts }}", FONTS.as_uri()).replace("{{ paper }}", PAPER_CSS["shared"]))


def for_paper(guide: str) -> str:
    """The one-file guide with the booklet's stylesheet in place of the screen's: each section the
    contents page lists starts a new sheet."""
    nav = _NAV.search(guide)
    sections = _CONTENTS.findall(nav.group(0)) if nav else []
    breaks = ", ".join(f"#{name}" for name in sections)
    style = f"<style>{breaks} {{ break-before: page; }}</style>" if sections else ""
    return _STYLE.sub(lambda _: style, _META_CSP.sub("", guide), count=1)


def numbered(html: str, pages: dict[str, int]) -> str:
    """Each link to a place in the guide with the page it is on (data-page="12"), which the
    stylesheet prints after it; empty where the page is not known yet."""
    return _LINK.sub(lambda m: f'{m.group(1)} data-page="{pages.get(m.group(2), "")}"', html)


def pages_of(document, names: set[str]) -> dict[str, int]:
    """The page (counted from 1, as the foot shows) each of `names` is on in a laid-out document:
    WeasyPrint's Page.anchors, every id on that page."""
    found: dict[str, int] = {}
    for number, page in enumerate(document.pages, 1):
        for name in names.intersection(page.anchors):
            found.setdefault(name, number)
    return found


class Unsettled(Exception):
    """The page numbers kept moving the pages they point to."""


def laid_out(renderer, html: str, guess: dict[str, int]):
    """The booklet laid out with every link's page number right, and those numbers. Laid out with
    the guess, then with what that layout showed, until the two agree: only a number's width can
    move a page. Measured on both languages: two layouts from nothing, one from the last build's."""
    names = {m.group(2) for m in _LINK.finditer(html)}
    guess = guess or dict.fromkeys(names, 10)  # nothing known: two digits each, as most are
    css = stylesheet()
    for _ in range(TRIES):
        document = renderer.render(numbered(html, guess), css)
        found = pages_of(document, names)
        if found == guess:
            return document, found
        guess = found
    raise Unsettled(f"its page numbers did not settle after {TRIES} layouts")


def _render(site: Path, html: str, targets: dict[str, Path], guess: dict[str, int]) -> tuple[str | None, dict]:
    """One language's booklet on every paper: what went wrong, in words, or None; and the page of
    each link's target, the next build's guess."""
    from ..flyers.layout import PAPER_MM
    from ..flyers.pdf import Renderer
    renderer = Renderer(base=Path(site).resolve())
    try:
        document, pages = laid_out(renderer, html, guess)
        renderer.write_papers(document, {target: PAPER_MM[paper] for paper, target in targets.items()})
    except Exception as error:  # WeasyPrint's own errors and Unsettled: say which file, fail the build
        return f"could not be written: {error}", {}
    if renderer.fetcher.refused:
        return f"asked for {renderer.fetcher.refused[0]}: they are made offline", {}
    return None, pages


def _guesses(project: Project) -> dict[str, dict[str, int]]:
    """The last build's page numbers, per language; nothing when there are none (a clean build)."""
    try:
        found = json.loads((Path(project.root) / PAGES).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {lang: {name: page for name, page in pages.items() if isinstance(page, int)}
            for lang, pages in found.items() if isinstance(pages, dict)}  # only numbers reach the HTML


def _keep_guesses(project: Project, guesses: dict[str, dict[str, int]]) -> None:
    try:
        (Path(project.root) / PAGES).write_text(json.dumps(guesses, sort_keys=True), encoding="utf-8")
    except OSError:
        pass  # a read-only project only costs the next build a layout


def build(project: Project, site: Path, tasks: parallel.Tasks | None = None) -> list[Problem]:
    """Writes each language's booklet on each paper (one layout for both), copied from the cache
    when its guide is unchanged; alone, one language after the other."""
    return start(project, site, tasks or parallel.SerialTasks())()


def start(project: Project, site: Path, tasks: parallel.Tasks) -> Callable[[], list[Problem]]:
    """Starts a task for each language whose booklet must be laid out (seconds each: make site
    runs them side by side, and its next steps meanwhile, scripts/buildsteps.py); returns what
    waits for them, files them and says what went wrong."""
    from ..flyers.cache import Cache, tools
    cache = Cache(Path(project.root) / CACHE,
                  tools() + STYLESHEET.read_text(encoding="utf-8") + Path(__file__).read_text(encoding="utf-8"))
    guesses = _guesses(project)
    waiting = []  # (lang, key, targets, html): the booklets not in the cache
    for lang in project.languages:
        guide = site / onefile.path(project, lang)
        if not guide.is_file():
            continue  # onefile.build said why
        html = for_paper(guide.read_text(encoding="utf-8"))
        targets = {paper: site / path(project, lang, paper) for paper in PAPERS}
        key = cache.key("booklet", html)
        if not cache.fetch(key, targets):
            waiting.append((lang, key, targets, html))
    # A task per language: each layout serves both papers, whose pages are drawn once (flyers/pdf.py).
    rendering = [(lang, key, targets, tasks.add(f"the '{lang}' booklet", _render, site, html, targets,
                                                guesses.get(lang, {})))
                 for lang, key, targets, html in waiting]

    def finish() -> list[Problem]:
        problems: list[Problem] = []
        for lang, key, targets, task in rendering:
            failure, guesses[lang] = tasks.result(task)
            if failure:
                files = " and /".join(path(project, lang, paper) for paper in PAPERS)
                problems.append(Problem("Makefile", 1, f"the booklets /{files} {failure}"))
            else:
                cache.keep(key, targets)
        if rendering:
            _keep_guesses(project, guesses)
        cache.prune()
        return problems
    return finish
