"""'¿Qué le pasó?': the tree as data, its checks, its pages and its diagram.

The table test follows GOV.UK smart answers and the DigitalService 'Vorab-Check': for every
outcome, the answers a worker taps and the address they must land on.
"""
from __future__ import annotations

import gzip
import re
from pathlib import Path

import pytest

from conftest import ROOT, Checked, assert_fails, check_project, edit, exact_line, line_of, run_cli

from scripts.core import project
from scripts.core import quepaso as model

TREE = "data/que-paso.yml"
MAX_GZIP = 10 * 1024

# (the Spanish answers tapped, in order) -> the outcome's address inside a language.
TABLE = [
    (["Me lastimé o me enfermé por el trabajo", "Es grave, o alguien está muy mal ahora mismo"], "que-paso/lesion-grave/"),
    (["Me lastimé o me enfermé por el trabajo", "Me lastimé o me enfermé, pero no es una emergencia"], "que-paso/lesion-aviso/"),
    (["Me lastimé o me enfermé por el trabajo", "Ya regresé a México"], "que-paso/lesion-mexico/"),
    (["No me pagaron todo", "Visa H-2A (trabajo del campo)"], "que-paso/pago-h2a/"),
    (["No me pagaron todo", "Visa H-2B (otro trabajo de temporada)"], "que-paso/pago-h2b/"),
    (["No me pagaron todo", "Otra visa, o no tengo papeles"], "que-paso/pago-otro/"),
    (["Me corrieron o me castigaron por quejarme", "Me quejé de un peligro (como falta de agua o sombra) o avisé de una lesión"],
     "que-paso/represalia-osha/"),
    (["Me corrieron o me castigaron por quejarme", "Me quejé de discriminación o de acoso"], "que-paso/represalia-eeoc/"),
    (["Me corrieron o me castigaron por quejarme", "Reclamé mi pago"], "que-paso/represalia-pago/"),
    (["Me corrieron o me castigaron por quejarme", "Me uní con mis compañeros para pedir mejoras",
      "Sí, en el campo o en una casa"], "que-paso/organizarse-excluido/"),
    (["Me corrieron o me castigaron por quejarme", "Me uní con mis compañeros para pedir mejoras",
      "No, trabajo en otro lugar"], "que-paso/represalia-nlrb/"),
    (["Me amenazan con correrme o castigarme"], "que-paso/amenaza/"),
    (["Me tratan mal o me acosan", "Por mi origen, color, sexo, edad, religión o una discapacidad"], "que-paso/discriminacion/"),
    (["Me tratan mal o me acosan", "Me acosan sexualmente"], "que-paso/acoso/"),
    (["Me tratan mal o me acosan", "Por otra razón, o no sé por qué"], "que-paso/trato-otro/"),
    (["Me quitaron los papeles o no me dejan irme"], "que-paso/trata/"),
    (["Hay un peligro en mi trabajo", "Sí, alguien está en peligro ahora"], "que-paso/peligro-ahora/"),
    (["Hay un peligro en mi trabajo", "Hace mucho calor y alguien se siente mal"], "que-paso/calor/"),
    (["Hay un peligro en mi trabajo", "Faltan agua, sombra, descanso o baños"], "que-paso/agua-descanso/"),
    (["Hay un peligro en mi trabajo", "No ahora, pero el trabajo es peligroso"], "que-paso/seguridad/"),
    (["Hay un peligro en mi trabajo", "El transporte es peligroso"], "que-paso/transporte/"),
    (["Hay un peligro en mi trabajo", "Hay niños trabajando"], "que-paso/menores/"),
    (["Me cobraron por el trabajo o la visa", "Visa H-2A (trabajo del campo)"], "que-paso/cobro-h2a/"),
    (["Me cobraron por el trabajo o la visa", "Visa H-2B (otro trabajo de temporada)"], "que-paso/cobro-h2b/"),
    (["Me cobraron por el trabajo o la visa", "Otra, o todavía me están ofreciendo el trabajo"], "que-paso/reclutamiento/"),
    (["Otra cosa, o necesito a mi consulado"], "que-paso/consulado/"),
]


