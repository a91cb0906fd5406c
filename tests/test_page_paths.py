"""A page's folder and file names become its address for good: lower-case letters, digits and
hyphens only, one message per path (not one per language), and no "run make urls" for it."""
from __future__ import annotations

import pytest

from conftest import assert_fails, assert_site_kept, check_project, copy_about_page_to, edit


@pytest.mark.parametrize("folder, name, good", [
    ("Mis Derechos", "'Mis Derechos'", "mis-derechos/index.md"),   # a space and capitals
    ("mis_derechos", "'mis_derechos'", "mis-derechos/index.md"),   # an underscore
    ("Salud", "'Salud'", "salud/index.md"),                         # one capital
    ("niños", "'niños'", "ninos/index.md"),                         # an accent
    ("calor-", "'calor-'", "calor/index.md"),                       # a hyphen left at the end
])
def test_a_folder_name_outside_the_rule_is_one_error(project_copy, folder, name, good):
    copy_about_page_to(project_copy, folder)
    checked = assert_fails(project_copy, {(f"content/es/{folder}/index.md", 1, "page-paths")}, f"the name {name}",
                           only="page-paths")
    assert f"content/<language>/{good}" in checked.text
    assert "not yet listed" not in checked.text  # no 'make urls' for an address that must change


def test_a_file_name_counts_too(project_copy):
    for lang in ("es", "en"):
        about = project_copy / f"content/{lang}/acerca/index.md"
        (about.parent / "Equipo.md").write_text(about.read_text(encoding="utf-8"), encoding="utf-8")
    edit(project_copy / "mkdocs.yml", "  - acerca/index.md\n", "  - acerca/index.md\n  - acerca/Equipo.md\n")
    assert_fails(project_copy, {("content/es/acerca/Equipo.md", 1, "page-paths")}, "acerca/equipo.md", only="page-paths")


def test_good_names_pass(project_copy):
    copy_about_page_to(project_copy, "derechos-2")
    assert not check_project(project_copy).of("page-paths")


def test_the_site_is_not_rebuilt(project_copy):
    copy_about_page_to(project_copy, "Mis Derechos")
    assert_site_kept(project_copy, "would be part of the page's address for good")


def test_a_misnamed_new_page_is_one_error_that_does_not_name_the_old_name_again(project_copy):
    """A topic page copied in one language under a bad name, not yet in the menu: a twin, a menu
    line and a guided-path outcome would each be asked for under the name that must go. Only the
    rename is asked for, and where to list the new name."""
    topic = project_copy / "content/es/h2b/index.md"
    (topic.parent / "Otra Página.md").write_text(topic.read_text(encoding="utf-8"), encoding="utf-8")
    checked = check_project(project_copy)
    assert checked.errors == {("content/es/h2b/Otra Página.md", 1, "page-paths")}, checked
    assert "then list it in mkdocs.yml's nav: as h2b/otra-pagina.md" in checked.text
    assert "Otra Página.md'" not in checked.text and "Otra Página.md#" not in checked.text  # never advised as a name to use


def test_a_misnamed_page_in_the_menu_names_its_menu_line(project_copy):
    copy_about_page_to(project_copy, "Mis Derechos")
    line = (project_copy / "mkdocs.yml").read_text(encoding="utf-8").split("\n").index("  - Mis Derechos/index.md") + 1
    checked = assert_fails(project_copy, {("content/es/Mis Derechos/index.md", 1, "page-paths")}, only="page-paths")
    assert f"its line in mkdocs.yml's nav: (line {line}) to mis-derechos/index.md" in checked.text
