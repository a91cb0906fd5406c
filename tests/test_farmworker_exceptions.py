"""Legal traps (issue #22): answers right for most readers and wrong for farmworkers and H-2
workers, pinned on what readers get: the built pages, the flyers and the wallet card (pdftotext)
and the "¿Qué le pasó?" pages, in both languages. One test (or a few) per point of the issue,
numbered as there; each says the official wording it keeps."""
from __future__ import annotations

import html
import re
import subprocess
from functools import lru_cache
from pathlib import Path

import pytest

from scripts.core import contacts, deadlines
from scripts.core import quepaso as qp_model

from conftest import ROOT

LANGS = ("es", "en")
BACKPAY = "https://www.dol.gov/general/topic/wages/backpay"
NLRB_ENFORCE = "https://www.nlrb.gov/rights-we-protect/whats-law/employees/i-am-not-represented-union/how-enforce-your-rights"


@pytest.fixture(scope="module")
def site(made_site) -> Path:
    """The real project built as `make site` builds it, once per session (conftest.made_site)."""
    return made_site.site


@pytest.fixture(scope="module")
def due() -> deadlines.Deadlines:
    return deadlines.load(ROOT)


@pytest.fixture(scope="module")
def tree() -> qp_model.Tree:
    return qp_model.load(ROOT)


def words(markup: str) -> str:
    """Visible text: tags removed, entities read, spaces collapsed."""
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", markup))).strip()


def article(site: Path, lang: str, path: str) -> str:
    source = (site / ("" if lang == "es" else "en/") / path / "index.html").read_text(encoding="utf-8")
    found = re.search(r"<article[^>]*>(.*?)</article>", source, re.S)
    return found.group(1) if found else source


def page_text(site: Path, lang: str, topic: str, section: str | None = None) -> str:
    body = article(site, lang, topic)
    if section:
        found = re.search(rf'<h2 id="{section}".*?(?=<h2 |$)', body, re.S)
        assert found, f"{lang}/{topic}: no section #{section}"
        body = found.group(0)
    return words(body)


def outcome(site: Path, lang: str, oid: str) -> str:
    """The markup of a guided-path outcome page's article."""
    return article(site, lang, f"que-paso/{oid}")


def block(markup: str, css: str) -> str:
    found = re.search(rf'<(ol|ul) class="{css}">(.*?)</\1>', markup, re.S)
    assert found, css
    return found.group(2)


@lru_cache(maxsize=None)
def _pdf_text(pdf: str) -> str:
    out = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True, check=True).stdout
    return re.sub(r"\s+", " ", out)


def flyer_text(site: Path, name: str) -> str:
    return _pdf_text(str(site / "flyers" / name))


def flyer_names(topic: str, lang: str) -> list[str]:
    return [f"{topic}-{kind}-{paper}.pdf" for kind in (lang, "bilingue") for paper in ("letter", "a4")]


def sentences(text: str) -> list[str]:
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+|\s+[■•]\s+", text) if s.strip()]


def everything_built(site: Path) -> list[tuple[str, str]]:
    """(where, visible text) of every built page and every flyer."""
    found = [(str(p.relative_to(site)), words(p.read_text(encoding="utf-8"))) for p in site.rglob("*.html")]
    found += [(p.name, flyer_text(site, p.name)) for p in sorted((site / "flyers").glob("*.pdf"))]
    return found


# 1. The back-pay clock keeps running after a complaint to WHD; "willful" said as the law means it.
STOPS_THE_CLOCK = re.compile(r"desde el día en que reclama|back from the day you file|a propósito|on purpose|"
                             r"queja (a|con) WHD detiene|complaint to WHD stops", re.I)


def test_no_page_or_flyer_says_a_complaint_to_whd_stops_the_clock(site):
    wrong = [(where, STOPS_THE_CLOCK.search(text).group(0)) for where, text in everything_built(site)
             if STOPS_THE_CLOCK.search(text)]
    assert not wrong, wrong


def test_back_pay_deadline_is_read_on_dols_back_pay_page_and_names_no_office(due):
    item = due.get("whd_pago_atrasado")
    assert item.source == BACKPAY
    assert not item.office  # no "Where to file: WHD" beside a limit that only a lawsuit stops
    assert "no detiene el reloj" in item.starts["es"] and "does not stop the clock" in item.starts["en"]
    assert "demanda" in item.starts["es"] and "lawsuit" in item.starts["en"]
    assert "sabía que violaba la ley o no le importó" in item.text["es"]
    assert "knew it broke the law or did not care" in item.text["en"]


