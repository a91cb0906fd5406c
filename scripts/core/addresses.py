"""Every address the site publishes, computed in one place: pages, flyers, vCards, embeds, data.

Two forms:
- a *path* inside the site, starting with '/': '/en/salarios/', '/flyers/salarios-es-a4.pdf'
  (what data/urls.txt lists, and what the build writes under site/);
- an *absolute address*: the site's base address followed by the path, as a QR code,
  contacts.json, a vCard, an embed page's canonical link or the sitemap carry it.

The base is the project's `site_url` (mkdocs.yml's `!ENV [SITE_URL, …]`, which the project loader
reads the way the engine does), so `SITE_URL=https://… make site` reaches every absolute address.
Links between pages are relative (twin_link, language_root) so the site works under any path.
No engine import: the addresses follow the content folders as the engine lays them out
(use_directory_urls, the default language at the root, each other language in its folder).
"""
from __future__ import annotations

import re
import unicodedata

EXPORT_FOLDER = "contactos"     # per-language vCards: /contactos/<id>.vcf, /en/contactos/<id>.vcf
ALL_CONTACTS = "todos.vcf"      # every contact in one vCard file, per language
DISCREET_CONTACTS = "todos-discreto.vcf"  # the same, sensitive lines under neutral names (issue 25)
EMBED_FOLDER = "embed"          # /embed/us/, /en/embed/mx/
CONTACTS_JSON = "contacts.json"
CONTACTS_SCHEMA = "contacts.schema.json"
FLYER_FOLDER = "flyers"         # /flyers/*.pdf, one folder for every language

