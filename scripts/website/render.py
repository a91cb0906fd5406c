"""Expand [[phone:id]], [[contact:id]], [[deadline:id]] and [[directory]] in Markdown into plain HTML.

Used by the mkdocs hook for pages, with the page's language, so a number looks the same
everywhere; the forms of a reference are in scripts/core/references.py. No JavaScript: tel: and sms: links work on any phone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable
from html import escape
from ..core import contactcard
from ..core.contactcard import LABELLED, LEADING, CardRow
from ..core.contacts import Contact, Registry
from ..core.deadlines import Deadline, Deadlines
from ..core.references import TAG
from ..core.strings import Strings

GROUPS = ("us", "mx")


def phone_link(contact: Contact, kind: str = "phone", css: str = "tel") -> str:
    dial = contact.dial(kind)
    if dial is None:
        return ""
    return f'<a class="{css}" href="{escape(dial.href)}">{escape(dial.display)}</a>'


def inline_phone(contact: Contact, words: Strings) -> str:
    """A number inside a sentence; a foreign number also says how to dial it from the US."""
    link = phone_link(contact)
    dial = contact.dial("phone")
    if dial and dial.from_us:
        link += f' <span class="abroad">({escape(words("from_us_inline", number=dial.from_us))})</span>'
    return link


# The site's card: its rows in the card's own order, the vanity word inside the phone's line.
ON_SITE_CLASS = {"from_us": "contact-abroad", "from_mx": "contact-abroad", "website": "contact-web"}


def site_row(row: CardRow, words: Strings, vanity: CardRow | None = None) -> str:
    value = escape(row.value)
    if row.href:
        css = ' class="tel"' if row.key == "phone" else ' class="tel tel-secondary"' if row.number else ""
        value = f'<a{css} href="{escape(row.href)}">{value}</a>'
    elif row.form == LEADING:
        value = f'<span class="nowrap">{value}</span>'
    if row.form == LEADING:
        said = f"{escape(words(row.label))} {value}"
    elif row.form == LABELLED and row.label:
        said = f'<span class="label">{escape(words(row.label))}:</span> {value}'
    else:
        said = value
    if row.after:
        said += f". {escape(words(row.after))}"
    if vanity:
        said += f' <span class="vanity">({escape(words(vanity.label))} {escape(vanity.value)})</span>'
    css = ON_SITE_CLASS.get(row.key, "contact-" + row.key.replace("_", "-"))
    return f'<p class="{css}">{said}</p>'


def contact_card(contact: Contact, words: Strings, heading: str = "p", vcard: str = "") -> str:
    """A contact's card; with `vcard` (the relative address of its vCard) a "save to my phone" link ends it."""
    content = contactcard.card(contact, words)
    vanity = content.row("vanity")
    rows = [f'<{heading} class="contact-name">{escape(content.name)}</{heading}>']
    rows += [site_row(row, words, vanity if row.key == "phone" else None) for row in content.rows if row.key != "vanity"]
    if vcard:
        rows.append(save_link(words, vcard))
    body = "\n".join(rows)
    return f'<div class="contact-card" id="contacto-{escape(contact.id)}" data-contact="{escape(contact.id)}">\n{body}\n</div>'


def save_link(words: Strings, href: str) -> str:
    """'Save to my phone': a link to the contact's vCard (the site adds it to each card; flyers do not)."""
    return f'<p class="contact-save"><a href="{escape(href)}" download>{escape(words("save_contact"))}</a></p>'


VcardLink = Callable[[str], str]  # contact id -> relative address of its vCard from the page being built


def directory(registry: Registry, words: Strings, vcard: VcardLink | None = None) -> str:
    """Every contact, grouped US / Mexico: the 'where to get help' page."""
    parts = []
    for group in GROUPS:
        members = registry.by_group(group)
        if not members:
            continue
        parts.append(f'<h2 id="{group}">{escape(words("group_" + group))}</h2>')
        parts.extend(contact_card(c, words, heading="h3", vcard=vcard(c.id) if vcard else "") for c in members)
    return "\n\n".join(parts)


def deadline_text(deadline: Deadline, lang: str) -> str:
    return deadline.words("text", lang)


def deadline_link(deadline: Deadline, lang: str) -> str:
    """The deadline in a sentence, linked to the official page that states it."""
    return f'<a class="deadline" href="{escape(deadline.source)}">{escape(deadline_text(deadline, lang))}</a>'


def expand(markdown: str, registry: Registry, words: Strings, deadlines: Deadlines | None = None,
           vcard: VcardLink | None = None) -> str:
    """Replace every tag; an unknown id is left visible (the checks report it, the build fails).
    With `vcard`, every contact card ends with its "save to my phone" link (the site's pages)."""
    def replace(match: re.Match) -> str:
        kind, cid = match.group(1), match.group(2) or ""
        if kind == "directory":
            return "\n\n" + directory(registry, words, vcard) + "\n\n"
        if kind == "topics":  # scripts/website/topics.py expands it, from the menu, before this
            return match.group(0)
        if kind == "deadline":
            found = deadlines.get(cid) if deadlines else None
            return deadline_link(found, words.lang) if found else match.group(0)
        contact = registry.get(cid)
        if contact is None:
            return match.group(0)
        if kind == "phone":
            return inline_phone(contact, words)
        return "\n\n" + contact_card(contact, words, vcard=vcard(contact.id) if vcard else "") + "\n\n"
    return TAG.sub(replace, markdown)


# A contact card in expanded Markdown: a block of HTML from contact_card, alone between blank lines.
_CARD = re.compile(r'^<div class="contact-card" id="([^"]*)"[^\n]*>\n.*?\n</div>$', re.S | re.M)
CARD_TOKEN = "derechos-contact-card-"  # a paragraph no page writes; replaced by its card


@dataclass
class CardsAside:
    """The contact cards taken out of a page's Markdown (set_cards_aside), to put back in its HTML."""
    cards: dict[str, str]  # the placeholder's paragraph, as Markdown writes it -> the card's HTML
    ids: set[str]          # the cards' ids (contacto-whd): sections a link may name


def set_cards_aside(markdown: str) -> tuple[str, CardsAside]:
    """Each contact card (already HTML) replaced by a placeholder paragraph. The engine reads
    raw HTML twice with Python's HTML parser (for section ids, and as HTML blocks), about a
    tenth of its time on 1,000 page pairs, for HTML it passes through unchanged; put_cards_back
    puts each card in the page's HTML where Markdown would have."""
    aside = CardsAside({}, set())

    def replace(match: re.Match) -> str:
        token = f"{CARD_TOKEN}{len(aside.cards)}"
        aside.cards[f"<p>{token}</p>"] = match.group(0)
        aside.ids.add(match.group(1))
        return token
    return _CARD.sub(replace, markdown), aside


def put_cards_back(html: str, aside: CardsAside) -> str:
    if not aside.cards:
        return html
    return re.sub(f"<p>{CARD_TOKEN}\\d+</p>", lambda match: aside.cards.get(match.group(0), match.group(0)), html)
