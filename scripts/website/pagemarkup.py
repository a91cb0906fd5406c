"""Markup the engine or its plugins write that every page of the site must share (engine-free).

- CSP: the one Content-Security-Policy of the site; overrides/main.html prints it on every page
  and the redirect pages (templates/redirect.html) carry it too.
- valid_frame: Material's two menu checkboxes carry autocomplete="off", which HTML allows only on
  text-like inputs (the Nu Html Checker's one error per page); the toggles work without it.
  It also drops what only Material's JavaScript (never loaded here) reads, written outside any
  block a template can empty: the search checkbox (search is a link to the search page), the empty
  announcement and dialog boxes, and the data-md-* hooks. About 90 bytes of gzip on every page,
  room for the guided path's link in the menu and on every topic page (issue 26).
"""
from __future__ import annotations

import re

# Scripts only from this site, as files (no inline script, no other host); images only from this
# site too: no page loads a data: image since Material's CSS and icons are gone. No page loads a
# font (the phone's own fonts). The one worker is the site's own service worker (/sw.js, reading
# without signal: website/offline.py); search runs on the page.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'none'; "
       "connect-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'")

_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


_UNUSED_FRAME = re.compile(
    r'<input class="md-toggle" data-md-toggle="search"[^>]*>\s*'
    r'|<div data-md-component="announce">\s*</div>\s*'
    r'|<div class="md-dialog" data-md-component="dialog">\s*<div class="md-dialog__inner md-typeset"></div>\s*</div>\s*')
_MATERIAL_HOOK = re.compile(r' data-md-(?:component|type|toggle)="[^"<>]*"')


def valid_frame(html: str) -> str:
    return _MATERIAL_HOOK.sub("", _UNUSED_FRAME.sub("", _TOGGLE.sub(r"\1", html)))
