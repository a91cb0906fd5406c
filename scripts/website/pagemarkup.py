"""Markup the engine or its plugins write that every page of the site must share (engine-free).

- CSP: the one Content-Security-Policy of the site; overrides/main.html prints it on every page
  and the redirect pages carry it too.
- valid_frame: Material's two menu checkboxes carry autocomplete="off", which HTML allows only on
  text-like inputs (the Nu Html Checker's one error per page); the toggles work without it.
- redirect_template: the page left at an old address (data/redirects.yml). mkdocs-redirects writes
  an inline script there; this one is script-free, in the page's language, with the same CSP.
"""
from __future__ import annotations

import re
from html import escape

from ..core.strings import Strings

# Scripts only from this site, as files (no inline script, no other host); images only from this
# site too: no page loads a data: image since Material's CSS and icons are gone. No page loads a
# font (the phone's own fonts) or starts a worker (search runs on the page), so neither may load.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; font-src 'none'; "
       "connect-src 'self'; worker-src 'none'; object-src 'none'; base-uri 'self'; form-action 'self'")

_TOGGLE = re.compile(r'(<input class="md-toggle"[^>]*?type="checkbox"[^>]*?) autocomplete="off"')


def valid_frame(html: str) -> str:
    return _TOGGLE.sub(r"\1", html)


def redirect_template(lang: str, words: Strings) -> str:
    """mkdocs-redirects fills in {url} (relative to the old address, #section included)."""
    def text(key: str) -> str:  # escaped for HTML, and for str.format, which the plugin calls
        return escape(words(key)).replace("{", "{{").replace("}", "}}")
    return (
        "<!doctype html>\n"
        f'<html lang="{escape(lang)}">\n<head>\n<meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(CSP)}">\n'
        '<meta name="referrer" content="no-referrer">\n'
        '<meta name="viewport" content="width=device-width,initial-scale=1">\n'
        f"<title>{text('moved_title')}</title>\n"
        '<link rel="canonical" href="{url}">\n'
        '<meta http-equiv="refresh" content="0; url={url}">\n'
        "</head>\n<body>\n"
        f'<p>{text("moved_title")}. <a href="{{url}}">{text("moved_link")}</a></p>\n'
        "</body>\n</html>\n")
