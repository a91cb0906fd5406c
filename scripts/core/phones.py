"""The one formatter for phone numbers: pages, flyers and exports all call this.

Numbers are stored in E.164 (or as a short code such as 911 or a text-message code) and turned
into what a person dials. If a number were formatted in two places, they would disagree one day.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import phonenumbers
from phonenumbers import PhoneNumberFormat, PhoneNumberType, shortnumberinfo

# Where the reader is assumed to be: in the United States.
HOME_REGION = "US"
GROUP_REGION = {"us": "US", "mx": "MX"}


@dataclass(frozen=True)
class Dial:
    raw: str            # as stored: +18003216742 or 911
    href: str           # tel:+18003216742 (what the phone dials)
    display: str        # 1-800-321-6742 (what a person reads)
    from_us: str | None  # for a foreign number: how to dial it from the US (011 52 …)
    from_mx: str | None  # for a US line that Mexican offices run: how to dial it from Mexico
    toll_free_abroad: bool  # a Mexican 800 number: usually not reachable from the US
    e164: str | None


def parse(raw: str, region: str = HOME_REGION) -> phonenumbers.PhoneNumber | None:
    try:
        return phonenumbers.parse(raw, region)
    except phonenumbers.NumberParseException:
        return None


def is_short(raw: str) -> bool:
    return not raw.startswith("+")


def validate(raw: object, region: str, country: str | None = None, kind: str = "phone") -> str | None:
    """None when the number is fine, else what is wrong with it in plain words.

    region is where the office is (its contact's group: US or MX); country, when the contact says
    so (`country: us`), where its line is. A number that reads as valid in both countries is read
    for the office's region, and one stored in the other country's form is an error naming both
    readings, unless `country:` confirms it (Mexican 800 numbers are often written 1-800-…). kind is
    the contact's field (phone, tty, sms, asl_video): a pasted "TTY 1-877-…" belongs in tty:."""
    expected = country or region
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)  # typed without quotes: YAML read a number; say what to write
        return f"write the number in quotes, as text: {_write(raw, region, country, kind)}"
    if not isinstance(raw, str) or not raw.strip():
        return "the number is missing or is not text: write it in quotes, like \"+18003216742\""
    if is_short(raw):
        number = parse(raw, expected)
        if not raw.isdigit() or number is None or not shortnumberinfo.is_valid_short_number_for_region(number, expected):
            return f"'{raw}' is not written as the registry keeps numbers: {_write(raw, region, country, kind)}"
        return None
    number = parse(raw)
    if number is None or phonenumbers.format_number(number, PhoneNumberFormat.E164) != raw:
        return f"'{raw}' is not written as the registry keeps numbers: {_write(raw, region, country, kind)}"
    if not phonenumbers.is_valid_number(number):
        return f"'{raw}' is not a valid phone number for {phonenumbers.region_code_for_number(number) or 'any country'}: check the digits against the source"
    return not_a_help_line(raw, number) or _other_country(raw, number, region, country)


def _country_of(number: phonenumbers.PhoneNumber) -> str:
    return next((r for r, code in COUNTRY_CODE.items() if code == number.country_code), "")


def _as_other(number: phonenumbers.PhoneNumber, region: str) -> str | None:
    """The same national digits read as a number of region, when that is a valid help line."""
    national = phonenumbers.national_significant_number(number)
    other = parse(f"+{COUNTRY_CODE[region]}{national}")
    if other is None or not phonenumbers.is_valid_number(other) or not_a_help_line(national, other):
        return None
    return phonenumbers.format_number(other, PhoneNumberFormat.E164)


def _other_country(raw: str, number: phonenumbers.PhoneNumber, region: str, country: str | None) -> str | None:
    """A number in the other country's form: both readings named, the office's region deciding."""
    held = _country_of(number)
    if country:
        if held and held != country:
            return (f"'{raw}' is {REGION_WORDS.get(held, held)}, but 'country: {country.lower()}' says the line is "
                    f"{COUNTRY_WORDS[country]}: check the number on the office's own page, or correct 'country:'")
        return None
    if not held or held == region or region not in COUNTRY_CODE:
        return None
    other = _as_other(number, region)
    if other is None:
        return None  # no reading in the office's country: the number is plainly the other country's
    return (f"'{raw}' is {REGION_WORDS[held]}, but this contact is an office {COUNTRY_WORDS[region]} "
            f"(group: {GROUP_OF[region]}), and the same digits are also {REGION_WORDS[region]}, \"{other}\" "
            f"({EXAMPLES[region]}). Read the number on the office's own page: for a line {COUNTRY_WORDS[region]} "
            f"write \"{other}\"; if the line really is {COUNTRY_WORDS[held]}, keep \"{raw}\" and add the line "
            f"'country: {GROUP_OF[held]}' to the contact")


