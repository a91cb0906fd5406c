"""The one number formatter: what people read and what phones dial."""
import pytest

from scripts.core.phones import dial, validate


def test_us_toll_free_is_written_as_people_write_it():
    d = dial("+18003216742")
    assert (d.display, d.href, d.from_us) == ("1-800-321-6742", "tel:+18003216742", None)


def test_mexican_number_in_mexican_format_with_how_to_dial_from_the_us():
    d = dial("+528007172942", "MX")
    assert d.display == "800 717 2942"
    assert d.from_us == "011 52 800 717 2942"
    assert d.toll_free_abroad is True
    assert d.href == "tel:+528007172942"


def test_us_line_of_a_mexican_office_also_says_how_to_dial_from_mexico():
    d = dial("+15206237874", "MX")
    assert d.display == "1-520-623-7874"
    assert d.from_mx == "00 1 520-623-7874"


def test_short_codes_stay_as_they_are():
    assert dial("911").href == "tel:911"
    assert dial("233733", scheme="sms").href == "sms:233733"


def test_validation_explains_what_is_wrong():
    assert validate("+18003216742", "US") is None
    assert 'write "+18003216742"' in validate("1-800-321-6742", "US")
    assert "not a valid phone number" in validate("+1800321674", "US")
    assert "missing" in validate(None, "US")
    assert validate("911", "US") is None


# How people paste numbers into the registry: each gets the exact value to write, and its country.
@pytest.mark.parametrize("typed, region, value, country", [
    ("(866) 487-9243", "US", "+18664879243", "US"),
    ("1-866-487-9243", "US", "+18664879243", "US"),
    ("866.487.9243", "US", "+18664879243", "US"),
    ("+1 866 487 9243", "MX", "+18664879243", "US"),
    ("+1 (866) 487-9243", "US", "+18664879243", "US"),
    ("001 866 487 9243", "US", "+18664879243", "US"),
    ("1 (866) 4USWAGE", "US", "+18664879243", "US"),        # spelled with letters
    ("1\u2011866\u2011487\u20119243", "US", "+18664879243", "US"),  # non-breaking hyphens from a PDF
    ("\uff11\uff18\uff16\uff16\uff14\uff18\uff17\uff19\uff12\uff14\uff13", "US", "+18664879243", "US"),  # full-width
    ("Tel. 866-487-9243 (toll free)", "US", "+18664879243", "US"),
    ("+52 55 5080 2000", "US", "+525550802000", "MX"),
    ("+52 (55) 5080-2000", "MX", "+525550802000", "MX"),
    ("011 52 55 5080 2000", "US", "+525550802000", "MX"),
    ("01 800 911 2000", "MX", "+528009112000", "MX"),        # the old long-distance 01
    ("044 55 1234 5678", "MX", "+525512345678", "MX"),       # the old mobile prefix
    ("+52 1 55 5080 2000", "MX", "+525550802000", "MX"),     # the old mobile 1
    ("(55) 5080-2000", "US", "+525550802000", "MX"),         # not a US number at all
    ("800 911 2000", "US", "+18009112000", "US"),            # both countries have it: the contact's
    ("800 911 2000", "MX", "+528009112000", "MX"),
    ("01 800 911 2000 (llamada gratuita)", "MX", "+528009112000", "MX"),  # words after it are no digits
    ("044 55 1234 5678 (celular)", "MX", "+525512345678", "MX"),
    ("1-8OO-321-6742", "US", "+18003216742", "US"),          # the letter O for a zero: not 1-866-…
    ("1-800-32l-6742", "US", "+18003216742", "US"),          # a small L for a one
    ("(55) 5O8O-2OOO", "MX", "+525550802000", "MX"),
])
def test_a_number_typed_as_people_type_it_gets_the_value_to_write(typed, region, value, country):
    words = {"US": "a US number", "MX": "a Mexican number"}[country]
    assert f'write "{value}" ({words}' in validate(typed, region)


