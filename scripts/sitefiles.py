"""Post-processing of the built site: per-language search, 404s, sitemap alternates.

Plain file work with no engine import, so it can follow the site to another generator.
"""
from __future__ import annotations

import gzip
import json
import re
from pathlib import Path
from xml.sax.saxutils import quoteattr

from .addresses import base as site_base, prefix


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


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
    base = site_base(site_url)

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
