"""A maintainer's slips (issue 14): each one gives exactly one message, in plain words, at the
line to edit, and never a traceback. Each test breaks a copy of the real project."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from conftest import EN_WAGES, ES_WAGES, REGISTRY, ROOT, check_project, copy_about_page_to, edit, line_of, run_cli, set_line
from scripts.core import contacts

SUMMARY = re.compile(r"^check: ")


def printed(root: Path) -> tuple[int, list[str]]:
    """Exit code and the problem lines `make check` prints (no summary, no info lines)."""
    result = run_cli(root, "check")
    lines = [l for l in result.stdout.splitlines() if l.strip() and not SUMMARY.match(l) and ": info: " not in l]
    return result.returncode, lines


def only_problem(root: Path, where: tuple[str, int, str]):
    """The one error a slip gives, in process: at (path, line, check id). Returns it, for its words."""
    checked = check_project(root)
    assert checked.failed, checked
    assert checked.records == {where}, checked
    return next(p for p in checked.problems if p.severity != "info")


# Item 5: an impossible date is a plain message at its line, not an internal error.
@pytest.mark.parametrize("path, prefix, new, words", [
    (ES_WAGES, "reviewed:", "reviewed: 2026-11-31", "'2026-11-31' is not a real date (November 2026 has 30 days)"),
    (REGISTRY, "    checked:", "    checked: 2026-02-30", "'2026-02-30' is not a real date (February 2026 has 28 days)"),
    (ES_WAGES, "reviewed:", "reviewed: 2026-13-01", "there is no month 13"),
])
def test_impossible_date_is_one_plain_message(project_copy: Path, path, prefix, new, words):
    line = set_line(project_copy / path, prefix, new)
    message = only_problem(project_copy, (path, line, "load")).message
    assert words in message and "internal error" not in message


# Item 7: YAML slips said for people, on the line to edit.
@pytest.mark.parametrize("path, old, new, at, words", [
    # a missing colon: the parser notices a line late; the message names the line with the slip
    (ES_WAGES, "title: Salarios", "title Salarios", "title Salarios", "this line needs a colon after the key: write 'title: …'"),
    (ES_WAGES, "description: Cuánto", "description: Ojo: Cuánto", "description: Ojo", "text that contains ': ' must be in quotes"),
    (ES_WAGES, "\nreviewed:", "\n\treviewed:", "reviewed:", "use spaces, not a tab"),
    (REGISTRY, "    group: us\n    name:", "    group: us\n\tname:", "\tname:", "use spaces, not a tab"),
    (ES_WAGES, "title: Salarios y horas de trabajo", 'title: "Salarios y horas de trabajo', "title:", "a quote opened on this line is never closed"),
    (ES_WAGES, "title: Salarios y horas de trabajo", "title: *Salarios* y horas", "title:", "cannot start with '*'"),
])
def test_yaml_slip_in_plain_words_at_its_line(project_copy: Path, path, old, new, at, words):
    edit(project_copy / path, old, new)
    line = line_of(project_copy / path, at)
    message = only_problem(project_copy, (path, line, "load")).message
    assert words in message, message
    for jargon in ("mapping values", "token", "scalar", "YAML syntax"):
        assert jargon not in message


def test_quoted_date_says_remove_the_quotes(project_copy: Path):
    line = set_line(project_copy / ES_WAGES, "reviewed:", 'reviewed: "2026-11-23"')
    assert "remove the quotes" in only_problem(project_copy, (ES_WAGES, line, "front-matter")).message


def test_quoted_checked_date_in_registry_says_remove_the_quotes(project_copy: Path):
    line = set_line(project_copy / REGISTRY, "    checked:", '    checked: "2026-11-23"')
    assert "remove the quotes" in only_problem(project_copy, (REGISTRY, line, "registry")).message


# Item 6: one YAML slip, one message: checks that need the unreadable file say nothing.
def test_missing_colon_in_a_page_with_a_flyer_gives_one_message(project_copy: Path):
    """The command line too: one line printed, exit code 1, no traceback (run_cli asserts it)."""
    edit(project_copy / ES_WAGES, "title: Salarios", "title Salarios")
    code, lines = printed(project_copy)
    assert code == 1 and len(lines) == 1, lines
    assert lines[0].startswith(f"{ES_WAGES}:2: this line needs a colon"), lines


def test_three_space_indent_in_registry_gives_one_message(project_copy: Path):
    edit(project_copy / REGISTRY, '    phone: "+18664879243"', '   phone: "+18664879243"')
    line = line_of(project_copy / REGISTRY, '   phone: "+18664879243"')
    message = only_problem(project_copy, (REGISTRY, line, "load")).message
    assert message.startswith("this line starts with 3 space(s)") and "line it up" in message, message


def test_broken_english_flyer_page_gives_one_message(project_copy: Path):
    edit(project_copy / EN_WAGES, "  title: Your rights about pay", "  title Your rights about pay")
    line = line_of(project_copy / EN_WAGES, "  title Your rights")
    assert only_problem(project_copy, (EN_WAGES, line, "load")).message.startswith("this line needs a colon")


# Item 9: `make urls` records nothing while `make check` has errors.
def test_urls_refuses_while_there_are_errors(project_copy: Path):
    manifest = project_copy / "data/urls.txt"
    before = manifest.read_text(encoding="utf-8")
    registry = project_copy / REGISTRY
    line = set_line(registry, "    group: us", "    group: usa")  # the first contact's group
    first = next(iter(contacts.load(ROOT).contacts))
    result = run_cli(project_copy, "urls")
    assert result.returncode == 1
    assert f"{REGISTRY}:{line}: contact '{first}': 'group:' must be one of" in result.stdout
    assert "nothing was added to data/urls.txt" in result.stdout
    assert manifest.read_text(encoding="utf-8") == before


def test_urls_adds_a_new_page_once_the_project_is_clean(project_copy: Path):
    copy_about_page_to(project_copy, "nuevo")
    result = run_cli(project_copy, "urls")
    assert result.returncode == 0, result.stdout
    assert "/nuevo/" in (project_copy / "data/urls.txt").read_text(encoding="utf-8")


# Item 8: what only the engine found before is found by `make check`, with file and line;
# the build shows the engine's own messages whole.
def test_page_missing_from_the_menu_is_found_by_check(project_copy: Path):
    copy_about_page_to(project_copy, "nuevo", menu=False)
    checked = check_project(project_copy)
    # one message for the page in both languages, at the Spanish one, naming the English file
    assert checked.errors == {("content/es/nuevo/index.md", 1, "menu")}, checked
    assert "add the line '  - nuevo/index.md' under 'nav:' in mkdocs.yml" in checked.text
    assert "(and content/en/nuevo/index.md)" in checked.text


def test_menu_line_naming_no_page_is_found_by_check(project_copy: Path):
    edit(project_copy / "mkdocs.yml", "  - acerca/index.md\n", "  - acerca/index.md\n  - acercaa/index.md\n")
    line = line_of(project_copy / "mkdocs.yml", "acercaa/index.md")
    message = only_problem(project_copy, ("mkdocs.yml", line, "menu")).message
    assert message.startswith("the menu names 'acercaa/index.md', which is not a page"), message


def test_link_to_a_missing_section_is_found_by_check_with_its_line(project_copy: Path):
    page = project_copy / EN_WAGES
    text = page.read_text(encoding="utf-8")
    target = re.search(r"\]\((\.\./represalias/index\.md)#(\w+)\)", text)
    assert target, "the English wages page links to a section of the retaliation page"
    edit(page, target.group(0), f"]({target.group(1)}#{target.group(2)}x)")
    line = line_of(page, f"#{target.group(2)}x)")
    message = only_problem(project_copy, (EN_WAGES, line, "links")).message
    assert message.startswith(f"the link '../represalias/index.md#{target.group(2)}x' names the section"), message
    assert f"#{target.group(2)}" in message.split("names")[1]  # the ids it does have are listed


def test_link_to_a_missing_page_is_found_by_check(project_copy: Path):
    page = project_copy / EN_WAGES
    edit(page, "../represalias/index.md#", "../represalia/index.md#")
    line = line_of(page, "../represalia/index.md#")
    checked = check_project(project_copy)
    assert checked.failed
    assert checked.errors == {(EN_WAGES, line, "links")}, checked
    assert "the link '../represalia/index.md#" in checked.text and "leads to no page" in checked.text


def test_heading_without_an_id_can_be_linked_by_its_words(project_copy: Path):
    page = project_copy / EN_WAGES
    edit(page, "Call WHD at [[phone:whd]].", "Call WHD at [[phone:whd]]. See [below](#more-about-your-pay).\n\n"
                                             "## More about your pay\n\nText.")
    assert check_project(project_copy).errors == set()


def test_build_shows_the_engines_message_whole(project_copy: Path):
    """The engine's list of pages missing from the menu reaches the maintainer in full."""
    from scripts.website import engine
    copy_about_page_to(project_copy, "nuevo", menu=False)
    run = engine.build(project_copy, project_copy / "out")
    assert not run.ok
    shown = "\n".join(run.messages)
    assert "not included in the \"nav\" configuration" in shown
    assert "es/nuevo/index.md" in shown and "en/nuevo/index.md" in shown, shown
    assert "Traceback" not in shown


