"""A page not yet translated into a further language shows the Spanish page, said so in that language.

The language code in mkdocs.yml is the real tag (mix, zap, trs, quc: scripts/website/engine.py lets the
engine accept three letters), so it is what <html lang> says, although such a page borrows the
Spanish interface words of the theme. Engine-free: hooks.py calls these.
"""
from __future__ import annotations

import re
from html import escape

from ..core.strings import Strings

HTML_LANG = re.compile(r'<html lang="[^"]*"')


def notice(words: Strings, locale: str) -> str:
    # Material's "info" admonition: already in its stylesheet, so no extra CSS to download.
    text = words("missing_translation")
    return (f'<div class="admonition info translation-missing" lang="{escape(locale)}">'
            f'<p>{escape(text)}</p></div>\n')


def wrap(html: str, words: Strings, locale: str, source_words: Strings, source_locale: str) -> str:
    """The notice in the reader's language, then the page, marked as written in its own language."""
    tag = escape(source_locale)
    return f'{notice(words, locale)}<div class="translation-fallback" lang="{tag}">\n{html}\n</div>'


def set_html_lang(output: str, tag: str) -> str:
    return HTML_LANG.sub(f'<html lang="{escape(tag)}"', output, count=1)
