"""Flyer and card pages as HTML + CSS, from plain Jinja2 templates in scripts/flyers/templates/."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from ..core.strings import Strings
from .card import Grid
from .model import Referral, Text
from .qr import qr_data_uri, qr_svg, width_mm

TEMPLATES = Path(__file__).resolve().parent / "templates"
FONTS = Path("/usr/share/fonts/truetype/dejavu")  # Debian's fonts-dejavu-core
FONT_FILES = ("DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSansCondensed.ttf", "DejaVuSansCondensed-Bold.ttf")
PAPER_CSS = {"letter": "letter", "a4": "A4", "shared": "210mm 279.4mm"}
# Paper sizes in millimetres. "shared" is the area both papers hold: A4's width, Letter's height.
PAPER_MM = {"letter": (215.9, 279.4), "a4": (210.0, 297.0)}
SITE_NAME = "Derechos"
# The wallet card's QR codes: 0.8 mm a module and error correction Q (25 %) still read after two
# photocopies (tests/test_card_copies.py simulates them); 0.5 mm and M did not survive one.
CARD_MODULE_MM = 0.8
CARD_ERROR = "q"
# The pay log's columns, in order: each is a string key (data/strings/*.yml).
LOG_COLUMNS = ("log_day", "log_start", "log_end", "log_breaks", "log_hours", "log_pieces", "log_rate", "log_paid",
               "log_taken")


@dataclass
class Side:
    """One language's part of a document: its words, its strings and its QR code."""
    lang: str
    text: Text
    words: Strings
    qr: str
    qr_mm: float = 0.0  # the QR code's width, so its table cell can be made to fit it


def environment() -> Environment:
    # Autoescape: flyer words come from Markdown files that anyone may edit.
    return Environment(loader=FileSystemLoader(TEMPLATES), autoescape=True, undefined=StrictUndefined,
                       trim_blocks=True, lstrip_blocks=True)


def missing_fonts() -> list[Path]:
    return [FONTS / name for name in FONT_FILES if not (FONTS / name).is_file()]


def damaged_fonts() -> list[Path]:
    """Font files that are there but cannot be read as the font they are named after: WeasyPrint
    would print the flyer in another font in silence (wider: a line may no longer fit)."""
    from fontTools.ttLib import TTFont, TTLibError
    damaged = []
    for name in FONT_FILES:
        try:
            size = (FONTS / name).stat().st_size
            with TTFont(FONTS / name, lazy=True) as font:
                family = str(font["name"].getDebugName(1) or "")
                if any(entry.offset + entry.length > size for entry in font.reader.tables.values()):
                    raise TTLibError("cut short")  # a table runs past the end of the file
        except (OSError, TTLibError, KeyError, AssertionError, ValueError, EOFError, IndexError, TypeError):
            damaged.append(FONTS / name)
            continue
        if not family.startswith("DejaVu Sans"):
            damaged.append(FONTS / name)
    return damaged


