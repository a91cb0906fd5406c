"""Plain language: scores per page, longest sentences, warnings under the configured threshold."""
from __future__ import annotations

import re

from conftest import ES_WAGES, ROOT, edit, line_of, run_cli

from scripts.core import checkconfig, project
from scripts.reports import readability

SCORE = re.compile(r"^(content/(es|en)/\S+\.md): (Fernández-Huerta|Flesch reading ease) (-?\d+\.\d)", re.MULTILINE)
LONG_ES = ("Cuando la administración correspondiente determine, mediante procedimientos administrativos "
           "debidamente sustanciados conforme a la normatividad aplicable, que el empleador incumplió "
           "sistemáticamente las obligaciones contractuales establecidas, usted podrá solicitar la "
           "indemnización correspondiente ante la autoridad jurisdiccional competente.")


def test_every_page_gets_its_language_formula():
    result = run_cli(ROOT, "readability")
    assert result.returncode == 0, result.stdout
    scores = {m.group(1): (m.group(3), float(m.group(4))) for m in SCORE.finditer(result.stdout)}
    proj = project.load(ROOT)
    prose = [p for p in proj.all_pages() if p.lang in ("es", "en") and not p.meta.get("template")]
    assert {p.path for p in prose} == set(scores)
    for shown, (formula, value) in scores.items():
        assert formula == ("Fernández-Huerta" if "/es/" in shown else "Flesch reading ease")
        assert 0 < value <= 121  # the formulas' range on real prose
    # English scoring must not try to download NLTK data at run time
    assert "nltk" not in result.stderr.lower()


def test_longest_sentence_is_listed_with_its_line_and_lowers_the_score(project_copy):
    before = float(re.search(rf"^{ES_WAGES}: Fernández-Huerta (-?\d+\.\d)", run_cli(project_copy, "readability").stdout,
                             re.MULTILINE).group(1))
    page = project_copy / ES_WAGES
    text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    line = text.count("\n") + 1
    page.write_text(text + LONG_ES + "\n", encoding="utf-8")

    out = run_cli(project_copy, "readability").stdout
    after = float(re.search(rf"^{ES_WAGES}: Fernández-Huerta (-?\d+\.\d)", out, re.MULTILINE).group(1))
    assert after < before
    words = len(LONG_ES.split())
    first = out.split(f"{ES_WAGES}: Fernández-Huerta", 1)[1].split("\n")[1]
    assert first.startswith(f"  {ES_WAGES}:{line}: {words} words: Cuando la administración"), first


def test_page_below_threshold_is_warned_and_strict_fails(project_copy):
    edit(project_copy / "data/checks.yml", "  es: 70\n", "  es: 200\n")
    _, problems, scores = readability.report(project.load(project_copy))
    spanish = {s.page.path for s in scores if s.page.lang == "es" and s.score is not None}
    assert ES_WAGES in spanish
    # every scored Spanish page is below 200, at its first line; English keeps its own threshold
    assert {(p.path, p.line, str(p.severity)) for p in problems} == {(shown, 1, "warning") for shown in spanish}
    assert "Fernández-Huerta score" in problems[0].message and "is below 200" in problems[0].message
    assert run_cli(project_copy, "readability", "--strict").returncode == 1  # the command line: --strict fails


def test_broken_threshold_is_reported_at_its_line(project_copy):
    edit(project_copy / "data/checks.yml", "  es: 70\n", "  es: easy\n")
    _, problems, _ = readability.report(project.load(project_copy))
    line = line_of(project_copy / "data/checks.yml", "readability:")  # the block, which lists the languages
    assert [(p.path, p.line, str(p.severity)) for p in problems] == [("data/checks.yml", line, "error")], problems
    assert "'readability:' must list one score per language" in problems[0].message


def test_prose_leaves_out_headings_code_cards_and_addresses():
    page = project.Page("es", "x.md", "content/es/x.md", project.LineDict(), "\n".join([
        "# Un título sin punto",
        "",
        "Llame al [[phone:osha]] hoy. Vea [la guía](https://www.dol.gov/whd) {#guia}",
        "",
        "```",
        "codigo que no se lee",
        "```",
        "",
        "- Un punto de la lista",
        "| Columna | Otra |",
        "|---|---|",
        "| Dato uno | Dato dos |",
    ]), 5, "")
    found = readability.sentences(page)
    texts = [s.text for s in found]
    assert texts == ["Llame al hoy.", "Vea la guía.", "Un punto de la lista.", "Columna.", "Otra.", "Dato uno.", "Dato dos."]
    assert [s.line for s in found] == [7, 7, 13, 14, 14, 16, 16]


def test_english_formula_matches_a_known_text():
    # Flesch's own kind of text: short words, short sentences score high; long words score low.
    easy = readability.score_text("You can call. They must pay you. Keep your pay stubs.", "en")
    hard = readability.score_text("Administrative documentation substantiating compensation irregularities "
                                  "necessitates comprehensive investigation.", "en")
    assert easy > 90 and hard < 10
    assert readability.score_text("Texto.", "xm") is None


def test_config_defaults_when_file_is_missing(project_copy):
    (project_copy / "data/checks.yml").unlink()
    config, problems = checkconfig.load(project_copy)
    assert config.readability == {"es": 70.0, "en": 70.0} and config.max_age_months == 12
    assert problems and problems[0].path == "data/checks.yml" and problems[0].severity == "warning"
