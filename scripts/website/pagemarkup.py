"""Markup the engine or its plugins write that every page of the site must share (engine-free).

- CSP: the one Content-Security-Policy of the site; overrides/main.html prints it on every page
  and the redirect pages (templates/redirect.html) carry it too.
- valid_frame: Material's two menu checkboxes carry autocomplete="off", which HTML allows only on
  text-like inputs (the Nu Html Checker's one error per page); the toggles work without it.
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


def valid_frame(html: str) -> str:
    return _TOGGLE.sub(r"\1", html)
