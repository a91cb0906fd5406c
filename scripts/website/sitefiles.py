"""Post-processing of the built site: 404s, sitemap alternates (search: scripts/website/searchindex.py).

Plain file work with no engine import, so it can follow the site to another generator.
"""
from __future__ import annotations

import gzip
import re
from pathlib import Path
from xml.sax.saxutils import quoteattr

from ..core import addresses
from ..core.addresses import base as site_base, prefix


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def merge_sitemaps(sitemap: Path, other: Path) -> None:
    """Add another language's sitemap entries (a one-language engine process wrote them) after
    this one's: the same file a single process building every language writes."""
    if not other.exists() or not sitemap.exists():
        return
    entries = re.findall(r"    <url>.*?</url>\n?", other.read_text(encoding="utf-8"), flags=re.S)
    text = sitemap.read_text(encoding="utf-8").replace("</urlset>", "".join(entries) + "</urlset>", 1)
    sitemap.write_text(text, encoding="utf-8")
    with gzip.GzipFile(sitemap.with_suffix(".xml.gz"), "wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


_URL = re.compile(r"    <url>.*?</url>\n?", flags=re.S)


def _language_of(block: str, base: str, default: str, languages: list[str]) -> str:
    loc = re.search(r"<loc>([^<]+)</loc>", block)
    path = loc.group(1).removeprefix(base) if loc else ""
    return next((lang for lang in languages if prefix(lang, default) and path.startswith(prefix(lang, default))), default)


def add_pages(sitemap: Path, site_url: str, default: str, languages: list[str], built: list[str],
              rels: list[str]) -> None:
    """List pages the engine's sitemap misses (the guided path's, which the hooks add after
    static-i18n took its list of files): one <url> per page and built language, with its address in
    every language and x-default (addresses.alternates). Each language's pages stay together, so
    one process per language (make site) writes what one process for all languages writes."""
    if not sitemap.exists() or not rels:
        return
    text = sitemap.read_text(encoding="utf-8")
    blocks = _URL.findall(text)
    if not blocks:
        return
    base = site_base(site_url)
    dated = re.search(r"        <lastmod>.*?</changefreq>\n", blocks[0], flags=re.S)  # as the engine dates its pages
    known = set(re.findall(r"<loc>([^<]+)</loc>", text))
    for lang in built:
        for rel in rels:
            loc = addresses.absolute(site_url, addresses.page(lang, default, rel))
            if loc in known:
                continue
            dest = prefix(lang, default) + addresses.page_address(rel) + "index.html"
            links = "".join(f'        <xhtml:link rel="alternate" hreflang="{item["lang"]}" href={quoteattr(item["href"])}/>\n'
                            for item in addresses.alternates(site_url, dest, lang, languages, default))
            blocks.append(f"    <url>\n        <loc>{loc}</loc>\n{dated.group(0) if dated else ''}{links}    </url>\n")
    order = {lang: index for index, lang in enumerate(languages)}
    blocks.sort(key=lambda block: order.get(_language_of(block, base, default, languages), 0))  # stable
    start, end = text.index("    <url>"), text.rindex("</url>") + len("</url>\n")
    text = text[:start] + "".join(blocks) + text[end:]
    sitemap.write_text(text, encoding="utf-8")
    with gzip.GzipFile(sitemap.with_suffix(".xml.gz"), "wb", mtime=0) as handle:
        handle.write(text.encode("utf-8"))


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
