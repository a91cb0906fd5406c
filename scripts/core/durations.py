"""Finding a legal deadline typed by hand ("Tiene 180 días para quejarse", "file within 30 days").

Every deadline must come from data/deadlines.yml ([[deadline:ID]]), so that every page and
flyer states it the same way, linked to the official page it was read on. A length of time alone
is not a deadline ("24 horas", "los 7 días de la semana", "en los últimos 12 meses", "40 años o
más", "cada tres meses", "el contrato dura 10 semanas", "OSHA tarda unos 30 días en responder"):
a find is a number of days, weeks, months or years, in digits or words, said the way a time limit
is said:
- after "dentro de", "en un plazo de", "a más tardar", "antes de que pasen", "en los primeros",
  "si pasan más de", "within", "no later than", "in the first" ("dentro de 30 días");
- followed by "para" or "to" and an act on a claim ("30 días para quejarse", "one year to file");
- after "tiene" or "have" ("tiene 30 días"; years only with "para" or "to" after them, since
  "tiene 40 años" is an age and "tiene 2 años para demandar" a limit);
- followed by "atrás" or "back" ("hasta 2 años atrás", "up to 2 years back"), or "deadline"
  ("a 30-day deadline");
- after an act on a claim and "en" or "in" ("avise en 30 días", "file it in 30 days");
- in a table whose header row names a limit ("| Dónde quejarse | Plazo |");
- after "hasta", "máximo", "up to" and before "después", "after" or "siguientes" ("hasta 2 años
  después del pago", "up to 2 years after the violation", "en los 30 días siguientes");
- after "después de" or "after" in a sentence that says the right is lost ("Después de 30 días ya
  no puede quejarse");
- after "en" or "in" in a sentence with an act on a claim ("Reporte la lesión lo antes posible: en
  algunos estados, en 30 días"), unless it is how long something takes or lasts, or how long ago
  ("OSHA tarda unos 30 días", "hace 2 semanas").
References ([[deadline:…]]) are blanked by the caller.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .numbers import occurrences

_NUMBER_WORDS = (
    # Spanish and English number words a deadline is written with (longest first)
    "ciento ochenta", "trescientos", "cuarenta y cinco", "noventa", "sesenta", "cuarenta", "treinta", "veinte",
    "quince", "doce", "once", "diez", "nueve", "ocho", "siete", "seis", "cinco", "cuatro", "tres", "dos", "una",
    "un", "uno", "cien",
    "one hundred eighty", "one hundred and eighty", "three hundred", "forty-five", "forty five", "ninety", "sixty",
    "forty", "thirty", "twenty", "fifteen", "twelve", "eleven", "ten", "nine", "eight", "seven", "six", "five", "four",
    "three", "two", "one", "an", "a",
)
_UNITS = (r"d[ií]as?(?:\s+(?:h[áa]biles|naturales|de\s+calendario|laborables))?|semanas?|mes(?:es)?|a[ñn]os?"
          r"|(?:business\s+|calendar\s+|working\s+)?days?|weeks?|months?|years?")
_NUMBER = r"(?<![\w.,])(?:\d{1,3}|" + "|".join(w.replace(" ", r"\s+") for w in _NUMBER_WORDS) + r")"
DURATION = re.compile(_NUMBER + r"[\s\u00a0-]+(?:" + _UNITS + r")\b", re.IGNORECASE)

# The unit words are found first with str.find (a regex scan of every page cost 0.2 to 0.4 s on
# 1,000 page pairs; this, about 0.1 s), and only there is a number looked for before them.
_UNIT_STEMS = ("día", "dia", "semana", "mes", "año", "ano", "day", "week", "month", "year")
UNIT = re.compile(r"(?:d[ií]as?|semanas?|mes(?:es)?|a[ñn]os?|days?|weeks?|months?|years?)\b")
_NUMBER_BEFORE = re.compile(_NUMBER + r"[\s\u00a0-]+(?:(?:business|calendar|working)\s+)?$")
_LOOK_BACK = 48  # characters before a unit: the longest number in words, its spaces and 'business'

# Words that make a length of time a limit, read on the lower-cased text around the find.
LIMIT_BEFORE = re.compile(
    r"(?:\bdentro\s+de(?:\s+los|\s+las)?|\b(?:plazo|l[íi]mite)\s+(?:es\s+)?de|\b(?:time\s+)?limit\s+(?:is|of)|\ba\s+m[áa]s\s+tardar(?:\s+en)?|\bantes\s+de\s+que\s+pas[ea]n"
    r"|\ben\s+los\s+primeros|\ben\s+las\s+primeras|\bsi\s+pas(?:a|an|ó|aron)(?:\s+m[áa]s\s+de)?|\bdespu[ée]s\s+de\s+m[áa]s\s+de"
    r"|\bwithin|\bno\s+later\s+than|\bin\s+the\s+first|\bdeadline\s+(?:is|of)|\bif\s+more\s+than|\bbefore"
    r"|\bm[áa]ximo|\bno\s+more\s+than"
    # the limit named before: "El plazo para reclamar es de 2 años", "The time limit to file is 2 years"
    r"|\b(?:plazo|l[íi]mite)\b[^.:\n]{0,30}\bes\s+de|\b(?:deadline|time\s+limit)\b[^.:\n]{0,30}\bis"
    # a label: "Plazo: 30 días", "**Plazo para quejarse:** 6 meses", "Deadline: 180 days"
    r"|\b(?:plazo|l[íi]mite|deadline|time\s+limit)\b[^:\n]{0,30}:[*_\s]*)"
    r"(?:\s+(?:s[óo]lo|solo|only|unos|about))?\s*$")
HAVE_BEFORE = re.compile(r"\b(?:tiene|tienen|tienes|tenga|tengo|le\s+quedan|cuenta\s+con|dispone\s+de|have|has|had)"
                         r"(?:\s+(?:s[óo]lo|solo|solamente|hasta|only|up\s+to))?\s*$")
# "para" or "to" and an act on a claim: "30 días para quejarse", "one year to file a claim".
ACT_AFTER = re.compile(r"\s+(?:para|to)\s+(?:\w+\s+){0,2}?(?:quej|reclam|denunci|demand|report|avis|notific|present|apel|cobr"
                       r"|pedir|llam|hacer\s+(?:una|su)\s+queja|poner\s+(?:una|su)\s+queja|dar\s+aviso"
                       r"|file|complain|claim|report|sue|appeal|notify|tell|ask|bring|request|charge)")
FOR_AFTER = re.compile(r"\s+(?:para|to)\b")
# How often, not a limit: "cada tres meses para revisar las quejas", "every 12 months".
FREQUENCY_BEFORE = re.compile(r"\b(?:cada|every|each|por|per)\s*$")
# How many in a week, not a limit: "máximo 6 días a la semana", "no more than 6 days a week".
FREQUENCY_AFTER = re.compile(r"\s+(?:a\s+la|por|de\s+la|cada|a|per|of\s+the|each|every)\s+(?:semana|mes|año|week|month|year)\b")
YEARS = re.compile(r"a[ñn]os?$|years?$")
BACK_AFTER = re.compile(r"\s+(?:atr[áa]s|back|deadline|limit|time\s+limit|window)\b")  # "2 años atrás", "a 30-day deadline"
# An act on a claim, then "en" or "within": "avise en 30 días", "presente su queja en 180 días", "file it in 30 days".
ARTICLE = re.compile(r"(?:un|una|a|an)\s")
# (Verbs only, asked or named: "300 quejas en 12 meses" counts complaints, it sets no limit.)
_ACT_VERBS = (r"avis(?:e|ar|arle)|report(?:e|ar)|qu[ée]j(?:ese|arse)|reclam(?:e|ar)|present(?:e|ar)|notifi(?:que|car)"
              r"|demand(?:e|ar)|denunci(?:e|ar)|file|complain|report|claim|notify")
ACT_BEFORE = re.compile(r"\b(?:" + _ACT_VERBS + r"|tell)"
                        r"(?:\s+\w+){0,5}?\s+(?:en|antes\s+de|in)(?:\s+(?:menos\s+de|less\s+than|los|las))?\s*$")
# Around the length: "hasta 2 años después", "up to 2 years after", "los 30 días siguientes".
UP_TO_BEFORE = re.compile(r"\b(?:hasta|m[áa]ximo|up\s+to|no\s+more\s+than|at\s+most)\s*$")
LATER_AFTER = re.compile(r"\s+(?:despu[ée]s|after|siguientes|following)\b")
# "Después de 30 días ya no puede quejarse": after so long, the right is lost.
AFTER_BEFORE = re.compile(r"\b(?:despu[ée]s\s+de|pasados?|pasadas?|after)\s*$")
LOST = re.compile(r"\b(?:ya\s+no|pierde|perder|demasiado\s+tarde|no\s+longer|too\s+late|lose|cannot|can't)\b")
# "en 30 días" in a sentence that names an act on a claim.
IN_BEFORE = re.compile(r"\b(?:en|in)\s*$")
# (ACT_BEFORE's verbs: "300 quejas en 12 meses" counts complaints.)
SENTENCE_ACT = re.compile(r"\b(?:" + _ACT_VERBS + r")\b")
# How long something takes or lasts, or how long ago: "tarda unos 30 días", "lleva 2 años".
NOT_A_LIMIT_BEFORE = re.compile(r"\b(?:tarda|tardan|tard[óo]|lleva|llevo|llevan|hace|durante|dura|duran|dur[óo]"
                                r"|take|takes|took|last|lasts|lasted)\b[^.\n]{0,12}$")
# Where a sentence ends: a full stop, question or exclamation mark before a space, or a new line.
SENTENCE_END = re.compile(r"[.!?](?=\s)|\n")
# A table whose header speaks of a limit: "| Dónde quejarse | Plazo |", "| Where to file | Deadline |".
LIMIT_HEADER = re.compile(r"\b(?:plazos?|l[íi]mites?|deadlines?|time\s+limits?|cu[áa]nto\s+tiempo|how\s+long)\b")


@dataclass(frozen=True)
class Found:
    start: int
    end: int
    raw: str


def _in_limit_table(lower: str, start: int) -> bool:
    """Whether lower[start] is in a Markdown table whose header row names a limit ('| … | Plazo |')."""
    line_start = lower.rfind("\n", 0, start) + 1
    if not lower[line_start:start].lstrip().startswith("|"):
        return False
    header = line_start
    while header > 0:
        previous = lower.rfind("\n", 0, header - 1) + 1
        if not lower[previous:header].lstrip().startswith("|"):
            break
        header = previous
    header_end = lower.find("\n", header)
    return bool(LIMIT_HEADER.search(lower, header, len(lower) if header_end < 0 else header_end))


def _a_limit(lower: str, start: int, end: int) -> bool:
    """Whether the length of time at lower[start:end] is said as a time limit (see the module)."""
    if _in_limit_table(lower, start):
        return True
    before = lower[max(0, start - 40):start]
    if FREQUENCY_BEFORE.search(before) or FREQUENCY_AFTER.match(lower, end):
        return False
    if LIMIT_BEFORE.search(before) or BACK_AFTER.match(lower, end) or ACT_AFTER.match(lower, end):
        return True
    if ACT_BEFORE.search(before) and not ARTICLE.match(lower, start):  # "reclame en una semana normal": no limit
        return True
    # "tiene 30 días" is a limit; "tiene 40 años" an age unless "para" follows ("tiene 2 años para demandar")
    if HAVE_BEFORE.search(before):
        return not YEARS.search(lower[start:end]) or bool(FOR_AFTER.match(lower, end))
    if UP_TO_BEFORE.search(before) and LATER_AFTER.match(lower, end):
        return True
    if NOT_A_LIMIT_BEFORE.search(before):
        return False
    if AFTER_BEFORE.search(before):
        return bool(LOST.search(_sentence(lower, start, end)))
    return (bool(IN_BEFORE.search(before)) and not ARTICLE.match(lower, start)  # "en una semana normal"
            and bool(SENTENCE_ACT.search(_sentence(lower, start, end))))


def _sentence(lower: str, start: int, end: int) -> str:
    """The sentence around lower[start:end], the length itself left out."""
    begin = max((m.end() for m in SENTENCE_END.finditer(lower, max(0, start - 300), start)), default=max(0, start - 300))
    stop = SENTENCE_END.search(lower, end, end + 300)
    return lower[begin:start] + " " + lower[end:stop.start() if stop else end + 300]


def _lengths(lower: str) -> Iterator[re.Match]:
    """Each length of time in lower-cased text, in order: the unit is found first and the number
    read just before it (DURATION tried at every character of a page costs 20 times as much)."""
    for at in sorted(set(occurrences(lower, _UNIT_STEMS))):
        if (at and lower[at - 1].isalnum()) or not UNIT.match(lower, at):
            continue
        number = _NUMBER_BEFORE.search(lower, max(0, at - _LOOK_BACK), at)
        match = number and DURATION.match(lower, number.start())
        if match:
            yield match


def find(text: str) -> list[Found]:
    """Every deadline typed by hand in text (references already blanked), in order."""
    lower = text.lower()  # same length: offsets hold (no character here lowers into two)
    return [Found(m.start(), m.end(), " ".join(text[m.start():m.end()].split()))
            for m in _lengths(lower) if _a_limit(lower, m.start(), m.end())]


_WORD_VALUES = {"un": 1, "una": 1, "uno": 1, "a": 1, "an": 1, "one": 1, "dos": 2, "two": 2, "tres": 3, "three": 3,
                "cuatro": 4, "four": 4, "cinco": 5, "five": 5, "seis": 6, "six": 6, "siete": 7, "seven": 7, "ocho": 8,
                "eight": 8, "nueve": 9, "nine": 9, "diez": 10, "ten": 10, "once": 11, "eleven": 11, "doce": 12,
                "twelve": 12, "quince": 15, "fifteen": 15, "veinte": 20, "twenty": 20, "treinta": 30, "thirty": 30,
                "cuarenta": 40, "forty": 40, "cuarenta y cinco": 45, "forty-five": 45, "forty five": 45, "sesenta": 60,
                "sixty": 60, "noventa": 90, "ninety": 90, "cien": 100, "ciento ochenta": 180,
                "one hundred eighty": 180, "one hundred and eighty": 180, "trescientos": 300, "three hundred": 300}


def amount(raw: str) -> int | None:
    """The number of a find: '180 días' -> 180, 'seis meses' -> 6."""
    head = re.match(r"\d+", raw)
    if head:
        return int(head.group(0))
    words = " ".join(raw.lower().split()[:-1])
    words = re.sub(r"\s+(?:business|calendar|working)$", "", words)
    return _WORD_VALUES.get(words)


def numbers(text: str) -> set[int]:
    """The numbers a deadline's words state, in digits or words: '180 días, o 300 si…' -> {180, 300}."""
    return {int(n) for n in re.findall(r"\d+", text)} | lengths(text)


def lengths(text: str) -> set[int]:
    """The number of every length of time a text states, in digits or words: 'seis meses' -> {6}."""
    return {amount(m.group(0)) or 0 for m in _lengths(text.lower())}
