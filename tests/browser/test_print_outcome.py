"""A guided-path answer printed from the browser (issue 24, point 4): Chromium's own PDF of each
outcome page, as a worker or a staff member gets it with "Print": one page, on Letter and on A4,
holding the steps, every number and every deadline, the two lines to fill in by hand and the
page's own address, and nothing of the site's frame (menu, search, buttons back)."""
from __future__ import annotations

import re
import subprocess

import pytest

from conftest import ROOT
from scripts.core import addresses, project, typography
from scripts.core import quepaso as model

PROJECT = project.load(ROOT)
TREE = PROJECT.que_paso
PRINTS = [(lang, oid, paper) for lang in ("es", "en") for oid in TREE.outcomes for paper in ("Letter", "A4")]


@pytest.fixture(scope="module")
def printer(chromium):
    context = chromium.new_context()
    page = context.new_page()
    yield page
    context.close()


def pdf_text(path) -> tuple[int, str]:
    pages = re.search(r"^Pages:\s+(\d+)", subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True,
                                                         check=True).stdout, re.M)
    text = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout
    return int(pages.group(1)), typography.plain(" ".join(text.split()))  # "H‑2A" read as the sources write it


@pytest.mark.parametrize("lang,outcome,paper", PRINTS, ids=[f"{lang}:{oid}:{paper}" for lang, oid, paper in PRINTS])
def test_a_printed_answer_is_one_page_with_its_numbers_and_deadlines(printer, server, tmp_path, lang, outcome, paper):
    path = addresses.home(lang, "es").lstrip("/") + model.address(outcome, TREE.start)
    printer.goto(server.url + path)
    target = tmp_path / "answer.pdf"
    printer.pdf(path=str(target), format=paper)
    pages, text = pdf_text(target)
    assert pages == 1, f"{path} prints on {pages} pages ({paper})"
    words = PROJECT.strings[lang]
    node = TREE.outcomes[outcome]
    assert node.title[lang] in text
    for cid in node.contacts:
        number = PROJECT.registry.get(cid).dial("phone").display
        assert number in text, f"{path}: {cid}'s number {number} is not on the printed page"
    for did in node.deadlines:
        deadline = PROJECT.deadlines.get(did).words("text", lang)
        assert deadline in text, f"{path}: the deadline '{deadline}' is not on the printed page"
    for key in ("qp_print_happened", "qp_print_last_day"):
        assert words(key) in text
    assert addresses.absolute(PROJECT.site_url, "/" + path) in text
    # No frame: neither the menu, the search box nor the buttons back print.
    for key in ("qp_back", "qp_restart", "qp_privacy"):
        assert words(key) not in text, f"{path}: '{words(key)}' is printed"


def test_the_lines_to_fill_in_do_not_show_on_screen(printer, server):
    """On screen the lines to fill in by hand stay hidden: they are for paper."""
    printer.goto(server.url + model.address(next(iter(TREE.outcomes)), TREE.start))
    assert printer.locator(".qp-print").count() == 1
    assert printer.locator(".qp-print").is_hidden()
