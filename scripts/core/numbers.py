"""Finding phone numbers typed by hand in text, in every way people type them.

Every number on the site must come from data/contacts.yml; this finds the ones that do not, so
a check can say where they are. People write the same number in many ways: 1-800-321-6742,
(800) 321.6742, +1 800 321 6742, 001 800…, 011 52 55…, 01 800… (the old Mexican long-distance
form), 1-800-FLY-FREE, with non-breaking hyphens, en dashes, thin spaces or full-width digits
copied from a PDF, with tabs, underscores, bars or commas between the groups (pasted from a
table or a form), with Markdown's escapes (866\\-487\\-9243, which the page shows without the
backslashes), and as hand-made tel: or sms: links. Each family below is one pattern; they
are tried together and overlapping finds are kept once.

What must NOT be found: dates (2026-11-23, 11/23/2026), money ($7.25), years and ranges
(2002-2023), legal citations (29 CFR 1910.1200, Pub. L. 106-386, § 503.16), percentages and
form names (ETA-9142A). Patterns therefore ask for a phone's grouping (3-3-4 in North America)
or a cue word ("tel.", "llame al") before reading looser digit runs.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterable

import phonenumbers

from .phones import lookalike_digits

REGIONS = ("US", "MX")
# Characters that do not separate numbers from what stands before and after them.
_LEFT = r"(?<![\w$§.,/-])"
_RIGHT = r"(?![\w%]|[.,]\d|[-/]\d)"

# A hand-made link that dials or texts: tel:, sms:, WhatsApp and friends, in Markdown or HTML
# (where the address follows '(', a quote, '<' or '='). In running text, "Tel: 55…" is a label
# and the number after it is found by the number patterns.
DIAL_LINK = re.compile(
    r"(?i)(?<=[(\"'<=])(?:tel|sms|smsto|mms|callto|facetime(?:-audio)?|wtai|whatsapp):(?://)?(?:wp/mc;)?"
    r"[+(\d/][^)\"'<>\]\n]*"
    r"|(?:https?://)?(?:wa\.me/\+?\d+|api\.whatsapp\.com/send\?phone=\+?\d+)[^\s)\"'<>\]]*")
# North American shape, valid or not (an invented or mistyped number is still typed by hand):
# optional +1 / 1 / 001 / 011 1 prefix, a 3-digit area code (in parentheses or not), 3 digits, 4 digits.
# A comma may part the groups too ("866,487,9243"): money is grouped by threes, never 3-3-4.
NANP = re.compile(
    _LEFT + r"(?:(?:\+|00|011[ .-]?)?1[ .\-]?)?(?:\([ ]?\d{3}[ ]?\)[ ]?|\d{3}[ .\-/,]?)\d{3}[ .\-,]\d{4}"
    + r"(?:[ ]?(?:ext|x|ext\.|extensión|extension)[ ]?\d{1,5})?" + _RIGHT, re.I)
# Ten digits in any grouping (800 00 44 800, 55 53 22 42 00, (0155) 5322-4200).
_TEN = r"\(?(?:\d[ .\-()]{0,2}){9}\d"
# Mexican forms phonenumbers no longer reads: 01 800 …, 01 (55) …, 044 / 045 mobile prefixes,
# and +52 / 00 52 / 011 52 with the old mobile 1, written (1) or 1.
MEXICO = re.compile(
    _LEFT + r"\(?(?:(?:\+|00[ .\-]?|011[ .\-]?|001[ .\-]?)52[ .\-]?(?:\(1\)|1(?=[ .\-]))?[ .\-]?|0(?:1|44|45)[ .\-]?)"
    + _TEN + _RIGHT)
# Any number written with its country code: + then 8 to 15 digits in groups (consulates abroad).
INTERNATIONAL = re.compile(_LEFT + r"\(?\+[ ]?\d(?:[ .\-()]{0,2}\d){7,14}" + _RIGHT)
# Spelled-out numbers: 1-800-FLY-FREE, 1-866-4-USWAGE, (800) 321-OSHA, 1 800 CALL NOW, 1-888-ASK-USCIS
# (more letters than the seven a phone dials), 888-77-SALUD, 1-800-H2A-INFO; after a toll-free 8XX (or
# 8OO, letter O for zero) also in small letters (1-800-fly-free). Three letters at least, four to
# fourteen signs after the prefix: a form name (ETA-9142A) or a visa (H-2A) has no such prefix.
VANITY = re.compile(
    r"(?<![\w/])(?:(?:\+?1[ .\-]?)\(?[2-9]\d\d\)?[ .\-]?|\([2-9]\d\d\)[ .\-]?|8(?:00|33|44|55|66|77|88)[.\-])"
    r"(?=(?:[0-9 .\-]*[A-Z]){3})(?:[A-Z0-9][ .\-]?){3,13}[A-Z0-9](?![A-Za-z0-9])"
    r"|(?<![\w/])(?:\+?1[ .\-]?)?\(?8(?:[0O][0O]|33|44|55|66|77|88)\)?[.\-]"
    r"(?=(?:[0-9.\-]*[A-Za-z]){3})(?:[A-Za-z0-9][.\-]?){3,13}[A-Za-z0-9](?![A-Za-z0-9])")
# Seven digits with a hyphen (a local number without its area code): 321-6742.
LOCAL = re.compile(_LEFT + r"[2-9]\d{2}-\d{4}" + _RIGHT)
# A cue word then digits: whatever the grouping, "Tel. 55 53 22 42 00" or "llame al 8003216742".
CUE = re.compile(
    r"(?i)\b(?:tel(?:[ée]fono)?s?|tfno|phone|call|llame(?:\s+al)?|marque(?:\s+el)?|dial|n[úu]mero|fax|whats\s?app|cel(?:ular)?)"
    r"\b\.?:?[ ]*(?:n[úu]m\.?|no\.?|al|el)?[ ]*(\+?\(?\d[\d .\-()/]{5,}\d)")
# Lines worth giving to the (slow) phonenumbers matcher: seven digits close together.
DIGIT_RUN = re.compile(r"(?:\d[\s().+\-/]{0,3}){7,}")
MIN_DIGITS = 7


@dataclass(frozen=True, order=True)
class Found:
    start: int     # offset in the text given
    end: int
    raw: str       # as typed
    link: bool = False  # a hand-made tel:/sms: link rather than a number in the text


class _Plain(dict):
    """str.translate table: every dash, space and digit form to its ASCII twin, one for one
    (so offsets, and with them line numbers, stay right)."""

    def __missing__(self, code: int) -> int:
        char = chr(code)
        kind = unicodedata.category(char)
        if kind == "Pd" or char in "\u2212\u2043\ufe63\uff0d":
            value = ord("-")
        elif kind in ("Zs", "Cf") or char in "\u200b\u2060\ufeff":
            value = ord(" ")
        elif kind == "Nd":
            value = ord("0") + unicodedata.digit(char)
        elif 0xFF01 <= code <= 0xFF5E:  # full-width + ( ) . / and letters
            value = code - 0xFEE0
        elif char in "\u2024\u00b7\u2219\u22c5\u2022\u2027":  # one-dot leader, middle dots and bullets as separators
            value = ord(".")
        else:
            value = code
        self[code] = value
        return value


_PLAIN = _Plain({code: code for code in range(128)})
# A tab (a number pasted from a table) is a space; an underscore, a bar or a tilde between the
# groups ("866_487_9243", "866|487|9243") is a hyphen, which keeps a web address one word.
_PLAIN.update({ord("\t"): ord(" "), ord("_"): ord("-"), ord("|"): ord("-"), ord("~"): ord("-")})


def plain(text: str) -> str:
    """The text with every exotic dash, space and digit written in ASCII, same length."""
    return text.translate(_PLAIN)


# Markdown shows a backslash before a sign as the sign alone: "866\\-487\\-9243" is 866-487-9243.
_ESCAPE = re.compile(r"\\(?=[!-/:-@\[-`{-~])")


def _as_shown(clean: str) -> tuple[str, list[int] | None]:
    """The line without Markdown's escaping backslashes, as the page shows it, and where each of
    its characters stands in the line typed (None when there was nothing to take out)."""
    if "\\" not in clean:
        return clean, None
    dropped = {m.start() for m in _ESCAPE.finditer(clean)}
    if not dropped:
        return clean, None
    where = [i for i in range(len(clean)) if i not in dropped]
    return "".join(clean[i] for i in where), where


def _typed_spans(spans: list[tuple[int, int, bool]], where: list[int] | None) -> list[tuple[int, int, bool]]:
    """Spans found in the line as shown, in the line as typed (its backslashes inside them)."""
    if where is None:
        return spans
    return [(where[start], where[end - 1] + 1, link) for start, end, link in spans]


def _digits(raw: str) -> int:
    return sum(ch.isdigit() for ch in raw)


def _matcher(line: str) -> Iterable[tuple[int, int]]:
    if DIGIT_RUN.search(line):  # the matcher is slow: only where seven digits stand close together
        for region in REGIONS:
            for match in phonenumbers.PhoneNumberMatcher(line, region, leniency=phonenumbers.Leniency.VALID):
                yield match.start, match.end


# Lines that may hold a find, read on the raw text (\d knows every script's digits; \D{0,3}
# covers any separator): seven digits close together, or three digits then letters (1-800-FLY…),
# or a dial link's word (found with str.find: a regex alternation tried at every position cost
# 0.6 s on 1,000 page pairs). Most lines have none of these and are skipped.
# (Possessive separators: the same lines, about 6 times faster than (?:\d\D{0,3}){7,}.)
# (888-77-SALUD and 1-800-H2A-INFO need the optional digits and the letter-digit-letter; 1-8OO-…,
# letter O for zero, is found by its words below, as the dial links are: the same lines, no slower.)
MAYBE = re.compile(r"\d(?:[^\d\n]{0,3}+\d){6}|\d\d\d[^\w\n]{0,2}+\d{0,2}+[^\w\n]?[A-Za-z]\w?[A-Za-z]")
# ... and three digits one sign apart: a short code digit by digit ("9-1-1", "9\u20111\u20111"),
# found with the rest (a scan of its own for the codes' spelled forms cost three times as much).
CANDIDATE = re.compile(MAYBE.pattern + r"|\d[^\w\n]\d[^\w\n]\d")
LINK_WORDS = ("tel:", "sms:", "smsto:", "mms:", "callto:", "facetime", "wtai:", "whatsapp", "wa.me/", "8oo")


def occurrences(text: str, words: Iterable[str]) -> list[int]:
    """Where each of `words` stands in text, every time (str.find: far cheaper than a regex
    alternation tried at every position)."""
    hits = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            hits.append(at)
            at = text.find(word, at + 1)
    return hits


def _candidate_lines(text: str, codes: tuple[str, ...]) -> Iterable[tuple[int, str]]:
    hits = [m.start() for m in CANDIDATE.finditer(text)]
    grouped = tuple(head + apart + tail for head, tail in _two_groups(codes) for apart in " -")
    hits += occurrences(text.lower(), LINK_WORDS) + occurrences(text, codes + grouped)
    last = -1
    for hit in sorted(hits):
        if hit <= last:
            continue
        start = text.rfind("\n", 0, hit) + 1
        end = text.find("\n", hit)
        end = end if end >= 0 else len(text)
        last = end
        yield start, text[start:end]


# Web addresses hold digit runs (fact-sheets/12-flsa…) that are not numbers to call.
WEB = re.compile(r"(?:https?://|www\.)\S+|\]\([^)\s]*\)")


def _blank(text: str, pattern: re.Pattern) -> str:
    return pattern.sub(lambda m: " " * len(m.group(0)), text)


# Dates are never numbers to call, and the commonest digit runs in front matter (reviewed: …).
DATES = re.compile(r"(?<!\d)(?:(?:19|20)\d\d-\d\d?-\d\d?|\d\d?/\d\d?/(?:19|20)\d\d)(?![\d-])")


def _two_groups(codes: tuple[str, ...]) -> list[tuple[str, str]]:
    """Each way to cut a text code of five digits or more in two groups of two digits or more."""
    return [(code[:cut], code[cut:]) for code in sorted(codes) if len(code) >= 5 for cut in range(2, len(code) - 1)]


def _spelled(code: str, apart: str) -> str:
    """A short code's digits, each apart from the next as `apart` says: '9-1-1' is 911 too."""
    return apart.join(map(re.escape, code))


