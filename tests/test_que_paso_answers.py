"""The guided path's missing answers (issue 26, item 7), pinned on data/que-paso.yml and on the
built pages in both languages:
- a threat of being fired or punished is an answer of its own on the first question, apart from
  "I was fired or punished", and leads straight to its own outcome (retaliation: OSHA, WHD, EEOC and
  OSHA's 30 days);
- a complaint about water, shade, rest or toilets is a safety answer: it leads to the safety/heat
  outcome with OSHA's 30 days and WHD's field-sanitation rule (29 CFR 1928.110: 11 or more workers,
  water, toilets, hand washing; /work/shared/facts, https://www.osha.gov/laws-regs/regulations/standardnumber/1928/1928.110),
  and someone punished for asking for water is told it is a complaint about a danger (OSHA)."""
from __future__ import annotations

import html
import re
from pathlib import Path

import pytest

from scripts.core import deadlines
from scripts.core import quepaso as qp_model

from conftest import ROOT

LANGS = ("es", "en")
THREAT = {"es": re.compile(r"\bamenaz", re.I), "en": re.compile(r"\bthreat", re.I)}
FIRED = {"es": re.compile(r"\bcorr(ieron|erme)\b", re.I), "en": re.compile(r"\bfired?\b", re.I)}
NEEDS = {"es": ("agua", "sombra", "descanso", "baños"), "en": ("water", "shade", "rest", "toilets")}
SANITATION = {"es": ("11 trabajadores o más", "agua", "baños", "lavarse las manos", "WHD"),
              "en": ("11 or more workers", "water", "toilets", "wash your hands", "WHD")}


@pytest.fixture(scope="module")
def tree() -> qp_model.Tree:
    return qp_model.load(ROOT)


def words(markup: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def outcome_page(site: Path, lang: str, oid: str) -> str:
    return (site / ("" if lang == "es" else "en/") / "que-paso" / oid / "index.html").read_text(encoding="utf-8")


def block(markup: str, css_class: str) -> str:
    found = re.search(rf'<(\w+) class="{css_class}"[^>]*>(.*?)</\1>', markup, re.S)
    assert found, css_class
    return words(found.group(2))


def threat_answers(tree):
    start = tree.questions[tree.start]
    return [a for a in start.answers if all(THREAT[lang].search(a.text[lang]) for lang in LANGS)]


def test_a_threat_is_an_answer_of_its_own_on_the_first_question(tree):
    found = threat_answers(tree)
    assert len(found) == 1, "the first question needs exactly one answer about a threat, in both languages"
    threat = found[0]
    assert threat.next in tree.outcomes, "a threat leads straight to its answer, with no question more"
    # the "I was fired or punished" answer is another answer, to another place
    fired = [a for a in tree.questions[tree.start].answers if FIRED["es"].search(a.text["es"]) and a is not threat]
    assert fired and all(a.next != threat.next for a in fired)
    outcome = tree.outcomes[threat.next]
    assert "osha_represalia" in outcome.deadlines
    assert {"osha", "whd", "eeoc"} <= set(outcome.contacts)
    assert outcome.read.startswith("represalias/")


@pytest.mark.parametrize("lang", LANGS)
def test_the_threat_outcome_page_names_the_offices_and_osha_30_days(made_site, tree, lang):
    oid = threat_answers(tree)[0].next
    page = outcome_page(made_site.site, lang, oid)
    first = block(page, "qp-answer")
    assert "OSHA" in first and ("30 días" if lang == "es" else "30 days") in first, first
    steps = block(page, "qp-steps")
    for office in ("OSHA", "WHD", "EEOC"):
        assert office in steps, (office, steps)
    assert THREAT[lang].search(steps), steps


def water_answers(tree, question_id: str):
    return [a for a in tree.questions[question_id].answers
            if all(all(need in a.text[lang].lower() for need in NEEDS[lang]) for lang in LANGS)]


def test_no_water_shade_rest_or_toilets_is_a_safety_answer_with_osha_and_whd(tree):
    danger = tree.walks()  # the question of dangers is the one whose answers lead to the safety outcome
    question = next(q for q in tree.questions.values() if any(a.next == "seguridad" for a in q.answers))
    found = water_answers(tree, question.id)
    assert len(found) == 1, f"{question.id}: one answer names water, shade, rest and toilets in both languages"
    oid = found[0].next
    assert oid in tree.outcomes and oid in danger
    outcome = tree.outcomes[oid]
    assert outcome.deadlines[0] == "osha_represalia" and outcome.contacts[0] == "osha" and "whd" in outcome.contacts
    assert outcome.read.split("/")[0] == "seguridad"
    assert len(danger[oid]) <= 3


@pytest.mark.parametrize("lang", LANGS)
def test_the_water_outcome_states_the_field_sanitation_rule_and_osha_30_days(made_site, tree, lang):
    question = next(q for q in tree.questions.values() if any(a.next == "seguridad" for a in q.answers))
    oid = water_answers(tree, question.id)[0].next
    page = outcome_page(made_site.site, lang, oid)
    thirty = "30 días" if lang == "es" else "30 days"
    first = block(page, "qp-answer")
    assert "OSHA" in first and thirty in first, first   # on the first screen, with its office
    steps = block(page, "qp-steps")
    for needed in SANITATION[lang]:
        assert needed in steps, (needed, steps)
    assert thirty in steps
    assert 'class="qp-state"' in page  # the rules differ by state: the state's section is one tap away


def test_someone_punished_for_asking_for_water_is_told_it_is_a_danger_complaint(tree):
    due = deadlines.load(ROOT)
    question = next(q for q in tree.questions.values() if any(a.next == "represalia-osha" for a in q.answers))
    answer = next(a for a in question.answers if a.next == "represalia-osha")
    assert "agua" in answer.text["es"] and "water" in answer.text["en"], answer.text
    assert tree.outcomes["represalia-osha"].deadlines == ["osha_represalia"]
    assert due.get("osha_represalia").text == {"es": "30 días", "en": "30 days"}
