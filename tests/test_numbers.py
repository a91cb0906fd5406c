"""Issue 14, items 2-4: malformed references, hand-typed numbers in every form, invented numbers.

Numbers are checked as a class: the forms below mix separators, prefixes, letters and Unicode
look-alikes, and real-content look-alikes (dates, money, citations) must stay silent."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EN_WAGES, REGISTRY, check_project, edit, line_of
from scripts.core import numbers, phones

CALL_LINE = "Call WHD at [[phone:whd]]."


def one_error(root: Path, path: str, line: int, check: str) -> str:
    """In process: the project's only error is at (path, line), from check; returns its message."""
    checked = check_project(root)
    assert checked.errors == {(path, line, check)}, checked
    return next(p.message for p in checked.problems if p.severity == "error")


# Item 2: anything that looks like a reference and is not one is an error, with the right one.
@pytest.mark.parametrize("typed, meant", [
    ("[[phone: whd]]", "[[phone:whd]]"), ("[[phone:whd]", "[[phone:whd]]"), ("[phone:whd]]", "[[phone:whd]]"),
    ("[[telefono:whd]]", "[[phone:whd]]"), ("[[teléfono:whd]]", "[[phone:whd]]"), ("[[contacto:whd]]", "[[contact:whd]]"),
    ("[[Contact:whd]]", "[[contact:whd]]"), ("[[PHONE:WHD]]", "[[phone:whd]]"), ("[[phone whd]]", "[[phone:whd]]"),
    ("[[ phone:whd ]]", "[[phone:whd]]"), ("[[phnoe:wdh]]", "[[phone:whd]]"), ("[[directorio]]", "[[directory]]"),
])
def test_malformed_reference_is_one_error_with_what_was_meant(project_copy: Path, typed, meant):
    page = project_copy / EN_WAGES
    line = line_of(page, CALL_LINE)
    edit(page, CALL_LINE, f"Call WHD at {typed}.")
    message = one_error(project_copy, EN_WAGES, line, "reference-syntax")
    assert f"'{typed}' is not a valid reference" in message and f"did you mean {meant}?" in message, message


def test_unknown_bracket_word_lists_the_reference_forms(project_copy: Path):
    page = project_copy / EN_WAGES
    edit(page, CALL_LINE, "Call WHD at [[whatever]].")
    message = one_error(project_copy, EN_WAGES, line_of(page, "[[whatever]]"), "reference-syntax")
    assert "[[phone:ID]], [[contact:ID]]" in message and "[[directory]]" in message


def test_ordinary_brackets_are_not_references(project_copy: Path):
    page = project_copy / EN_WAGES
    edit(page, CALL_LINE, "Call WHD at [[phone:whd]]. See [the law](https://www.dol.gov/agencies/whd/flsa) "
                          "and [Note: this] and - [ ] a box.")
    assert check_project(project_copy).errors == set()


def test_reference_in_a_flyer_block_is_rejected_with_advice_that_works(project_copy: Path):
    page = project_copy / EN_WAGES
    edit(page, "    - Call WHD if you are not paid right.", "    - Call WHD at [[phone:whd]] if you are not paid right.")
    message = one_error(project_copy, EN_WAGES, line_of(page, "Call WHD at [[phone:whd]] if"), "reference-syntax")
    assert "cannot go in the 'flyer:' block" in message and "list 'whd' under 'contacts:'" in message
    # following the advice (the id is already in contacts: [whd]) leaves no error
    edit(page, "    - Call WHD at [[phone:whd]] if you are not paid right.", "    - Call WHD if you are not paid right.")
    assert check_project(project_copy).errors == set()


def test_number_in_a_flyer_block_says_use_contacts_not_a_reference(project_copy: Path):
    page = project_copy / EN_WAGES
    edit(page, "    - Call WHD if you are not paid right.", "    - Call WHD at 1-866-487-9243 if you are not paid right.")
    message = one_error(project_copy, EN_WAGES, line_of(page, "1-866-487-9243"), "handwritten-numbers")
    assert "in the 'flyer:' block" in message and "under 'contacts:'" in message and "[[phone:" not in message


