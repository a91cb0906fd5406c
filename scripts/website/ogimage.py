"""The link-preview picture (Open Graph), one per language, drawn locally with Pillow.

A link pasted into WhatsApp or Facebook shows this image with the page's title. It is drawn
at build time from the words file, so nothing is fetched from another site and a translation
gets its own picture.
"""
from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

SIZE = (1200, 630)            # what WhatsApp, Facebook and X crop least
GREEN, WHITE, GOLD = (11, 93, 30), (255, 255, 255), (244, 180, 0)
FONTS = Path("/usr/share/fonts/truetype/dejavu")
FOLDER = "assets/og"


def path(lang: str) -> str:
    """Where the picture of a language is published, inside the site: assets/og/es.png."""
    return f"{FOLDER}/{lang}.png"


def _font(bold: bool, size: int) -> ImageFont.ImageFont:
    name = "DejaVuSans-Bold.ttf" if bold else "DejaVuSans.ttf"
    try:
        return ImageFont.truetype(str(FONTS / name), size)
    except OSError:  # fonts-dejavu-core missing: a plain picture is better than no build
        return ImageFont.load_default()


def _wrap(draw: ImageDraw.ImageDraw, text: str, font: ImageFont.ImageFont, width: int) -> list[str]:
    lines: list[str] = []
    for word in text.split():
        if lines and draw.textlength(f"{lines[-1]} {word}", font=font) <= width:
            lines[-1] += f" {word}"
        else:
            lines.append(word)
    return lines


def draw(site_name: str, tagline: str, subtitle: str) -> Image.Image:
    image = Image.new("RGB", SIZE, GREEN)
    pen = ImageDraw.Draw(image)
    margin = 80
    pen.rectangle([0, SIZE[1] - 24, SIZE[0], SIZE[1]], fill=GOLD)
    pen.text((margin, 70), site_name, font=_font(True, 110), fill=WHITE)
    y = 240
    big = _font(True, 58)
    for line in _wrap(pen, tagline, big, SIZE[0] - 2 * margin)[:3]:
        pen.text((margin, y), line, font=big, fill=WHITE)
        y += 74
    small = _font(False, 38)
    for line in _wrap(pen, subtitle, small, SIZE[0] - 2 * margin)[:2]:
        pen.text((margin, y + 20), line, font=small, fill=GOLD)
        y += 50
    return image


def write(target: Path, site_name: str, tagline: str, subtitle: str) -> None:
    target.parent.mkdir(parents=True, exist_ok=True)
    draw(site_name, tagline, subtitle).save(target, "PNG", optimize=True)
