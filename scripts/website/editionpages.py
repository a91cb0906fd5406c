"""A local edition's page, /volantes/<id>/ and /en/volantes/<id>/: its office and every PDF of its
folder (site/flyers/<id>/, scripts/flyers/), from data/editions/<id>.yml (docs/printing.md).

The HTML comes from the template edition-page.html (autoescaped): plain links to the PDFs, the
office's number one tap away (render.inline_phone, from the registry), no script. A maker of
website/generated.py; the addresses are listed by core/urls.produced (core/editions.page_source).
"""
from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..core import addresses, printed
from ..core.editions import Edition, page_source
from ..core.project import Project
from ..core.strings import Strings
from . import components, render


@dataclass(frozen=True)
class EditionPage:
    source: str     # inside the language: 'volantes/houston/index.md'
    markdown: str


def _yaml(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _kinds(lang: str) -> list[tuple[str, str]]:
    """(file-name word, label key): the page's own language first, as on the flyers page."""
    own = lang if lang in ("es", "en") else printed.BILINGUAL
    if own == printed.BILINGUAL:
        return [(printed.BILINGUAL, "flyer_bilingual"), ("es", "flyer_in_es"), ("en", "flyer_in_en")]
    other = "en" if own == "es" else "es"
    return [(own, f"flyer_in_{own}"), (other, f"flyer_in_{other}"), (printed.BILINGUAL, "flyer_bilingual")]


def edition_page(project: Project, edition: Edition, words: Strings) -> EditionPage:
    lang = words.lang
    source = page_source(edition.id)
    # From /volantes/<id>/ (or /en/volantes/<id>/) up to the site's root, then into flyers/<id>/.
    depth = addresses.page(lang, project.default, source).strip("/").count("/") + 1
    folder = "../" * depth + f"{printed.FOLDER}/{edition.id}/"
    topics = []
    for rel, page in sorted(project.pages.get(lang, {}).items()):
        block = page.meta.get("flyer")
        if isinstance(block, dict) and printed.folder_of(rel) in {f for f, _ in printed.printed_topics(project)}:
            title = block.get("title") if isinstance(block.get("title"), str) else ""
            topics.append((title or str(page.meta.get("title") or ""), str(page.meta.get("title") or ""),
                           printed.folder_of(rel)))
    phones = [Markup(render.inline_phone(contact, words))
              for contact in (project.registry.get(cid) for cid in edition.contacts) if contact is not None]
    name = edition.words("name", lang, project.default)
    body = components.render(
        "edition-page.html", words=words, office=name, address=edition.address, phones=phones,
        hours=edition.words("hours", lang, project.default), note=edition.words("note", lang, project.default),
        folder=folder, topics=topics, kinds=_kinds(lang), referral=project.que_paso.readable,
        log=printed.log_printed(project), card=printed.card_printed(project) is not None,
        national="../", log_name=printed.LOG_NAME, referral_name=printed.REFERRAL_NAME,
        card_name=printed.CARD_NAME)
    title = words("ed_title", name=name)
    front = "\n".join(["---", f"title: {_yaml(title)}", f"description: {_yaml(words('ed_description', name=name))}",
                       "search:", "  exclude: true", "---", ""])
    return EditionPage(source, front + str(body) + "\n")


def for_language(project: Project, lang: str) -> list[EditionPage]:
    """One page per edition in one language (none while an edition file is broken: the checks say why)."""
    found = project.editions
    if not found.readable or not found.entries:
        return []
    words = project.strings.get(lang) or project.strings[project.default]
    return [edition_page(project, edition, words) for edition in found.entries.values()]
