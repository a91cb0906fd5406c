"""QR codes as inline SVG (vector: sharp at any print size, nothing to fetch)."""
from __future__ import annotations

from functools import lru_cache

import segno


@lru_cache(maxsize=None)  # each address is drawn at two sizes and measured: encode it once
def _code(url: str, error: str = "m") -> segno.QRCode:
    return segno.make(url, error=error, micro=False)


def qr_svg(url: str, module_mm: float, border: int = 2) -> str:
    """An <svg> sized in millimetres, black on white. The page around it is white paper, so a
    2-module quiet zone (plus the gap to the text) reads as well as the standard 4 and saves room."""
    return _code(url).svg_inline(scale=module_mm, border=border, unit="mm", dark="#000", light="#fff")


def qr_data_uri(url: str, module_mm: float, border: int = 2, error: str = "m") -> str:
    """The same SVG as a data: address, for a QR repeated many times on one sheet (read once).
    error: the error-correction level (l, m, q, h)."""
    return _code(url, error).svg_data_uri(scale=module_mm, border=border, unit="mm", dark="#000", light="#fff")


def width_mm(url: str, module_mm: float, border: int = 2) -> float:
    return _code(url).symbol_size(scale=1, border=border)[0] * module_mm
