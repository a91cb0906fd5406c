"""The site on real web servers, configured as docs/hosting.md says (issue 28, part 4).

Debian's nginx with the lines `make headers` prints, and Apache with the site's own .htaccess,
each serve a copy of the built site on a loopback port. A page on another origin (another port)
frames a topic page and an embed page: Chromium must refuse the topic page (frame-ancestors,
X-Frame-Options) and show the embed page, which NGOs frame on purpose. Every kind of file the site
publishes arrives with the no-sniff and no-referrer rules, and each language's 404 page answers
a missing address at any depth. The same framing through the tests' plain server (no headers)
succeeds: the test sees a refusal only where the headers cause one.
"""
from __future__ import annotations

import tempfile
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from scripts.bench.server import StaticServer
from scripts.website.exports import EMBED_CSP

from conftest import run_cli
from browser import hosts

HOSTS = ["nginx", "apache"]
KINDS = (".html", ".css", ".js", ".pdf", ".svg", ".vcf", ".json", ".png", ".webmanifest")
MISSING = {"/a/b/c/": "es", "/en/a/b/c/": "en"}


@pytest.fixture(scope="module", params=HOSTS)
def host(request, made_site):
    program = hosts.NGINX if request.param == "nginx" else hosts.APACHE
    assert program.exists(), (f"{program} is missing: run 'make sysdeps' as root "
                              "(scripts/sysdeps.sh installs nginx and apache2-bin)")
    lines = ""
    if request.param == "nginx":
        printed = run_cli(made_site.root, "headers")  # what `make headers` prints
        assert printed.returncode == 0, printed.stdout + printed.stderr
        lines = printed.stdout
    running = hosts.start(request.param, made_site.site, lines)
    yield running
    hosts.stop(running)


def fetch(url: str) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers={"User-Agent": "derechos-test"})
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            return answer.status, {k.lower(): v for k, v in answer.headers.items()}, answer.read()
    except urllib.error.HTTPError as error:
        return error.code, {k.lower(): v for k, v in error.headers.items()}, error.read()


def one_of_each_kind(site: Path) -> dict[str, str]:
    """The address of one published file of each kind, outside the embed folders."""
    found: dict[str, str] = {}
    for file in sorted(site.rglob("*")):
        url = "/" + file.relative_to(site).as_posix()
        if file.is_file() and file.suffix in KINDS and "/embed/" not in url:
            found.setdefault(file.suffix, url)
    return found


def embed_pages(site: Path) -> list[str]:
    return sorted("/" + p.parent.relative_to(site).as_posix() + "/" for p in site.glob("**/embed/*/index.html"))


def test_every_kind_of_file_arrives_with_the_safety_rules(host, built_site):
    kinds = one_of_each_kind(built_site)
    assert {".html", ".css", ".js", ".pdf", ".svg", ".vcf", ".json"} <= set(kinds), kinds
    for url in ["/", "/trata/", "/en/trata/", *kinds.values()]:
        status, headers, _ = fetch(host.url + url)
        assert status == 200, (host.name, url, status, host.log())
        policy = headers.get("content-security-policy", "")
        assert "frame-ancestors 'none'" in policy and headers.get("x-frame-options") == "DENY", (host.name, url, headers)
        assert "script-src" in policy and "default-src" in policy, (host.name, url, policy)
        assert headers.get("x-content-type-options") == "nosniff", (host.name, url, headers)
        assert headers.get("referrer-policy") == "no-referrer", (host.name, url, headers)
    for suffix, mime in {".html": "text/html", ".css": "text/css", ".pdf": "application/pdf", ".svg": "image/svg+xml",
                         ".js": "javascript", ".json": "application/json"}.items():
        assert mime in fetch(host.url + kinds[suffix])[1].get("content-type", ""), (host.name, suffix)


def test_embed_pages_have_their_own_policy(host, built_site):
    pages = embed_pages(built_site)
    assert any(p.startswith("/en/") for p in pages) and any(p.startswith("/embed/") for p in pages), pages
    for url in pages:
        status, headers, _ = fetch(host.url + url)
        assert status == 200, (host.name, url, status)
        assert headers.get("content-security-policy") == EMBED_CSP, (host.name, url, headers)
        assert "x-frame-options" not in headers, (host.name, url, headers)
        assert headers.get("x-content-type-options") == "nosniff" and headers.get("referrer-policy") == "no-referrer"


@pytest.mark.parametrize("address", MISSING)
def test_a_missing_address_gets_its_language_404_page(host, built_site, address):
    status, headers, body = fetch(host.url + address)
    expected = built_site / ("en/404.html" if MISSING[address] == "en" else "404.html")
    assert status == 404 and body == expected.read_bytes(), (host.name, address, status, body[:200])
    assert "frame-ancestors 'none'" in headers.get("content-security-policy", ""), (host.name, address, headers)


def frame_results(chromium, site_url: str, targets: list[str]) -> dict[str, str]:
    """Open a page on another origin (its own server and port) that frames each target of
    `site_url`; return each target's frame: the address it shows, or 'refused' and why."""
    with tempfile.TemporaryDirectory() as folder:
        frames = "\n".join(f'<iframe name="f{i}" src="{site_url}{t}" width="360" height="640"></iframe>'
                           for i, t in enumerate(targets))
        Path(folder, "index.html").write_text(f"<!doctype html><title>another site</title>{frames}", encoding="utf-8")
        with StaticServer(Path(folder)) as framer:
            assert framer.url.rstrip("/") != site_url.rstrip("/")
            context = chromium.new_context()
            page = context.new_page()
            refusals: list[str] = []
            page.on("console", lambda message: refusals.append(message.text) if "frame" in message.text else None)
            page.goto(framer.url + "/", wait_until="load")
            page.wait_for_timeout(300)
            found = {}
            for i, target in enumerate(targets):
                frame = page.frame(name=f"f{i}")
                calls = 0 if frame.url.startswith("chrome-error:") else frame.evaluate(
                    "document.querySelectorAll('a[href^=\"tel:\"]').length")
                found[target] = (f"refused ({frame.url}; {' | '.join(refusals)[:300]})"
                                 if frame.url.startswith("chrome-error:") else f"shown with {calls} call links")
            context.close()
            return found


def test_another_site_cannot_frame_a_page_but_can_frame_an_embed(host, chromium, built_site):
    embeds = embed_pages(built_site)
    targets = ["/trata/", "/en/trata/", "/ayuda/", *embeds]
    shown = frame_results(chromium, host.url, targets)
    for target in targets:
        if target in embeds:
            assert shown[target].startswith("shown with") and not shown[target].endswith(" 0 call links"), (host.name, shown)
        else:
            assert shown[target].startswith("refused"), (host.name, target, shown[target])


def test_without_the_headers_the_same_framing_succeeds(chromium, server):
    """The control: the tests' plain server sends no headers, and the topic page is shown framed,
    call links live. The refusal above is the headers' doing, not the test's."""
    shown = frame_results(chromium, server.url.rstrip("/"), ["/trata/"])
    assert shown["/trata/"].startswith("shown with") and not shown["/trata/"].endswith(" 0 call links"), shown