@pytest.mark.parametrize("lang", LANGS)
def test_wages_page_and_flyer_say_the_clock_keeps_running(site, lang):
    said = {"es": "Quejarse con WHD no detiene el plazo", "en": "A complaint to WHD does not stop"}[lang]
    assert said in page_text(site, lang, "salarios", "atrasado")
    for name in flyer_names("salarios", lang):
        assert said in flyer_text(site, name), name


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("oid", ["pago-h2a", "pago-h2b", "pago-otro"])
def test_pay_outcomes_warn_that_the_clock_keeps_running(site, lang, oid):
    markup = outcome(site, lang, oid)
    steps = words(block(markup, "qp-steps"))
    assert re.search(r"no detiene el plazo|does not stop the time limit", steps), steps
    plazo = words(block(markup, "qp-deadlines"))
    assert re.search(r"no detiene el reloj|does not stop the clock", plazo), plazo
    assert BACKPAY in markup


# 2. The NLRB line carries the farm and domestic exclusion wherever it is printed.
EXCLUSION = {"es": re.compile(r"campo.*(hogar|casa)", re.I), "en": re.compile(r"farm.*(home|domestic)", re.I)}


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("topic", ["represalias", "organizarse"])
def test_every_printed_nlrb_deadline_carries_the_exclusion(site, lang, topic):
    for name in flyer_names(topic, lang):  # a bilingual flyer holds sentences of both languages
        lines = [s for s in sentences(flyer_text(site, name)) if "NLRB" in s and re.search(r"6 (meses|months)", s)]
        assert any(EXCLUSION[lang].search(line) for line in lines), (name, lines)
        for line in lines:
            assert EXCLUSION["es"].search(line) or EXCLUSION["en"].search(line), (name, line)


@pytest.mark.parametrize("lang", LANGS)
def test_retaliation_list_and_table_qualify_the_nlrb(site, lang):
    leyes = page_text(site, lang, "represalias", "leyes")
    nlrb = leyes[leyes.index("(NLRB)"):]
    assert EXCLUSION[lang].search(nlrb[:160]), leyes
    plazos = article(site, lang, "represalias")
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", plazos, re.S) if ">NLRB<" in r)
    assert EXCLUSION[lang].search(words(row)), row


def test_nlrb_deadline_is_read_on_the_nlrb_page_that_says_generally_six_months(due):
    item = due.get("nlrb_cargo")
    assert item.source == NLRB_ENFORCE
    assert item.starts["es"].startswith("en general") and item.starts["en"].startswith("generally")
    assert EXCLUSION["es"].search(item.starts["es"]) and EXCLUSION["en"].search(item.starts["en"])


# 3. H-2A and H-2B: the job order is a contract; its deadline depends on the state, no number of years.
def test_contract_deadline_gives_no_number_of_years_of_its_own(due):
    item = due.get("h2_contrato")
    assert not item.office  # each state has its own rules
    for lang in LANGS:
        said = item.text[lang] + " " + item.starts[lang]
        assert re.findall(r"\d+", said) == ["2"], said  # only the FLSA's 2 years, as a comparison
        assert re.search(r"más de 2 años|more than 2 years", said)
        assert re.search(r"WHD o a un abogado|WHD or a lawyer", said)


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("visa", ["h2a", "h2b"])
def test_h2_pay_outcomes_and_pages_show_the_contract_deadline(site, due, lang, visa):
    text = due.get("h2_contrato").text[lang]
    plazo = words(block(outcome(site, lang, f"pago-{visa}"), "qp-deadlines"))
    assert text in plazo and due.get("whd_pago_atrasado").text[lang] in plazo, plazo
    salario = page_text(site, lang, visa, "salario")
    assert text in salario and re.search(r"orden de trabajo es su contrato|job order is your contract", salario), salario


# 4. Federal OSHA may not enforce on small farms: say so, and say what to do instead.
SMALL_FARM = {"es": "10 trabajadores o menos", "en": "10 or fewer workers"}


