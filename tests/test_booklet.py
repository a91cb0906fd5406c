"""Issue 25, part 2: the guide as a printed booklet (/descargas/derechos-<lang>-<letter|a4>.pdf).
Its text (pdftotext) holds every topic's title and every registry number as the site writes it,
its first page lists the sections with their page numbers, and every page is numbered."""
from __future__ import annotations

import html
import json
import re
import shutil
import subprocess

import pytest

from scripts import buildsteps, parallel
from scripts.core import project as project_module
from scripts.website import onebooklet, onefile

from conftest import ROOT

PROJECT = project_module.load(ROOT)
TITLE = re.compile(r"<title>(.*?)</title>", re.S)
CALL = re.compile(r'<a\b[^>]*\bhref="tel:([^"]+)"[^>]*>(.*?)</a>', re.S)
TAG = re.compile(r"<[^>]+>")
SIZES = {"letter": "612 x 792 pts", "a4": "595.276 x 841.89 pts"}


def plain(text: str) -> str:
    """Text as a reader sees it: non-breaking hyphens and spaces as ordinary ones, a word split at
    its hyphen across two lines ("co-" "workers") whole, one space between words."""
    text = re.sub(r"-\n(?=\S)", "-", text.replace("\u2011", "-").replace("\u00a0", " "))
    return " ".join(text.split())


