"""Does each card's text fit its card? Read from WeasyPrint's laid-out boxes, not guessed from
character counts: a card clips what overflows (overflow: hidden), so a too-long line would
otherwise vanish from the print without any error, or run under the help lines or the QR code."""
from __future__ import annotations

from typing import Iterator

PARTS = ("card-title", "card-lines", "card-help", "card-qr", "card-url", "card-office")


def _walk(box) -> Iterator:
    yield box
    for child in getattr(box, "children", None) or []:
        yield from _walk(child)


def _first_card(page_box) -> dict[str, list]:
    """The boxes of the page's first card, by class (every card on a sheet side is the same); the
    card's own box is found["card"][0]."""
    found: dict[str, list] = {}
    cards = 0
    for box in _walk(page_box):
        element = getattr(box, "element", None)
        name = element.get("class") if element is not None else None
        if name == "card":
            cards += 1
            if cards > 1:
                break
            found["card"] = [box]
        elif name in PARTS:
            found.setdefault(name, []).append(box)
    return found


def _lines(box) -> Iterator:
    """The line boxes under a block (what WeasyPrint set on one printed line)."""
    for child in _walk(box):
        if type(child).__name__ == "LineBox":
            yield child


def _right(box) -> float:
    return box.position_x + box.margin_width()


def _bottom(box) -> float:
    return box.position_y + box.margin_height()


def card_problems(document) -> list[str]:
    """What does not fit, per sheet side: a line wider than the card, the lines running into the
    help lines, or the help lines running into the QR code."""
    problems = []
    for number, page in enumerate(document.pages, 1):
        parts = _first_card(page._page_box)
        side = f"side {number}"
        for name in ("card-title", "card-url"):
            block, *lines = parts.get(name, [None])
            if block is not None and any(line.width > block.width + 0.5 for line in lines if hasattr(line, "width")):
                problems.append(f"{side}: the {'title' if name == 'card-title' else 'address'} is wider than the card")
        lines, help_, qr = (parts.get(n, [None])[0] for n in ("card-lines", "card-help", "card-qr"))
        if lines is not None and help_ is not None and _bottom(lines) > help_.position_y + 0.5:
            problems.append(f"{side}: the lines run into the help lines")
        if help_ is not None and qr is not None and _right(help_) > qr.position_x + 0.5:
            problems.append(f"{side}: the help lines run into the QR code")
        if lines is not None and qr is not None and _bottom(lines) > qr.position_y + 0.5 \
                and _right_of_lines(lines) > qr.position_x + 0.5:
            problems.append(f"{side}: the lines run into the QR code")
        office, card = parts.get("card-office", [None])[0], parts.get("card", [None])[0]
        if office is not None and card is not None:
            inner_right = card.position_x + card.margin_width() - card.padding_right
            inner_bottom = card.position_y + card.margin_height() - card.padding_bottom
            if any(line.position_x + line.width > inner_right + 0.5 for line in _lines(office)):
                problems.append(f"{side}: a line of the office is wider than the card")
            elif _bottom(office) > inner_bottom + 0.5:
                problems.append(f"{side}: the office has more lines than the card holds")
    return problems


def _right_of_lines(block) -> float:
    """Where the widest printed line of a block ends."""
    return max((line.position_x + line.width for line in _lines(block)), default=block.position_x)
