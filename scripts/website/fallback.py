"""A page not yet translated into a further language shows the Spanish page, said so in that language.

The language code in mkdocs.yml is the real tag (mix, zap, trs, quc: scripts/website/engine.py lets the
engine accept three letters), so it is what <html lang> says, although such a page borrows the
Spanish interface words of the theme. Engine-free: plugin.py calls these; the notice is the
template fallback.html.
"""
from __future__ import annotations

import re

from markupsafe import Markup, escape

from ..core.strings import Strings
from . import components

HTML_LANG = re.compile(r'<html lang="[^"]*"')


def wrap(html: str, words: Strings, locale: str, source_locale: str) -> str:
    """The notice in the reader's language, then the page (already HTML), marked as written in its own language."""
    return str(components.render("fallback.html", words=words, lang=locale, source=source_locale, html=Markup(html)))


def set_html_lang(output: str, tag: str) -> str:
    return HTML_LANG.sub(f'<html lang="{escape(tag)}"', output, count=1)
