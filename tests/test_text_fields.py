"""Every text field of every data file (and of a page's front matter) is read as text: YAML's yes/no,
on/off, true/false, numbers such as 12:30 and dates where words are expected are one error at
their line, with the quotes to add; the site would otherwise show "False", "True" or "750"."""
from __future__ import annotations

import pytest

from conftest import ES_WAGES, REGISTRY, assert_fails, assert_site_kept, check_project, edit, exact_line, line_of

TREE = "data/que-paso.yml"
ANSWER = "      - es: Me lastimé o me enfermé por el trabajo\n        en: I got hurt or sick from work"
STEP = "        - Cuando pueda, avise a su patrón por escrito que pasó en el trabajo."
RIGHT = "    - Le deben pagar por cada hora que trabaja."


@pytest.mark.parametrize("path, old, new, at, words", [
    (TREE, ANSWER, '      - es: No\n        en: "No"', "- es: No", 'es: "No"'),          # the example
    (TREE, ANSWER, "      - es: Sí\n        en: yes", "en: yes", 'en: "yes"'),
    (TREE, ANSWER + "\n        next: lesion", '      - {es: No, en: "No", next: lesion}', "{es: No", 'es: "No"'),  # braces
    (TREE, STEP, "        - Off", "- Off", '- "Off"'),                                       # a step
    (REGISTRY, '    vanity: 1-866-4-USWAGE', '    vanity: 1-866-4-USWAGE\n    hours:\n      es: 9:30\n      en: "9:30"',
     "es: 9:30", 'es: "9:30"'),                                                             # 12:30 reads as a number
    ("data/deadlines.yml", "    text:\n      es:", "    text:\n      es: 2026-12-01\n      xx:", "es: 2026-12-01", "a date"),
    ("data/strings/es.yml", "hours: Horario", "hours: NO", "hours: NO", 'hours: "NO"'),
    (ES_WAGES, "title: Salarios y horas de trabajo", "title: No", "title: No", 'title: "No"'),
    (ES_WAGES, RIGHT, "    - Yes", "    - Yes", '- "Yes"'),                                 # a flyer's printed words
    (ES_WAGES, "    - me pagan menos de lo que dijeron", "    - 911", "    - 911", '- "911"'),  # a phrase
])
def test_a_value_that_is_not_text_is_one_error_with_its_quotes(project_copy, path, old, new, at, words):
    edit(project_copy / path, old, new)
    line = line_of(project_copy / path, at)
    assert_fails(project_copy, {(path, line, "text-fields")}, words, only="text-fields")


def test_the_real_data_is_all_text():
    from conftest import ROOT
    assert not check_project(ROOT).of("text-fields")


def test_docs_say_to_quote_yes_and_no():
    from conftest import ROOT
    assert '"No"' in (ROOT / "docs/que-paso.md").read_text(encoding="utf-8")


def test_the_site_is_not_rebuilt(project_copy):
    edit(project_copy / TREE, ANSWER, '      - es: No\n        en: "No"')
    assert_site_kept(project_copy, "is read as a yes-or-no value")


@pytest.mark.parametrize("lang_line", ["        - Vaya al médico y diga que fue en el trabajo.",
                                       "        - See a doctor and say it happened at work."])
def test_a_step_with_a_colon_is_named_not_dropped(project_copy, lang_line):
    # '- Vaya al médico: diga …' is a pair to YAML: the step vanished from the page in silence,
    # in both languages at once (their step counts still agreed).
    tree = project_copy / "data/que-paso.yml"
    for line in ("        - Vaya al médico y diga que fue en el trabajo.", "        - See a doctor and say it happened at work."):
        edit(tree, line, line.replace(" y diga", ": diga").replace(" and say", ": say"))
    broken = lang_line.replace(" y diga", ": diga").replace(" and say", ": say")
    checked = check_project(project_copy)
    assert checked.failed
    assert ("data/que-paso.yml", exact_line(tree, broken), "load") in checked.records, checked
    assert f'put the whole step in double quotes: - "{broken.strip()[2:]}"' in checked.text, checked