def pdf_text(pdf, *pages: str) -> str:
    """As laid out: the plain mode joins a word split at its hyphen and drops the hyphen."""
    run = subprocess.run([shutil.which("pdftotext") or "pdftotext", "-layout", *pages, str(pdf), "-"], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout


def test_the_booklets_are_a_build_step_after_the_one_file_guide():
    assert buildsteps.STEPS.index(onefile.build) < buildsteps.STEPS.index(onebooklet.build)


def tiny_guide(lang: str, extra: str = "") -> str:
    return (f'<html lang="{lang}"><head><style>screen</style>{extra}</head><body><div class="one-file-guide">'
            '<nav><ol><li><a href="#p-a">A</a></li><li><a href="#p-b">B</a></li></ol></nav>'
            '<section class="one-file-page" id="p-a"><h1>A</h1><p>Vea <a href="#p-b">B</a>.</p></section>'
            '<section class="one-file-page" id="p-b"><h1>B</h1><p>H-2A</p></section></div></body></html>')


def tiny_site(proj, tmp_path):
    """A built site's folder holding only each language's one-file guide, tiny."""
    site = tmp_path / "site"
    for lang in proj.languages:
        guide = site / onefile.path(proj, lang)
        guide.parent.mkdir(parents=True, exist_ok=True)
        guide.write_text(tiny_guide(lang), encoding="utf-8")
    return site


@pytest.mark.parametrize("tasks", [parallel.SerialTasks, parallel.ParallelTasks])
def test_each_language_is_laid_out_as_a_task_of_the_build_and_filed(project_copy, tmp_path, tasks):
    """make site gives the step its tasks: each language's booklet is one, side by side on two
    cores; what a task wrote is filed by the build, so the next build copies it."""
    proj = project_module.load(project_copy)
    site = tiny_site(proj, tmp_path)
    first = tasks()
    assert onebooklet.build(proj, site, first) == []
    assert [task.name for task in first.tasks] == [f"the '{lang}' booklet" for lang in proj.languages]
    pdfs = {lang: [site / onebooklet.path(proj, lang, paper) for paper in onebooklet.PAPERS] for lang in proj.languages}
    assert all(pdf.read_bytes().startswith(b"%PDF") for files in pdfs.values() for pdf in files)
    kept = json.loads((project_copy / onebooklet.PAGES).read_text(encoding="utf-8"))  # the next layout's guess
    assert kept == {lang: {"p-a": 2, "p-b": 3} for lang in proj.languages}
    again = tasks()
    for files in pdfs.values():
        for pdf in files:
            pdf.unlink()
    assert onebooklet.build(proj, site, again) == [] and again.tasks == []   # copied from the cache
    assert all(pdf.is_file() for files in pdfs.values() for pdf in files)
    # A language whose guide asks the network for something fails alone, in words naming its files.
    guide = site / onefile.path(proj, "en")
    guide.write_text(tiny_guide("en", '<link rel="stylesheet" href="https://example.org/a.css">'), encoding="utf-8")
    problems = onebooklet.build(proj, site, tasks())
    assert [p.message for p in problems] == [
        "the booklets /en/descargas/derechos-en-letter.pdf and /en/descargas/derechos-en-a4.pdf asked for "
        "https://example.org/a.css: they are made offline"]


def test_one_booklet_alone_is_one_task_for_both_papers(project_copy, tmp_path):
    """After an edit of one language's pages only its booklet is made: one task lays it out once
    and writes both papers; the files are those a build of both languages writes, and filed."""
    proj = project_module.load(project_copy)
    site = tiny_site(proj, tmp_path)
    assert onebooklet.build(proj, site, parallel.SerialTasks()) == []
    guide = site / onefile.path(proj, "es")
    guide.write_text(tiny_guide("es").replace("<h1>B</h1>", "<h1>B, otra vez</h1>"), encoding="utf-8")
    tasks = parallel.ParallelTasks()
    assert onebooklet.build(proj, site, tasks) == []
    assert [task.name for task in tasks.tasks] == ["the 'es' booklet"]
    pdfs = [site / onebooklet.path(proj, "es", paper) for paper in onebooklet.PAPERS]
    alone = [pdf.read_bytes() for pdf in pdfs]
    assert "B, otra vez" in pdf_text(pdfs[0])
    assert json.loads((project_copy / onebooklet.PAGES).read_text(encoding="utf-8"))["es"] == {"p-a": 2, "p-b": 3}
    assert onebooklet.build(proj, site, again := parallel.ParallelTasks()) == [] and again.tasks == []  # filed
    shutil.rmtree(project_copy / onebooklet.CACHE)
    together = parallel.SerialTasks()
    assert onebooklet.build(proj, site, together) == [] and len(together.tasks) == 2  # a task per language
    assert [pdf.read_bytes() for pdf in pdfs] == alone


class Counting:
    """The booklet's renderer, counting its layouts."""

    def __init__(self, site):
        from scripts.flyers.pdf import Renderer
        self.renderer, self.layouts = Renderer(base=site), 0

    def render(self, html, css):
        self.layouts += 1
        return self.renderer.render(html, css)


def test_the_page_numbers_are_read_from_the_layout_and_the_last_ones_are_the_first_guess(tmp_path):
    """Nothing known: laid out with a guess, then with the pages that layout showed. The numbers
    of the last build: one layout. A wrong guess is corrected, never printed."""
    guide = onebooklet.for_paper(tiny_guide("es"))
    first = Counting(tmp_path)
    document, pages = onebooklet.laid_out(first, guide, {})
    assert pages == {"p-a": 2, "p-b": 3} and len(document.pages) == 3 and first.layouts == 2
    again = Counting(tmp_path)
    assert onebooklet.laid_out(again, guide, pages)[1] == pages and again.layouts == 1
    wrong = Counting(tmp_path)
    assert onebooklet.laid_out(wrong, guide, {"p-a": 7, "p-b": 1})[1] == pages and wrong.layouts == 2
    assert 'href="#p-b" data-page="3">B</a>' in onebooklet.numbered(guide, pages)


def test_a_damaged_page_number_file_is_only_a_worse_guess(project_copy):
    """.cache/booklet-pages.json is the build's own; edited or cut short, it guesses nothing, and
    nothing but a number from it reaches the booklet's HTML."""
    proj = project_module.load(project_copy)
    pages = project_copy / onebooklet.PAGES
    pages.parent.mkdir(parents=True, exist_ok=True)
    pages.write_text('{"es": {"p-a": "<b>", "p-b": 3}, "en": 3}', encoding="utf-8")
    assert onebooklet._guesses(proj) == {"es": {"p-b": 3}}
    pages.write_text('{"es": {"p-a"', encoding="utf-8")
    assert onebooklet._guesses(proj) == {}


class Restless:
    """A layout whose pages move with every number written on it (never seen; the build must still end)."""

    def __init__(self):
        self.layouts = 0

    def render(self, html, css):
        self.layouts += 1
        blank, last = (type("Page", (), {"anchors": anchors}) for anchors in ({}, {"p-b": (0, 0)}))
        return type("Document", (), {"pages": [blank()] * self.layouts + [last()]})  # p-b one page further each time


def test_page_numbers_that_never_settle_stop_the_build_in_words(tmp_path, monkeypatch):
    restless = Restless()
    with pytest.raises(onebooklet.Unsettled, match="did not settle after 4 layouts"):
        onebooklet.laid_out(restless, onebooklet.for_paper(tiny_guide("es")), {})
    assert restless.layouts == onebooklet.TRIES
    real = onebooklet.laid_out
    monkeypatch.setattr(onebooklet, "laid_out", lambda _renderer, *args: real(Restless(), *args))
    failure, pages = onebooklet._render(tmp_path, onebooklet.for_paper(tiny_guide("es")),
                                        {"letter": tmp_path / "b.pdf"}, {})
    assert failure == "could not be written: its page numbers did not settle after 4 layouts" and pages == {}


def test_for_paper_breaks_only_before_the_contents_sections():
    guide = ('<style>screen</style><nav aria-label="c"><ol><li><a href="#p-inicio">A</a></li>'
             '<li><a href="#p-salarios">B</a></li></ol></nav><section id="p-que-paso-x">'
             '<ul><li><a href="#p-que-paso-y">yes</a></li></ul></section>')
    paper = onebooklet.for_paper(guide)
    assert "screen" not in paper
    assert "<style>#p-inicio, #p-salarios { break-before: page; }</style>" in paper
    assert "#p-que-paso-y {" not in paper and "#p-que-paso-y," not in paper


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_booklet_prints_no_control_that_works_only_on_a_screen(built_site, lang):
    """Sharing, saving a contact or the guide on the phone, printing a flyer: a link on paper does
    nothing, and a consulate's booklet filled with them wastes pages. It says it is printed."""
    words = PROJECT.strings[lang]
    text = plain(pdf_text(built_site / onebooklet.path(PROJECT, lang, "letter")))
    guide = (built_site / onefile.path(PROJECT, lang)).read_text(encoding="utf-8")
    for key in ("save_contact", "share_title", "share_whatsapp", "share_sms", "flyer_print", "offline_save",
                "download_link", "log_link"):
        shown = plain(html.unescape(words(key)))
        assert shown in plain(html.unescape(guide)), key   # on the screen's guide…
        assert shown not in text, key                        # …not on paper
    assert plain(words("booklet_intro")) in text and plain(words("onefile_intro")) not in text


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_booklet_never_says_to_tap_a_number(built_site, lang):
    """On paper a number is dialled: a page's "Toque el número para llamar." (marked
    `{ .screen-only }`, docs/pages.md) and the guided path's are on the screen's guide and not in
    the booklet."""
    text = plain(pdf_text(built_site / onebooklet.path(PROJECT, lang, "letter")))
    guide = (built_site / onefile.path(PROJECT, lang)).read_text(encoding="utf-8")
    screen_only = [plain(html.unescape(TAG.sub("", found)))
                   for found in re.findall(r'<p class="screen-only">(.*?)</p>', guide, re.S)]
    assert len(screen_only) >= 2, screen_only  # the home page's and the help page's
    for line in [*screen_only, plain(PROJECT.strings[lang]("qp_call_note"))]:
        assert line in plain(html.unescape(TAG.sub("", guide))), line
        assert line not in text, line


@pytest.mark.parametrize("paper", list(onebooklet.PAPERS))
@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_booklet_holds_every_title_and_number_and_a_contents_page(built_site, lang, paper):
    pdf = built_site / onebooklet.path(PROJECT, lang, paper)
    info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert SIZES[paper] in info
    pages = int(re.search(r"Pages:\s+(\d+)", info).group(1))
    assert pages > 20
    text = plain(pdf_text(pdf))
    guide = (built_site / onefile.path(PROJECT, lang)).read_text(encoding="utf-8")
    # Every page's title, as the one-file guide holds them (the topics and the guided path).
    for path in onefile.pages(PROJECT, lang):
        built = (built_site / path / "index.html").read_text(encoding="utf-8")
        title = html.unescape(TITLE.search(built).group(1)).rsplit(" - ", 1)[0].strip()
        assert plain(title) in text, (path, title)
    # Every number of the registry, written as the site writes it on its call links.
    written = {}
    for phone, shown in CALL.findall(guide):
        written.setdefault(phone, set()).add(plain(html.unescape(TAG.sub("", shown))))
    for contact in PROJECT.registry.contacts.values():
        if contact.phone:
            assert contact.phone in written, contact.id
            assert any(form in text for form in written[contact.phone]), (contact.id, written[contact.phone])
    # The contents page: each section with the page it starts on, and the page really holds it.
    contents = pdf_text(pdf, "-f", "1", "-l", "1")
    listed = re.findall(r"^\s*\d+\.\s+(.+?)\s*(?:\.\s*)+\s*(\d+)\s*$", contents, re.M)
    sections = re.findall(r'<li><a href="#[^"]+">(.*?)</a>', re.search(r"<nav\b.*?</nav>", guide, re.S).group(0))
    assert len(listed) == len(sections) >= 15, contents
    for (title, number), expected in zip(listed, sections):
        assert plain(title) == plain(html.unescape(expected))
        assert 2 <= int(number) <= pages
        assert plain(title) in plain(pdf_text(pdf, "-f", number, "-l", number)), (title, number)
    numbers = [int(number) for _, number in listed]
    assert numbers == sorted(numbers)
    # Each page after the first shows its number at the foot.
    for page in (2, pages // 2, pages):
        assert pdf_text(pdf, "-f", str(page), "-l", str(page)).split()[-1] == str(page)


LINK = re.compile(r'<a\b[^>]*\bhref="#([^"]+)"[^>]*>(.*?)</a>', re.S)
HEADING = re.compile(r"<(h[1-4])\b[^>]*>(.*?)</\1>", re.S)


def heading_of(guide: str, name: str) -> str:
    """What a reader looks for on the page a link sends them to: the target's own heading, or the
    first heading inside it (a section)."""
    at = guide.index(f'id="{name}"')
    opening = guide.rfind("<", 0, at)
    found = HEADING.match(guide, opening) or HEADING.search(guide, at)
    return plain(html.unescape(TAG.sub("", found.group(2))))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_every_page_number_after_a_link_is_the_page_that_holds_its_target(built_site, lang):
    """On paper an answer of the guided path says where to turn: "Me corrieron… (→ 46)". Page 46
    must hold that question's heading: WeasyPrint's target-counter printed two of them one page
    early. Read from the PDF: each link's text with its number, in the guide's order."""
    pdf = built_site / onebooklet.path(PROJECT, lang, "letter")
    pages = [plain(page) for page in pdf_text(pdf).split("\f")]
    text = " ".join(pages)
    guide = (built_site / onefile.path(PROJECT, lang)).read_text(encoding="utf-8")
    body = guide[guide.index('class="one-file-page"'):]  # the pages, not the contents (tested above)
    targets: dict[str, list[str]] = {}
    for name, shown in LINK.findall(body):
        targets.setdefault(plain(html.unescape(TAG.sub("", shown))), []).append(name)
    checked = 0
    for shown, names in targets.items():
        numbers = re.findall(re.escape(shown) + r" \(\u2192 (\d+)\)", text)
        if len(numbers) != len(names):
            continue  # also a link the print hides ("Volver"), or a text that is part of another
        for name, number in zip(names, numbers):
            assert heading_of(guide, name) in pages[int(number) - 1], (shown, name, number)
            checked += 1
    assert checked >= 60, checked


def test_the_downloads_page_lists_the_booklets(built_site):
    for lang, here in (("es", ""), ("en", "en/")):
        page = (built_site / here / "descargas/index.html").read_text(encoding="utf-8")
        for paper in onebooklet.PAPERS:
            assert f'href="{onebooklet.file_name(lang, paper)}"' in page