GENERIC = ('write + then the country code and the number, with no spaces or dashes (for example '
           '"+18003216742"), or a short code such as "911"')
REGION_WORDS = {"US": "a US number", "MX": "a Mexican number"}
COUNTRY_WORDS = {"US": "in the United States", "MX": "in Mexico"}
COUNTRY_CODE = {"US": 1, "MX": 52}
GROUP_OF = {region: group for group, region in GROUP_REGION.items()}
EXAMPLES = {"MX": "Mexican numbers are often written the US way, 1-800-… or +1 800 …",
            "US": "a US number is sometimes written with a Mexican prefix"}
# Mexican forms phonenumbers no longer reads, as digits: 01 + ten digits (old long distance),
# 044 / 045 + ten digits (old mobile), 52 1 + ten digits (old mobile from abroad).
_OLD_MEXICAN = re.compile(r"^(?:01|04[45])(\d{10})$|^(?:00|011)?521(\d{10})$")
# A country written out: +…, or an international prefix from the US (011) or Mexico (00).
_EXPLICIT = re.compile(r"^\s*(?:\+|00|011)")
# A key to press after the call is answered, typed after the number: "opción 2", "press 2", "#2".
MENU_CHOICE = re.compile(r"(?i)\b(?:opci[oó]n|option|press|oprima|presione|marque|dial)\b\.?\s*\d|#\s*\d")
# A word an office's page puts before each of its numbers ("Voz: …", "TTY: 711", "Fax (213) …",
# "texto 233733", "ASL video 844-…"), and the contact's field for it (None: the site shows none).
# After "or", "o", "y", "and" or "/" before any number, no label: "call or text 1-888-…" and
# "Voice/TTY 1-800-…" are one line for both ("1-888-… or text 233733" is two).
LABEL_WORDS = r"voice|voz|phone|tel[eé]fono|tel|tty|tdd|ttd|teletipo|sms|text|texto|mensaje|videophone|video|vp|fax"
LABEL = re.compile(r"(?i)\b(" + LABEL_WORDS + r")\b[\s:.#\-\u2013]*(?=[+\d(])")
_JOINED = re.compile(r"(?i)(?:\b(?:or|o|y|and)\s+|/\s*)$")
# The same word in parentheses after its number: "1-800-669-4000 (voice) 1-800-669-6820 (TTY)".
TRAILING_LABEL = re.compile(r"(?i)\(\s*(" + LABEL_WORDS + r")\s*\)")
LABEL_FIELD = {"voice": "phone", "voz": "phone", "phone": "phone", "teléfono": "phone", "telefono": "phone",
               "tel": "phone", "tty": "tty", "tdd": "tty", "ttd": "tty", "teletipo": "tty", "sms": "sms",
               "text": "sms", "texto": "sms", "mensaje": "sms", "videophone": "asl_video", "video": "asl_video",
               "vp": "asl_video", "fax": None}
# A number spelled with letters, nothing else on the line: 1-800-321-OSHA, 1 (888) ASK-USCIS.
SPELLED = re.compile(r"\+?[\d\s().\-]*\d[\s().\-]*[A-Z][A-Z\d\s().\-]*")
# Letters typed for the digits they look like, among digits: "1-8OO-…" (the letter O), "32l-…" (a
# small L). Read as keypad letters they dial another number ("8OO" is 866, another toll-free
# prefix): a run of O, I or l touching a digit, with no other letter beside it, is digits. A word
# (OSHA, GO) is letters of a spelled number.
LOOKALIKE = re.compile(r"(?<![A-Za-z])(?:(?<=\d)[OoIl]+|[OoIl]+(?=\d))(?![A-Za-z])")
LOOKALIKE_DIGIT = {"O": "0", "o": "0", "I": "1", "l": "1"}
# Between two numbers of a list: "1-800-… / 1-877-… (TTY)", "…, 711 (TTY)", "… o …".
LIST_SEPARATOR = re.compile(r"(?i)\s*(?:[/,;]|\bor\b|\bo\b|\by\b|\band\b)\s*")


