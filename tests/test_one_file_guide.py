"""The whole guide in one file (scripts/website/onefile.py), as make site writes it: what the
guided path says once. The browser side is tests/browser/test_one_file.py, the paper side
tests/test_booklet.py."""
from __future__ import annotations

import re

import pytest

from scripts.website import onefile

SECTION = re.compile(r'<section class="one-file-page" id="([^"]+)">')  # each page's start (a page holds sections too)
FOOTER = re.compile(r'<footer class="page-facts">.*?</footer>', re.S)
PRIVACY = re.compile(r'<p class="qp-privacy">.*?</p>', re.S)


def _sections(site, lang: str) -> dict[str, str]:
    text = (site / ("en/" if lang == "en" else "") / "descargas" / f"derechos-{lang}.html").read_text(encoding="utf-8")
    parts = SECTION.split(text)[1:]  # name, body, name, body…
    return dict(zip(parts[0::2], parts[1::2]))


@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_guided_path_says_its_review_date_disclaimer_and_privacy_once(built_site, lang):
    sections = _sections(built_site, lang)
    start = "p-que-paso" if lang == "es" else "p-en-que-paso"
    steps = {name: body for name, body in sections.items() if name.startswith(start + "-")}
    assert len(steps) > 20  # questions and outcomes
    assert len(FOOTER.findall(sections[start])) == 1 and len(PRIVACY.findall(sections[start])) == 1
    assert "2026" in FOOTER.search(sections[start]).group(0)  # the review date is there
    assert [name for name, body in steps.items() if PRIVACY.search(body)] == []
    # a question says nothing more than the start: no footer; an outcome names its sources, with their date
    questions = {name for name, body in steps.items() if "page-sources" not in body}
    assert len(questions) >= 5 and len(steps) - len(questions) >= 15
    assert [name for name in questions if FOOTER.search(steps[name])] == []
    assert all("page-reviewed" in FOOTER.search(body).group(0) for name, body in steps.items() if name not in questions)
    # every page outside the path keeps its own review date and disclaimer
    others = [body for name, body in sections.items() if name != start and name not in steps and "mas-telefonos" not in name]
    assert others and all(FOOTER.search(body) for body in others)


def test_a_step_keeps_what_it_says_differently():
    start = ('<h1>Start</h1><p class="qp-privacy">No answers kept.</p>\n<footer class="page-facts">\n'
             '<p class="page-reviewed">Reviewed on 4 December 2026.</p>\n</footer>\n')
    same = '<h2>Q</h2>\n<p class="qp-privacy">No answers kept.</p>\n<footer class="page-facts">\n<p class="page-reviewed">Reviewed on 4 December 2026.</p>\n</footer>\n<p>end</p>'
    other = same.replace("4 December", "1 March")
    assert onefile.said_once(start, same) == "<h2>Q</h2>\n<p>end</p>"
    kept = onefile.said_once(start, other)
    assert "1 March" in kept and "qp-privacy" not in kept
    assert onefile.said_once("", same) == same  # nothing said yet: nothing left out
