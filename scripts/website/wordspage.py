"""The "Palabras" / "Words we use" page: every worker phrase A to Z, each a link to its page
and section. Generated at build time from the same front matter search uses, so it works
without JavaScript and never disagrees with search. Letters sort by the phrase's first word
that means something ("me lastimé" under L), as a person scanning the list would look for it."""
from __future__ import annotations

import re
from collections import defaultdict
from typing import NamedTuple
from urllib.parse import quote

from ..core import phrases
from ..core import addresses
from ..core.phrases import folded
from ..core.project import Page, Project

TEMPLATE = "words-page.html"
NUMBERS = "0-9"  # phrases that start with a number ("12 hour shifts"), listed first

# Leading words skipped when sorting (sorting only: search has its own list in search-core.js).
LEADING = {
    "es": set("a al como con cual cuando cuanto cuantos de del donde el en es esta estoy hay la las le lo los me mi "
              "mis no nos para por que quien se sin soy su sus tengo un una y ya hasta puedo quiero".split()),
    "en": set("a an and are as at can do does for from how i im is it my no not of on the they to we what when where "
              "who why with".split()),
}


class Entry(NamedTuple):  # 74,000 of them on 1,000 page pairs: a tuple is quick to make
    text: str
    link: str      # relative Markdown link from the words page, e.g. ../lesiones/index.md#reporte
    page_title: str
    sort_key: str


def sort_key(text: str, lang: str) -> str:
    words = folded(text).split()
    skip = LEADING.get(lang, set())
    while len(words) > 1 and words[0] in skip:
        words = words[1:]
    return " ".join(words)


def entries(project: Project, lang: str, here: Page) -> list[Entry]:
    found = []
    for rel, page in sorted(project.pages.get(lang, {}).items()):
        if page is here:
            continue
        title = str(page.meta.get("title") or rel)
        link = "../" * here.rel.count("/") + rel
        for phrase in phrases.read(page):
            found.append(Entry(phrase.text, link + (f"#{phrase.section}" if phrase.section else ""), title,
                               sort_key(phrase.text, lang)))
    return sorted(found, key=lambda e: (e.sort_key, e.text))


def letter(entry: Entry) -> str:
    first = entry.sort_key[:1]
    return first.upper() if first.isalpha() else NUMBERS


def markdown(project: Project, lang: str, here: Page) -> tuple[str, dict[str, str]]:
    """The page body: a row of letter links, the page's own words, then one heading and one list per letter.

    The lists grow with every phrase of the site (megabytes on a 1,000-page site), so they are
    written here as HTML and only a placeholder paragraph goes through Markdown: returns the
    Markdown and, for each placeholder, the list that replaces its `<p>placeholder</p>` in the
    page's HTML (the site plugin's on_page_content). The HTML is what Markdown made of the same list."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries(project, lang, here):
        groups[letter(entry)].append(entry)
    letters = sorted(groups)
    # The letters first, right under the title: on the first screen even at 200 % text (issue 26).
    out = [" ".join(f"[{l}](#{anchor(l)})" for l in letters), "{: .words-letters }", "", here.body.strip(), ""]
    lists: dict[str, str] = {}
    hrefs: dict[str, str] = {}   # a page's address and title are the same for each of its phrases:
    titles: dict[str, str] = {}  # each is written out once (74,000 phrases on 1,000 page pairs)
    for l in letters:
        token = f"{PLACEHOLDER}{anchor(l)}"
        out.append(f"## {l} {{#{anchor(l)}}}")
        out.append("")
        out.append(token)
        out.append("")
        items = []
        for e in groups[l]:
            href = hrefs.get(e.link)
            if href is None:
                href = hrefs[e.link] = attribute(url(e.link))
            title = titles.get(e.page_title)
            if title is None:
                title = titles[e.page_title] = text(e.page_title)
            items.append(f'<li><a href="{href}">{text(e.text)}</a> · {title}</li>')
        lists[f"<p>{token}</p>"] = "<ul>\n" + "\n".join(items) + "\n</ul>"
    return "\n".join(out), lists


PLACEHOLDER = "derechos-words-list-"  # a paragraph no page writes; replaced by its list


def fill(html: str, lists: dict[str, str]) -> str:
    for token, listing in lists.items():
        html = html.replace(token, listing, 1)
    return html


def url(link: str) -> str:
    """The address the engine gives a Markdown link (directory URLs): x/index.md -> x/, x/y.md -> x/y/."""
    path, hash_, section = link.partition("#")
    return quote(addresses.page_address(path)) + hash_ + section


def anchor(letter_: str) -> str:
    return "letra-" + ("otros" if letter_ == NUMBERS else letter_.lower())


def text(value: str) -> str:
    """As Markdown writes plain text: & (unless an entity), < and > escaped."""
    if "&" not in value and "<" not in value and ">" not in value:  # nearly every phrase
        return value
    value = ENTITY_LESS_AMP.sub("&amp;", value)
    return value.replace("<", "&lt;").replace(">", "&gt;")


def attribute(value: str) -> str:
    return text(value).replace('"', "&quot;")


ENTITY_LESS_AMP = re.compile(r"&(?!(?:#[0-9]+|#x[0-9a-f]+|[0-9a-z]+);)", re.IGNORECASE)