@dataclass
class Layout:
    env: Environment

    @classmethod
    def create(cls) -> "Layout":
        return cls(environment())

    def css(self, name: str, paper: str) -> str:
        return self.env.get_template(name).render(paper=PAPER_CSS[paper], fonts=FONTS.as_uri())

    def office(self, edition, contacts: list, texts: list[Text], words: dict[str, Strings],
               card: bool = False) -> Markup:
        """A local edition's "Su oficina / Your office" block (office.html), as HTML for a flyer, the
        log or the referral sheet; card: the back of its wallet card (both languages, a line each)."""
        sides = [Side(t.lang, t, words[t.lang], "") for t in texts]
        # The name once (its first language's) on a bilingual flyer: the footer has room for little.
        names = [edition.words("name", sides[0].lang)]
        return Markup(self.env.get_template("office.html").render(sides=sides, edition=edition, contacts=contacts,
                                                                    names=names, card=card))

    def flyer(self, texts: list[Text], words: dict[str, Strings], compact: bool = False,
              office: str = "", state: dict | None = None, tight: bool = False) -> tuple[str, str]:
        """HTML and CSS of one flyer, laid out on the area Letter and A4 share; several texts make
        a bilingual flyer, in that order.

        compact: smaller type (never under 11 pt), for a flyer whose words do not fit otherwise.
        tight (with compact, on a bilingual flyer): the condensed font and closer lines, still 11 pt,
        for an edition's bilingual flyer whose short state box does not fit otherwise.
        office: an edition's office block (HTML); state: an edition's state facts by language,
        {lang: (state name, [StateFact], its sources line)}, or None.
        """
        # A bilingual edition's footer also holds its office: smaller QR codes (0.5 mm a module, as on the card).
        module = 1.0 if len(texts) == 1 else 0.5 if office else 0.75
        sides = [Side(t.lang, t, words[t.lang], qr_svg(t.url, module), width_mm(t.url, module)) for t in texts]
        # A bilingual flyer lists each help line once, named in both languages, and every printed
        # field in both: a row's words (the hours) from the second language beside the first's.
        second_names = {c.id: c.name for side in sides[1:] for c in side.text.contacts}
        second_rows = {c.id: {row.key: row for row in c.rows} for side in sides[1:] for c in side.text.contacts}
        html = self.env.get_template("flyer.html").render(sides=sides, site_name=SITE_NAME, second_names=second_names,
                                                             second_rows=second_rows, compact=compact or tight, tight=tight, office=office,
                                                             state=state or {})
        return html, self.css("flyer.css", "shared")

    def log(self, texts: list[Text], words: dict[str, Strings], example: dict[str, str], owed: bool,
            deadline: dict[str, str], source: str, office: str = "") -> tuple[str, str]:
        """The hours-and-pay log (front: two weeks to fill in; back: the sums, the worked example and
        the office), laid out on the area Letter and A4 share; several texts make it bilingual."""
        module = 0.8 if len(texts) == 1 else 0.5
        sides = [Side(t.lang, t, words[t.lang], qr_svg(t.url, module), width_mm(t.url, module)) for t in texts]
        whd = texts[0].contacts[0]
        second = [c for t in texts[1:] for c in t.contacts[:1]]
        html = self.env.get_template("registro.html").render(
            sides=sides, site_name=SITE_NAME, columns=LOG_COLUMNS, example=example, owed=owed, deadline=deadline,
            source=source, office=whd, own_office=office, second_name=second[0].name if second else "",
            second_rows={row.key: row for row in second[0].rows} if second else {})
        return html, self.css("registro.css", "shared")

    def referral(self, texts: list[Text], words: dict[str, Strings], sheet: "Referral",
                 office: str = "", compact: bool = False, tight: bool = False) -> tuple[str, str]:
        """The referral sheet: the guided path as a checklist and the slip to hand over (one
        language, or several side by side). office: an edition's own office, as HTML, or ''.
        compact, then tight (with compact): less room between lines, for a sheet that does not fit."""
        module = 0.6
        sides = [Side(t.lang, t, words[t.lang], qr_svg(t.url, module), width_mm(t.url, module)) for t in texts]
        html = self.env.get_template("referencia.html").render(
            sides=sides, site_name=SITE_NAME, question=sheet.question, groups=sheet.groups, deadlines=sheet.deadlines,
            from_mexico=sheet.from_mexico, office=office, compact=compact or tight, tight=tight)
        return html, self.css("referencia.css", "shared")

    def card(self, texts: list[Text], words: dict[str, Strings], paper: str, grid: Grid,
             office: str | None = None) -> tuple[str, str]:
        """The card sheet: the first text on the front page, the second on the back; with a local
        edition's office (HTML), the office on the back instead, in every language."""
        sides = [Side(t.lang, t, words[t.lang], qr_data_uri(t.url, CARD_MODULE_MM, error=CARD_ERROR)) for t in texts]
        html = self.env.get_template("card.html").render(sides=sides[:1] if office else sides, grid=grid,
                                                           site_name=SITE_NAME, office=office,
                                                           office_title=" / ".join(words[t.lang]("edition_office")
                                                                                   for t in texts))
        return html, self.css("card.css", paper)
