"""One visit of one page in Chromium, written down as plain data the tests then read.

Each page is opened once (JavaScript on, 360×640) and everything the tests ask about is
recorded: requests, axe-core's findings, widths, the tel: links, storage, and where the
language switcher leads. The tests stay simple, and ~30 pages take seconds, not minutes.
"""
from __future__ import annotations

import subprocess
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

from conftest import ROOT

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# WCAG 2.0, 2.1 and 2.2 at levels A and AA: the rules the issue asks for, nothing more.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
LOCAL_SCHEMES = ("data:", "blob:", "about:")


def ensure_axe() -> Path:
    """axe-core comes from npm (package-lock.json); install it on a fresh clone."""
    if not AXE.exists():
        result = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0 or not AXE.exists():
            raise RuntimeError(f"could not install axe-core with 'npm ci' in {ROOT}:\n{result.stderr[-2000:]}\n"
                               "Install Node.js and npm (scripts/sysdeps.sh does it as root), then run 'make node_modules'.")
    return AXE


@cache
def axe_source() -> str:
    return ensure_axe().read_text(encoding="utf-8")


@dataclass
class Link:
    href: str
    text: str
    height: float
    width: float
    visible: bool


@dataclass
class Visit:
    path: str                       # e.g. "en/salarios/"
    lang: str                       # <html lang>
    foreign: list[str]              # requests to any host but the local server (blocked)
    violations: list[dict]          # axe-core, WCAG A/AA
    scroll_width: int
    view_width: int
    phone_links: list[Link]         # tel: and sms: links
    storage: dict                   # what the page wrote: local/session storage, cookies, IndexedDB, caches
    switcher: str | None = None     # href of the language switcher
    switched_to: str | None = None  # the path the switcher actually led to
    switched_lang: str | None = None
    console_errors: list[str] = field(default_factory=list)


class Guard:
    """Blocks and records every request that is not to the local server: nothing may leave."""

    def __init__(self, base: str) -> None:
        self.base = base
        self.foreign: list[str] = []

    def is_local(self, url: str) -> bool:
        return url.startswith(self.base) or url.startswith(LOCAL_SCHEMES)

    def attach(self, context) -> None:
        def route(r) -> None:
            if self.is_local(r.request.url):
                r.continue_()
            else:
                self.foreign.append(r.request.url)
                r.abort()
        context.route("**/*", route)
        context.on("request", lambda req: None if self.is_local(req.url) else self.foreign.append(req.url))

    def take(self) -> list[str]:
        seen, self.foreign = sorted(set(self.foreign)), []
        return seen


STORAGE_JS = """async () => ({
  local: localStorage.length, session: sessionStorage.length, cookie: document.cookie,
  indexeddb: indexedDB.databases ? (await indexedDB.databases()).length : 0,
  caches: self.caches ? await caches.keys() : [] })"""

LINKS_JS = """els => els.map(e => { const r = e.getBoundingClientRect(), s = getComputedStyle(e);
  return { href: e.getAttribute('href'), text: e.textContent.trim(), height: r.height, width: r.width,
           visible: r.height > 0 && r.width > 0 && s.visibility !== 'hidden' && s.display !== 'none' }; })"""

AXE_JS = """async tags => (await axe.run(document, { runOnly: { type: 'tag', values: tags },
  resultTypes: ['violations'] })).violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
  nodes: v.nodes.slice(0, 5).map(n => n.target.join(' ') + ' ' + n.html.slice(0, 120)) }))"""


def site_path(url: str, base: str) -> str:
    return urlsplit(url).path[len(urlsplit(base).path):]


def visit(page, guard: Guard, base: str, path: str, switch: bool = True) -> Visit:
    """Open base+path in `page` (JavaScript on) and record what the tests check."""
    guard.take()
    errors: list[str] = []
    def on_console(message) -> None:
        if message.type == "error":
            errors.append(message.text)
    page.on("console", on_console)
    page.goto(base + path, wait_until="load")
    lang = page.evaluate("document.documentElement.lang")
    # Run through the DevTools protocol: no request, and the page's own CSP (script-src 'self') stays on.
    page.evaluate(axe_source() + "\n;true")
    violations = page.evaluate(AXE_JS, WCAG_TAGS)
    widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    links = [Link(**item) for item in page.eval_on_selector_all('a[href^="tel:"], a[href^="sms:"]', LINKS_JS)]
    storage = page.evaluate(STORAGE_JS)
    result = Visit(path, lang, [], violations, widths[0], widths[1], links, storage, console_errors=errors)
    switcher = page.query_selector("a.md-header__lang")
    if switcher is not None:
        result.switcher = switcher.get_attribute("href")
        if switch:
            with page.expect_navigation(wait_until="load"):
                switcher.click()
            result.switched_to = site_path(page.url, base)
            result.switched_lang = page.evaluate("document.documentElement.lang")
    result.foreign = guard.take()
    page.remove_listener("console", on_console)
    return result
