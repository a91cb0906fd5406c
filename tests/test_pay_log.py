"""The printed hours-and-pay log (issue 24, point 3): site/flyers/registro-<es|en|bilingue>-<letter|a4>.pdf,
one sheet (the two weeks on the front, the sums, a worked piece-rate example and the office on the
back), its example's sums made from data/pay-log.yml, its office's number from the registry, its
QR code to the pay page's record section, linked from the pay page and the flyers page; and
data/pay-log.yml's mistakes, one message each."""
from __future__ import annotations

import re
from decimal import Decimal

import pytest

from scripts.core import addresses, paylog, printed, project
from scripts.flyers import model

from conftest import check_project, copy_project, edit, line_of
from test_flyers import qr_codes, tool

KINDS = ("es", "en", "bilingue")


@pytest.fixture(scope="module")
def proj(made_site):
    return project.load(made_site.root)


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("paper", printed.PAPERS)
def test_the_log_is_one_sheet_with_the_sums_the_office_and_its_qr_code(made_site, proj, tmp_path, kind, paper):
    pdf = made_site.site / "flyers" / printed.log_file_name(kind, paper)
    front = " ".join(tool("pdftotext", "-f", "1", "-l", "1", str(pdf), "-").split())
    back = " ".join(tool("pdftotext", "-f", "2", "-l", "2", str(pdf), "-").split())
    langs = ("es", "en") if kind == "bilingue" else (kind,)
    for lang in langs:
        words = proj.strings[lang]
        for key in ("log_title", "log_employer", "log_crew", "log_start", "log_end", "log_breaks", "log_pieces",
                    "log_paid", "log_taken", "log_total"):
            # A table's headings come out of pdftotext word by word, in reading order of the lines.
            assert set(re.findall(r"\w+", words(key))) <= set(re.findall(r"\w+", front)), (lang, key)
        assert words("log_week", number=2) in front
        assert words("log_add_up").upper() in back and words("log_where").upper() in back  # headings print in capitals
    whd = proj.registry.get(printed.LOG_OFFICE).dial("phone").display
    assert whd in back
    example = model.log_example(proj)
    for value in (example["pay"], example["per_hour"], example["minimum"], example["due"], example["owed"]):
        assert value in back, value
    urls = {addresses.absolute(proj.site_url, addresses.page(lang, proj.default, printed.LOG_TOPIC)) + "#registro"
            for lang in langs}
    assert set(qr_codes(pdf, 2, tmp_path)) == urls


def test_the_example_is_worked_from_the_data(proj):
    """40 hours, 300 boxes at $0.90 against the federal $7.25: $270.00 is $6.75 an hour, $20.00 owed."""
    data = proj.pay_log
    assert data.ready
    assert (data.minimum, data.hours, data.pieces, data.rate) == (Decimal("7.25"), 40, 300, Decimal("0.90"))
    example = model.log_example(proj)
    assert (example["pay"], example["per_hour"], example["due"], example["owed"]) == ("$270.00", "$6.75", "$290.00", "$20.00")


def test_pay_page_and_flyers_page_link_the_log(built_site):
    for folder, kind in (("", "es"), ("en/", "en")):
        pay = (built_site / folder / "salarios/index.html").read_text()
        assert f"flyers/registro-{kind}-letter.pdf" in pay
        flyers = (built_site / folder / "volantes/index.html").read_text()
        for other in KINDS:
            for paper in printed.PAPERS:
                assert f"flyers/registro-{other}-{paper}.pdf" in flyers
    assert "registro-" not in (built_site / "calor/index.html").read_text()  # only the pay page offers it


@pytest.mark.parametrize("old,new,where", [
    ('  amount: "7.25"', "  amount: 7.25", '  amount: 7.25'),
    ("  hours: 40", "  hours: 50", "  hours: 50"),
    ("  rate: \"0.90\"", "  rat: \"0.90\"", "  rat:"),
    ("  source: https://www.dol.gov/agencies/whd/minimum-wage", "  source: https://example.com/wage", "  source:"),
    ("  checked: 2026-11-23", "  checked: soon", "  checked:"),
])
def test_a_mistake_in_the_pay_log_data_is_one_message_at_its_line(tmp_path, old, new, where):
    root = copy_project(tmp_path / "project")
    path = root / paylog.PAY_LOG
    edit(path, old, new)
    checked = check_project(root)
    assert checked.failed, checked
    mine = {(p.path, p.line) for p in checked.problems if p.path == paylog.PAY_LOG}
    assert mine == {(paylog.PAY_LOG, line_of(path, where))}, checked
    assert not printed.log_printed(project.load(root))  # a log whose data is wrong is not printed