@pytest.mark.parametrize("path, key", [("mkdocs.yml", "site_name:"), ("data/checks.yml", "max_age_months:")])
def test_missing_colon_at_the_top_of_a_settings_file_is_one_message(project_copy: Path, path, key):
    """The parser notices lines later; the checks that use the file's settings wait for the fix."""
    line = line_of(project_copy / path, key)
    edit(project_copy / path, key, key.rstrip(":"))
    # no warnings either (the allowlist is in checks.yml)
    message = only_problem(project_copy, (path, line, "load")).message
    assert message.startswith(f"this line needs a colon after the key: write '{key} …'"), message


def test_a_flyer_block_removed_from_one_language_is_one_message(project_copy: Path):
    """The twin's missing flyer block is the one cause: the six PDFs it stops making are not
    listed again as broken published addresses (their fix is the same: put the block back)."""
    page = project_copy / "content/en/calor/index.md"
    text = page.read_text(encoding="utf-8")
    start = text.index("flyer:")
    end = text.index("\n", text.index("contacts:", start)) + 1
    page.write_text(text[:start] + text[end:], encoding="utf-8")
    checked = check_project(project_copy)
    assert checked.records == {("content/en/calor/index.md", 2, "flyer-parity")}, checked
    assert "has a 'flyer:' block but this page does not" in checked.text


