"""Post-processing of the built site: per-language search, 404s, sitemap alternates.

Plain file work with no engine import, so it can follow the site to another generator.
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from xml.sax.saxutils import quoteattr


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def prefix(lang: str, default: str) -> str:
    return "" if lang == default else f"{lang}/"


def page_path(dest_uri: str, lang: str, default: str) -> str:
    """The page's path inside its language, e.g. 'salarios/' for both /salarios/ and /en/salarios/."""
    uri = dest_uri.removesuffix("index.html")
    own = prefix(lang, default)
    return uri[len(own):] if own and uri.startswith(own) else uri


def alternates(site_url: str, dest_uri: str, lang: str, languages: list[str], default: str) -> list[dict]:
    """Absolute URL of this page in each language, plus x-default (the default language)."""
    base = site_url.rstrip("/") + "/"
    path = page_path(dest_uri, lang, default)
    items = [{"lang": other, "href": base + prefix(other, default) + path} for other in languages]
    items.append({"lang": "x-default", "href": base + path})
    return items


def twin_link(dest_uri: str, lang: str, other: str, default: str) -> str:
    """Relative link from a page to its twin in another language (works under any site path)."""
    up = "../" * dest_uri.removesuffix("index.html").count("/")
    return (up + prefix(other, default) + page_path(dest_uri, lang, default)) or "./"


def language_root(dest_uri: str, lang: str, default: str) -> str:
    """Relative path from the page to its language's home, e.g. '../' from /en/salarios/."""
    depth = page_path(dest_uri, lang, default).count("/")
    return "../" * depth or "./"


def split_search_index(site: Path, languages: list[str], default: str) -> None:
    """One index per language: Spanish searches find Spanish pages only, with the right stemmer."""
    source = site / "search" / "search_index.json"
    if not source.exists():
        return
    index = json.loads(source.read_text(encoding="utf-8"))
    docs = index.get("docs", [])
    for lang in languages:
        own = prefix(lang, default)
        others = [prefix(o, default) for o in languages if o != default and o != lang]
        if own:
            mine = [dict(d, location=d["location"][len(own):]) for d in docs if d["location"].startswith(own)]
        else:
            mine = [d for d in docs if not any(d["location"].startswith(p) for p in others)]
        config = dict(index.get("config", {}), lang=[lang if lang in STEMMED else "en"])
        write(site / own / "search" / "search_index.json",
              json.dumps({"config": config, "docs": mine}, ensure_ascii=False, separators=(",", ":")))


# Languages lunr can stem (Material ships these); others search without a stemmer.
STEMMED = {"ar", "da", "de", "du", "el", "en", "es", "fi", "fr", "he", "hi", "hu", "hy", "it", "ja", "kn", "ko",
           "nl", "no", "pt", "ro", "ru", "sa", "sv", "ta", "te", "th", "tr", "vi", "zh"}


def add_x_default(sitemap: Path, site_url: str, default: str, languages: list[str]) -> None:
    """Give every <url> an x-default alternate pointing at the default-language page."""
    if not sitemap.exists():
        return
    text = sitemap.read_text(encoding="utf-8")
    base = site_url.rstrip("/") + "/"

    def add(match: re.Match) -> str:
        block = match.group(0)
        if 'hreflang="x-default"' in block:
            return block
        loc = re.search(r"<loc>([^<]+)</loc>", block)
        if not loc:
            return block
        path = loc.group(1)[len(base):] if loc.group(1).startswith(base) else ""
        for lang in languages:
            own = prefix(lang, default)
            if own and path.startswith(own):
                path = path[len(own):]
        link = f'        <xhtml:link rel="alternate" hreflang="x-default" href={quoteattr(base + path)}/>\n    </url>'
        return block.replace("    </url>", link)
    text = re.sub(r"<url>.*?</url>", add, text, flags=re.S)
    sitemap.write_text(text, encoding="utf-8")
    with gzip.GzipFile(sitemap.with_suffix(".xml.gz"), "wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))