@pytest.fixture(scope="module")
def tree() -> model.Tree:
    return model.load(ROOT)


def follow(tree: model.Tree, answers: list[str], lang: str = "es") -> str:
    node = tree.start
    for text in answers:
        question = tree.questions[node]
        node = next(a.next for a in question.answers if a.text[lang] == text)
    assert node in tree.outcomes, f"{answers} ends at question '{node}', not at an outcome"
    return model.address(node, tree.start)


@pytest.mark.parametrize("answers,expected", TABLE, ids=[row[1] for row in TABLE])
def test_answers_lead_to_the_expected_address(tree, answers, expected):
    assert follow(tree, answers) == expected


def test_the_table_covers_every_outcome(tree):
    assert {row[1] for row in TABLE} == {model.address(o, tree.start) for o in tree.outcomes}


def test_the_english_path_has_the_same_shape(tree):
    """One tap in English lands where the same tap in Spanish does."""
    for answers, expected in TABLE:
        node, english = tree.start, []
        for text in answers:
            answer = next(a for a in tree.questions[node].answers if a.text["es"] == text)
            english.append(answer.text["en"])
            node = answer.next
        assert follow(tree, english, "en") == expected


def test_urgent_outcomes_are_the_dangerous_ones(tree):
    urgent = {o.id for o in tree.outcomes.values() if o.urgent}
    assert urgent == {"lesion-grave", "trata", "peligro-ahora", "calor"}
    assert tree.outcomes["trata"].contacts[0] == "trafficking"


def test_the_real_tree_passes_its_checks():
    proj = project.load(ROOT)
    from scripts.checks import que_paso_links, que_paso_outcomes, que_paso_texts, que_paso_topics
    found = [p for check in (que_paso_links.check_que_paso_links, que_paso_texts.check_que_paso_texts,
                             que_paso_outcomes.check_que_paso_outcomes, que_paso_topics.check_que_paso_topics)
             for p in check(proj)]
    assert found == [] and proj.que_paso.readable


# Checks on a broken copy -----------------------------------------------------------------------

def check(root: Path) -> Checked:
    return check_project(root)



def test_an_answer_leading_nowhere_names_the_line_and_the_closest_id(project_copy):
    path = project_copy / TREE
    edit(path, "next: pago-h2b", "next: pago-h2")
    assert_fails(project_copy, {(TREE, next(n for n, text in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if text.strip() == "next: pago-h2"), "que-paso-links")},
                 "'next: pago-h2' names no question or outcome: did you mean 'pago-h2b'?")


def test_a_cycle_is_caught_at_the_answer_that_closes_it(project_copy):
    path = project_copy / TREE
    edit(path, "next: represalia-nlrb", "next: represalia")
    checked = check(project_copy)
    assert checked.failed
    line = line_of(path, "next: represalia", after=line_of(path, "No, trabajo en otro lugar"))
    assert checked.records == {(TREE, line, "que-paso-links"),  # a cycle is also a second way into 'represalia'
                               (TREE, line_of(path, "  represalia-nlrb:"), "que-paso-links")}, checked  # now unreachable
    assert "this answer of question 'campo' leads back to 'represalia'" in checked.text


def test_more_than_three_questions_is_caught(project_copy):
    path = project_copy / TREE
    # campo's 'no' answer now asks one more question before the outcome.
    edit(path, "        next: represalia-nlrb\n", "        next: cuarta\n")
    edit(path, "\noutcomes:\n", """
  cuarta:
    question:
      es: ¿Una cuarta pregunta?
      en: A fourth question?
    answers:
      - es: Sí
        en: Yes
        next: represalia-nlrb
      - es: No
        en: No
        next: nueva
outcomes:
  nueva:
    title: {es: Nueva, en: New}
    steps: {es: [Llame.], en: [Call.]}
    read: organizarse/index.md#nlrb
    contacts: [nlrb]
    deadlines: [nlrb_cargo]
""")
    checked = check(project_copy)
    assert checked.failed
    cuarta = line_of(path, "  cuarta:")
    assert checked.of("que-paso-links") == {(TREE, line_of(path, "next: represalia-nlrb", after=cuarta), "que-paso-links"),
                                            (TREE, line_of(path, "next: nueva", after=cuarta), "que-paso-links")}, checked
    assert "outcome 'represalia-nlrb' comes after 4 questions (inicio > represalia > campo > cuarta); at most 3" in checked.text