@lru_cache(maxsize=64)
def _short_pattern(codes: tuple[str, ...]) -> re.Pattern | None:
    """911, 711, 988 and the registry's other short codes, standing alone (not in 1911 or 911.5),
    also written digit by digit with the same hyphen or space between them ("9-1-1", "9 1 1"; not
    with dots: "9.1.1" is a section's number). A text code of five digits or more is also
    written in two groups ("233 733", "233-733", as a hotline's poster may print it)."""
    if not codes:
        return None
    forms = [_spelled(code, apart) for code in sorted(codes) for apart in ("", "-", " ")]
    forms += [re.escape(head) + "[ -]" + re.escape(tail) for head, tail in _two_groups(codes)]
    return re.compile(r"(?<![\w.,/$§-])(?:" + "|".join(forms) + r")(?![\w/%-]|[.,]\d)")


def _without_addresses_and_dates(clean: str) -> str:
    """Web addresses and dates blanked: their digit runs are not numbers to call. (Web addresses
    need '://', 'www.' or '](', dates a '-' or '/': lines without them skip the pattern.)"""
    if "://" in clean or "www." in clean or "](" in clean:
        clean = _blank(clean, WEB)
    if "-" in clean or "/" in clean:
        clean = _blank(clean, DATES)
    return clean