@pytest.mark.parametrize("lang", LANGS)
def test_safety_page_explains_the_small_farm_rule(site, lang):
    text = page_text(site, lang, "seguridad", "granja-pequena")
    for needed in {"es": ("1976", SMALL_FARM["es"], "familia", "12 meses", "de todos modos", "estado", "11 personas", "WHD"),
                   "en": ("1976", SMALL_FARM["en"], "family", "12 months", "anyway", "state", "11 or more", "WHD")}[lang]:
        assert needed in text, (needed, text)


@pytest.mark.parametrize("lang", LANGS)
def test_heat_page_explains_the_small_farm_rule(site, lang):
    text = page_text(site, lang, "calor", "reglas")
    assert SMALL_FARM[lang] in text and "WHD" in text, text
    assert 'href="../seguridad/#granja-pequena"' in article(site, lang, "calor")


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("topic", ["seguridad", "calor"])
def test_safety_and_heat_flyers_carry_the_small_farm_rule_and_whd(site, lang, topic):
    for name in flyer_names(topic, lang):
        text = flyer_text(site, name)
        assert SMALL_FARM[lang] in text, name
        assert contacts.load(ROOT).get("whd").dial().display in text, name  # WHD's number: water and toilets


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("oid", ["calor", "seguridad", "agua-descanso", "peligro-ahora"])
def test_osha_outcomes_say_the_small_farm_rule(site, tree, lang, oid):
    steps = words(block(outcome(site, lang, oid), "qp-steps"))
    assert SMALL_FARM[lang] in steps and re.search(r"pregunte igual|ask anyway", steps, re.I), steps
    if oid != "peligro-ahora":  # water and toilets in the fields: WHD
        assert "whd" in tree.outcomes[oid].contacts and "WHD" in steps


# 5. Punished for asking for pay: MSPA's 180 days for farmworkers it covers; "soon" for everyone else.
def test_mspa_deadline_is_180_days_from_the_statute(due):
    item = due.get("mspa_represalia")
    assert item.text == {"es": "180 días", "en": "180 days"}
    assert item.office == "whd" and "USCODE" in item.source and "chap20" in item.source  # 29 U.S.C. 1855(b)
    assert "H-2A" in item.starts["es"] and "H-2A" in item.starts["en"]  # MSPA does not cover H-2A workers


@pytest.mark.parametrize("lang", LANGS)
def test_punished_for_pay_outcome_shows_the_mspa_deadline(site, tree, due, lang):
    assert tree.outcomes["represalia-pago"].deadlines == ["mspa_represalia"]
    markup = outcome(site, lang, "represalia-pago")
    plazo = words(block(markup, "qp-deadlines"))
    assert ("180 días" if lang == "es" else "180 days") in plazo and "MSPA" in plazo, plazo
    assert due.get("whd_pago_atrasado").text[lang] not in plazo  # a look-back is not a complaint deadline
    assert re.search(r"pronto|soon", words(block(markup, "qp-steps")))


@pytest.mark.parametrize("lang", LANGS)
def test_retaliation_table_uses_the_mspa_deadline_for_pay(site, due, lang):
    rows = [words(r) for r in re.findall(r"<tr>(.*?)</tr>", article(site, lang, "represalias"), re.S)]
    pay = [r for r in rows if re.search(r"Reclamar su pago|Asking for your pay", r)]
    assert any("MSPA" in r and due.get("mspa_represalia").text[lang] in r for r in pay), pay
    assert all(due.get("whd_pago_atrasado").text[lang] not in r for r in pay), pay
    assert any(re.search(r"pronto|soon", r) for r in pay), pay


# 6. Farm or home workers who acted together: OSHA's 30 days, MSPA's 180; state law is a referral.
def test_excluded_organizing_outcome_has_deadlines_and_a_referral(tree):
    item = tree.outcomes["organizarse-excluido"]
    assert item.deadlines == ["osha_represalia", "mspa_represalia"]
    assert item.contacts == ["osha", "whd", "dol_ncc"]
    for lang in LANGS:
        state = [s for s in item.steps[lang] if re.search(r"su estado|your state", s)]
        assert state and all("WHD" not in s for s in state), state  # WHD does not enforce state organizing law


@pytest.mark.parametrize("lang", LANGS)
def test_excluded_organizing_page_shows_both_deadlines(site, lang):
    plazo = words(block(outcome(site, lang, "organizarse-excluido"), "qp-deadlines"))
    assert re.search(r"30 (días|days)", plazo) and re.search(r"180 (días|days)", plazo), plazo
    excluidos = page_text(site, lang, "organizarse", "excluidos")
    assert re.search(r"30 (días|days)", excluidos) and re.search(r"180 (días|days)", excluidos), excluidos


