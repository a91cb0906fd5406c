"""Fact corrections (issue #13) pinned on what readers get: the built pages, the flyers and the
wallet card (pdftotext), in both languages. Each test names the official source's wording it
keeps, so a statement stronger than its source cannot come back unnoticed."""
from __future__ import annotations

import datetime as dt
import html
import re
import subprocess
from pathlib import Path

import pytest

from scripts.core import contacts, project, recheck, typography

from conftest import ROOT, TODAY, check_project, edit, line_of, run_cli

LANGS = ("es", "en")


@pytest.fixture(scope="module")
def site(made_site) -> Path:
    """The real project built as `make site` builds it (pages and flyers)."""
    return made_site.site


def page_text(site: Path, lang: str, topic: str, section: str | None = None) -> str:
    """The visible words of a built page's article (or of one section of it), tags removed."""
    prefix = "" if lang == "es" else "en/"
    source = (site / f"{prefix}{topic}/index.html").read_text(encoding="utf-8")
    article = re.search(r"<article[^>]*>(.*?)</article>", source, re.S)
    body = article.group(1) if article else source
    if section:
        found = re.search(rf'<h2 id="{section}".*?(?=<h2 |$)', body, re.S)
        assert found, f"{lang}/{topic}: no section #{section}"
        body = found.group(0)
    text = re.sub(r"<[^>]+>", " ", body)
    return typography.plain(re.sub(r"\s+", " ", html.unescape(text)))  # "H‑2A" as the sources write it


def flyer_text(site: Path, name: str) -> str:
    pdf = site / "flyers" / name
    out = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    return typography.plain(re.sub(r"\s+", " ", out))


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\s+[-•■]\s+", text) if s.strip()]


def flyer_names(topic: str, lang: str) -> list[str]:
    return [f"{topic}-{kind}-{paper}.pdf" for kind in (lang, "bilingue") for paper in ("letter", "a4")]


FIRST_WEEK = {"es": "primera semana", "en": "first week"}


# 1. H-2A: no first-week visa refund stated as a rule; inbound travel at the half of the contract.
@pytest.mark.parametrize("lang", LANGS)
def test_h2a_flyers_state_no_first_week_refund(site, lang):
    for name in flyer_names("h2a", lang):
        text = flyer_text(site, name).lower()
        assert FIRST_WEEK[lang] not in text, name
        assert ("mitad del contrato" if lang == "es" else "half of the contract") in text, name


@pytest.mark.parametrize("lang", LANGS)
def test_h2a_page_sends_visa_costs_to_whd_not_to_a_first_week_rule(site, lang):
    text = page_text(site, lang, "h2a", "cuotas")
    first_week = [s for s in sentences(text) if FIRST_WEEK[lang] in s.lower()]
    assert first_week, text
    for sentence in first_week:  # only ever "sometimes ... minimum wage", never a flat promise
        assert re.search(r"a veces|sometimes", sentence, re.I), sentence
        assert re.search(r"salario mínimo|minimum wage", sentence, re.I), sentence
    assert "WHD" in text


@pytest.mark.parametrize("lang", LANGS)
def test_recruitment_keeps_the_first_week_rule_for_h2b_only(site, lang):
    texts = [page_text(site, lang, "reclutamiento", "sin-cobros")]
    texts += [flyer_text(site, name) for name in flyer_names("reclutamiento", lang)]
    for text in texts:
        for sentence in sentences(text):
            if FIRST_WEEK[lang] in sentence.lower():
                assert "H-2B" in sentence and "H-2A" not in sentence.split(FIRST_WEEK[lang])[0], sentence


@pytest.mark.parametrize("lang", LANGS)
def test_h2b_keeps_its_written_first_week_rule(site, lang):
    assert FIRST_WEEK[lang] in page_text(site, lang, "h2b", "derechos").lower()


# 2. H-2A pay: skill level, free housing, no amount, ask in writing.
@pytest.mark.parametrize("lang", LANGS)
def test_h2a_pay_explains_the_2025_aewr_rule_without_amounts(site, lang):
    text = page_text(site, lang, "h2a", "salario")
    words = {"es": ("2 de octubre de 2025", "nivel de habilidad", "vivienda gratis", "por escrito"),
             "en": ("October 2, 2025", "skill level", "free housing", "in writing")}[lang]
    for word in words:
        assert word.lower() in text.lower(), (word, text)
    assert not re.search(r"\$\s?\d", text), text