def lookalike_digits(text: str) -> str:
    """The text with letters that stand for the digits they look like made digits ('1-8OO-…' is
    '1-800-…'), each one character for one: a place in the text stays the same place."""
    return LOOKALIKE.sub(lambda run: "".join(LOOKALIKE_DIGIT[c] for c in run.group(0)), text)


def as_typed(raw: str) -> str:
    """A pasted number as the registry reads it: compatibility forms folded (full-width digits,
    non-breaking hyphens) and letters that stand for the digits they look like made digits."""
    return lookalike_digits(unicodedata.normalize("NFKC", raw))


def lookalikes(raw: str) -> str:
    """The letters as_typed reads as digits, said to a maintainer ("the letter 'O' typed among the
    digits is read as 0"), or "" when there are none."""
    letters = list(dict.fromkeys("".join(run.group(0) for run in LOOKALIKE.finditer(unicodedata.normalize("NFKC", raw)))))
    if not letters:
        return ""
    if len(letters) == 1:
        return f"the letter '{letters[0]}' typed among the digits is read as {LOOKALIKE_DIGIT[letters[0]]}"
    return (f"the letters {' and '.join(repr(c) for c in letters)} typed among the digits are read as "
            f"{' and '.join(LOOKALIKE_DIGIT[c] for c in letters)}")


@dataclass(frozen=True)
class Labelled:
    """A number the text names with a label: 'TTY' before 1-877-889-5627."""
    word: str            # the label as typed
    field: str | None    # the contact's field for it (None: a fax, which the site does not show)
    value: str           # the registry's form of the number after it


def _labels(typed: str) -> list[re.Match]:
    """The labels of a pasted text; a word joined to the one before it, before any number, is none."""
    return [mark for mark in LABEL.finditer(typed)
            if not (_JOINED.search(typed[:mark.start()]) and not re.search(r"\d", typed[:mark.start()]))]


def _between_labels(typed: str) -> list[tuple[str | None, str]]:
    """A pasted text cut at its labels: (label or None, the text up to the next label), in order."""
    marks = _labels(typed)
    starts = [(None, 0)] + [(mark.group(1), mark.end()) for mark in marks]
    ends = [mark.start() for mark in marks] + [len(typed)]
    return [(word, typed[start:end]) for (word, start), end in zip(starts, ends)]


def labelled(text: str, region: str) -> list[Labelled]:
    """The numbers a label names in a pasted text: read from a label to the next one, or, for a
    label in parentheses after its number, from the last such label to this one."""
    typed = as_typed(text)
    found = []
    for word, segment in _between_labels(typed):
        if word and (read := readings(segment, region, labels=False)):
            found.append(Labelled(word, LABEL_FIELD[word.lower()], read[0][0]))
    start = 0
    for mark in TRAILING_LABEL.finditer(typed):
        segment, start = _last_number(typed[start:mark.start()], region), mark.end()
        if read := readings(segment, region, labels=False):
            found.append(Labelled(mark.group(1), LABEL_FIELD[mark.group(1).lower()], read[0][0]))
    return found


def _last_number(text: str, region: str) -> str:
    """The number just before a label in parentheses: "1-800-321-6742 / 1-877-889-5627 (TTY)" marks
    the second. The last part of a list that reads as a number, and in it the last number found."""
    parts = [part for part in LIST_SEPARATOR.split(text) if readings(part, region, labels=False)]
    last = parts[-1] if parts else text
    found = list(phonenumbers.PhoneNumberMatcher(last, region))
    return last[found[-1].start:] if len(found) > 1 else last


