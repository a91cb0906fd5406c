"""The wallet card's QR codes still read after two photocopies (issue 26, item 11), on the national
card here, on a local edition's in test_editions.py. A photocopy is simulated on the rendered sheet: scaled down to what
a copier resolves, blurred as toner spreads, cut to black and white, scaled back up; twice. The same
simulation stops a code drawn as the card drew it before (0.5 mm modules, error correction M) after
one copy, as readers reported."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import segno
from PIL import Image, ImageDraw, ImageFilter

from scripts.core import printed
from scripts.flyers import model
from scripts.flyers.layout import CARD_ERROR, CARD_MODULE_MM

DPI = 300          # the sheet as rendered for the simulation
SCALE = 0.4        # a copier resolving about 120 dots an inch
BLUR = 1.2         # toner spread, in pixels at that resolution (about 0.25 mm)
THRESHOLD = 128    # what comes out is black or white


def photocopy(image: Image.Image) -> Image.Image:
    width, height = image.size
    small = image.resize((round(width * SCALE), round(height * SCALE)), Image.BILINEAR)
    small = small.filter(ImageFilter.GaussianBlur(BLUR)).point(lambda v: 255 if v >= THRESHOLD else 0)
    return small.resize((width, height), Image.NEAREST)


def decoded(image: Image.Image, tmp: Path, name: str) -> set[str]:
    path = tmp / f"{name}.png"
    image.save(path)
    result = subprocess.run(["zbarimg", "--raw", "-q", str(path)], capture_output=True, text=True)
    return set(result.stdout.split())


def page_image(pdf: Path, page: int, tmp: Path) -> Image.Image:
    prefix = tmp / f"{pdf.parent.name}-{pdf.stem}-{page}"
    subprocess.run(["pdftoppm", "-png", "-gray", "-r", str(DPI), "-f", str(page), "-l", str(page), "-singlefile",
                    str(pdf), str(prefix)], check=True, capture_output=True)
    return Image.open(f"{prefix}.png").convert("L")


def code_image(url: str, module_mm: float, error: str) -> Image.Image:
    """A QR code alone, drawn at DPI with a 4-module quiet zone."""
    matrix = segno.make(url, error=error, micro=False).matrix
    px = module_mm / 25.4 * DPI
    size = round((len(matrix) + 8) * px)
    image = Image.new("L", (size, size), 255)
    draw = ImageDraw.Draw(image)
    for y, row in enumerate(matrix):
        for x, dark in enumerate(row):
            if dark:
                draw.rectangle([round((x + 4) * px), round((y + 4) * px), round((x + 5) * px) - 1,
                                round((y + 5) * px) - 1], fill=0)
    return image


@pytest.mark.parametrize("paper", printed.PAPERS)
def test_the_national_card_reads_after_two_photocopies(made_site, tmp_path, paper):
    from scripts.core import project
    card = model.card(project.load(made_site.root))
    pdf = made_site.site / printed.FOLDER / printed.card_file_name(paper)
    for page, lang in ((1, "es"), (2, "en")):
        once = photocopy(page_image(pdf, page, tmp_path))
        assert decoded(once, tmp_path, f"{paper}-{page}-once") == {card[lang].url}
        twice = photocopy(once)
        assert decoded(twice, tmp_path, f"{paper}-{page}-twice") == {card[lang].url}, (paper, page)


def test_the_simulation_stops_the_old_card_code_after_one_copy(tmp_path):
    url = "https://derechos.example.org/"
    assert decoded(code_image(url, 0.8, CARD_ERROR), tmp_path, "new") == {url}
    assert decoded(photocopy(photocopy(code_image(url, CARD_MODULE_MM, CARD_ERROR))), tmp_path, "new2") == {url}
    old = code_image(url, 0.5, "m")
    assert decoded(old, tmp_path, "old") == {url}
    assert decoded(photocopy(old), tmp_path, "old1") == set()