def test_an_unreachable_outcome_is_caught(project_copy):
    path = project_copy / TREE
    edit(path, "\noutcomes:\n", "\noutcomes:\n  huerfano:\n    title: {es: Sola, en: Alone}\n    steps: {es: [Llame.], en: [Call.]}\n"
         "    read: salarios/index.md#queja\n    contacts: [whd]\n    deadlines: []\n")
    checked = check(project_copy)
    assert checked.failed
    assert checked.of("que-paso-links") == {(TREE, line_of(path, "huerfano:"), "que-paso-links")}, checked
    assert "'huerfano' cannot be reached from the first question" in checked.text


def test_two_ways_into_one_outcome_is_caught(project_copy):
    path = project_copy / TREE
    edit(path, "next: pago-h2b", "next: pago-h2a")
    checked = check(project_copy)
    assert checked.failed
    assert checked.of("que-paso-links") == {(TREE, line_of(path, "next: pago-h2a", after=line_of(path, "next: pago-h2a")), "que-paso-links"),
                                            (TREE, line_of(path, "  pago-h2b:"), "que-paso-links")}, checked
    assert "another answer of question 'pago' also leads to 'pago-h2a'" in checked.text


def test_the_same_outcome_from_two_questions_is_caught(project_copy):
    path = project_copy / TREE
    edit(path, "        next: cobro-h2b\n", "        next: pago-h2b\n")
    checked = check(project_copy)
    assert checked.failed
    assert checked.of("que-paso-links") == {(TREE, line_of(path, "next: pago-h2b", after=line_of(path, "next: pago-h2b")), "que-paso-links"),
                                            (TREE, line_of(path, "  cobro-h2b:"), "que-paso-links")}, checked  # now unreachable
    assert "'pago-h2b' is also reached from question 'pago'" in checked.text


def test_a_question_with_one_answer_is_a_warning(project_copy):
    path = project_copy / TREE
    edit(path, "        next: consulado\n", """        next: consulado
      - es: Una pregunta de más
        en: One question too many
        next: unica
""")
    edit(path, "\noutcomes:\n", """
  unica:
    question: {es: ¿Seguro?, en: Sure?}
    answers:
      - {es: Sí, en: "Yes", next: nueva}  # quoted: unquoted, YAML reads Yes as True
outcomes:
  nueva:
    title: {es: Nueva, en: New}
    steps: {es: [Llame.], en: [Call.]}
    read: consulado/index.md#ciam
    contacts: [ciam]
    deadlines: []
""")
    checked = check(project_copy)
    assert not checked.failed, checked
    assert checked.of("que-paso-links") == {(TREE, line_of(path, "  unica:"), "que-paso-links")}, checked
    assert "question 'unica' has only one answer" in checked.text


def test_a_missing_english_answer_and_unequal_steps(project_copy):
    path = project_copy / TREE
    edit(path, "        en: I was not paid everything\n", "")
    edit(path, "        - Call WHD soon. The wage law protects you whatever your status.\n", "")
    assert_fails(project_copy, {(TREE, line_of(path, "No me pagaron todo"), "que-paso-texts"),
                                (TREE, line_of(path, "    steps:", after=line_of(path, "  pago-otro:")), "que-paso-texts")},
                 "answer 2 of question 'inicio' has no text in en")