def readings(raw: str, region: str, labels: bool = True) -> list[tuple[str, str]]:
    """Every reading of a number typed the way people type it that gives a valid number, as
    (registry form, country), the region's own first: '1-800-717-2942' for MX gives
    [('+528007172942', 'MX'), ('+18007172942', 'US')]; '(866) 487-9243' for US gives
    [('+18664879243', 'US'), ('+528664879243', 'MX')]. Ten digits, or eleven with a leading 1
    (the US long-distance habit), have no country of their own: both are tried. An explicit
    country (+1, 00 52, 011 52, 01 800 …) comes first whatever the region. Letters among the
    digits that look like digits are those digits ('1-8OO-…' is 1-800-…, as_typed)."""
    typed = as_typed(raw)
    if labels and _labels(typed):
        # A label is a word, not letters of a spelled number ("Text 233733" is not 8398-233733):
        # the numbers are read between the labels, in the order they are typed.
        found = {value: where for _, part in _between_labels(typed) for value, where in readings(part, region, labels=False)}
        return list(found.items())
    text = phonenumbers.convert_alpha_characters_in_number(typed)
    spelled = bool(SPELLED.fullmatch(typed.strip()))
    # The digits typed (a spelled number's letters too): words after a number are no digits of it
    # ("01 800 911 2000 (llamada gratuita)" is the old Mexican 01 and ten digits).
    digits = re.sub(r"\D", "", text if spelled else typed)
    if digits and len(digits) <= 6 and "+" not in text:  # a short code: 9-1-1, 7 1 1
        number = parse(digits, region)
        if number is not None and shortnumberinfo.is_valid_short_number_for_region(number, region):
            return [(digits, region)]
    old = _OLD_MEXICAN.match(digits)
    candidates: list[tuple[str, str]] = [(f"+52{old.group(1) or old.group(2)}", "MX")] if old else []
    explicit = bool(old) or bool(_EXPLICIT.match(text))
    if not explicit and (len(digits) == 10 or (len(digits) == 11 and digits[0] == "1")):
        ten = digits[-10:]
        for where in dict.fromkeys((region, HOME_REGION, "MX")):
            if where in COUNTRY_CODE:
                candidates.append((f"+{COUNTRY_CODE[where]}{ten}", where))
    if spelled:  # letters past the tenth digit are not dialled (1-888-ASK-USCIS)
        keyed = dialled(typed)
        candidates.append((f"+{keyed}" if len(keyed) == 11 else keyed, region))
    # The matcher reads the text as typed, numbers in the order they are typed (with letters
    # turned into digits, words after a number, "800 321 6742 ext. 5" or "opción 2", become more
    # digits and hide it). Letters are read as digits (1-800-321-OSHA), by the matcher and then as
    # the whole text, only for a spelled number or when the text as typed holds none: beside a
    # number, a word is a word ("+1 844 234 5122 (videophone)" is not +1 843 367 4663).
    candidates += [(match.raw_string, region) for match in phonenumbers.PhoneNumberMatcher(typed, region)]
    found = _valid(candidates)
    if not found or spelled:
        found = _valid(candidates + [(match.raw_string, region) for match in phonenumbers.PhoneNumberMatcher(text, region)]
                       + [(text, where) for where in dict.fromkeys((region, HOME_REGION, "MX"))])
    ordered = list(found.items())
    if explicit:
        return ordered
    return sorted(ordered, key=lambda item: item[1] != region)  # the office's country decides


def _valid(candidates: list[tuple[str, str]]) -> dict[str, str]:
    """The valid numbers among (text, region) candidates, as registry form -> country, in order."""
    found: dict[str, str] = {}
    for candidate, where in candidates:
        number = parse(candidate, where)
        if number is not None and phonenumbers.is_valid_number(number):
            e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
            found.setdefault(e164, phonenumbers.region_code_for_number(number) or where)
    return found


def form_country(raw: str) -> str | None:
    """The country whose habit a typed number follows, when it shows one: a leading 1 (1-800-…,
    +1, 001) is the US way; 52 (+52, 00 52, 011 52) or an old 01 / 044 / 045 prefix the Mexican way."""
    text = phonenumbers.convert_alpha_characters_in_number(as_typed(raw)).strip()
    digits = re.sub(r"\D", "", text)
    if _OLD_MEXICAN.match(digits) or re.match(r"^(?:\+|00|011)\s*52", text.replace("(", "")):
        return "MX"
    if (len(digits) == 11 and digits[0] == "1") or re.match(r"^(?:\+|00[ .-]?|011[ .-]?)1(?!\d{2,})", text.replace("(", "")):
        return "US"
    return None


def dialled(spelled: str) -> str:
    """What a phone dials for a number spelled with letters: its letters as keypad digits, and only
    as many as a US number has (1-888-ASK-USCIS dials 1-888-275-8724: the letters after the
    seventh are not dialled)."""
    digits = "".join(c for c in phonenumbers.convert_alpha_characters_in_number(spelled) if c.isdigit())
    return digits[:11] if digits.startswith("1") else digits[:10]


