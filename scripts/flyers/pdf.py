"""HTML to PDF with WeasyPrint: one renderer per build, fonts set up once, no network.

Reusing one FontConfiguration for every flyer keeps rendering ~80 PDFs to a few seconds, and so
does laying a flyer out once for both papers (see `write_papers`). The fetcher refuses anything
but local files, so a stray web address in a template can never make the build reach the
internet (the build fails and names it instead). Only public interfaces are used (WeasyPrint's
HTML, CSS, Document.write_pdf and its finisher, a Page's bleed; pydyf's PDF, which the finisher
is given); a rebuild reuses the PDFs whose inputs did not change (cache.py).
"""
from __future__ import annotations

import copy
import logging
from dataclasses import dataclass, field
from pathlib import Path

import pydyf
from weasyprint import CSS, DEFAULT_OPTIONS, HTML, URLFetcher
from weasyprint.document import Document
from weasyprint.text.fonts import FontConfiguration

from ..collector import fewer_full_collections
from ..core import typography

PX_PER_MM = 96 / 25.4  # WeasyPrint measures pages in CSS pixels


class LocalOnly(URLFetcher):
    """Fetch file: and data: URLs only (neither leaves the machine); remember any other address."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols={"file", "data"}, timeout=1)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if not url.startswith(("file:", "data:")):
            self.refused.append(url)
            raise ValueError(f"flyers are rendered offline: refused {url}")
        return super().fetch(url, headers)


@dataclass
class Renderer:
    base: Path                                # folder the templates' relative file names start from
    fonts: FontConfiguration = field(default_factory=FontConfiguration)
    fetcher: LocalOnly = field(default_factory=LocalOnly)
    _css: dict[str, CSS] = field(default_factory=dict)

    def __post_init__(self) -> None:
        # WeasyPrint logs each refused address as a warning; the build reports them once itself.
        logging.getLogger("weasyprint").setLevel(logging.ERROR)

    def stylesheet(self, text: str) -> CSS:
        """Parse each stylesheet once: its @font-face rules load into the shared font setup."""
        if text not in self._css:
            self._css[text] = CSS(string=text, base_url=self.base.as_uri() + "/", url_fetcher=self.fetcher,
                                  font_config=self.fonts)
        return self._css[text]

    def render(self, html: str, css: str) -> Document:
        html = typography.keep_together(html)  # "H-2A", "EE. UU.", a number: never split across lines
        with fewer_full_collections():
            return HTML(string=html, base_url=self.base.as_uri() + "/", url_fetcher=self.fetcher).render(
                stylesheets=[self.stylesheet(css)], font_config=self.fonts)

    def write(self, document: Document, target: Path) -> int:
        """Write a laid-out document as it is; return its number of pages."""
        target.parent.mkdir(parents=True, exist_ok=True)
        with fewer_full_collections():
            document.write_pdf(target)
        return len(document.pages)

    def write_papers(self, document: Document, targets: dict[Path, tuple[float, float]]) -> int:
        """Write a laid-out document once per paper, centred on it; return its number of pages.

        A flyer is laid out once on the area Letter and A4 share (210 x 279.4 mm): the layout is
        most of the work. Each paper widens the pages by their bleed, which changes only the
        boxes of each page in the PDF, never what is drawn on it (the same page contents byte for
        byte on both papers, every flyer and booklet). So the pages are drawn once: WeasyPrint
        writes the first paper, and its finisher writes the same PDF with each other paper's
        boxes first (_OtherPapers). A second drawing cost a booklet about 0.4 s of CPU, all the
        flyers 0.6 s.
        """
        papers = list(targets.items())
        for target in targets:
            target.parent.mkdir(parents=True, exist_ok=True)
        first, size = papers[0]
        for page in document.pages:
            page.bleed = _bleed(page, size)
        with fewer_full_collections():
            document.write_pdf(first, finisher=_OtherPapers(papers[1:]))
        return len(document.pages)


def _bleed(page, paper_mm: tuple[float, float]) -> dict[str, float]:
    """The margin that centres a page on a sheet of paper_mm, on each side, in CSS pixels."""
    width_mm, height_mm = paper_mm
    extra_w = max(0.0, width_mm * PX_PER_MM - page.width) / 2
    extra_h = max(0.0, height_mm * PX_PER_MM - page.height) / 2
    return {"left": extra_w, "right": extra_w, "top": extra_h, "bottom": extra_h}


def _sheet(page, bleed: dict[str, float]) -> pydyf.Array:
    """The page's MediaBox with that bleed, computed as WeasyPrint's generate_pdf does
    (weasyprint/pdf/__init__.py: a CSS pixel is 0.75 pt, the bleed at negative coordinates), so
    the file is byte for byte the one WeasyPrint writes for that paper (a test compares them)."""
    scale = 0.75
    width = scale * (page.width + bleed["left"] + bleed["right"])
    height = scale * (page.height + bleed["top"] + bleed["bottom"])
    left, top = -scale * bleed["left"], -scale * bleed["top"]
    return pydyf.Array([left, top, left + width, top + height])


@dataclass
class _OtherPapers:
    """A finisher (WeasyPrint calls it with the finished pydyf.PDF, before writing it): the sheet
    is the paper (trim and bleed boxes = media box), and each other paper's file is written from
    the same PDF with its own boxes."""
    papers: list[tuple[Path, tuple[float, float]]]

    def __call__(self, document: Document, pdf: pydyf.PDF) -> None:
        _boxes_to_media(document, pdf)
        pages = [pdf.objects[number] for number in pdf.pages["Kids"][0::3]]  # number, 0, 'R' each
        own = [page["MediaBox"] for page in pages]
        for target, paper_mm in self.papers:
            for page, pdf_page in zip(document.pages, pages):
                pdf_page["MediaBox"] = pdf_page["TrimBox"] = pdf_page["BleedBox"] = _sheet(page, _bleed(page, paper_mm))
            # pydyf's write numbers and appends the objects it adds (information, object stream,
            # cross-references) and counts bytes from 0: a copy with a list of its own is written,
            # and the PDF WeasyPrint writes next stays as it was.
            other = copy.copy(pdf)
            other.objects = list(pdf.objects)
            other.current_position = 0
            with open(target, "wb") as out:
                other.write(out, DEFAULT_OPTIONS["pdf_version"], DEFAULT_OPTIONS["pdf_identifier"],
                            not DEFAULT_OPTIONS["uncompressed_pdf"])  # as write_pdf with no options
        for pdf_page, box in zip(pages, own):
            pdf_page["MediaBox"] = pdf_page["TrimBox"] = pdf_page["BleedBox"] = box


def _boxes_to_media(_document: Document, pdf) -> None:
    """After widening the pages (write_papers), the sheet is the paper: trim and bleed boxes =
    media box (a finisher: WeasyPrint calls it on the finished PDF before writing it)."""
    for number in pdf.pages["Kids"][0::3]:  # pydyf lists page references as: number, 0, 'R'
        page = pdf.objects[number]
        page["TrimBox"] = page["BleedBox"] = page["MediaBox"]