def test_page_section_contact_and_deadline_must_exist(project_copy):
    path = project_copy / TREE
    edit(path, "read: salarios/index.md#queja", "read: salarios/index.md#quejas")
    edit(path, "    contacts: [nlrb]\n", "    contacts: [nlbr]\n")
    edit(path, "    deadlines: [eeoc_queja]\n", "    deadlines: [eeoc]\n")
    assert_fails(project_copy, {(TREE, line_of(path, "read: salarios/index.md#quejas"), "que-paso-outcomes"),
                                (TREE, line_of(path, "    contacts: [nlbr]"), "contact-ids"),  # one message for an unknown id
                                (TREE, line_of(path, "    deadlines: [eeoc]"), "que-paso-outcomes")},
                 "content/es/salarios/index.md has no section '#quejas': did you mean '#queja'?")


def test_every_topic_must_be_reachable(project_copy):
    path = project_copy / TREE
    edit(path, "read: calor/index.md#emergencia", "read: seguridad/index.md#negarse")
    assert_fails(project_copy, {(TREE, exact_line(path, "outcomes:"), "que-paso-topics")},
                 "no outcome sends the reader to the topic content/es/calor/index.md")


def test_broken_yaml_is_one_error_and_no_cascade(project_copy):
    """Not the 60 published addresses, nor the home page's link, nor each check: one message."""
    path = project_copy / TREE
    edit(path, "    contacts: [osha]\n", "    contacts: [osha\n", count=1)
    assert_fails(project_copy, {(TREE, exact_line(path, "    contacts: [osha"), "load")}, "never closed")


def test_an_unknown_field_is_one_error_with_the_right_name(project_copy):
    path = project_copy / TREE
    edit(path, "    urgent: true\n", "    urgnet: true\n", count=1)
    assert_fails(project_copy, {(TREE, line_of(path, "urgnet"), "load")},
                 "outcome 'lesion-grave' has an unknown field 'urgnet': did you mean 'urgent'?")


def test_a_missing_file_is_one_error(project_copy):
    (project_copy / TREE).unlink()
    assert_fails(project_copy, {(TREE, 1, "load")}, "file not found")


# The built pages -------------------------------------------------------------------------------

def built_pages(site: Path, tree: model.Tree):
    for prefix in ("", "en/"):
        for nid in list(tree.questions) + list(tree.outcomes):
            yield prefix, nid, site / prefix / model.address(nid, tree.start) / "index.html"


def test_every_page_is_small_and_has_the_path_links(built_site, tree):
    words = {"": ("Atrás", "Empezar de nuevo", "no guarda sus respuestas"), "en/": ("Back", "Start again", "does not keep your answers")}
    for prefix, nid, page in built_pages(built_site, tree):
        raw = page.read_bytes()
        assert len(gzip.compress(raw, 9)) <= MAX_GZIP, f"{page}: {len(gzip.compress(raw, 9))} bytes gzip"
        html = raw.decode("utf-8")
        back, restart, privacy = words[prefix]
        assert f">{back}</a>" in html and privacy in html, page
        if nid != tree.start:
            assert f">{restart}</a>" in html, page
        assert "<form" not in html, page
        assert f'<html lang="{"en" if prefix else "es"}"' in html


def test_the_switcher_leads_to_the_same_step(built_site, tree):
    for nid in list(tree.questions) + list(tree.outcomes):
        here = model.address(nid, tree.start)
        html = (built_site / here / "index.html").read_text(encoding="utf-8")
        up = "../" * here.count("/")
        assert f'href="{up}en/{here}"' in html, (nid, re.findall(r'hreflang[^>]+>', html))


