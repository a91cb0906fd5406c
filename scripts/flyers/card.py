"""The wallet-card sheet: where the 85 x 55 mm cards sit on Letter and A4, and where to cut."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Grid:
    """Where the cards sit on the sheet, in millimetres, centred so the back lines up with the front."""
    page_w: float
    page_h: float
    cols: int
    rows: int
    card_w: float = 85.0
    card_h: float = 55.0

    @property
    def left(self) -> float:
        return (self.page_w - self.cols * self.card_w) / 2

    @property
    def top(self) -> float:
        return (self.page_h - self.rows * self.card_h) / 2

    def cells(self) -> list[tuple[float, float]]:
        return [(self.left + c * self.card_w, self.top + r * self.card_h) for r in range(self.rows) for c in range(self.cols)]

    def cut_lines(self) -> tuple[list[float], list[float]]:
        """x positions of the vertical cuts and y positions of the horizontal ones."""
        xs = [self.left + c * self.card_w for c in range(self.cols + 1)]
        ys = [self.top + r * self.card_h for r in range(self.rows + 1)]
        return xs, ys


GRIDS = {"letter": Grid(215.9, 279.4, 2, 4), "a4": Grid(210.0, 297.0, 2, 5)}