def _may_dial(clean: str) -> bool:
    """Could DIAL_LINK match in this line? Each of its forms needs what is asked here: a scheme's
    ':' after one of ( " ' < =, or 'wa.me/' or 'api.whatsapp.com/' (letters without case
    twins in its case-blind matching). Most lines have none and skip that slow pattern."""
    if ":" in clean and ("(" in clean or '"' in clean or "'" in clean or "<" in clean or "=" in clean):
        return True
    low = clean.lower()
    return ".me/" in low or ".com/" in low


def _line_spans(line: str, codes: tuple[str, ...], hide: tuple[re.Pattern, ...]) -> list[tuple[int, int, bool]]:
    clean, where = _as_shown(plain(line))
    return _typed_spans(_shown_spans(clean, codes, hide), where)


def _shown_spans(clean: str, codes: tuple[str, ...], hide: tuple[re.Pattern, ...]) -> list[tuple[int, int, bool]]:
    for pattern in hide:
        clean = _blank(clean, pattern)
    spans: list[tuple[int, int, bool]] = []
    if _may_dial(clean):
        links = [(m.start(), m.end()) for m in DIAL_LINK.finditer(clean)]
        spans += [(start, end, True) for start, end in links]
        for start, end in links:  # blanked as _blank would: the same matches, found once
            clean = clean[:start] + " " * (end - start) + clean[end:]
    clean = _without_addresses_and_dates(clean)
    extra = _short_pattern(codes)
    if not MAYBE.search(clean) and (extra is None or not extra.search(clean)) and "8oo" not in clean.lower():
        return spans  # the digits were a date, in a web address or in a reference
    spans += [(s, e, False) for s, e in _matcher(clean)]
    for pattern in (NANP, MEXICO, INTERNATIONAL, VANITY, LOCAL):
        spans += [(m.start(), m.end(), False) for m in pattern.finditer(clean)]
    for match in CUE.finditer(clean):
        if _digits(match.group(1)) >= MIN_DIGITS:
            spans.append((match.start(1), match.end(1), False))
    if extra is not None:
        spans += [(m.start(), m.end(), False) for m in extra.finditer(clean)]
    return spans