def test_outcomes_call_their_contacts_and_urgent_ones_911_first(built_site, tree):
    proj = project.load(ROOT)
    for _prefix, nid, page in built_pages(built_site, tree):
        if nid not in tree.outcomes:
            continue
        outcome = tree.outcomes[nid]
        html = page.read_text(encoding="utf-8")
        article = html[html.index("<article"):]
        calls = re.findall(r'href="(tel:[^"]+)"', article)
        listed = re.findall(r'href="(tel:[^"]+)"', "".join(re.findall(r'<ul class="qp-calls">.*?</ul>', article, re.S)))
        for cid in outcome.contacts:
            assert proj.registry.get(cid).dial("phone").href in calls, (page, cid)
        if outcome.urgent:
            first_hotline = proj.registry.get(outcome.contacts[0]).dial("phone").href
            assert calls[:2] == ["tel:911", first_hotline], (page, calls[:3])
            assert article.index('class="qp-urgent"') < article.index("<h1")
        else:  # 911 only where a step says when to call it ("if you were attacked…"), never as a listed call
            assert "tel:911" not in listed, page
        for did in outcome.deadlines:
            assert f'href="{proj.deadlines.get(did).source}"' in article, (page, did)


def test_a_number_run_from_mexico_says_how_to_dial_it_from_mexico_in_every_call_list(built_site, tree):
    """'Ya regresé a México' leads to the CIAM, a US number: from a phone in Mexico it is dialled
    00 1 …, as its card says (core/phones.py); every outcome's list of whom to call says so too."""
    proj = project.load(ROOT)
    seen = 0
    for prefix, nid, page in built_pages(built_site, tree):
        if nid not in tree.outcomes:
            continue
        html = page.read_text(encoding="utf-8")
        listed = "".join(re.findall(r'<ul class="qp-calls">.*?</ul>', html[html.index("<article"):], re.S))
        listed = listed.replace("\u2011", "-").replace("\u00a0", " ")  # the kept-together number, as read
        for cid in tree.outcomes[nid].contacts:
            from_mx = proj.registry.get(cid).dial("phone").from_mx
            if from_mx:
                word = "from Mexico" if prefix else "desde México"
                assert f"({word}: {from_mx})" in listed, (page, cid)
                seen += 1
    assert seen >= 10  # the CIAM is on many answers, in both languages


def test_answers_are_plain_links_to_the_next_step(built_site, tree):
    for _prefix, nid, page in built_pages(built_site, tree):
        if nid not in tree.questions:
            continue
        html = page.read_text(encoding="utf-8")
        links = re.findall(r'<li><a href="([^"]+)">', html[html.index('class="qp-answers"'):])
        here = model.address(nid, tree.start)
        targets = [model.address(a.next, tree.start) for a in tree.questions[nid].answers]
        assert links == ["../" * here.count("/") + t for t in targets]


# The diagram -----------------------------------------------------------------------------------

def test_make_que_paso_graph_writes_one_dot_file_per_language(tmp_path, tree):
    result = run_cli(ROOT, "que-paso-graph", "--out", str(tmp_path))
    assert result.returncode == 0, result.stdout + result.stderr
    for lang in ("es", "en"):
        text = (tmp_path / f"que-paso-{lang}.dot").read_text(encoding="utf-8")
        assert text.startswith(f"digraph que_paso_{lang} {{")
        for nid in list(tree.questions) + list(tree.outcomes):
            assert f'"{nid}" [' in text
        edges = sum(len(q.answers) for q in tree.questions.values())
        assert text.count(" -> ") == edges
    assert "Me quitaron los papeles" in (tmp_path / "que-paso-es.dot").read_text(encoding="utf-8")
    assert "They took my papers" in (tmp_path / "que-paso-en.dot").read_text(encoding="utf-8")
    for lang in ("es", "en"):  # drawn for print by Graphviz, which make test installs (scripts/sysdeps.sh)
        assert (tmp_path / f"que-paso-{lang}.pdf").read_bytes().startswith(b"%PDF"), result.stdout


def test_without_dot_the_graph_says_how_to_install_it(tmp_path, monkeypatch):
    from scripts.core import project
    from scripts.quepaso import graph
    monkeypatch.setattr(graph.shutil, "which", lambda name: None)
    written, missing = graph.write(project.load(ROOT), tmp_path)
    assert [p.suffix for p in written] == [".dot", ".dot"] and "apt-get install graphviz" in missing


