"""Published addresses NGOs keep besides pages and flyers: each contact's vCard and contacts.json
entry (renaming a contact id would remove them) and each section id (renaming one in both
languages would break /page/#section). They are listed by make urls; losing one is one error with
the fix: a redirect line for a renamed contact, keeping the id (or an anchor) for a section."""
from __future__ import annotations

import json
import re
import subprocess

import pytest

from scripts.core import project
from scripts.website import exports

from conftest import EN_WAGES, ES_WAGES, REGISTRY, ROOT, assert_fails, assert_site_kept, check_project, edit, exact_line, run_cli

MANIFEST = "data/urls.txt"
REDIRECTS = "data/redirects.yml"


def listed(root) -> list[str]:
    return [line for line in (root / MANIFEST).read_text(encoding="utf-8").splitlines() if line.startswith("/")]


def test_make_urls_lists_vcards_json_entries_and_sections():
    urls = listed(ROOT)
    assert {"/contactos/whd.vcf", "/en/contactos/whd.vcf", "/contacts.json#whd",
            "/salarios/#horas-extra", "/en/salarios/#horas-extra"} <= set(urls)


def rename_contact(root, old: str, new: str) -> None:
    """Rename an id in the registry and everywhere it is named, as a careful maintainer would."""
    subprocess.run(["sed", "-i", f"s/^  {old}:$/  {new}:/", str(root / REGISTRY)], check=True)
    for path in [*root.glob("content/**/*.md"), root / "data/que-paso.yml", root / "data/deadlines.yml"]:
        text = path.read_text(encoding="utf-8")
        word = rf"(?<![\w-]){old}(?![\w-])"  # the id, not 'represalia-osha' (an outcome's own id)
        if re.search(word, text):
            path.write_text(re.sub(word, new, text), encoding="utf-8")


@pytest.mark.parametrize("old, new", [("whd", "wage_hour"), ("osha", "osha_quejas"), ("eeoc", "eeoc_quejas")])
def test_a_renamed_contact_breaks_its_published_vcard_in_one_message(project_copy, old, new):
    rename_contact(project_copy, old, new)
    first = min(exact_line(project_copy / MANIFEST, a) for a in (f"/contactos/{old}.vcf", f"/en/contactos/{old}.vcf",
                                                                   f"/contacts.json#{old}"))
    checked = assert_fails(project_copy, {(MANIFEST, first, "manifest"), (MANIFEST, 1, "manifest")},  # and the new id's: a warning
                           f"contact '{old}' is no longer in data/contacts.yml", only="manifest")
    assert f"/contactos/{old}.vcf, /contacts.json#{old}, /en/contactos/{old}.vcf were published" in checked.text
    assert f"'  contactos/{old}.vcf: contactos/NEW-ID.vcf'" in checked.text


def test_the_redirect_line_keeps_the_vcard_and_the_json_entry(project_copy, tmp_path):
    rename_contact(project_copy, "whd", "wage_hour")
    edit(project_copy / REDIRECTS, "redirects:\n", "redirects:\n  contactos/whd.vcf: contactos/wage_hour.vcf\n")
    assert not check_project(project_copy).of("manifest") - {(MANIFEST, 1, "manifest")}  # new addresses: a warning
    assert not check_project(project_copy).failed
    site = tmp_path / "site"
    assert exports.export(project.load(project_copy), site) == []
    for folder in ("contactos", "en/contactos"):
        old, new = (site / folder / "whd.vcf").read_text(encoding="utf-8"), (site / folder / "wage_hour.vcf").read_text(encoding="utf-8")
        assert old == new
    assert json.loads((site / "contacts.json").read_text(encoding="utf-8"))["renamed"] == {"whd": "wage_hour"}


@pytest.mark.parametrize("line, words", [
    ("contactos/viejo.vcf: contactos/nadie.vcf", "is the vCard of no contact"),   # the new id does not exist
    ("contactos/osha.vcf: contactos/whd.vcf", "contact 'osha' is still in data/contacts.yml"),  # hides a live one
    ("contactos/whd.vcf: salarios/", "leads only to another contact's vCard"),
])
def test_a_wrong_contact_redirect_is_one_error(project_copy, line, words):
    edit(project_copy / REDIRECTS, "redirects:\n", f"redirects:\n  {line}\n")
    checked = check_project(project_copy)
    assert checked.failed and words in checked.text, checked
    assert [p.line for p in checked.problems if p.severity == "error"] == [exact_line(project_copy / REDIRECTS, f"  {line}")]


def test_a_contact_made_local_leaves_contacts_json(project_copy):
    edit(project_copy / REGISTRY, "  nlrb:\n    group: us\n", "  nlrb:\n    scope: local\n    group: us\n")
    checked = check_project(project_copy)
    assert (MANIFEST, exact_line(project_copy / MANIFEST, "/contacts.json#nlrb"), "manifest") in checked.errors, checked
    assert "lists only national contacts" in checked.text


@pytest.mark.parametrize("section", ["horas-extra", "queja", "minimo"])
def test_a_section_id_renamed_in_both_languages_is_one_error(project_copy, section):
    for path in (ES_WAGES, EN_WAGES):
        edit(project_copy / path, f"{{#{section}}}", "{#otro-nombre}")
    first = min(exact_line(project_copy / MANIFEST, f"/salarios/#{section}"), exact_line(project_copy / MANIFEST, f"/en/salarios/#{section}"))
    checked = assert_fails(project_copy, {(MANIFEST, first, "manifest"), (MANIFEST, 1, "manifest")},  # the new id: a warning
                           f"has the id '{section}' any more", only="manifest")
    errors = [p for p in checked.problems if p.severity == "error"]
    assert len(errors) == 1, checked  # not also the links, phrases or guided-path lines that name it: listed there
    assert "Keep the id" in errors[0].message


def test_an_anchor_keeps_a_section_that_moved_under_another_heading(project_copy):
    for path in (ES_WAGES, EN_WAGES):
        edit(project_copy / path, "{#horas-extra}", "{#tiempo-extra}")
        edit(project_copy / path, "## ", '<span id="horas-extra"></span>\n\n## ', 1)
    assert not check_project(project_copy).of("manifest") - {(MANIFEST, 1, "manifest")}


def test_a_section_renamed_in_one_language_is_the_twin_check(project_copy):
    edit(project_copy / EN_WAGES, "{#horas-extra}", "{#overtime}")
    assert not check_project(project_copy).of("manifest")


def test_make_urls_records_a_new_section(project_copy):
    edit(project_copy / ES_WAGES, "\n## ", "\n## Nueva sección {#nueva}\n\nTexto.\n\n## ", 1)
    edit(project_copy / EN_WAGES, "\n## ", "\n## New section {#nueva}\n\nText.\n\n## ", 1)
    assert "added /salarios/#nueva" in run_cli(project_copy, "urls").stdout


def test_the_site_is_not_rebuilt(project_copy):
    rename_contact(project_copy, "whd", "wage_hour")
    assert_site_kept(project_copy, "contact 'whd' is no longer in data/contacts.yml")
