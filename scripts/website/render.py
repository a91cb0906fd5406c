"""Expand [[phone:id]], [[contact:id]], [[deadline:id]] and [[directory]] in Markdown into HTML.

Used by the site plugin for pages (and by the exports and the guided path), with the page's
language, so a number looks the same everywhere; the HTML comes from the components' templates
(scripts/website/templates/), the forms of a reference from scripts/core/references.py.
No JavaScript: tel: and sms: links work on any phone.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable

from markupsafe import Markup

from . import components
from ..core import contactcard
from ..core.contacts import Contact, Registry
from ..core.deadlines import Deadline, Deadlines
from ..core.references import TAG
from ..core.strings import Strings

GROUPS = ("us", "mx")


def inline_phone(contact: Contact, words: Strings, from_mexico: bool = False) -> str:
    """A number inside a sentence; a foreign number also says how to dial it from the US. With
    from_mexico (a list of whom to call: the guided path's answers), a US line that a Mexican office
    runs (the CIAM) also says how to dial it from Mexico (00 1 …, as its card does): a worker back
    in Mexico reads these lists, and "1-520-…" is not how a phone there dials it."""
    dial = contact.dial("phone")
    return str(components.macro("inline.html", "phone")(dial, words, from_mexico)) if dial else ""


# The site's card: rows are styled by kind; these kinds share a style.
ON_SITE_CLASS = {"from_us": "contact-abroad", "from_mx": "contact-abroad", "website": "contact-web"}


def contact_card(contact: Contact, words: Strings, heading: str = "p", vcard: str = "") -> str:
    """A contact's card (templates/contact-card.html); with `vcard` (the relative address of its
    vCard) a "save to my phone" link ends it."""
    content = contactcard.card(contact, words)
    return str(components.render("contact-card.html", card=content, vanity=content.row("vanity"), words=words,
                                 heading=heading, vcard=vcard, classes=ON_SITE_CLASS))


VcardLink = Callable[[str], str]  # contact id -> relative address of its vCard from the page being built


def directory(registry: Registry, words: Strings, vcard: VcardLink | None = None) -> str:
    """Every contact, grouped US / Mexico: the 'where to get help' page."""
    groups = [(group, [Markup(contact_card(c, words, "h3", vcard(c.id) if vcard else "")) for c in members])
              for group in GROUPS if (members := registry.by_group(group))]
    return str(components.render("directory.html", groups=groups, words=words))


def deadline_text(deadline: Deadline, lang: str) -> str:
    return deadline.words("text", lang)


def deadline_link(deadline: Deadline, lang: str) -> str:
    """The deadline in a sentence, linked to the official page that states it."""
    return str(components.macro("inline.html", "deadline")(deadline.source, deadline_text(deadline, lang)))


def expand(markdown: str, registry: Registry, words: Strings, deadlines: Deadlines | None = None,
           vcard: VcardLink | None = None, memo: dict | None = None) -> str:
    """Replace every tag; an unknown id is left visible (the checks report it, the build fails).
    With `vcard`, every contact card ends with its "save to my phone" link (the site's pages).
    memo: a dict kept for one language of one build (the site plugin's): each reference is
    rendered once and reused (8,500 cards and 144 directories on 1,000 page pairs, a few hundred
    different ones). A card's vCard link differs from page to page only by the way back to the
    language's folder, which the link of the empty id shows: it is part of the key."""
    def replace(match: re.Match) -> str:
        kind, cid = match.group(1), match.group(2) or ""
        if memo is None:
            return render_one(kind, cid, match.group(0))
        key = (match.group(0), vcard("") if vcard and kind in ("contact", "directory") else "")
        if key not in memo:
            memo[key] = render_one(kind, cid, match.group(0))
        return memo[key]

    def render_one(kind: str, cid: str, written: str) -> str:
        if kind == "directory":
            return "\n\n" + directory(registry, words, vcard) + "\n\n"
        if kind == "topics":  # scripts/website/topics.py expands it, from the menu, before this
            return written
        if kind == "deadline":
            found = deadlines.get(cid) if deadlines else None
            return deadline_link(found, words.lang) if found else written
        contact = registry.get(cid)
        if contact is None:
            return written
        if kind == "phone":
            return inline_phone(contact, words)
        return "\n\n" + contact_card(contact, words, "p", vcard(contact.id) if vcard else "") + "\n\n"
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