# Item 3: hand-typed numbers, as a class.
FORMS = [
    "1-866-487-9243", "1 (866) 487-9243", "(866) 487.9243", "866/487-9243", "+1 866 487 9243", "+1-866-487-9243",
    "1.866.487.9243", "8664879243", "18664879243", "+18664879243", "001 866 487 9243", "011 1 866 487 9243",
    "(+1) 866 487 9243", "1-866-487-9243 ext. 12", "866-487-9243x5",
    "1\u2011866\u2011487\u20119243",  # non-breaking hyphens
    "1\u2013866\u2013487\u20139243",  # en dashes
    "866\u2009487\u20099243",         # thin spaces
    "866\u00a0487\u00a09243",         # no-break spaces
    "866\u202f487\u202f9243",         # narrow no-break spaces
    "\uff18\uff16\uff16-\uff14\uff18\uff17-\uff19\uff12\uff14\uff13",  # full-width digits
    "1-866-4-USWAGE", "1-800-FLY-FREE", "(800) 321-OSHA", "1 800 CALL NOW",
    "01 800 911 2000", "01-800-911-2000", "01 (55) 5322 4200", "044 55 1234 5678", "045 33 1234 5678",
    "+52 55 5322 4200", "+52 1 55 1234 5678", "011 52 55 5322 4200", "00 52 55 5322 4200", "(55) 5322-4200",
    "55 5322 4200", "312-555-0100", "123-456-7890", "487-9243",
    "01 800 00 44 800", "(0155) 5322-4200", "+52 (1) 55 1234 5678", "001-52-55-5322-4200", "55 53 22 42 00",
    "1-800-fly-free", "1-800-Fly-Free", "+502 2222 3333", "(55) 5322-4200 ext. 12345", "1(800)321-6742",
    "1 \u00b7 800 \u00b7 321 \u00b7 6742", "800\u2212321\u22126742", "800\ufe63321\ufe636742",
    # pasted from a table or a form, or typed with whatever key was near
    "866\t487\t9243", "866_487_9243", "866|487|9243", "866~487~9243", "866,487,9243", "866 \u2022 487 \u2022 9243",
    # Markdown's escapes: the page shows 1-866-487-9243
    "1\\-866\\-487\\-9243", "866\\.487\\.9243", "(866) 487\\-9243",
    # letters typed for the digits they look like (the letter O, a capital I, a small L)
    "1-866-487-924O", "(866) 487-92I3", "866-48l-9243",
]


@pytest.mark.parametrize("typed", FORMS)
def test_every_form_of_a_typed_number_is_found_once(typed):
    text = f"Intro line.\nLlame hoy al {typed} si necesita ayuda.\n"
    found = numbers.find(text)
    assert len(found) == 1, found
    assert text[found[0].start:found[0].end].strip() == typed.strip()


@pytest.mark.parametrize("typed", ["[call here](tel:+18664879243)", '<a href="tel:+18664879243">call</a>',
                                   "[text us](sms:+18664879243)", "<tel:18664879243>", "[WhatsApp](https://wa.me/5215512345678)",
                                   "[call](TEL:1-866-487-9243)", "[c](callto:+18664879243)",
                                   "<a href='tel:+1 866 487 9243'>x</a>", "[llamar](tel://18664879243)"])
def test_hand_made_dial_links_are_found_once(typed):
    found = numbers.find(f"Ayuda: {typed} hoy.\n")
    assert len(found) == 1 and found[0].link, found


NOT_NUMBERS = [
    "2026-11-23", "11/23/2026", "23/11/2026", "$7.25", "$1,000,000", "US$ 15,000", "1990-2023", "2002–2023",
    "29 CFR 1910.1200", "20 CFR 655.135", "20 CFR 655.1300", "29 U.S.C. 201-219", "8 U.S.C. § 1324", "§ 503.16(a)",
    "Pub. L. 106-386", "100%", "15.5 %", "section 12(a)", "Form I-9", "ETA-9142A", "ETA 790/790A", "WH-347",
    "H-2A", "H-2B", "1.5 times", "40 hours", "2 years", "9:00-17:00", "EIN 12-3456789", "SSN 123-45-6789",
    "ISBN 978-0-12-345678-9", "ZIP 20210-0001", "case 2024-123-4567", "911", "1-800", "30 de agosto de 2024",
    "$1,234,567.89", "fact_sheet_2024_11_23.pdf", "| 100 | 200 | 3000 |", "|100|200|3000|", "101, 102, 1035",
    "2002\\-2023", "20 CFR 655\\.135", "ETA\\-9142A", "H\\-2A",
]


