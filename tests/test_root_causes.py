"""One message per root cause, listing where it is used: a deleted contact named on dozens of
pages, a renamed topic (pages, sections, flyers, menu, links, the guided path), a redirect or a
menu slip in both languages."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import EN_WAGES, REGISTRY, assert_site_kept, check_project, copy_about_page_to, edit, exact_line

REDIRECTS = "data/redirects.yml"


def delete_contact(root, cid: str) -> None:
    path = root / REGISTRY
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(rf"\n  {cid}:\n(?:    .*\n)*", "\n", text, count=1), encoding="utf-8")


def errors(checked) -> list:
    return [p for p in checked.problems if p.severity == "error"]


@pytest.mark.parametrize("cid", ["osha", "whd", "trafficking", "profedet"])
def test_a_deleted_contact_is_one_message_naming_every_place(project_copy, cid):
    delete_contact(project_copy, cid)
    checked = check_project(project_copy)
    found = errors(checked)
    assert len(found) == 1 and found[0].check == "contact-ids", checked
    message = found[0].message
    assert "names no contact" in message and "it is also named at" in message
    assert f"/contactos/{cid}.vcf" in message  # what was published under the id, and the redirect to keep it


def test_an_id_misspelt_once_is_one_message_without_a_list(project_copy):
    edit(project_copy / EN_WAGES, "[[phone:whd]]", "[[phone:whdd]]")
    found = errors(check_project(project_copy))
    assert len(found) == 1 and "did you mean 'whd'?" in found[0].message and "also named" not in found[0].message


def move_topic(root, old: str, new: str) -> None:
    """A topic folder renamed in both languages, nothing else changed (the slip)."""
    for lang in ("es", "en"):
        shutil.move(root / "content" / lang / old, root / "content" / lang / new)


@pytest.mark.parametrize("old, new", [("salarios", "pagos"), ("calor", "calor-extremo"), ("acerca", "sobre")])
def test_a_renamed_topic_is_one_message(project_copy, old, new):
    move_topic(project_copy, old, new)
    checked = check_project(project_copy)
    found = errors(checked)
    assert len(found) == 1 and found[0].check == "manifest", checked
    assert f"'  {old}/: {new}/'" in found[0].message  # the redirect line, with the new folder guessed
    if old != "acerca":
        assert "mkdocs.yml" in found[0].message and "(menu)" in found[0].message


def test_after_the_redirect_the_message_lists_what_still_names_the_old_path(project_copy):
    move_topic(project_copy, "salarios", "pagos")
    edit(project_copy / REDIRECTS, "redirects:\n", "redirects:\n  salarios/: pagos/\n")
    found = errors(check_project(project_copy))
    assert found and all(p.check in ("menu", "links", "que-paso-outcomes") for p in found)  # now each place, by itself


def test_a_redirect_to_nothing_is_one_message_for_both_languages(project_copy):
    edit(project_copy / REDIRECTS, "redirects:\n", "redirects:\n  viejo/: no-existe/\n")
    found = errors(check_project(project_copy))
    assert [(p.path, p.line) for p in found] == [(REDIRECTS, exact_line(project_copy / REDIRECTS, "  viejo/: no-existe/"))]
    assert "'es' and 'en'" in found[0].message


def test_a_page_missing_from_the_menu_is_one_message_for_both_languages(project_copy):
    copy_about_page_to(project_copy, "equipo", menu=False)
    checked = check_project(project_copy)
    menu = [p for p in checked.problems if p.check == "menu"]
    assert [(p.path, p.line) for p in menu] == [("content/es/equipo/index.md", 1)], checked
    assert "content/en/equipo/index.md" in menu[0].message


def test_the_site_is_not_rebuilt(project_copy):
    delete_contact(project_copy, "osha")
    assert_site_kept(project_copy, "names no contact")