@pytest.mark.parametrize("typed, said", [
    ("1-8OO-321-6742", "the letter 'O' typed among the digits is read as 0: check the number on the office's own page"),
    ("1-8OO-32l-6742", "the letters 'O' and 'l' typed among the digits are read as 0 and 1"),
])
def test_letters_typed_for_the_digits_they_look_like_are_read_as_those_digits_and_said(typed, said):
    """Read on a keypad, '8OO' is 866, another toll-free prefix: a wrong number that works. A run of
    O, I or l among digits is the digits they look like; a word (OSHA, GO) is a spelled number."""
    message = validate(typed, "US")
    assert 'write "+18003216742"' in message and said in message and "vanity" not in message, message
    assert 'write "+18004633339"' in validate("1-800-GO-FEDEX", "US")  # 'GO' is a word: keypad letters


@pytest.mark.parametrize("typed, region, code", [("9 1 1", "US", "911"), ("7-1-1", "US", "711")])
def test_a_short_code_with_separators_gets_its_digits(typed, region, code):
    assert f'write "{code}" (a short code' in validate(typed, region)


def test_unquoted_extension_two_numbers_and_made_up_numbers():
    assert 'in quotes, as text: write "+18664879243"' in validate(18664879243, "US")
    assert "extension cannot be dialled" in validate("+1-866-487-9243 ext. 2", "US")
    assert "one number per field" in validate("866 487 9243 / 866 487 9244", "US")
    assert "made-up number" in validate("(800) 555-0123", "US")    # said at once, not "write +1800…"
    assert "premium-rate" in validate("1 900 246 1234", "US")
    assert "(for example" in validate("1-866-487-924", "US")      # a digit missing: no guess


# A number pasted with what to do after the call is answered: the number is read (the words
# after it are not taken for letters of a spelled number) and the key goes in the contact's note.
@pytest.mark.parametrize("typed, region, value, note", [
    ("800 321 6742 ext. 5", "US", "+18003216742", "extension cannot be dialled"),
    ("(844) 522-6734 x 2", "US", "+18445226734", "extension cannot be dialled"),
    ("55 5080 2000 ext. 104", "MX", "+525550802000", "extension cannot be dialled"),
    ("866 487 9243 opción 2", "US", "+18664879243", "choice in the line's menu"),
    ("866-487-9243 (press 2)", "US", "+18664879243", "choice in the line's menu"),
    ("1-866-487-9243, y marque 2", "US", "+18664879243", "choice in the line's menu"),
    ("866-487-9243 #2", "US", "+18664879243", "choice in the line's menu"),
])
def test_a_number_typed_with_an_extension_or_a_menu_choice_gets_the_value_and_the_note(typed, region, value, note):
    said = validate(typed, region)
    assert f'write "{value}"' in said and note in said and "say it in the contact's 'note:'" in said, said


