"""A bilingual flyer prints every field in both languages: the labels and the words of each help
line (the hours), not only the Spanish ones."""
from __future__ import annotations

import re

import pytest

from scripts.core import project
from scripts.flyers import model
from scripts.flyers.layout import Layout

from conftest import REGISTRY, ROOT, copy_project, edit


def bilingual_html(proj, topic) -> str:
    html, _ = Layout.create().flyer([topic.texts[lang] for lang in proj.strict_languages], proj.strings)
    return html


def printed_words(proj):
    """(topic, contact, row key, Spanish words, English words) for each help line's row in words."""
    for topic in model.topics(proj):
        english = {c.id: {row.key: row for row in c.rows} for c in topic.texts["en"].contacts}
        for contact in topic.texts["es"].contacts:
            for row in contact.rows:
                twin = english[contact.id].get(row.key)
                if not row.number and twin and twin.value != row.value:
                    yield topic, contact.id, row.key, row.value, twin.value


def test_the_real_flyers_print_the_hours_in_both_languages():
    proj = project.load(ROOT)
    found = list(printed_words(proj))
    assert any(key == "hours" for _, _, key, _, _ in found)  # the trafficking hotline's hours, at least
    for topic, contact, key, spanish, english in found:
        html = bilingual_html(proj, topic)
        assert spanish in html and english in html, (topic.folder, contact, key)


@pytest.mark.parametrize("spanish, english", [("de lunes a viernes, de 8 a 17 h", "Monday to Friday, 8 a.m. to 5 p.m.")])
def test_a_new_hours_line_is_printed_in_both(tmp_path, spanish, english):
    root = copy_project(tmp_path / "project")
    edit(root / REGISTRY, '    phone: "+18003216742"\n', f'    phone: "+18003216742"\n    hours:\n      es: {spanish}\n'
         f'      en: {english}\n')
    proj = project.load(root)
    topic = next(t for t in model.topics(proj) if any(c.id == "osha" for c in t.texts["es"].contacts))
    html = bilingual_html(proj, topic)
    line = re.search(r'<p class="contact-more">[^<]*' + re.escape(spanish) + r"[^<]*</p>", html).group(0)
    assert english in line and line.index(spanish) < line.index(english)  # Spanish first, on the same line