def test_a_number_in_parentheses_is_shown_without_them():
    assert [f.raw for f in numbers.find("an older number (1-855-463-6395) still appears")] == ["1-855-463-6395"]
    assert [f.raw for f in numbers.find("see [1-855-463-6395] and [(55) 5322-4200]")] == ["1-855-463-6395", "(55) 5322-4200"]


def test_tel_as_a_label_in_text_reports_the_number_not_a_link():
    found = numbers.find("Tel: (55) 5322-4200 ext. 12")
    assert [(f.raw, f.link) for f in found] == [("(55) 5322-4200 ext. 12", False)]


def test_a_short_code_is_found_digit_by_digit_and_only_standing_alone():
    codes = ("711", "911", "988")
    found = numbers.find("Llame al 9-1-1 o al 9 8 8; TTY 7\u20111\u20111.", codes)
    assert [f.raw for f in found] == ["9-1-1", "9 8 8", "7\u20111\u20111"]
    for text in ("section 9.1.1", "from 9-11 am", "1997-1-1", "9-1-1990", "7 1 1/2 hours", "1911", "911.5", "9 1 1.5"):
        assert numbers.find(f"Ver {text} aquí.", codes) == [], text


def test_a_text_code_is_found_in_two_groups_too():
    codes = ("233733",)
    found = numbers.find("Envíe BEFREE al 233 733 o al 233-733; también 23 3733.", codes)
    assert [f.raw for f in found] == ["233 733", "233-733", "23 3733"]
    for text in ("1233 733", "233 7330", "233.733", "233 733.5", "2-3-3-7-3-3-1"):
        assert numbers.find(f"Ver {text} aquí.", codes) == [], text


def test_dates_money_citations_and_years_are_not_numbers():
    text = "\n".join(f"Ver {item} aquí." for item in NOT_NUMBERS)
    assert numbers.find(text) == []


@pytest.mark.parametrize("typed, fix", [
    ("1\u2011866\u2011487\u20119243", "[[phone:whd]]"),   # the registry has it: the exact reference
    ("866\u2009487\u20099243", "[[phone:whd]]"),
    ("(800) 321.6742", "[[phone:osha]]"),
    ("1-800-321-OSHA", "[[phone:osha]]"),
    ("1-8OO-321-6742", "[[phone:osha]]"),                   # the letter O for zero: OSHA's, not 1-866-…
    ("911", "[[phone:emergencia]]"),
    ("9-1-1", "[[phone:emergencia]]"),                      # a short code digit by digit
    ("9\u20111\u20111", "[[phone:emergencia]]"),
    ("01 800 911 2000", "[[phone:ID]]"),                    # not in the registry: add it first
    ("1-800-FLY-FREE", "[[phone:ID]]"),
    ("988", "[[phone:ID]]"),
    ("233733", "[[contact:trafficking]]"),                 # its text number: the card shows it
    ("233 733", "[[contact:trafficking]]"),                # in two groups, as a poster prints it
    ("7-1-1", "[[phone:ID]]"),                              # many contacts' TTY: no one contact is offered
])
def test_typed_number_on_a_page_is_one_error_at_its_line(project_copy: Path, typed, fix):
    page = project_copy / EN_WAGES
    line = line_of(page, CALL_LINE)
    edit(page, CALL_LINE, f"Call WHD at {typed}.")
    message = one_error(project_copy, EN_WAGES, line, "handwritten-numbers")
    assert f"phone number '{typed}' is typed by hand" in message and fix in message


@pytest.mark.parametrize("link", ["[call here](tel:+18664879243)", '<a href="sms:+18664879243">text us</a>'])
def test_hand_made_link_on_a_page_is_one_error(project_copy: Path, link):
    page = project_copy / EN_WAGES
    line = line_of(page, CALL_LINE)
    edit(page, CALL_LINE, f"Call WHD: {link}.")
    message = one_error(project_copy, EN_WAGES, line, "handwritten-numbers")
    assert "link made by hand" in message and "[[phone:ID]]" in message