# 3. Labor Department TTY: 711 everywhere, never the old 1-877-889-5627.
def test_dol_tty_is_711_in_the_registry_and_everything_built(site):
    registry = contacts.load(ROOT)
    assert registry.get("dol_ncc").number("tty") == "711"
    assert registry.get("whd").number("tty") == "711"
    old = re.compile(r"877\D{0,3}889\D{0,3}5627")
    for path in site.rglob("*"):
        if path.suffix in {".html", ".json", ".vcf", ".txt", ".xml"}:
            assert not old.search(path.read_text(encoding="utf-8", errors="replace")), path
    for pdf in (site / "flyers").glob("*.pdf"):
        assert not old.search(flyer_text(site, pdf.name)), pdf.name


def test_contacts_doc_example_shows_no_other_agencys_tty():
    example = (ROOT / "docs/contacts.md").read_text(encoding="utf-8")
    assert "+18006696820" not in example  # the EEOC's TTY, once shown in the OSHA example


# 4. Heat: the states of OSHA's Spring 2026 abstract, with their limits; no final federal rule.
HEAT_STATES = {
    "es": ["California", "Colorado (solo trabajo del campo)", "Maryland", "Minnesota (solo trabajo bajo techo)",
           "Nevada", "Oregón", "Washington"],
    "en": ["California", "Colorado (farm work only)", "Maryland", "Minnesota (indoor work only)",
           "Nevada", "Oregon", "Washington"],
}


@pytest.mark.parametrize("lang", LANGS)
def test_heat_page_names_the_states_and_says_check_yours(site, lang):
    text = page_text(site, lang, "calor", "reglas")
    for state in HEAT_STATES[lang]:
        assert state in text, (state, text)
    assert ("Revise las reglas de su estado" if lang == "es" else "Check the rules in your state") in text
    assert ("no hay una regla federal final" if lang == "es" else "no final federal rule") in text
    assert ("30 de agosto de 2024" if lang == "es" else "August 30, 2024") in text


@pytest.mark.parametrize("lang", LANGS)
def test_heat_flyer_says_check_your_state(site, lang):
    for name in flyer_names("calor", lang):
        assert ("Revise las de su estado" if lang == "es" else "Check the rules in your state") in flyer_text(site, name)


# 5. The card: no flat "no one may take your passport"; a trafficking warning sign, with the hotline.
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_card_passport_line_is_a_warning_sign_not_a_flat_rule(site, paper):
    text = flyer_text(site, f"tarjeta-{paper}.pdf")
    assert "quitarle su pasaporte" not in text and "may take your passport" not in text
    assert "Señal de trata" in text and "sign of trafficking" in text
    assert contacts.load(ROOT).get("trafficking").dial().display in text  # the hotline is on the card


# 6. PROFEDET and IMSS: Mexican matters; a US claim goes to the consulate (CIAM).
@pytest.mark.parametrize("lang", LANGS)
def test_injury_page_sends_us_claims_to_the_consulate(site, lang):
    text = page_text(site, lang, "lesiones", "mexico")
    profedet = [s for s in sentences(text) if "PROFEDET" in s and "asesoría" in s or "PROFEDET" in s and "advice" in s]
    assert profedet and all(("en México" if lang == "es" else "in Mexico") in s for s in profedet), profedet
    assert "CIAM" in text and ("reclamo en EE. UU." if lang == "es" else "claim in the U.S.") in text


@pytest.mark.parametrize("lang", LANGS)
def test_injury_flyer_does_not_send_us_claims_to_profedet(site, lang):
    for name in flyer_names("lesiones", lang):
        text = flyer_text(site, name)
        assert "PROFEDET" not in text, name
        assert "CIAM" in text, name


def test_profedet_number_stays_likely():
    assert contacts.load(ROOT).get("profedet").confidence == "likely"


# 7. Trafficking hotline: calls in 200+ languages; text, chat and email in English and Spanish only.
@pytest.mark.parametrize("lang", LANGS)
def test_trafficking_languages_on_page_and_flyer(site, lang):
    only = "solo en español" if lang == "es" else "English or Spanish only"
    texts = [page_text(site, lang, "trata", "linea")] + [flyer_text(site, n) for n in flyer_names("trata", lang)]
    for text in texts:
        assert "200" in text, text[:200]
        assert re.search("muchos idiomas|many languages", text) is None, text[:200]
    for name in flyer_names("trata", lang):
        assert only in flyer_text(site, name), name


