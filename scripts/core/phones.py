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


def validate(raw: object, region: str) -> str | None:
    """None when the number is fine, else what is wrong with it in plain words."""
    if isinstance(raw, int) and not isinstance(raw, bool):
        raw = str(raw)  # typed without quotes: YAML read a number; say what to write
        return f"write the number in quotes, as text: {_write(raw, region)}"
    if not isinstance(raw, str) or not raw.strip():
        return "the number is missing or is not text: write it in quotes, like \"+18003216742\""
    if is_short(raw):
        number = parse(raw, region)
        if not raw.isdigit() or number is None or not shortnumberinfo.is_valid_short_number_for_region(number, region):
            return f"'{raw}' is not written as the registry keeps numbers: {_write(raw, region)}"
        return None
    number = parse(raw)
    if number is None or phonenumbers.format_number(number, PhoneNumberFormat.E164) != raw:
        return f"'{raw}' is not written as the registry keeps numbers: {_write(raw, region)}"
    if not phonenumbers.is_valid_number(number):
        return f"'{raw}' is not a valid phone number for {phonenumbers.region_code_for_number(number) or 'any country'}: check the digits against the source"
    return not_a_help_line(raw, number)


GENERIC = ('write + then the country code and the number, with no spaces or dashes (for example '
           '"+18003216742"), or a short code such as "911"')
REGION_WORDS = {"US": "a US number", "MX": "a Mexican number"}
# Mexican forms phonenumbers no longer reads, as digits: 01 + ten digits (old long distance),
# 044 / 045 + ten digits (old mobile), 52 1 + ten digits (old mobile from abroad).
_OLD_MEXICAN = re.compile(r"^(?:01|04[45])(\d{10})$|^(?:00|011)?521(\d{10})$")


def suggest(raw: str, region: str) -> tuple[str, str] | None:
    """The registry's form of a number typed the way people type it, and its country:
    '(866) 487-9243' -> ('+18664879243', 'US'). The contact's own region is tried first (an
    800 number exists in both countries); None when no reading gives a valid help line."""
    text = phonenumbers.convert_alpha_characters_in_number(unicodedata.normalize("NFKC", raw))
    digits = re.sub(r"\D", "", text)
    if digits and len(digits) <= 6 and "+" not in text:  # a short code: 9-1-1, 7 1 1
        number = parse(digits, region)
        if number is not None and shortnumberinfo.is_valid_short_number_for_region(number, region):
            return digits, region
    old = _OLD_MEXICAN.match(digits)
    candidates = [f"+52{old.group(1) or old.group(2)}"] if old else []
    candidates.append(text)
    candidates += [match.raw_string for match in phonenumbers.PhoneNumberMatcher(text, region)]
    for candidate in candidates:
        for where in dict.fromkeys((region, HOME_REGION, "MX")):
            number = parse(candidate, where)
            if number is not None and phonenumbers.is_valid_number(number):
                # The first valid reading is the number (a made-up 555 number is not read as another
                # country's): validate() then says what is wrong with it, if anything.
                e164 = phonenumbers.format_number(number, PhoneNumberFormat.E164)
                return e164, phonenumbers.region_code_for_number(number) or where
    return None


def _write(raw: str, region: str) -> str:
    """What to write instead, exactly, when the number can be read; the rule otherwise."""
    found = suggest(raw, region)
    if found is None:
        return GENERIC
    value, country = found
    wrong = validate(value, region)
    if wrong:  # the number itself cannot be a help line: that is what to say, not how to write it
        return f"it reads as {value}, and {wrong}"
    if is_short(value):
        return f'write "{value}" (a short code, digits only)'
    extra = ""
    if re.search(r"(?i)\b(?:ext|x|extensi[oó]n)\b\.?\s*\d", raw):
        extra = "; an extension cannot be dialled by tapping: say it in the contact's 'note:'"
    elif len(re.findall(r"\d{3}[^\d]{0,3}\d{4}", unicodedata.normalize("NFKC", raw))) > 1:
        extra = "; one number per field: give the other number its own field or contact"
    return f'write "{value}" ({REGION_WORDS.get(country, country)}: + then the country code and the number, no spaces){extra}'


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
