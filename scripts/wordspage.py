"""The "Palabras" / "Words we use" page: every worker phrase A to Z, each a link to its page
and section. Generated at build time from the same front matter search uses, so it works
without JavaScript and never disagrees with search. Letters sort by the phrase's first word
that means something ("me lastimé" under L), as a person scanning the list would look for it."""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from . import phrases
from .checks.phrases import folded
from .project import Page, Project

TEMPLATE = "words-page.html"
NUMBERS = "0-9"  # phrases that start with a number ("12 hour shifts"), listed first

# Leading words skipped when sorting (sorting only: search has its own list in search-core.js).
LEADING = {
    "es": set("a al como con cual cuando cuanto cuantos de del donde el en es esta estoy hay la las le lo los me mi "
              "mis no nos para por que quien se sin soy su sus tengo un una y ya hasta puedo quiero".split()),
    "en": set("a an and are as at can do does for from how i im is it my no not of on the they to we what when where "
              "who why with".split()),
}


@dataclass(frozen=True)
class Entry:
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


def markdown(project: Project, lang: str, here: Page) -> str:
    """The page body: a row of letter links, then one list per letter."""
    groups: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries(project, lang, here):
        groups[letter(entry)].append(entry)
    letters = sorted(groups)
    out = [here.body.strip(), "", " ".join(f"[{l}](#{anchor(l)})" for l in letters), "{: .words-letters }", ""]
    for l in letters:
        out.append(f"## {l} {{#{anchor(l)}}}")
        out.append("")
        out.extend(f"- [{escape(e.text)}]({e.link}) · {escape(e.page_title)}" for e in groups[l])
        out.append("")
    return "\n".join(out)


def anchor(letter_: str) -> str:
    return "letra-" + ("otros" if letter_ == NUMBERS else letter_.lower())


def escape(text: str) -> str:
    """Markdown-safe: phrases are plain words, but a [ or * must not become markup."""
    return "".join("\\" + c if c in "\\[]*_`<>" else c for c in text)