# A line that ends in a digit or a separator and a next line that starts with a digit, '(' or '+':
# Markdown joins the two with a space, so "llame al 1-800-321-" and "6742" are one number on the page.
# (Found from the line break, which is rarer than digits and dots: the character before is checked after.)
_BREAK = re.compile(r"\n[ \t>]*[\d(+]")
_ENDS = frozenset("0123456789().-/")
_SIDE = 24  # characters of each line read around the break: the longest number and its cue word


def _across_lines(text: str, codes: tuple[str, ...], hide: tuple[re.Pattern, ...]) -> list[tuple[int, int, bool]]:
    """Numbers that a line break splits in two, read as the page shows them (the lines joined)."""
    spans = []
    for match in _BREAK.finditer(text):
        newline = match.start()
        before = newline - 1
        while before >= 0 and text[before] in " \t":
            before -= 1
        if before < 0 or text[before] not in _ENDS:
            continue
        left = max(text.rfind("\n", 0, newline) + 1, newline - _SIDE)
        right_end = text.find("\n", newline + 1)
        right_end = min(right_end if right_end >= 0 else len(text), newline + 1 + _SIDE)
        head = text[newline + 1:right_end]
        skipped = len(head) - len(head.lstrip(" \t>"))  # the next line's indent or quote mark
        tail = text[left:newline].rstrip(" \t")
        # "1-866-487-" then "9243": read as typed, without the space the page puts at the break
        gap = "" if tail[-1:] in "-./" else " "
        joined = tail + gap + head[skipped:]
        cut = len(tail)  # where the line break stands in `joined`
        for start, end in _phone_shapes(joined, hide):
            if start < cut < end:  # only what the break splits; each line alone is read already
                spans.append((left + start, newline + 1 + skipped + (end - cut - len(gap)), False))
    return spans


