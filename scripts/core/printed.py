"""What is printed, and under which names: which topics get flyers, the wallet card's page, the
papers and the PDFs' file names. Read from the pages' front matter without building a flyer, so
the published-address list (core/urls.py), the checks and the flyer builder (scripts/flyers/)
name the same files.

A topic page carries its flyer words in a `flyer:` block and the flyers page
(content/<lang>/volantes/index.md) the wallet card's in a `card:` block (docs/printing.md).
"""
from __future__ import annotations

from . import addresses
from .project import Page, Project

PAPERS = ("letter", "a4")
BILINGUAL = "bilingue"            # the file name's word for "Spanish first, then English"
CARD_NAME = "tarjeta"             # tarjeta-letter.pdf, tarjeta-a4.pdf
CARD_PAGE = "volantes/index.md"   # the flyers page, which also holds the card's words
FOLDER = addresses.FLYER_FOLDER   # inside the built site: site/flyers/*.pdf
REFERRAL_NAME = "referencia"      # the referral sheet: referencia-<es|en|bilingue>-<letter|a4>.pdf
REFERRAL_PAGES = 2                # at most
LOG_NAME = "registro"             # the hours-and-pay log: registro-<es|en|bilingue>-<letter|a4>.pdf
LOG_TOPIC = "salarios/index.md"   # the page the log belongs to: its QR code, its links (#registro)
LOG_SECTION = "registro"
LOG_OFFICE = "whd"                # where to take the log: the registry's contact
LOG_DEADLINE = "whd_pago_atrasado"


def strings_of(value: object) -> list[str]:
    if not isinstance(value, list):
        return []
    return [item.strip() for item in value if isinstance(item, str) and item.strip()]


def folder_of(rel: str) -> str:
    """'salarios' for salarios/index.md: the topic's flyers' file names start with it."""
    return rel.split("/")[0] if "/" in rel else rel.removesuffix(".md")


def help_items(block: dict) -> list[tuple[str, str]]:
    """The card's `help:` list of `- id: label` lines, as (id, label) pairs."""
    items = []
    listed = block.get("help")
    for item in listed if isinstance(listed, list) else []:
        if isinstance(item, dict) and len(item) == 1:
            cid, label = next(iter(item.items()))
            if isinstance(label, str) and label.strip():
                items.append((str(cid), label.strip()))
    return items


def printed_topics(project: Project) -> list[tuple[str, Page]]:
    """(folder, default-language page) of each topic whose twins both have a `flyer:` block: the
    topics that get PDFs, found without reading the blocks' words (the published-address check
    needs only the names; building every flyer's contact lines would cost more)."""
    languages = project.strict_languages
    found = []
    for rel, page in sorted(project.pages.get(languages[0], {}).items()):
        twins = [project.pages.get(lang, {}).get(rel) for lang in languages]
        if all(twin is not None and isinstance(twin.meta.get("flyer"), dict) for twin in twins):
            found.append((folder_of(rel), page))
    return found


def flyer_pages(project: Project) -> list[Page]:
    """The default language's pages with a `flyer:` block: the topic pages."""
    return [page for _, page in sorted(project.pages.get(project.default, {}).items())
            if isinstance(page.meta.get("flyer"), dict)]


def card_printed(project: Project) -> Page | None:
    """The page whose `card:` block makes the wallet card, when both languages have it."""
    pages = [project.pages.get(lang, {}).get(CARD_PAGE) for lang in project.strict_languages]
    if all(page is not None and isinstance(page.meta.get("card"), dict) for page in pages):
        return pages[0]
    return None


def flyer_kinds(project: Project) -> list[str]:
    return [*project.strict_languages, BILINGUAL]


def file_name(folder: str, kind: str, paper: str) -> str:
    return f"{folder}-{kind}-{paper}.pdf"


def card_file_name(paper: str) -> str:
    return f"{CARD_NAME}-{paper}.pdf"


def log_file_name(kind: str, paper: str) -> str:
    return file_name(LOG_NAME, kind, paper)


def log_printed(project: Project) -> bool:
    """True when the pay log can be made: its data reads and its office is in the registry."""
    return project.pay_log.ready and project.registry.get(LOG_OFFICE) is not None


def referral_file_name(kind: str, paper: str) -> str:
    return file_name(REFERRAL_NAME, kind, paper)
