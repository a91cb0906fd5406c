"""Spanish for everyone (issue 26): the guided path speaks to the reader as `usted` without assuming
a man. Its questions and outcome titles never use the masculine object pronoun for the reader
("¿Por qué cree que lo castigaron?", "Lo acosan sexualmente"); they say "le" ("le castigaron",
"Le acosan"), which Spanish accepts for usted, a man or a woman, or a neutral wording.

"lo que …" ("what …") is not a pronoun for a person and stays allowed."""
from __future__ import annotations

import re

import pytest

from conftest import ROOT
from scripts.core import quepaso

# "lo"/"los" as a word, but not "lo que"/"los que"; or attached to a verb ("castigarlo", "Llévelo",
# "dejándolos").
MASCULINE_OBJECT = re.compile(r"\b[Ll]os?\b(?!\s+que\b)|\b\w+(?:[aeií]r|ndo|[áéí]\w*[aeo])los?\b")


def masculine(text: str) -> list[str]:
    return [match.group(0) for match in MASCULINE_OBJECT.finditer(text)]


@pytest.mark.parametrize("text", ["¿Por qué cree que lo castigaron?", "Lo acosan sexualmente",
                                  "Le quitaron sus papeles o no lo dejan irse", "¿Por qué cree que los tratan mal?",
                                  "Quieren despedirlo", "Llévelo a la sombra", "Siguen vigilándolos"])
def test_the_rule_finds_the_masculine_pronoun(text):
    assert masculine(text), text


@pytest.mark.parametrize("text", ["¿Por qué cree que le castigaron?", "Le acosan sexualmente", "Apunte lo que pasó",
                                  "Le quitaron sus papeles o no le dejan irse", "Hace mucho calor", "Un peligro en su trabajo",
                                  "Le amenazan con despedirle o castigarle", "Visa H-2A (trabajo del campo)"])
def test_the_rule_leaves_other_words_alone(text):
    assert not masculine(text), text


def test_the_path_questions_and_titles_do_not_assume_the_reader_is_a_man():
    tree = quepaso.load(ROOT)
    found = []
    for question in tree.questions.values():
        found += [(question.id, word) for word in masculine(question.text.get("es", ""))]
    for outcome in tree.outcomes.values():
        found += [(outcome.id, word) for word in masculine(outcome.title.get("es", ""))]
    assert tree.questions and tree.outcomes
    assert not found, f"data/que-paso.yml: use 'le' (le castigaron, le acosan) or a neutral wording: {found}"
