"""More languages: a folder, an entry in mkdocs.yml and a strings file, nothing else.

Spanish and English keep strict parity; a further language reports its coverage and shows the
Spanish page, with a notice in its own words, where a page is not translated yet."""
from __future__ import annotations

import html
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build_site, check_project, edit, line_of, run_cli
from scripts.bench import measure

ENTRY_AFTER = "          name: English\n"
MIXTECO = """        - locale: mix
          name: Tu'un savi
          build: true
          theme:
            language: es
"""
NOTICE = "Tu'un savi: página tiempu ña kúu (prueba)."


def add_language(root: Path, entry: str = MIXTECO, pages: tuple[str, ...] = ("index.md",), words: bool = True) -> None:
    """What docs/translating.md asks of a maintainer: folder, mkdocs.yml entry, strings file."""
    lines = (root / "mkdocs.yml").read_text(encoding="utf-8").split("\n")
    after = lines.index(ENTRY_AFTER.rstrip("\n")) + 1
    while lines[after].startswith(" " * 10):  # the rest of the English entry
        after += 1
    lines[after:after] = entry.rstrip("\n").split("\n")
    (root / "mkdocs.yml").write_text("\n".join(lines), encoding="utf-8")
    for rel in pages:
        target = root / "content/mix" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        source = (root / "content/es" / rel).read_text(encoding="utf-8")
        target.write_text(source.replace("# ", "# (mix) ", 1), encoding="utf-8")
    if words:
        es = re.sub(r"^missing_translation:.*\n", "", (root / "data/strings/es.yml").read_text(encoding="utf-8"),
                    flags=re.MULTILINE)
        (root / "data/strings/mix.yml").write_text(
            es.replace("language_name: Español", "language_name: Tu'un savi")
            + f'missing_translation: "{NOTICE}"\n', encoding="utf-8")


def test_third_language_reports_coverage_and_passes(project_copy):
    add_language(project_copy, pages=("index.md", "salarios/index.md"))
    total = len(list((project_copy / "content/es").rglob("*.md")))
    checked = check_project(project_copy)
    assert not checked.failed, checked
    news = [p for p in checked.problems if p.severity == "info"]
    assert [(p.path, p.line, p.check) for p in news] == [("content/mix", 1, "language-coverage")], checked
    assert f"mix: 2 of {total} pages translated; not yet translated: acerca/index.md" in news[0].message
    assert "salarios/index.md" not in news[0].message
    # coverage is news, not a failure, even in CI's strict mode
    strict = run_cli(project_copy, "check", "--strict")
    assert "mix: 2 of" in strict.stdout
    assert "content/mix:1: " not in "\n".join(l for l in strict.stdout.splitlines() if "info:" not in l)