def test_number_in_a_registry_note_is_one_error(project_copy: Path):
    registry = project_copy / REGISTRY
    edit(registry, "      en: For TTY, dial 711 (relay service).", "      en: For TTY, dial 711 or 1-877-889-5627.")
    line = line_of(registry, "1-877-889-5627")
    message = one_error(project_copy, REGISTRY, line, "handwritten-numbers")
    assert "contact 'whd': the note (en) has the number '1-877-889-5627'" in message


# data/states.yml's words are printed on the state pages (and a local edition's flyer) as written.
@pytest.mark.parametrize("old, new, where, fix", [
    ('en: "Since 1 July 2026. Before, it was $13.00.', 'en: "Since 1 July 2026. Call 907-269-4900. Before, it was $13.00.',
     "state 'ak', minimum_wage: the note (en) has the number '907-269-4900'", "numbers come only from data/contacts.yml"),
    ("        en: \"California Labor Commissioner's Office\"", "        en: \"California Labor Commissioner's Office (833) 526-4636\"",
     "state 'ca', pay: the office (en) has the number '(833) 526-4636'", "name it with 'contact:' in this section"),
    ("          es: Consulado General de México en Los Ángeles", "          es: Consulado General de México en Los Ángeles, tel. 213 351 6800",
     "state 'ca', consulates: the name (es) has the number '213 351 6800'", "name it with 'contact:' in this section"),
])
def test_number_in_a_state_text_is_one_error(project_copy: Path, old, new, where, fix):
    states = project_copy / "data/states.yml"
    edit(states, old, new)
    message = one_error(project_copy, "data/states.yml", line_of(states, new.strip()), "handwritten-numbers")
    assert where in message and fix in message, message


# Item 4: numbers that cannot be a help line.
@pytest.mark.parametrize("number, words", [
    ("+13125550100", "made-up number: 555-0100 to 555-0199"), ("+18005550199", "made-up number"),
    ("+13125551234", "555 numbers are not given to offices"), ("+19002345678", "premium-rate"),
    ("+15002345678", "a personal number"),
])
def test_invented_number_in_registry_is_rejected(project_copy: Path, number, words):
    registry = project_copy / REGISTRY
    edit(registry, 'phone: "+18664879243"', f'phone: "{number}"')
    message = one_error(project_copy, REGISTRY, line_of(registry, number), "registry")
    assert "contact 'whd', phone:" in message and words in message, message


def test_reference_in_the_wallet_card_says_add_a_help_line(project_copy: Path):
    page = project_copy / "content/en/volantes/index.md"
    text = page.read_text(encoding="utf-8")
    start = text.index("  lines:\n") + len("  lines:\n")
    first = text[start:text.index("\n", start)]
    edit(page, first, "    - Call [[phone:whd]].")  # short: the card's 40 characters
    message = one_error(project_copy, "content/en/volantes/index.md", line_of(page, "Call [[phone:whd]]"), "reference-syntax")
    assert "cannot go in the 'card:' block" in message and "add a line '- whd: label' under 'help:'" in message, message


def test_number_in_a_deadline_text_is_one_error(project_copy: Path):
    deadlines = project_copy / "data/deadlines.yml"
    edit(deadlines, "      en: 30 days\n", "      en: 30 days (call 1-800-321-6742)\n")
    line = line_of(deadlines, "1-800-321-6742")
    message = one_error(project_copy, "data/deadlines.yml", line, "handwritten-numbers")
    assert "deadline 'osha_represalia': the text (en) has the number '1-800-321-6742'" in message, message


# A number split over two lines of Markdown is one number on the page (the lines are joined).
@pytest.mark.parametrize("typed, shown", [
    ("Llame al 1-800-321-\n6742 hoy.", "1-800-321- 6742"),
    ("Llame al (800)\n321-6742.", "(800) 321-6742"),
    ("Call 866.487.\n9243 today.", "866.487. 9243"),
    ("Tel. 55 53\n22 42 00", "55 53 22 42 00"),
    ("Llame al +52\n55 5080 2000", "+52 55 5080 2000"),
    ("> Llame al 1-866-487-\n> 9243", "1-866-487- 9243"),       # inside a quote
    ("- Llame al 1-866-\n  487-9243", "1-866- 487-9243"),       # inside a list item
    ("Call WHD at 487-\n9243 today.", "487- 9243"),                # a local number
    ("Oficina: 55 5322\n4200, de 9 a 5", "55 5322 4200"),          # a Mexican number, no cue word
    ("Oficina: (81)\n8123-4567", "(81) 8123-4567"),
])
def test_a_number_split_over_two_lines_is_found_once(typed, shown):
    assert [f.raw for f in numbers.find(typed)] == [shown]


