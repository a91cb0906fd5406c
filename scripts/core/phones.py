"""The one formatter for phone numbers: pages, flyers and exports all call this.

Numbers are stored in E.164 (or as a short code such as 911 or a text-message code) and turned
into what a person dials. If a number were formatted in two places, they would disagree one day.
"""
from __future__ import annotations

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
    if not isinstance(raw, str) or not raw.strip():
        return "the number is missing or is not text: write it in quotes, like \"+18003216742\""
    if is_short(raw):
        number = parse(raw, region)
        if not raw.isdigit() or number is None or not shortnumberinfo.is_valid_short_number_for_region(number, region):
            return (f"'{raw}' is not a valid number: write it in E.164 form, with + and the country code "
                    f"and no spaces (for example \"+18003216742\"), or as a short code valid in {region}")
        return None
    number = parse(raw)
    if number is None or phonenumbers.format_number(number, PhoneNumberFormat.E164) != raw:
        return (f"'{raw}' is not in E.164 form: write + then the country code and the number, "
                f"with no spaces or dashes (for example \"+18003216742\")")
    if not phonenumbers.is_valid_number(number):
        return f"'{raw}' is not a valid phone number for {phonenumbers.region_code_for_number(number) or 'any country'}: check the digits against the source"
    return not_a_help_line(raw, number)


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
