"""The language-code rule: what a language's `locale:` in mkdocs.yml (and its folder content/<code>/
and words file data/strings/<code>.yml) may be.

The engine glue (scripts/website/engine.py) widens static-i18n's pattern with THREE_LETTERS, and
checks/language_coverage.py gives a maintainer a plain message for anything else: one rule, here.
"""
from __future__ import annotations

import re

# Three lower-case letters (ISO 639-2/3), optionally with a region (mix-MX), besides what
# static-i18n already accepts (two letters): Mixteco (mix), Zapoteco (zap), Triqui (trs), K'iche' (quc).
THREE_LETTERS = r"^[a-z]{3}(-[A-Z]{2})?$"

# What the engine accepts: static-i18n's two-letter forms (mkdocs_static_i18n/config.py), plus THREE_LETTERS.
LOCALE = re.compile(r"^[a-z]{2}(-[A-Za-z]{4})?(-[A-Z]{2})?$|^[a-z]{2}_[A-Z]{2}$|" + THREE_LETTERS)

# The two-letter stand-ins older docs asked for, before the engine accepted three letters.
STAND_INS = {"xm": "mix", "xz": "zap", "xt": "trs", "xk": "quc"}


def is_language_code(locale: str) -> bool:
    return bool(LOCALE.match(locale))