def test_the_graph_refuses_a_broken_tree(project_copy, tmp_path):
    edit(project_copy / TREE, "next: pago-h2b", "next: nada")
    result = run_cli(project_copy, "que-paso-graph", "--out", str(tmp_path / "out"))
    assert result.returncode == 1 and "'next: nada' names no question or outcome" in result.stdout
    assert not (tmp_path / "out").exists()


def test_the_path_is_linked_from_home_404_help_and_search(built_site):
    for prefix in ("", "en/"):
        home = (built_site / prefix / "index.html").read_text(encoding="utf-8")
        article = home[home.index("<article"):]
        # First screen: the link comes right after the title, before the first section.
        assert article.index('class="qp-start" href="que-paso/"') < article.index("<h2")
        missing = (built_site / prefix / "404.html").read_text(encoding="utf-8")
        assert re.search(rf'class="qp-start" href="[^"]*/{prefix}que-paso/"', missing)
        help_page = (built_site / prefix / "ayuda/index.html").read_text(encoding="utf-8")
        assert 'href="../que-paso/"' in help_page
        search = (built_site / prefix / "buscar/index.html").read_text(encoding="utf-8")
        none = search[search.index('id="search-none"'):]
        assert 'href="../que-paso/"' in none[:none.index("</div>")]


def test_a_retired_outcome_keeps_its_address_with_a_redirect(project_copy, tmp_path):
    """docs/que-paso.md: an id that was published is never just deleted."""
    from conftest import build_site
    path = project_copy / TREE
    edit(path, "next: pago-otro", "next: pago-general")
    edit(path, "  pago-otro:\n", "  pago-general:\n")
    checked = check(project_copy)
    assert checked.failed
    manifest = project_copy / "data/urls.txt"
    first = min(exact_line(manifest, "/que-paso/pago-otro/"), exact_line(manifest, "/en/que-paso/pago-otro/"))
    assert checked.records == {("data/urls.txt", first, "manifest"),  # one message for both languages
                               ("data/urls.txt", 1, "manifest")}, checked  # the new address is not yet listed
    assert "/en/que-paso/pago-otro/, /que-paso/pago-otro/ were published and are now broken" in checked.text
    redirects = project_copy / "data/redirects.yml"
    text = redirects.read_text(encoding="utf-8") if redirects.exists() else ""
    if "redirects:" not in text:
        text += "\nredirects:\n"
    redirects.write_text(text.rstrip("\n") + "\n  que-paso/pago-otro/: que-paso/pago-general/\n", encoding="utf-8")
    run_cli(project_copy, "urls")
    checked = check(project_copy)
    assert not checked.failed, checked
    site = build_site(project_copy, tmp_path / "site")
    for prefix in ("", "en/"):
        assert 'url=../pago-general/' in (site / prefix / "que-paso/pago-otro/index.html").read_text(encoding="utf-8")


def test_a_number_typed_in_a_step_is_caught_and_a_phone_tag_becomes_a_call(project_copy, tmp_path):
    path = project_copy / TREE
    edit(path, "        - Llame a WHD pronto. La ley de salarios", "        - Llame a WHD pronto al 1 (866) 487-9243. La ley de salarios")
    edit(path, "        - Call the NLRB soon.\n", "        - Call the NLRB soon at [[contact:nlrb]].\n")
    assert_fails(project_copy, {(TREE, line_of(path, "487-9243"), "que-paso-numbers"),
                                (TREE, line_of(path, "[[contact:nlrb]]"), "que-paso-numbers")},
                 "the number '1 (866) 487-9243' is typed by hand")


def test_911_in_a_step_is_a_one_tap_call(built_site):
    html = (built_site / "que-paso/lesion-grave/index.html").read_text(encoding="utf-8")
    steps = html[html.index('class="qp-steps"'):]
    assert steps[:steps.index("</ol>")].count('href="tel:911"') == 1
    assert "[[" not in html