def test_trafficking_registry_note_limits_text_to_two_languages():
    note = contacts.load(ROOT).get("trafficking").note
    assert "200" in note["es"] and "solo en español y en inglés" in note["es"]
    assert "200" in note["en"] and "English and Spanish only" in note["en"]


# 8. MSPA does not cover every farmworker.
@pytest.mark.parametrize("lang", LANGS)
def test_mspa_is_not_said_to_cover_every_farmworker(site, lang):
    text = page_text(site, lang, "salarios", "talon")
    mspa = " ".join(s for s in sentences(text) if "MSPA" in s or "H-2A" in s)
    assert "H-2A" in mspa, text
    assert ("muchos" if lang == "es" else "many") in mspa
    assert not re.search(r"la ley MSPA le protege|the MSPA law protects you", text), text


# 9. H-2B three-fourths guarantee: binding, only DOL enforcement is barred.
@pytest.mark.parametrize("lang", LANGS)
def test_h2b_guarantee_binds_the_employer(site, lang):
    text = page_text(site, lang, "h2b", "garantia")
    assert ("sigue obligado" if lang == "es" else "must still follow it") in text
    assert ("gaste dinero" if lang == "es" else "spend money") in text
    assert not re.search(r"hoy no se hace cumplir|not enforced today", text)


# 10. EEOC 300 days: for age, only a state law extends the deadline.
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("topic,section", [("represalias", "plazos"), ("discriminacion", "queja")])
def test_eeoc_300_days_for_age_needs_a_state_law(site, lang, topic, section):
    text = page_text(site, lang, topic, section)
    age = [s for s in sentences(text) if re.search(r"\bedad\b|\bage\b", s)]
    assert age, text
    assert all(re.search(r"solo una ley del estado|only a state law", s) for s in age), age


# 11. Sources that support the page.
def test_sources_back_the_facts():
    proj = project.load(ROOT)
    for lang in LANGS:
        pages = proj.pages[lang]
        everywhere = [s for page in pages.values() for s in (page.meta.get("sources") or [])]
        assert not [s for s in everywhere if "12-flsa-agriculture" in s or s.endswith("/agencies/ilab")]
        recruitment = pages["reclutamiento/index.md"].meta["sources"]
        assert not [s for s in recruitment if s.endswith("section-655.122")]
        for needed in ("section-655.135", "section-655.20", "section-214.2"):
            assert any(s.endswith(needed) for s in recruitment), needed
        assert any(s.endswith("section-655.135") for s in pages["h2a/index.md"].meta["sources"])
        assert any(s.endswith("section-655.20") for s in pages["h2b/index.md"].meta["sources"])
        assert any("12-agricultural-employment-flsa" in s for s in pages["salarios/index.md"].meta["sources"])
        about = pages["acerca/index.md"].meta["sources"]
        assert not [s for s in about if s.rstrip("/").endswith("gob.mx/sre")]
        assert any("jointdeclar061102" in s for s in about) and any("labor-mobility" in s for s in about)


# 12. Volatile facts carry a re-check date: a warning once passed, listed by `make likely`.
def test_volatile_facts_have_a_recheck_date_and_note():
    found, problems = recheck.collect(project.load(ROOT))
    assert not problems
    where = {(item.path, item.what) for item in found}
    for page in ("calor", "h2a", "h2b"):  # heat rule, AEWR rule, H-2B budget rider
        assert (f"content/es/{page}/index.md", "page") in where
    assert ("data/contacts.yml", "contact 'profedet'") in where
    assert all(item.note for item in found)


def test_passed_recheck_is_a_warning_and_strict_makes_it_an_error(project_copy):
    page = project_copy / "content/es/calor/index.md"
    edit(page, "recheck: 2027-03-01", "recheck: 2020-01-01")
    checked = check_project(project_copy)
    assert not checked.failed, checked
    line = line_of(page, "recheck: 2020-01-01")
    assert ("content/es/calor/index.md", line, "rechecks") in checked.dated and not checked.records, checked
    assert "page was due for a re-check on 2020-01-01" in checked.text and "OSHA heat rule" in checked.text
    assert checked.strict_failed


def test_recheck_on_a_contact_passed(project_copy):
    registry = project_copy / "data/contacts.yml"
    edit(registry, "recheck: 2027-01-15", "recheck: 2021-05-05")
    checked = check_project(project_copy)
    assert not checked.failed, checked
    assert ("data/contacts.yml", line_of(registry, "recheck: 2021-05-05"), "rechecks") in checked.dated, checked
    assert not checked.records, checked
    assert "contact 'profedet' was due for a re-check on 2021-05-05" in checked.text


