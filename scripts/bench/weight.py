"""Bytes over the wire and request count of a page view, as the local server saw them.

The server gzips like a static host and counts every byte it writes (headers included), so
the figure is what a phone would download. A fresh browser context is an empty cache.
"""
from __future__ import annotations

from dataclasses import dataclass

from .server import StaticServer


@dataclass
class View:
    site: str          # "derechos" or "stock"
    page: str          # e.g. "en/salarios/"
    kind: str          # "first visit" or "second view (after <page>)"
    bytes: int
    requests: int
    files: list[tuple[str, int]]


def _load(page, url: str) -> None:
    page.goto(url, wait_until="networkidle")  # also waits for what scripts and workers fetch


def first_visit(browser, server: StaticServer, site: str, path: str) -> View:
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    try:
        server.counter.take()
        _load(context.new_page(), server.url + path)
        files = server.counter.take()
    finally:
        context.close()
    return View(site, path, "first visit", sum(n for _, n in files), len(files), files)


def second_view(browser, server: StaticServer, site: str, first: str, second: str) -> View:
    """Open `first`, then `second` in the same tab: what the second page view costs."""
    context = browser.new_context(viewport={"width": 360, "height": 640}, is_mobile=True, has_touch=True)
    try:
        page = context.new_page()
        _load(page, server.url + first)
        server.counter.take()
        _load(page, server.url + second)
        files = server.counter.take()
    finally:
        context.close()
    return View(site, second, f"second view (after /{first})", sum(n for _, n in files), len(files), files)