# An office's page lists its voice line beside a TTY, a text code, a video line or a fax, each
# after a word: the voice line is what 'phone:' takes, and each labelled number is named with
# its own field (or, a fax, left out). The label is a word, never letters of a spelled number.
@pytest.mark.parametrize("typed, region, value, other", [
    ("Phone (800) 669-4000 TTY (800) 669-6820", "US", "+18006694000", "the number marked 'TTY' (+18006696820) goes in its own field, 'tty:'"),
    ("TTY 800-669-6820 / voz 800-669-4000", "US", "+18006694000", "the number marked 'TTY' (+18006696820) goes in its own field, 'tty:'"),
    ("866.487.9243 (TTY: 711)", "US", "+18664879243", "the number marked 'TTY' (711) goes in its own field, 'tty:'"),
    # the label in parentheses after its number ("(voice)" is no label of the number after it)
    ("1-800-669-4000 (voice) 1-800-669-6820 (TTY)", "US", "+18006694000", "the number marked 'TTY' (+18006696820) goes in its own field, 'tty:'"),
    # the label after the last number of a list marks that number, not the first
    ("1-800-669-4000 / 1-800-669-6820 (TTY)", "US", "+18006694000", "the number marked 'TTY' (+18006696820) goes in its own field, 'tty:'"),
    ("800-669-4000 800-669-6820 (TTY)", "US", "+18006694000", "the number marked 'TTY' (+18006696820) goes in its own field, 'tty:'"),
    ("1-800-669-4000 o 711 (TTY)", "US", "+18006694000", "the number marked 'TTY' (711) goes in its own field, 'tty:'"),
    # "or", "/" after a number join a label to the next number ("call or text 1-888-…" is one line)
    ("1-888-373-7888 or text 233733", "US", "+18883737888", "the number marked 'text' (233733) goes in its own field, 'sms:'"),
    ("1-800-669-4000 / TTY 1-800-669-6820", "US", "+18006694000", "the number marked 'TTY' (+18006696820) goes in its own field, 'tty:'"),
    # a word beside a number is no letters of a spelled one ("videophone" is not 843-367-4663)
    ("+1 800 669 4000, +1 844 234 5122 (videophone)", "US", "+18006694000", "the number marked 'videophone' (+18442345122) goes in its own field, 'asl_video:'"),
    ("800-669-4000 (ASL video 844-234-5122)", "US", "+18006694000", "(+18442345122) goes in its own field, 'asl_video:'"),
    ("1-888-373-7888, texto 233733", "US", "+18883737888", "the number marked 'texto' (233733) goes in its own field, 'sms:'"),
    ("(55) 5209-8800, fax (55) 5209-8801", "MX", "+525552098800", "the number marked 'fax' (+525552098801) is a fax number: the site shows none, leave it out"),
])
def test_a_voice_line_pasted_with_labelled_numbers_gets_its_value_and_a_field_for_each_other(typed, region, value, other):
    said = validate(typed, region)
    assert f'write "{value}"' in said and other in said, said


@pytest.mark.parametrize("typed, kind, said", [
    ("TTY: 1-877-889-5627", "phone", "the number is marked 'TTY': write \"+18778895627\" in 'tty:' instead, and in 'phone:' the line a person calls"),
    ("TTY: 1-877-889-5627", "tty", 'write "+18778895627" (a US number'),
    ("Text 233733", "phone", "the number is marked 'Text': write \"233733\" in 'sms:' instead"),
    ("Text 233733", "sms", 'write "233733" (a short code'),  # not "+18398233733": "Text" is no part of the number
    ("Fax: (213) 620-6449", "phone", "'Fax' marks a fax number, and the site shows none: write in 'phone:' the line a person calls"),
    ("1-800-669-6820 (TTY)", "phone", "the number is marked 'TTY': write \"+18006696820\" in 'tty:' instead"),
    ("1-800-669-4000, 1-800-669-6820 (TTY)", "tty", 'write "+18006696820" (a US number'),
    ("+1 844 234 5122 (videophone)", "phone", "the number is marked 'videophone': write \"+18442345122\" in 'asl_video:' instead"),
    ("Call or text 1-888-373-7888", "phone", 'write "+18883737888" (a US number'),  # one line for both
])
def test_a_labelled_number_is_read_for_the_field_it_was_pasted_in(typed, kind, said):
    assert said in validate(typed, "US", None, kind)


@pytest.mark.parametrize("typed, value", [("1-888-ASK-USCIS", "+18882758724"), ("1 (888) ASK-USCIS", "+18882758724"),
                                          ("1-800-321-OSHA", "+18003216742"), ("866.4US.WAGE", "+18664879243")])
def test_a_spelled_number_in_phone_gets_the_digits_it_dials_and_a_word_on_vanity(typed, value):
    said = validate(typed, "US")
    assert f'write "{value}"' in said and "copy it letter by letter into 'vanity:'" in said, said


def test_every_label_names_a_field_the_registry_has():
    from scripts.core.contacts import NUMBER_FIELDS
    from scripts.core.phones import LABEL_FIELD
    assert {field for field in LABEL_FIELD.values() if field} <= set(NUMBER_FIELDS)
