"""The one number formatter: what people read and what phones dial."""
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
    assert "E.164" in validate("1-800-321-6742", "US")
    assert "not a valid phone number" in validate("+1800321674", "US")
    assert "missing" in validate(None, "US")
    assert validate("911", "US") is None