def test_third_language_builds_with_notice_on_untranslated_pages(project_copy, tmp_path):
    add_language(project_copy, pages=("index.md",))
    site = build_site(project_copy, tmp_path / "site")

    home = (site / "mix/index.html").read_text(encoding="utf-8")
    assert '<html lang="mix"' in home
    assert "(mix)" in home and "translation-missing" not in home

    wages = (site / "mix/salarios/index.html").read_text(encoding="utf-8")
    assert '<html lang="mix"' in wages
    notice = re.search(r'<div class="admonition info translation-missing" lang="mix"><p>([^<]+)</p></div>', wages)
    assert notice and html.unescape(notice.group(1)) == NOTICE
    assert '<div class="translation-fallback" lang="es">' in wages
    spanish = (site / "salarios/index.html").read_text(encoding="utf-8")
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", spanish).group(1)
    assert heading in wages  # the Spanish text itself, under the notice
    assert 'hreflang="mix"' in wages
    assert re.search(r'<a class="md-header__lang" href="[^"]*" hreflang="mix" lang="mix">', spanish)
    assert '<meta property="og:locale" content="mix">' in wages
    assert 'hreflang="mix" href="https://derechos.example.org/mix/salarios/"' in (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "xm" not in re.findall(r'(?:hreflang|lang)="([^"]*)"', wages)
    assert '<html lang="mix"' in (site / "mix/404.html").read_text(encoding="utf-8")

    # Spanish and English are untouched: no notice, their own lang
    assert "translation-missing" not in spanish and '<html lang="es"' in spanish
    english = (site / "en/salarios/index.html").read_text(encoding="utf-8")
    assert "translation-missing" not in english and '<html lang="en"' in english


def test_spanish_english_parity_stays_strict(project_copy):
    add_language(project_copy)
    (project_copy / "content/en/salarios/index.md").unlink()
    checked = check_project(project_copy)
    assert checked.failed
    assert checked.of("parity") == {("content/es/salarios/index.md", 1, "parity")}, checked  # links to it fail too


def test_missing_strings_file_is_named(project_copy):
    add_language(project_copy, words=False)
    checked = check_project(project_copy)
    assert checked.errors == {("data/strings/mix.yml", 1, "load")}, checked
    assert "no words file for language 'mix'" in checked.text


def test_strings_without_notice_text_is_a_warning(project_copy):
    add_language(project_copy)
    edit(project_copy / "data/strings/mix.yml", f'missing_translation: "{NOTICE}"\n', "")
    checked = check_project(project_copy)
    assert not checked.failed
    assert checked.records == {("data/strings/mix.yml", 1, "language-coverage"),
                               ("content/mix/index.md", 2, "translations-current"),  # as for any new language
                               ("data/urls.txt", 1, "manifest")}, checked


def test_page_without_spanish_original_is_an_error(project_copy):
    add_language(project_copy)
    extra = project_copy / "content/mix/solo/index.md"
    extra.parent.mkdir(parents=True)
    extra.write_text((project_copy / "content/es/index.md").read_text(encoding="utf-8"), encoding="utf-8")
    checked = check_project(project_copy)
    assert checked.of("language-coverage") == {("content/mix/solo/index.md", 1, "language-coverage")}, checked
    assert "no Spanish original" in checked.text


def test_old_stand_in_code_gets_a_plain_message(project_copy):
    """Before three-letter codes worked, docs said to write xm for Mixteco: now the real code."""
    add_language(project_copy, entry=MIXTECO.replace("locale: mix", "locale: xm"))
    text = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    line = text[: text.index("locale: xm")].count("\n") + 1
    checked = check_project(project_copy)
    assert checked.failed
    assert [r for r in checked.records if r[0] == "mkdocs.yml"] == [("mkdocs.yml", line, "language-coverage")], checked
    assert "write the real code 'mix'" in checked.text


def test_language_name_as_code_gets_a_plain_message(project_copy):
    add_language(project_copy, entry=MIXTECO.replace("locale: mix", "locale: Mixteco"))
    text = (project_copy / "mkdocs.yml").read_text(encoding="utf-8")
    line = text[: text.index("locale: Mixteco")].count("\n") + 1
    checked = check_project(project_copy)
    assert checked.failed
    assert [r for r in checked.records if r[0] == "mkdocs.yml"] == [("mkdocs.yml", line, "language-coverage")], checked
    assert "locale 'Mixteco' is not a language code" in checked.text


def test_entry_without_theme_language_gets_a_plain_message(project_copy):
    add_language(project_copy, entry=MIXTECO.replace("          theme:\n            language: es\n", ""))
    checked = check_project(project_copy)
    assert checked.failed
    assert [r for r in checked.records if r[0] == "mkdocs.yml"] == [
        ("mkdocs.yml", line_of(project_copy / "mkdocs.yml", "locale: mix"), "language-coverage")], checked
    assert "the theme has no interface words for 'mix'" in checked.text


def test_bench_engine_rows_build_a_three_letter_language(project_copy, tmp_path):
    # make bench's engine-only rows start the engine as make site does (scripts/website/engine.py);
    # plain mkdocs would refuse 'locale: mix' while reading mkdocs.yml.
    add_language(project_copy)
    run = measure.engine("engine only", project_copy, tmp_path / "site")
    assert run.ok, run.failure()
    assert '<html lang="mix"' in (tmp_path / "site/mix/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("first", ["mkdocs_static_i18n.folder", "scripts.website.engine"])
def test_three_letter_codes_are_allowed_whatever_was_imported_first(project_copy, first):
    """engine.allow_language_tags widens static-i18n's locale pattern in every module that holds
    it, so it works whether static-i18n's modules were imported before it ran or after (each
    order in a fresh interpreter: the pattern is a module's)."""
    add_language(project_copy)
    program = (f"import importlib; importlib.import_module({first!r})\n"
               "from scripts.website import engine\n"
               "engine.allow_language_tags()\n"
               "import mkdocs_static_i18n.config as config, mkdocs_static_i18n.folder as folder\n"
               "assert config.RE_LOCALE.match('mix') and folder.RE_LOCALE.match('mix'), 'pattern'\n"
               "assert config.RE_LOCALE.match('es') and not config.RE_LOCALE.match('Mixteco')\n"
               f"run = engine.build({str(project_copy)!r}, {str(project_copy / 'site')!r})\n"
               "assert run.ok, run.messages\n")
    result = subprocess.run([sys.executable, "-c", program], cwd=ROOT, capture_output=True, text=True,
                            env={**os.environ, "NO_MKDOCS_2_WARNING": "1"})
    assert result.returncode == 0, result.stderr
    assert '<html lang="mix"' in (project_copy / "site/mix/index.html").read_text(encoding="utf-8")