def vanity_mismatch(spelled: str, raw: str) -> str | None:
    """None when a spelled form (a card's `vanity:`, '1-800-321-OSHA') dials the stored number raw;
    else what it dials instead, in words ("dials 1-866-487-9247")."""
    number = parse(raw)
    if number is None or number.country_code != 1:
        return None  # spelled forms are a North American habit; the number's own check covers the rest
    national = phonenumbers.national_significant_number(number)
    keyed = dialled(spelled)
    if keyed.removeprefix("1") == national:
        return None
    ten = keyed.removeprefix("1")
    if len(ten) != 10:
        return f"spells only {len(ten)} digits after the 1 (a number has 10)"
    other = parse("+1" + ten)
    return "dials " + (phonenumbers.format_number(other, PhoneNumberFormat.RFC3966).removeprefix("tel:+") if other else keyed)


def suggest(raw: str, region: str) -> tuple[str, str] | None:
    """The registry's form of a number typed the way people type it, and its country:
    '(866) 487-9243' -> ('+18664879243', 'US'); None when no reading gives a valid number."""
    found = readings(raw, region)
    return found[0] if found else None


def _national(value: str) -> str:
    """A registry value without its country code: +18778895627 and +528778895627 are both 8778895627."""
    return value[-10:]


def _goes_elsewhere(item: Labelled) -> str:
    if item.field is None:
        return f"the number marked '{item.word}' ({item.value}) is a fax number: the site shows none, leave it out"
    return f"the number marked '{item.word}' ({item.value}) goes in its own field, '{item.field}:'"


def _write(raw: str, region: str, country: str | None = None, kind: str = "phone") -> str:
    """What to write instead, exactly, when the number can be read; the rule otherwise."""
    expected = country or region
    found = readings(raw, expected)
    if not found:
        return GENERIC
    # Keyed by the national digits: a labelled number's reading in the other country is the same number.
    tagged = labelled(raw, expected)
    elsewhere = {_national(item.value): item for item in tagged if item.field != kind}
    own = {_national(item.value) for item in tagged if item.field == kind}
    found = sorted(found, key=lambda reading: _national(reading[0]) not in own)  # "TTY 1-877-…" first for tty:
    if all(_national(value) in elsewhere for value, _ in found):  # "TTY: 1-877-…" pasted into phone:
        item = elsewhere[_national(found[0][0])]
        here = "the line a person calls" if kind == "phone" else f"only a {kind} number"
        if item.field is None:
            return f"'{item.word}' marks a fax number, and the site shows none: write in '{kind}:' {here}, from the office's own page"
        return (f"the number is marked '{item.word}': write \"{item.value}\" in '{item.field}:' instead, and in "
                f"'{kind}:' {here}, from the office's own page")
    found = [reading for reading in found if _national(reading[0]) not in elsewhere]
    value, held = found[0]
    wrong = validate(value, region, country) if held == expected or country else not_a_help_line(value, parse(value))
    if wrong:  # the number itself cannot be a help line: that is what to say, not how to write it
        return f"it reads as {value}, and {wrong}"
    if is_short(value):
        return f'write "{value}" (a short code, digits only)'
    extra = ""
    if re.search(r"(?i)\b(?:ext|x|extensi[oó]n)\b\.?\s*\d", raw):
        extra = "; an extension cannot be dialled by tapping: say it in the contact's 'note:'"
    elif MENU_CHOICE.search(raw):
        extra = "; a choice in the line's menu cannot be dialled by tapping: say it in the contact's 'note:'"
    elif elsewhere:
        extra = "; one number per field: " + "; ".join(_goes_elsewhere(item) for item in elsewhere.values())
    elif len(re.findall(r"\d{3}[^\d]{0,3}\d{4}", as_typed(raw))) > 1:
        extra = "; one number per field: give the other number its own field or contact"
    elif kind == "phone" and SPELLED.fullmatch(as_typed(raw).strip()):
        extra = "; to print the spelled form beside it, copy it letter by letter into 'vanity:'"
    if read_as := lookalikes(raw):  # "8OO" read as 800, not as the keypad's 866: say so, to be checked
        extra = f"; {read_as}: check the number on the office's own page" + extra
    said = f'write "{value}" ({REGION_WORDS.get(held, held)}: + then the country code and the number, no spaces){extra}'
    others = [(v, c) for v, c in found[1:] if c != held and c in REGION_WORDS and not country]
    written_as = form_country(raw)
    if held == expected and others and written_as and written_as != expected:  # the other country's form
        other, where = others[0]
        return (f"{said}, read for an office {COUNTRY_WORDS[expected]} (group: {GROUP_OF.get(region, region)}); the same "
                f"digits as {REGION_WORDS[where]} would be \"{other}\": if the office's own page says the line is "
                f"{COUNTRY_WORDS[where]}, write that instead and add the line 'country: {GROUP_OF[where]}'")
    if held != expected and not country and expected in REGION_WORDS:
        mine = next((v for v, c in found if c == expected), None) or _as_other(parse(value), expected)
        if mine:
            return (f"{said} only if the office's own page says the line is {COUNTRY_WORDS[held]}, and then add the "
                    f"line 'country: {GROUP_OF[held]}'; read for an office {COUNTRY_WORDS[expected]} (group: "
                    f"{GROUP_OF.get(region, region)}) it is \"{mine}\"")
        return (f"{said}; it is {REGION_WORDS[held]} although the office is {COUNTRY_WORDS[expected]} "
                f"(group: {GROUP_OF.get(region, region)}): check it on the office's own page")
    return said