# A Mexican number without its country code, in its usual groupings: (55) 5322-4200, 55 5322 4200,
# 81 8123 4567, 55 53 22 42 00 (ten digits; used across a line break, where the looser readings fail).
# Area codes start with 2 to 9; two years in a row (1990-2023) are a range, not a number.
MEXICAN_TEN = re.compile(_LEFT + r"(?:\([2-9]\d{1,2}\)|[2-9]\d{1,2})[ .\-](?!(?:19|20)\d\d[ .\-–](?:19|20)\d\d)"
                         r"\d{3,4}[ .\-]\d{4}" + _RIGHT + "|" + _LEFT + r"[2-9]\d(?:[ .\-]\d\d){4}" + _RIGHT)


def _phone_shapes(text: str, hide: tuple[re.Pattern, ...]) -> Iterable[tuple[int, int]]:
    """Only a phone's own grouping or a cue word across a line break: the looser readings would
    join two lines of a list or a table (a year range above a citation) into a number."""
    clean, where = _as_shown(plain(text))
    for pattern in hide:
        clean = _blank(clean, pattern)
    clean = _without_addresses_and_dates(clean)
    spans = [(m.start(), m.end(), False) for pattern in (NANP, MEXICO, INTERNATIONAL, LOCAL, MEXICAN_TEN)
             for m in pattern.finditer(clean) if pattern is not MEXICAN_TEN or _digits(m.group(0)) == 10]
    spans += [(m.start(1), m.end(1), False) for m in CUE.finditer(clean) if _digits(m.group(1)) >= MIN_DIGITS]
    for start, end, _ in _typed_spans(spans, where):
        yield start, end


_CLOSING = {"(": ")", "[": "]", " ": ""}
_OPENING = {")": "(", "]": "[", " ": ""}


def find(text: str, short_codes: Iterable[str] = (), hide: tuple[re.Pattern, ...] = ()) -> list[Found]:
    """Every hand-typed number and hand-made dial link in text, once each, in order.

    `short_codes` are short numbers to find too (911 and the registry's own, on pages);
    `hide` blanks what is not typed text (references such as [[phone:whd]])."""
    codes = tuple(sorted(set(short_codes)))
    spans: list[tuple[int, int, bool]] = []
    for offset, line in _candidate_lines(text, codes):
        # Letters typed for digits read as those digits ("1-8OO-321-6742"), found as typed: one
        # character for one. Only in the lines that may hold a number (a pass over every page's
        # whole text would be 40 % of this function's time).
        line = lookalike_digits(line)
        spans += [(offset + s, offset + e, link) for s, e, link in _line_spans(line, codes, hide)]
    spans += _across_lines(text, codes, hide)
    found: list[Found] = []
    # Links first, then the longest find at each place: one number, one message.
    for start, end, link in sorted(spans, key=lambda s: (not s[2], s[0], -(s[1] - s[0]))):
        if any(start < f.end and f.start < end for f in found):
            continue
        if not link:  # "(1-855-463-6395)", "[…]": the brackets are the sentence's, not the number's
            while start < end and (text[start] in " ([" and _CLOSING[text[start]] not in text[start:end] or text[start] == " "):
                start += 1
            while end > start and (text[end - 1] in " )]" and _OPENING[text[end - 1]] not in text[start:end] or text[end - 1] == " "):
                end -= 1
        found.append(Found(start, end, re.sub(r"[ \t]*\n[ \t>]*", " ", text[start:end]), link))
    return sorted(found)
