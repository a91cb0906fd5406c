"""Nothing in site/ that nobody loads, and pages without layout whitespace (issue 16).

Every file in the built site must be reachable: linked or loaded from a page (or from what a
page loads: stylesheet, search worker), listed in the sitemap, or an address docs/ gives to
NGOs (contacts.json, vCards, embeds) or data/redirects.yml keeps alive.
"""
from __future__ import annotations

import re
import subprocess
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
import yaml

from scripts.website.lean import compact_css, compact_html, compact_js, theme_file_unused

from conftest import ROOT, build_site

SITE_URL = "https://derechos.example.org/"
BASE = "http://site.invalid/"  # stands for site/ while resolving relative links


class _Links(HTMLParser):
    def __init__(self, url: str) -> None:
        super().__init__()
        self.url = url  # the page's address: links are resolved against it
        self.links: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        for name in ("href", "src", "content"):
            if found.get(name):
                self.links.append(found[name] or "")
        if found.get("data-index"):  # the search page's index, relative to its data-root
            self.links.append(urljoin(urljoin(self.url, found.get("data-root") or ""), found["data-index"] or ""))
        if found.get("data-code"):  # the search code, loaded when a person searches
            self.links.append(urljoin(self.url, found["data-code"] or ""))
        if found.get("data-manifest"):  # what "save to read offline" keeps (docs/offline.md)
            self.links.append(urljoin(self.url, found["data-manifest"] or ""))


def _site_path(url: str, site: Path) -> str | None:
    """The file in site/ an address names, or None for another site or a non-file link."""
    url = url.replace(SITE_URL, BASE)
    parts = urlsplit(url)
    if not url.startswith(BASE):
        return None
    path = parts.path[1:]
    if path == "" or path.endswith("/"):
        path += "index.html"
    return path if (site / path).is_file() else None


def _documented(site: Path) -> set[str]:
    """Addresses docs/ hands out (with <id> and <folder> as any name) and old redirected ones."""
    text = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").glob("*.md"))
    patterns = set(re.findall(r"https://derechos\.example\.org/([\w./<>-]*)", text))
    patterns |= {m.lstrip("/") for m in re.findall(r"`(/[\w./<>-]+)`", text)}
    moved = yaml.safe_load((ROOT / "data" / "redirects.yml").read_text(encoding="utf-8")) or {}
    for old in (moved.get("redirects") or {}):
        patterns |= {old, f"en/{old}", f"flyers/{old.strip('/')}-<kind>"}
    found = set()
    for pattern in {p.rstrip(".") for p in patterns}:
        regex = re.escape(pattern).replace(re.escape("<"), "<").replace(re.escape(">"), ">")
        regex = re.sub(r"<[\w-]+>", r"[^/]+", regex)
        regex = regex + "(index\\.html)?" if pattern.endswith("/") or not pattern else regex
        for file in site.rglob("*"):
            rel = file.relative_to(site).as_posix()
            if file.is_file() and re.fullmatch(regex + r"(\.\w+)?", rel):
                found.add(rel)
    return found


def reachable(site: Path) -> set[str]:
    todo = ["index.html", "404.html", "sitemap.xml", "sitemap.xml.gz"]
    for lang_404 in site.glob("*/404.html"):  # each language's home and "not found" page
        todo += [lang_404.relative_to(site).as_posix(), lang_404.with_name("index.html").relative_to(site).as_posix()]
    todo += sorted(_documented(site))
    seen: set[str] = set()
    while todo:
        rel = todo.pop()
        if rel in seen or not (site / rel).is_file():
            continue
        seen.add(rel)
        text = (site / rel).read_text(encoding="utf-8", errors="replace") if not rel.endswith((".gz", ".png", ".pdf")) else ""
        links: list[str] = []
        if rel.endswith(".html"):
            parser = _Links(BASE + rel)
            parser.feed(text)
            links = parser.links
        elif rel.endswith(".css"):
            links = re.findall(r"url\(['\"]?([^'\")]+)", text)
        elif rel.endswith(".xml"):
            links = re.findall(r"<loc>([^<]+)</loc>", text)
        for link in links:
            target = _site_path(urljoin(BASE + rel, link), site)
            if target:
                todo.append(target)
    return seen