# 7. Recruitment: never pay a recruiter; the visa fee goes to the US government, with a receipt.
NEVER_PAY_FOR_A_VISA = re.compile(r"(pague|pay)[^.]{0,40}(trabajo|job) o (una|la) visa|(pay|pague)[^.]{0,40}job or (a|the) visa", re.I)


@pytest.mark.parametrize("lang", LANGS)
def test_recruitment_never_says_never_pay_for_a_visa(site, lang):
    texts = [page_text(site, lang, "reclutamiento"), words(outcome(site, lang, "reclutamiento"))]
    texts += [flyer_text(site, n) for n in flyer_names("reclutamiento", lang)]
    receipt = {"es": "recibo oficial", "en": "official receipt"}[lang]
    for text in texts:
        assert not NEVER_PAY_FOR_A_VISA.search(text), NEVER_PAY_FOR_A_VISA.search(text).group(0)
        assert receipt in text, text[:200]


@pytest.mark.parametrize("lang", LANGS)
def test_a_worker_in_mexico_who_paid_is_told_it_is_illegal_and_whom_to_call(site, tree, lang):
    item = tree.outcomes["reclutamiento"]
    assert item.read == "reclutamiento/index.md#ya-pago" and item.contacts[0] == "sne"
    steps = words(block(outcome(site, lang, "reclutamiento"), "qp-steps"))
    assert re.search(r"va contra la ley|is against the law", steps), steps
    assert re.search(r"Desde México.*gratis|From Mexico.*free", steps), steps
    section = page_text(site, lang, "reclutamiento", "ya-pago")
    assert re.search(r"va contra la ley|is against the law", section)
    assert contacts.load(ROOT).get("sne").dial().display in section


# 8. Treated badly for another reason: DOL's general referral line, not WHD.
def test_other_mistreatment_goes_to_the_national_contact_center(tree):
    assert tree.outcomes["trato-otro"].contacts[0] == "dol_ncc"
    assert "whd" not in tree.outcomes["trato-otro"].contacts


# 9. Sources that state what they are cited for (back pay and NLRB above); injuries: nothing stronger.
def test_injury_notice_deadline_claims_only_what_the_state_sets(due):
    item = due.get("lesion_aviso")
    assert item.source == "https://www.dol.gov/general/topic/workcomp"
    assert "plazo de su estado" in item.text["es"] and "your state's deadline" in item.text["en"]
    assert not re.search(r"lo antes posible|as soon as possible", item.text["es"] + item.text["en"])


# 10. Labor Rights Week: said as the Mexican embassy (SRE) says it, with its page linked.
@pytest.mark.parametrize("lang", LANGS)
def test_labor_rights_week_cites_an_sre_page(site, lang):
    section = re.search(r'<h2 id="semana".*?(?=<h2 |$)', article(site, lang, "consulado"), re.S).group(0)
    assert re.search(r'href="https://embamex\.sre\.gob\.mx/[^"]*labor-rights-week-2022"', section), section
    assert "2022" in words(section) and not re.search(r"desde 2009|since 2009", words(section))
    for name in flyer_names("consulado", lang):
        assert not re.search(r"Cada año hay|Each year the consulates", flyer_text(site, name)), name


# 11. EEOC: from the day you learned of the decision; for ongoing harassment, from the last incident.
@pytest.mark.parametrize("lang", LANGS)
def test_eeoc_clock_starts_when_you_learn_or_at_the_last_harassment(site, due, lang):
    starts = due.get("eeoc_queja").starts[lang]
    assert re.search(r"supo de la decisión|learned of the decision", starts), starts
    assert re.search(r"última vez|last time", starts), starts
    text = page_text(site, lang, "discriminacion", "queja")
    assert re.search(r"supo de la decisión|learned of the decision", text) and re.search(r"última vez|last time", text)


# 12. The card: punishing you for reporting danger is illegal (no promise that nothing will happen).
@pytest.mark.parametrize("paper", ["letter", "a4"])
def test_card_says_punishment_for_reporting_danger_is_illegal(site, paper):
    text = flyer_text(site, f"tarjeta-{paper}.pdf")
    assert "sin castigo" not in text and "without penalty" not in text
    assert "¿Castigo por avisar un peligro? Ilegal." in text and "Punished for reporting danger? Illegal." in text


