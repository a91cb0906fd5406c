"""A contact card's content, computed once: its name and its rows (label, value, link).

The site (render.contact_card), the embed pages, the flyers (flyers/templates/contact.html) and
the vCard notes (exports.vcard) all render these rows; each medium only chooses which rows it
carries and in what order (paper has no website; a vCard's main number is its TEL field).
Every number comes from phones.py through Contact.dial; the kinds of number from
contacts.NUMBER_KINDS, so a new kind appears on every card with no edit here.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from .contacts import CARD_NUMBERS, Contact
from .strings import Strings

LABELLED = "labelled"  # "Hours: 8 a.m.–5 p.m.": label, colon, value
LEADING = "leading"    # "From the US, dial 01 800…": the label leads into the value
PLAIN = "plain"        # the value alone (a note)


@dataclass(frozen=True)
class CardRow:
    key: str              # what the row is: phone, a number kind (tty, sms…), vanity, from_us, from_mx, hours, note, website
    value: str            # as shown: a number's display form, the hours, the note, the short web address
    label: str = ""       # the key of its label in data/strings/<lang>.yml ("" for none)
    form: str = LABELLED  # how label and value are joined
    href: str = ""        # where it leads: tel:/sms: for a number, the website's address
    number: bool = False  # a number a person dials or reads aloud (printed in the numbers' type)
    after: str = ""       # the key of a remark closing the row (mx_toll_free)


@dataclass(frozen=True)
class Card:
    id: str
    name: str
    rows: tuple[CardRow, ...]

    def row(self, key: str) -> CardRow | None:
        return next((row for row in self.rows if row.key == key), None)

    def only(self, keys: tuple[str, ...]) -> tuple[CardRow, ...]:
        """The rows a medium carries, in its order (`keys`)."""
        return tuple(sorted((row for row in self.rows if row.key in keys), key=lambda row: keys.index(row.key)))


def short_url(url: str) -> str:
    """gob.mx/profedet rather than https://www.gob.mx/profedet: easier to read and copy."""
    parts = urlsplit(url)
    if not parts.netloc:
        return url
    return (parts.netloc.removeprefix("www.") + parts.path).rstrip("/")


def card(contact: Contact, words: Strings, default_lang: str = "es") -> Card:
    """The card in the words' language, rows in the site's order (the fullest card)."""
    lang = words.lang
    rows = []
    phone = contact.dial("phone")
    if phone:
        rows.append(CardRow("phone", phone.display, "call", href=phone.href, number=True))
    if contact.vanity:
        rows.append(CardRow("vanity", contact.vanity, "vanity", LEADING, number=True))
    if phone and phone.from_us:
        rows.append(CardRow("from_us", phone.from_us, "from_us", LEADING, number=True,
                            after="mx_toll_free" if phone.toll_free_abroad else ""))
    if phone and phone.from_mx:
        rows.append(CardRow("from_mx", phone.from_mx, "from_mx", LEADING, number=True))
    for kind in CARD_NUMBERS:
        if dial := contact.dial(kind):
            rows.append(CardRow(kind, dial.display, kind, href=dial.href, number=True))
    if contact.hours:
        rows.append(CardRow("hours", contact.text("hours", lang, default_lang), "hours"))
    if contact.note:
        rows.append(CardRow("note", contact.text("note", lang, default_lang), form=PLAIN))
    if contact.website:
        rows.append(CardRow("website", short_url(contact.website), "website", href=contact.website))
    # A number marked `likely` is printed as any other, here and so in every medium: no caveat
    # (docs/contacts.md, "Numbers not yet confirmed", says why; tests/test_unconfirmed_numbers.py).
    return Card(contact.id, contact.text("name", lang, default_lang), tuple(rows))


def text(row: CardRow, words: Strings) -> str:
    """A row as plain text (the vCard notes)."""
    if row.form == PLAIN or not row.label:
        said = row.value
    elif row.form == LEADING:
        said = f"{words(row.label)} {row.value}"
    else:
        said = f"{words(row.label)}: {row.value}"
    return said + (f". {words(row.after)}" if row.after else "")