@pytest.fixture(scope="module")
def full_site(made_site) -> Path:
    """The real project built as `make site` builds it: engine, flyers and exports."""
    return made_site.site


def test_every_file_in_site_is_reachable(full_site):
    reached = reachable(full_site)
    every = {p.relative_to(full_site).as_posix() for p in full_site.rglob("*") if p.is_file()}
    for expected in ["assets/derechos.css", "flyers/tarjeta-a4.pdf", "contacts.json", "contactos/osha.vcf",
                     "embed/mx/index.html", "assets/search-core.js", "search/index.json", "en/search/index.json"]:
        assert expected in reached
    assert sorted(every - reached) == []


def test_a_file_nothing_loads_is_found(full_site, tmp_path):
    import shutil
    site = tmp_path / "site"
    shutil.copytree(full_site, site)
    (site / "assets" / "stray.js").write_text("1", encoding="utf-8")
    every = {p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()}
    assert every - reachable(site) == {"assets/stray.js"}


def test_material_files_no_page_loads_are_left_out(built_site):
    assets = {p.relative_to(built_site).as_posix() for p in (built_site / "assets").rglob("*") if p.is_file()}
    assert not [a for a in assets if a.endswith(".map") or a.startswith(("assets/javascripts/", "assets/stylesheets/"))]


def test_pages_load_one_stylesheet_and_no_material_settings(built_site):
    for page in ("salarios/index.html", "buscar/index.html"):
        text = (built_site / page).read_text(encoding="utf-8")
        assert re.findall(r'<link rel="stylesheet" href="([^"]+)"', text) == ["../assets/derechos.css"]
        assert 'id="__config"' not in text  # Material's settings, for its JavaScript, which no page loads


def test_theme_file_unused():
    for unused in ["assets/javascripts/bundle.a5f9d56c.min.js", "assets/stylesheets/main.57a0d79d.min.css",
                   "assets/javascripts/workers/search.a7633da7.min.js", "assets/images/favicon.png",
                   "assets/javascripts/lunr/min/lunr.es.min.js", "assets/search.js.map"]:
        assert theme_file_unused(unused), unused
    for used in ["assets/search.js", "assets/derechos.css", "assets/favicon.svg", "salarios/index.html",
                 "flyers/salarios-es-a4.pdf"]:
        assert not theme_file_unused(used), used


def test_compact_html_folds_layout_whitespace_only():
    page = "<ul>\n    <li>\n      <a>uno</a> y\n   dos</li>\n</ul>\n<pre>  a\n    b</pre>\n  <textarea>\n  x</textarea>"
    assert compact_html(page) == "<ul>\n<li>\n<a>uno</a> y\ndos</li>\n</ul>\n<pre>  a\n    b</pre>\n<textarea>\n  x</textarea>"


def test_compact_html_folds_exactly_as_the_one_regex_did():
    r"""The fold is a split at newlines (lean._fold) for speed; it must give what the regex
    `[ \t\r]*\n\s*` → "\n" gave, for every mix of white space: spaces and tabs before a newline go,
    a form feed or a no-break space before it stays, any white space after it goes, and a page
    that ends in spaces keeps them."""
    import itertools
    import re
    regex = re.compile(r"[ \t\r]*\n\s*")
    pieces = [" ", "\t", "\r", "\n", "\x0b", "\x0c", "\xa0", "\u2003", "a"]
    for size in range(1, 6):
        for mix in itertools.product(pieces, repeat=size):
            text = "".join(mix)
            assert compact_html(text) == regex.sub("\n", text), repr(text)


def test_one_process_per_language_builds_what_one_process_builds(full_site, tmp_path):
    """`make site` runs one engine per language (scripts/build.py); the pages and the sitemap
    must be byte for byte what one engine building every language writes."""
    root = full_site.parent
    one = build_site(root, tmp_path / "one")
    files = sorted(p.relative_to(one).as_posix() for p in one.rglob("*") if p.is_file())
    assert "en/salarios/index.html" in files and "sitemap.xml" in files
    different = [f for f in files if (one / f).read_bytes() != (full_site / f).read_bytes()]
    assert different == []