# 13. Discrimination at small employers: IER for national origin (4 to 14 workers), Equal Pay Act for almost all.
def test_ier_is_in_the_registry_read_on_a_justice_department_page():
    ier = contacts.load(ROOT).get("ier")
    assert ier.source.startswith("https://www.justice.gov/") and ier.confidence == "likely"
    assert ier.dial().e164 == "+18002557688"


@pytest.mark.parametrize("lang", LANGS)
def test_discrimination_coverage_names_ier_and_the_equal_pay_act(site, lang):
    section = re.search(r'<h2 id="cobertura".*?(?=<h2 |$)', article(site, lang, "discriminacion"), re.S).group(0)
    text = words(section)
    assert 'href="tel:+18002557688"' in section and "IER" in text
    assert re.search(r"4 a 14|4 to 14", text) and re.search(r"permiso para trabajar|allowed to work", text), text
    assert re.search(r"casi todos los patrones|almost all employers", text), text


# 14. Sexual harassment: a first step for someone attacked or in danger now.
@pytest.mark.parametrize("lang", LANGS)
def test_harassment_outcome_starts_with_911(site, lang):
    first = re.search(r"<li>(.*?)</li>", block(outcome(site, lang, "acoso"), "qp-steps"), re.S).group(1)
    assert 'href="tel:911"' in first and re.search(r"atacaron|attacked", first), first
    assert 'href="tel:911"' in article(site, lang, "discriminacion").split('id="acoso-sexual"')[1].split("<h2 ")[0]


# 15. H-2A trip home and guarantee: also owed on contract impossibility; may be lost on quitting or firing for cause.
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("section", ["transporte", "garantia"])
def test_h2a_trip_home_and_guarantee_name_both_exceptions(site, lang, section):
    text = page_text(site, lang, "h2a", section)
    assert re.search(r"causa que no puede controlar|cause it cannot control", text), text
    assert re.search(r"deja el trabajo.*despiden por una causa justificada.*puede perder|quit early.*fired for a good reason.*may lose", text), text


# 16. A serious injury: 911 first, and whom CIAM serves.
@pytest.mark.parametrize("lang", LANGS)
def test_serious_injury_keeps_911_first_and_says_ciam_is_for_mexicans(site, lang):
    markup = outcome(site, lang, "lesion-grave")
    urgent = re.search(r'<div class="qp-urgent">(.*?)</div>', markup, re.S).group(1)
    assert 'href="tel:911"' in urgent  # the box above the title (issue 26: the first office follows it)
    assert markup.index('href="tel:911"') < markup.index('href="tel:+1')
    steps = words(block(markup, "qp-steps"))
    assert re.search(r"CIAM ayuda a personas de México|CIAM helps people from Mexico", steps), steps
    assert re.search(r"llame a su consulado|call your consulate", steps), steps


# 17. Back in Mexico: a number that works from there, what the call costs, and whether it is too late.
@pytest.mark.parametrize("lang", LANGS)
def test_back_in_mexico_says_how_to_call_what_it_costs_and_who_knows_the_deadline(site, lang):
    markup = outcome(site, lang, "lesion-mexico")
    assert 'href="tel:+15206237874"' in markup  # one tap from a cell phone, in Mexico too
    steps = words(block(markup, "qp-steps"))
    assert re.search(r"cuesta lo que cobre su compañía|costs what your phone company charges", steps), steps
    assert re.search(r"depende del estado|depends on the state", steps), steps
    assert re.search(r"aún esté a tiempo|still be in time", steps), steps
    # The steps are printed too (booklet, one-file guide): they say to dial as the list below shows
    # ("(desde México: 00 1 …)"), not to tap.
    assert re.search(r"Desde México, marque el número como dice abajo|From Mexico, dial the number as shown below", steps), steps
    assert not re.search(r"[Tt]oque|[Tt]ap\b", steps), steps
    assert re.search(r"desde México: 00 1 |from Mexico: 00 1 ", words(block(markup, "qp-calls"))), markup
    section = article(site, lang, "lesiones").split('id="mexico"')[1].split("<h2 ")[0]
    assert re.search(r"depende del estado|depends on the state", words(section))
    assert re.search(r"(Desde México, marque|From Mexico, dial)", article(site, lang, "lesiones"))