# What a help line can be. Premium-rate (900), personal (500, 533…), pager and voicemail numbers
# cost the caller or reach no office: a number of that kind is a typo or not a help line.
HELP_LINE_TYPES = {PhoneNumberType.FIXED_LINE, PhoneNumberType.MOBILE, PhoneNumberType.FIXED_LINE_OR_MOBILE,
                   PhoneNumberType.TOLL_FREE, PhoneNumberType.VOIP, PhoneNumberType.UAN}
KIND_WORDS = {PhoneNumberType.PREMIUM_RATE: "a premium-rate number (the caller pays per minute)",
              PhoneNumberType.SHARED_COST: "a shared-cost number", PhoneNumberType.PERSONAL_NUMBER: "a personal number",
              PhoneNumberType.PAGER: "a pager number", PhoneNumberType.VOICEMAIL: "a voicemail number"}


def not_a_help_line(raw: str, number: phonenumbers.PhoneNumber) -> str | None:
    """None for a number a help line can have; else why this one cannot be real.

    phonenumbers calls 555-0100 to 555-0199 valid, but the North American plan keeps them for
    films and examples, and no other 555 number is a help line either (555-1212 is directory
    assistance): such a number in the registry was invented or copied from an example."""
    national = phonenumbers.national_significant_number(number)
    if number.country_code == 1 and national[3:6] == "555":
        if "0100" <= national[6:] <= "0199":
            return (f"'{raw}' is a made-up number: 555-0100 to 555-0199 are kept for films and examples "
                    "and reach no one. Copy the real number from the office's own page")
        return f"'{raw}' is not a help line: 555 numbers are not given to offices. Copy the real number from the office's own page"
    kind = phonenumbers.number_type(number)
    if kind not in HELP_LINE_TYPES:
        what = KIND_WORDS.get(kind, "a number of no known kind")
        return f"'{raw}' is {what}, not a help line: check the digits against the office's own page"
    return None


@lru_cache(maxsize=4096)  # every contact card dials its numbers again: a site has a few hundred numbers
def dial(raw: str, region: str = HOME_REGION, scheme: str = "tel") -> Dial:
    """How to show and link a stored number. Assumes validate() passed.

    region is where the office that runs the line is (US or MX): a US number of a Mexican
    office is also shown as dialed from Mexico, for relatives calling from home.
    """
    if is_short(raw):
        return Dial(raw, f"{scheme}:{raw}", raw, None, None, False, None)
    number = parse(raw)
    e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
    if number.country_code == 1:
        # RFC 3966 gives "tel:+1-800-321-6742"; people in the US write "1-800-321-6742".
        display = phonenumbers.format_number(number, PhoneNumberFormat.RFC3966).removeprefix("tel:+")
        from_mx = phonenumbers.format_out_of_country_calling_number(number, "MX") if region == "MX" else None
        return Dial(raw, f"{scheme}:{e164}", display, None, from_mx, False, e164)
    display = phonenumbers.format_number(number, PhoneNumberFormat.NATIONAL)
    from_us = phonenumbers.format_out_of_country_calling_number(number, HOME_REGION)
    toll_free = phonenumbers.number_type(number) == PhoneNumberType.TOLL_FREE
    return Dial(raw, f"{scheme}:{e164}", display, from_us, None, toll_free, e164)
