"""'¿Qué le pasó?' walked like a worker on a phone with JavaScript off: from the home page, tap the
path's link, tap one answer per question, and land on each outcome in at most 4 taps, with its
help lines as tel: links from the registry and no accessibility violation on any page passed."""
from __future__ import annotations

import pytest

from conftest import ROOT
from scripts.core import addresses, project
from scripts.core import quepaso as model
from scripts.core import states, typography

TREE = model.load(ROOT)
REGISTRY = project.load(ROOT).registry
STRINGS = project.load(ROOT).strings
MAX_TAPS = 4  # from the home page to any outcome
WALKS = [(lang, oid) for lang in ("es", "en") for oid in TREE.outcomes]


def home(lang: str) -> str:
    return addresses.home(lang, "es").lstrip("/")


@pytest.mark.parametrize("lang,outcome", WALKS, ids=[f"{lang}:{oid}" for lang, oid in WALKS])
def test_walk_from_home_to_outcome_without_javascript(no_js, server, visited, lang, outcome):
    page, guard = no_js
    page.goto(server.url + home(lang))
    taps, passed = 0, []
    with page.expect_navigation():
        page.locator("a.qp-start").first.click()  # the path's link on the home page's first screen
    taps += 1
    for _question, answer in TREE.walks()[outcome]:
        passed.append(page.url.removeprefix(server.url))
        link = page.locator(".qp-answers a", has_text=typography.keep_text(answer.text[lang]))  # "H‑2A" as shown
        assert link.count() == 1, (page.url, answer.text[lang])
        box = link.bounding_box()
        assert box and box["height"] >= 44, f"{page.url}: answer tap target {box}"
        with page.expect_navigation():
            link.click()
        taps += 1
    here = page.url.removeprefix(server.url)
    assert here == home(lang) + model.address(outcome, TREE.start), here
    assert taps <= MAX_TAPS, f"{outcome}: {taps} taps from the home page"
    calls = [a.get_attribute("href") for a in page.locator('article a[href^="tel:"]').all()]
    for cid in TREE.outcomes[outcome].contacts:
        assert REGISTRY.get(cid).dial("phone").href in calls, (outcome, cid, calls)
    for link in page.locator('article a[href^="tel:"]').all():
        assert link.is_visible()
    if TREE.outcomes[outcome].urgent:
        assert calls[0] == "tel:911", calls
    assert page.locator("a.qp-back").count() == 1 and page.locator("a.qp-restart").count() == 1
    assert guard.take() == []
    for path in passed + [here]:  # axe runs with JavaScript on, in the shared phone context
        assert visited(path).violations == [], (path, visited(path).violations)


def test_back_and_start_again_lead_where_they_say(no_js, server):
    page, _ = no_js
    deepest = max(TREE.outcomes, key=lambda oid: len(TREE.walks()[oid]))
    question = TREE.walks()[deepest][-1][0]
    page.goto(server.url + model.address(deepest, TREE.start))
    with page.expect_navigation():
        page.locator("a.qp-back").click()
    assert page.url == server.url + model.address(question.id, TREE.start)
    with page.expect_navigation():
        page.locator("a.qp-restart").click()
    assert page.url == server.url + model.address(TREE.start, TREE.start)
    with page.expect_navigation():
        page.locator("a.qp-back").click()  # the first question goes back to the home page
    assert page.url == server.url


STATE_OUTCOMES = [(lang, oid) for lang in ("es", "en") for oid, outcome in TREE.outcomes.items()
                  if states.topic_list(outcome.read_page)]


def test_the_state_dependent_outcomes_are_the_five_topics():
    topics = {TREE.outcomes[oid].read_page.split("/")[0] for _, oid in STATE_OUTCOMES}
    assert topics == {"salarios", "seguridad", "calor", "lesiones", "discriminacion"}


@pytest.mark.parametrize("lang,outcome", STATE_OUTCOMES, ids=[f"{lang}:{oid}" for lang, oid in STATE_OUTCOMES])
def test_walk_from_an_outcome_to_the_state_section_without_javascript(no_js, server, lang, outcome):
    """An outcome whose answer depends on the state ends with "En su estado": the list of the
    states, each leading to that section of its page (two taps, no extra question on the path)."""
    page, guard = no_js
    words = STRINGS[lang]
    page.goto(server.url + home(lang) + model.address(outcome, TREE.start))
    link = page.locator(".qp-state a")
    assert link.count() == 1 and words("st_in_state") in page.locator(".qp-state").inner_text()
    with page.expect_navigation():
        link.click()
    section = states.ANCHORS[states.TOPIC_SECTIONS[TREE.outcomes[outcome].read_page.split("/")[0]]]
    assert page.url == server.url + home(lang) + f"estados/{section}/", page.url
    texas = page.locator(".st-list a", has_text="Texas")
    box = texas.bounding_box()
    assert box and box["height"] >= 44, box
    with page.expect_navigation():
        texas.click()
    assert page.url == server.url + home(lang) + f"estados/tx/#{section}", page.url
    assert page.locator(f"h2#{section}").is_visible()
    assert guard.take() == []