# A page's folder and file names are part of its address for good: lower-case words and hyphens
# (checks/page_paths.py says so; the checks that name a page leave a misnamed one to it).
_NAME_PART = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def suggested_name(part: str) -> str:
    """'Mis Derechos' -> 'mis-derechos', 'niños_2' -> 'ninos-2': what the folder should be called."""
    plain = "".join(c for c in unicodedata.normalize("NFD", part.lower()) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", plain).strip("-") or "pagina"


def wrong_parts(rel: str) -> list[str]:
    """The folder and file names of a page path (without .md) that are not lower-case words with hyphens."""
    *folders, name = rel.split("/")
    return [part for part in [*folders, name.removesuffix(".md")] if not _NAME_PART.fullmatch(part)]


def base(site_url: str) -> str:
    """The site's address with one trailing slash: 'https://x.example/derechos/' (or '/' if unset)."""
    return (site_url or "/").rstrip("/") + "/"


def absolute(site_url: str, path: str) -> str:
    """A path inside the site ('/en/salarios/') as an absolute address under the site's base."""
    return base(site_url) + path.lstrip("/")


def prefix(lang: str, default: str) -> str:
    """The language's folder: '' for the default language, 'en/' for English."""
    return "" if lang == default else f"{lang}/"


def page_address(rel: str) -> str:
    """'salarios/index.md' -> 'salarios/', 'index.md' -> '', 'otra.md' -> 'otra/' (directory URLs)."""
    stem = rel.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


def source_of(address: str) -> str:
    """The inverse: 'salarios/' -> 'salarios/index.md' (the Markdown file that publishes an address)."""
    address = address.strip("/")
    return f"{address}/index.md" if address else "index.md"


# Paths inside the site, one function a kind of address.

def page(lang: str, default: str, rel: str) -> str:
    """'/en/salarios/' for en's 'salarios/index.md'."""
    return "/" + prefix(lang, default) + page_address(rel)


def home(lang: str, default: str) -> str:
    return "/" + prefix(lang, default)


def vcard_file(contact_id: str) -> str:
    """A contact's vCard inside its language: 'contactos/whd.vcf'."""
    return f"{EXPORT_FOLDER}/{contact_id}.vcf"


def all_vcards_file() -> str:
    return f"{EXPORT_FOLDER}/{ALL_CONTACTS}"


def discreet_vcards_file() -> str:
    return f"{EXPORT_FOLDER}/{DISCREET_CONTACTS}"


def discreet_vcards(lang: str, default: str) -> str:
    return "/" + prefix(lang, default) + discreet_vcards_file()


def vcard(lang: str, default: str, contact_id: str) -> str:
    return "/" + prefix(lang, default) + vcard_file(contact_id)


def all_vcards(lang: str, default: str) -> str:
    return "/" + prefix(lang, default) + all_vcards_file()


def embed(lang: str, default: str, group: str) -> str:
    return f"/{prefix(lang, default)}{EMBED_FOLDER}/{group}/"


def flyer(file_name: str) -> str:
    return f"/{FLYER_FOLDER}/{file_name}"


def contacts_json() -> str:
    return "/" + CONTACTS_JSON


def contacts_json_entry(contact_id: str) -> str:
    """A contact's entry in contacts.json, as NGOs' code finds it by id: '/contacts.json#whd'."""
    return f"{contacts_json()}#{contact_id}"


def section(lang: str, default: str, rel: str, section_id: str) -> str:
    """'/en/salarios/#queja': a section of a page, which NGOs link to."""
    return f"{page(lang, default, rel)}#{section_id}"


def contacts_schema() -> str:
    return "/" + CONTACTS_SCHEMA


# Addresses seen from a built page (the engine's dest_uri, e.g. 'en/salarios/index.html').

def page_path(dest_uri: str, lang: str, default: str) -> str:
    """The page's path inside its language, e.g. 'salarios/' for both /salarios/ and /en/salarios/."""
    uri = dest_uri.removesuffix("index.html")
    own = prefix(lang, default)
    return uri[len(own):] if own and uri.startswith(own) else uri


def alternates(site_url: str, dest_uri: str, lang: str, languages: list[str], default: str) -> list[dict]:
    """Absolute address of this page in each language, plus x-default (the default language)."""
    path = page_path(dest_uri, lang, default)
    items = [{"lang": other, "href": absolute(site_url, prefix(other, default) + path)} for other in languages]
    items.append({"lang": "x-default", "href": absolute(site_url, path)})
    return items


def twin_link(dest_uri: str, lang: str, other: str, default: str) -> str:
    """Relative link from a page to its twin in another language (works under any site path)."""
    up = "../" * dest_uri.removesuffix("index.html").count("/")
    return (up + prefix(other, default) + page_path(dest_uri, lang, default)) or "./"


def language_root(dest_uri: str, lang: str, default: str) -> str:
    """Relative path from the page to its language's home, e.g. '../' from /en/salarios/."""
    depth = page_path(dest_uri, lang, default).count("/")
    return "../" * depth or "./"


def other_language(lang: str, languages: list[str], default: str) -> str | None:
    """The language a search in lang asks the words it does not know: the default one, or, from the
    default, the first other (English words a Spanish reader uses at work: "injury", "paycheck")."""
    return default if lang != default else next((other for other in languages if other != default), None)


def other_language_root(dest_uri: str, other: str, default: str) -> str:
    """Relative path from the page to another language's home: '../en/' from /buscar/, '../../' from /en/buscar/."""
    return "../" * dest_uri.count("/") + prefix(other, default) or "./"


def vcard_link(dest_uri: str, lang: str, default: str, contact_id: str) -> str:
    """Relative link from a built page to a contact's vCard in the page's language."""
    return language_root(dest_uri, lang, default) + vcard_file(contact_id)


def all_vcards_link(dest_uri: str, lang: str, default: str) -> str:
    return language_root(dest_uri, lang, default) + all_vcards_file()


def discreet_vcards_link(dest_uri: str, lang: str, default: str) -> str:
    return language_root(dest_uri, lang, default) + discreet_vcards_file()


def embed_dest(lang: str, default: str, group: str) -> str:
    """The embed page's file as the engine would name it: 'en/embed/mx/index.html'."""
    return embed(lang, default, group).lstrip("/") + "index.html"