@pytest.mark.parametrize("written, meant", [
    ("/en/represalias/", "../represalias/index.md"),          # the address a browser shows, copied
    ("/en/represalias/#plazos", "../represalias/index.md#plazos"),
    ("../represalias/", "../represalias/index.md"),           # relative, without the file
    ("../represalias", "../represalias/index.md"),
    ("/en/estados/tx/", "../estados/tx/index.md"),            # a page made from data/states.yml
    ("/en/", "../index.md"),
])
def test_a_link_written_as_a_web_address_is_one_error_naming_the_file(project_copy: Path, written, meant):
    """A web address breaks under a consulate's /derechos/, and in the printed guide: the file's name."""
    page = project_copy / EN_WAGES
    line = line_of(page, "Call WHD at [[phone:whd]].")
    edit(page, "Call WHD at [[phone:whd]].", f"Call WHD at [[phone:whd]]. See [this page]({written}).")
    message = only_problem(project_copy, (EN_WAGES, line, "links")).message
    assert message.startswith(f"the link '{written}' is the page's web address: write its file instead: ({meant})"), message


@pytest.mark.parametrize("written", ["/represalias/", "../../es/represalias/index.md", "../../es/represalias/"])
def test_a_link_to_the_other_language_says_the_language_button_does_that(project_copy: Path, written):
    page = project_copy / EN_WAGES
    line = line_of(page, "Call WHD at [[phone:whd]].")
    edit(page, "Call WHD at [[phone:whd]].", f"Call WHD at [[phone:whd]]. See [Spanish]({written}).")
    message = only_problem(project_copy, (EN_WAGES, line, "links")).message
    assert "leads to a page in another language ('es')" in message and "(../represalias/index.md)" in message, message


def test_a_link_to_a_file_or_a_folder_the_site_lacks_is_not_a_page_address(project_copy: Path):
    page = project_copy / EN_WAGES
    edit(page, "Call WHD at [[phone:whd]].", "Call WHD at [[phone:whd]]. See [the flyer](/flyers/salarios-en-letter.pdf).")
    assert not check_project(project_copy).of("links")
