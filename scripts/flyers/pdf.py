"""HTML to PDF with WeasyPrint: one renderer per build, fonts set up once, no network.

Reusing one FontConfiguration for every flyer keeps rendering ~80 PDFs to a few seconds, and so
does laying out and painting a flyer once for both papers (see `write_papers`). The fetcher refuses anything but
local files, so a stray web address in a template can never make the build reach the internet
(the build fails and names it instead).
"""
from __future__ import annotations

import logging
from dataclasses import dataclass, field
from pathlib import Path

from weasyprint import CSS, DEFAULT_OPTIONS, HTML, URLFetcher
from weasyprint.document import Document
from weasyprint.pdf import generate_pdf
from weasyprint.text.fonts import FontConfiguration

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
        return HTML(string=html, base_url=self.base.as_uri() + "/", url_fetcher=self.fetcher).render(
            stylesheets=[self.stylesheet(css)], font_config=self.fonts)

    def write(self, document: Document, target: Path, paper_mm: tuple[float, float] | None = None) -> int:
        """Write a laid-out document; return its number of pages.

        paper_mm: a sheet larger than the laid-out page, which is then centred on it (see
        `write_papers`)."""
        if paper_mm is None:
            target.parent.mkdir(parents=True, exist_ok=True)
            document.write_pdf(target)
            return len(document.pages)
        return self.write_papers(document, {target: paper_mm})

    def write_papers(self, document: Document, targets: dict[Path, tuple[float, float]]) -> int:
        """Write a laid-out document once per paper; return its number of pages.

        A flyer is laid out once on the area Letter and A4 share (210 x 279.4 mm) and centred on
        each paper: the layout is most of the work. Painting it into PDF is the rest, and is
        done once too: WeasyPrint draws a page from its top-left corner whatever the paper, so
        the papers' files differ only in their page boxes (the sheet, with trim and bleed boxes
        equal to it), set here on a copy of the painted PDF for each paper. The files are the
        same, byte for byte, as painting each paper again.
        """
        options = dict(DEFAULT_OPTIONS)
        painted = generate_pdf(document, None, 1, **options)
        pages = [painted.objects[number] for number in painted.pages["Kids"][0::3]]  # number, 0, 'R'
        painted_objects = len(painted.objects)
        for target, paper_mm in targets.items():
            for page, pdf_page in zip(document.pages, pages):
                pdf_page["MediaBox"] = pdf_page["TrimBox"] = pdf_page["BleedBox"] = _sheet(page, paper_mm)
            # Writing adds the file's own objects (information, object and cross-reference
            # streams) and counts bytes: back to the painted state for the next paper.
            del painted.objects[painted_objects:]
            painted.current_position, painted.xref_position = 0, None
            target.parent.mkdir(parents=True, exist_ok=True)
            with open(target, "wb") as out:
                painted.write(out, options["pdf_version"], options["pdf_identifier"], not options["uncompressed_pdf"])
        return len(document.pages)


def _sheet(page, paper_mm: tuple[float, float]):
    """The page's box on a sheet of paper_mm, the laid-out page centred on it: the numbers
    WeasyPrint writes for a page whose bleed widens it to the sheet (pdf/__init__.py)."""
    import pydyf
    scale = 0.75  # 72 PDF points per inch / 96 CSS pixels per inch
    extra_w = max(0.0, paper_mm[0] * PX_PER_MM - page.width) / 2
    extra_h = max(0.0, paper_mm[1] * PX_PER_MM - page.height) / 2
    left, top = -scale * extra_w, -scale * extra_h
    right = left + scale * (page.width + extra_w + extra_w)
    bottom = top + scale * (page.height + extra_h + extra_h)
    return pydyf.Array([left, top, right, bottom])
