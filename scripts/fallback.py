"""A page not yet translated into a further language shows the Spanish page, said so in that language.

Languages without a two-letter ISO 639-1 code (Mixteco, Zapoteco, Triqui, K'iche') get a
two-letter stand-in as their folder and URL, because the i18n plugin accepts no other (see
docs/translating.md); their real tag (mix, zap, trs, quc) is `language_tag:` in
data/strings/<code>.yml and is what <html lang> and hreflang say. Engine-free: hooks.py calls these.
"""
from __future__ import annotations

import re
from html import escape

from .strings import Strings

HTML_LANG = re.compile(r'<html lang="[^"]*"')


def language_tag(words: Strings, locale: str) -> str:
    """The BCP 47 tag readers' tools should see: language_tag from the words file, else the code."""
    tag = words.words.get("language_tag", "").strip()
    return tag or locale


def notice(words: Strings, locale: str) -> str:
    # Material's "info" admonition: already in its stylesheet, so no extra CSS to download.
    text = words("missing_translation")
    return (f'<div class="admonition info translation-missing" lang="{escape(language_tag(words, locale))}">'
            f'<p>{escape(text)}</p></div>\n')


def wrap(html: str, words: Strings, locale: str, source_words: Strings, source_locale: str) -> str:
    """The notice in the reader's language, then the page, marked as written in its own language."""
    tag = escape(language_tag(source_words, source_locale))
    return f'{notice(words, locale)}<div class="translation-fallback" lang="{tag}">\n{html}\n</div>'


def set_html_lang(output: str, tag: str) -> str:
    return HTML_LANG.sub(f'<html lang="{escape(tag)}"', output, count=1)