def test_the_sitemap_dates_its_pages_by_the_build_day_not_the_clock(tmp_path):
    """<lastmod> is the day the build judges dates by (--today, else the clock's day read once with
    the project): two builds of the same pages, or the two engines of one `make site`, that run
    either side of midnight write the same sitemap (CI once failed so, stop 47)."""
    import datetime as dt
    import gzip
    from scripts.core import project
    from scripts.website import engine
    site = tmp_path / "site"
    assert engine.build(ROOT, site, project.load(ROOT, dt.date(2031, 3, 2))).ok
    text = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert text.count("<url>") > 100
    assert set(re.findall(r"<lastmod>([^<]*)</lastmod>", text)) == {"2031-03-02"}
    assert gzip.decompress((site / "sitemap.xml.gz").read_bytes()).decode("utf-8") == text


def test_merge_sitemaps_appends_the_other_language(tmp_path):
    from scripts.website.sitefiles import merge_sitemaps
    head = '<?xml version="1.0" encoding="UTF-8"?>\n<urlset>\n'
    (tmp_path / "es.xml").write_text(head + "    <url>\n        <loc>/a/</loc>\n    </url>\n</urlset>", encoding="utf-8")
    (tmp_path / "en.xml").write_text(head + "    <url>\n        <loc>/en/a/</loc>\n    </url>\n</urlset>", encoding="utf-8")
    merge_sitemaps(tmp_path / "es.xml", tmp_path / "en.xml")
    text = (tmp_path / "es.xml").read_text(encoding="utf-8")
    assert text.index("<loc>/a/</loc>") < text.index("<loc>/en/a/</loc>") and text.count("</urlset>") == 1
    assert (tmp_path / "es.xml.gz").exists()


def test_make_site_serial_builds_what_make_site_builds(full_site, tmp_path):
    """`make site SERIAL=1` runs the same tasks one after the other in one process
    (scripts/parallel.py, SerialTasks): the same files, byte for byte."""
    from conftest import copy_project, make_site
    root = copy_project(tmp_path / "project")
    result = make_site(root, "--site-dir", str(tmp_path / "serial"), flyers_from=full_site.parent)  # in process, serial
    assert result.returncode == 0, result.stdout + result.stderr
    serial = tmp_path / "serial"
    files = sorted(p.relative_to(serial).as_posix() for p in serial.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(full_site).as_posix() for p in full_site.rglob("*") if p.is_file())
    assert [f for f in files if not f.endswith(".zim") and (serial / f).read_bytes() != (full_site / f).read_bytes()] == []
    for zim in [f for f in files if f.endswith(".zim")]:  # random ids inside (onezim.py): the same main page
        show = [subprocess.run(["zimdump", "show", "--url=index.html", str(site / zim)], capture_output=True).stdout
                for site in (serial, full_site)]
        assert show[0] == show[1] and b"<html" in show[0], zim


def test_the_published_stylesheet_and_scripts_lose_comments_only():
    css = '/* a comment */\n.a {\n  content: "\\260E  /* kept */";\n}\n\n.b  .c { color: red; } /* x */\n'
    assert compact_css(css) == '.a {\ncontent: "\\260E  /* kept */";\n}\n.b  .c { color: red; }\n'
    js = '/* Says what.\n   Two lines. */\nvar a = "//b";  // kept: not a whole line\n  // gone\nif (a) {\n  go();\n}\n'
    assert compact_js(js) == 'var a = "//b";  // kept: not a whole line\nif (a) {\ngo();\n}\n'
    assert compact_js("var t = `\n  /* text */\n`;\n") == "var t = `\n  /* text */\n`;\n"
    # a backtick in a comment is no template literal: the search's scripts shipped every comment
    assert compact_js("  // see `rank`\n  go();\n") == "go();\n"


def test_the_site_publishes_the_compacted_stylesheet(built_site):
    published = (built_site / "assets/derechos.css").read_text(encoding="utf-8")
    source = (ROOT / "overrides/assets/derechos.css").read_text(encoding="utf-8")
    assert "/*" in source and "/*" not in published and published == compact_css(source)
    for script in ("search-core.js", "search.js"):  # fetched on the first search
        published = (built_site / "assets" / script).read_text(encoding="utf-8")
        source = (ROOT / "overrides/assets" / script).read_text(encoding="utf-8")
        assert "\n  //" in source and "\n//" not in published and published == compact_js(source)