def test_look_alikes_on_two_lines_do_not_join_into_a_number():
    """A list or a table puts a year range above a citation, a date above money: never a number."""
    pairs = [(a, b) for a in NOT_NUMBERS for b in NOT_NUMBERS if a != b]
    assert [(a, b) for a, b in pairs if numbers.find(f"{a}\n{b}")] == []


def test_a_split_number_on_a_page_is_one_error_at_its_first_line(project_copy: Path):
    page = project_copy / EN_WAGES
    line = line_of(page, CALL_LINE)
    edit(page, CALL_LINE, "Call WHD at 1-866-487-\n9243.")
    message = one_error(project_copy, EN_WAGES, line, "handwritten-numbers")
    assert "phone number '1-866-487- 9243' is typed by hand" in message


@pytest.mark.parametrize("typed", ["1-866-487-9243", "911", "55 5322 4200"])
def test_a_number_in_a_words_file_is_one_error_at_its_line(project_copy: Path, typed):
    """data/strings/*.yml is printed on every page: a number typed there would be on all of them."""
    words = project_copy / "data/strings/es.yml"
    line = line_of(words, "mx_toll_free:")
    edit(words, "mx_toll_free: Los números 800 de México", f"mx_toll_free: Llame al {typed}. Los números 800 de México")
    message = one_error(project_copy, "data/strings/es.yml", line, "handwritten-numbers")
    assert f"the words 'mx_toll_free' have the number '{typed}' typed in them" in message


# A card prints the spelled form beside the digits; a worker who dials the letters reaches the
# number they spell, so they must spell the contact's phone.
@pytest.mark.parametrize("spelled, said", [
    ("1-866-4-USWAGS", "dials 1-866-487-9247, but its phone is 1-866-487-9243"),
    ("1-866-USWAGE", "spells only 9 digits after the 1 (a number has 10), but its phone is 1-866-487-9243"),
])
def test_a_spelled_number_that_dials_another_number_is_one_error(project_copy: Path, spelled, said):
    registry = project_copy / REGISTRY
    edit(registry, "vanity: 1-866-4-USWAGE", f"vanity: {spelled}")
    message = one_error(project_copy, REGISTRY, line_of(registry, f"vanity: {spelled}"), "registry")
    assert f"contact 'whd': the spelled number '{spelled}' {said}" in message, message


@pytest.mark.parametrize("spelled", ["1-866-4-USWAGE", "1-866-4-USWAGES", "(866) 4USWAGE", "866-487-9243"])
def test_a_spelled_number_may_carry_letters_past_the_tenth_digit(spelled):
    assert phones.vanity_mismatch(spelled, "+18664879243") is None


# An office's page lists its lines one after the other; pasted whole into one field, the message
# reads it for that field: the voice line for 'phone:', the TTY line for 'tty:'.
@pytest.mark.parametrize("field, pasted, said", [
    ('phone: "+18006694000"', 'phone: "Voice (800) 669-4000, TTY (800) 669-6820"',
     "phone: 'Voice (800) 669-4000, TTY (800) 669-6820' is not written as the registry keeps numbers: write \"+18006694000\""),
    ('tty: "+18006696820"', 'tty: "Voice (800) 669-4000, TTY (800) 669-6820"',
     "tty: 'Voice (800) 669-4000, TTY (800) 669-6820' is not written as the registry keeps numbers: write \"+18006696820\""),
])
def test_a_pasted_list_of_lines_is_read_for_the_field_it_is_in(project_copy: Path, field, pasted, said):
    registry = project_copy / REGISTRY
    edit(registry, field, pasted)
    message = one_error(project_copy, REGISTRY, line_of(registry, pasted), "registry")
    assert f"contact 'eeoc', {said}" in message, message