@pytest.mark.parametrize("old,new,message", [
    ("recheck: 2027-03-01", 'recheck: "2027-03-01"', "is text because of the quotes"),
    ("recheck: 2027-03-01", "recheck: next spring", "is not a date"),
    ("recheck_note: OSHA heat rule", "recheck_nota: OSHA heat rule", "did you mean 'recheck_note'?"),
])
def test_a_broken_recheck_is_an_error_at_its_line(project_copy, old, new, message):
    page = project_copy / "content/es/calor/index.md"
    edit(page, old, new)
    checked = check_project(project_copy)
    assert checked.failed
    if "recheck_nota" in new:  # a misspelt field: one error at its line, nothing else (no "note missing")
        found = {("content/es/calor/index.md", line_of(page, "recheck_nota:"), "front-matter")}
    else:
        found = {("content/es/calor/index.md", line_of(page, "recheck:"), "rechecks")}
    assert checked.records == found, checked
    assert message in checked.text


def test_a_note_without_a_date_is_an_error(project_copy):
    registry = project_copy / "data/contacts.yml"
    edit(registry, "    recheck: 2027-01-15\n", "")
    checked = check_project(project_copy)
    assert checked.failed
    note = line_of(registry, "recheck_note:", after=line_of(registry, "  profedet:"))  # the note whose date was removed
    assert checked.records == {("data/contacts.yml", note, "rechecks")}, checked
    assert "'recheck_note:' needs a 'recheck:' date" in checked.text


def test_likely_lists_rechecks_soonest_first_and_likely_contacts(project_copy):
    edit(project_copy / "content/es/h2b/index.md", "recheck: 2027-01-31", "recheck: 2020-02-02")
    result = run_cli(project_copy, "likely")
    assert result.returncode == 0, result.stdout
    lines = result.stdout.splitlines()
    rechecks = [l for l in lines if ": re-check on " in l]
    assert rechecks[0].startswith("content/es/h2b/index.md:") and "DUE NOW" in rechecks[0], rechecks
    assert [l.split(": re-check on ")[1][:10] for l in rechecks] == sorted(l.split(": re-check on ")[1][:10] for l in rechecks)
    assert any("contact 'profedet'" in l for l in rechecks)
    likely = {c.id for c in contacts.load(project_copy).contacts.values() if c.confidence == "likely"}
    for cid in likely:
        assert any(l.startswith("data/contacts.yml:") and f": {cid}: " in l for l in lines), cid
    due = sum(1 for item in recheck.listing(project.load(project_copy))[0] if item.day <= TODAY)  # 2020-02-02 and any real one passed
    assert f"likely: {len(likely)} contact(s) to confirm, {len(rechecks)} re-check date(s) ({due} due now)" in result.stdout


@pytest.mark.parametrize("when", [dt.timedelta(days=1), dt.timedelta(days=-1)])
def test_likely_also_lists_deadline_rechecks(project_copy, when):
    # A day after TODAY is listed plainly; a day before is DUE NOW and warned once (by the rechecks check).
    day = (TODAY + when).isoformat()
    deadlines = project_copy / "data/deadlines.yml"
    edit(deadlines, "    source: https://www.eeoc.gov/how-file-charge-employment-discrimination\n",
         "    source: https://www.eeoc.gov/how-file-charge-employment-discrimination\n"
         f"    recheck: {day}\n    recheck_note: EEOC charge deadline page\n")
    result = run_cli(project_copy, "likely")
    line = line_of(deadlines, f"recheck: {day}")
    due = "DUE NOW, " if when.days < 0 else ""
    assert f"data/deadlines.yml:{line}: {due}deadline 'eeoc_queja': re-check on {day}: EEOC charge deadline page" in result.stdout, result.stdout
    checked = check_project(project_copy)
    warned = {r for r in checked.dated if r[0] == "data/deadlines.yml"}
    assert warned == ({("data/deadlines.yml", line, "rechecks")} if due else set()), checked
    assert not checked.records, checked


def test_moving_a_recheck_date_does_not_outdate_the_translation(project_copy):
    edit(project_copy / "content/es/h2a/index.md", "recheck: 2027-03-01", "recheck: 2027-09-01")
    result = run_cli(project_copy, "stale")
    assert result.returncode == 0 and "stale:" in result.stdout, result.stdout
    assert "h2a" not in result.stdout, result.stdout
