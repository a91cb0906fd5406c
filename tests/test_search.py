"""Search without a browser: the phrases check, the words page, `make search`, and the scorer
itself (search-core.js, run under node exactly as the page runs it)."""
from __future__ import annotations

import gzip
import re

import pytest

from conftest import ROOT, check_project, edit, line_of, run_cli
from scripts.core import project
from scripts.bench import search as searchbench
from scripts.reports import searchquery
from scripts.core import phrases

LESIONES = "content/es/lesiones/index.md"
CALOR_EN = "content/en/calor/index.md"


def test_the_real_project_passes_the_phrases_check():
    assert check_project(ROOT).of("phrases") == set()


def test_a_prose_page_without_phrases_is_an_error(project_copy):
    text = (project_copy / LESIONES).read_text(encoding="utf-8")
    start = text.index("phrases:\n")
    end = text.index("\n---\n", start)
    (project_copy / LESIONES).write_text(text[:start] + text[end + 1:], encoding="utf-8")
    checked = check_project(project_copy)
    assert checked.failed
    assert checked.records == {(LESIONES, 2, "phrases")}, checked  # the front matter's first line
    assert "'phrases:' is missing" in checked.text


def test_an_english_page_without_phrases_is_shown_english_phrases(project_copy):
    page = "content/en/lesiones/index.md"
    text = (project_copy / page).read_text(encoding="utf-8")
    start = text.index("phrases:\n")
    end = text.index("\n---\n", start)
    (project_copy / page).write_text(text[:start] + text[end + 1:], encoding="utf-8")
    checked = check_project(project_copy)
    assert checked.records == {(page, 2, "phrases")}, checked
    assert "- got hurt" in checked.text and "me lastimé" not in checked.text  # its phrases are English


def test_a_phrase_on_two_pages_is_a_warning_naming_both(project_copy):
    edit(project_copy / LESIONES, "    - me accidenté\n", "    - me accidenté\n    - me DESPIDIERON\n")
    checked = check_project(project_copy)
    assert not checked.failed, checked  # a warning, not an error
    other = "content/es/represalias/index.md"  # the warning is on the page that had it first, naming both
    assert checked.records == {(other, line_of(project_copy / other, "    - me despidieron"), "phrases")}, checked
    assert f"also on {LESIONES}:{line_of(project_copy / LESIONES, 'me DESPIDIERON')}" in checked.text


def test_a_phrase_under_an_unknown_section_names_the_real_ones(project_copy):
    edit(project_copy / CALOR_EN, "  senales:\n", "  signals:\n")
    checked = check_project(project_copy)
    assert checked.records == {(CALOR_EN, line_of(project_copy / CALOR_EN, "  signals:"), "phrases")}, checked
    assert "senales" in checked.text


def test_a_phrase_with_a_colon_gets_a_plain_message(project_copy):
    edit(project_copy / LESIONES, "    - me accidenté\n", "    - me cobraron: 500\n")
    checked = check_project(project_copy)
    assert checked.records == {(LESIONES, line_of(project_copy / LESIONES, "me cobraron: 500"), "phrases")}, checked
    assert "colon" in checked.text


def test_words_page_lists_every_phrase_a_to_z_with_its_section(built_site):
    html = (built_site / "palabras" / "index.html").read_text(encoding="utf-8")
    assert len(gzip.compress(html.encode("utf-8"), 9)) <= 15 * 1024
    assert '<a href="../lesiones/#reporte">no reporté el accidente</a>' in html
    assert '<a href="../lesiones/">me lastimé</a>' in html
    letters = [x for x in re.findall(r'<h2 id="letra-([a-z]+)"', html) if x != "otros"]  # otros: 0-9, first
    assert letters == sorted(letters) and len(letters) > 10
    # "me lastimé" is filed under L, by its first word that means something
    assert html.index('id="letra-l"') < html.index(">me lastimé<") < html.index('id="letra-m"')
    proj = project.load(ROOT)
    count = sum(1 for page in proj.pages["es"].values() for _ in phrases.read(page))
    assert html.count("<li><a href=") >= count
    english = (built_site / "en" / "palabras" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../lesiones/">I got hurt</a>' in english and 'lang="en"' in english


def test_words_page_is_linked_from_search_page_and_menu(built_site):
    for search, words in (("buscar/index.html", "Palabras que usamos"), ("en/buscar/index.html", "Words we use")):
        html = (built_site / search).read_text(encoding="utf-8")
        assert 'href="../palabras/"' in html
        assert words in html  # the menu entry (its title)


@pytest.mark.parametrize("args,env,first", [
    (["search", "me lastimé en el trabajo"], {}, "/lesiones/"),
    (["search"], {"Q": "me corrieron por quejarme"}, "/represalias/"),
    (["search"], {"Q": "I got hurt at work", "SEARCH_LANG": "en"}, "/en/lesiones/"),
    (["search", "--lang", "en", "they", "didnt", "pay", "overtime"], {}, "/en/salarios/"),
])
def test_make_search_prints_the_top_results(args, env, first):
    result = run_cli(ROOT, *args, env=env)
    assert result.returncode == 0, result.stdout
    lines = [l for l in result.stdout.splitlines() if re.match(r"\s+1\. ", l)]
    assert lines and f"   {first}" in lines[0], result.stdout


@pytest.mark.parametrize("args,env,says", [
    (["search"], {"Q": ""}, "say what to look for"),
    (["search", "x"], {"SEARCH_LANG": "fr"}, "no language 'fr'"),
])
def test_make_search_refuses_in_plain_words(args, env, says):
    result = run_cli(ROOT, *args, env={"Q": "", "SEARCH_LANG": "", **env})
    assert result.returncode == 1 and says in result.stdout


def test_make_search_nothing_matched_says_what_the_page_shows():
    result = run_cli(ROOT, "search", "zzzz qqqq")
    assert result.returncode == 0 and "help directory" in result.stdout


def urls(lang: str, queries: list[str], ask_other: bool = True) -> list[list[str]]:
    return [[h.url for h in hits] for hits in searchquery.run(project.load(ROOT), lang, queries, 3, ask_other=ask_other)]


def test_accents_and_case_are_folded_on_index_and_query():
    found = urls("es", ["DISCRIMINACIÓN", "discriminacion", "Discriminacíon"])
    assert found[0] == found[1] == found[2] and found[0][0] == "discriminacion/"


def test_stemming_meets_the_forms_a_worker_types():
    # none of these forms is written as such in the page or its phrases
    found = urls("es", ["despidieron", "me lastimaron", "pagarme", "trabajé de más horas", "el mayordomo me despidió"])
    assert [f[0] for f in found] == ["represalias/", "lesiones/", "salarios/", "salarios/", "represalias/"], found
    found = urls("en", ["firing", "injuries", "harassing", "illness"])  # "illness" is "sick" (found nothing)
    assert [f[0] for f in found] == ["represalias/", "lesiones/", "discriminacion/", "lesiones/"], found


def test_a_plural_meets_its_singular_when_the_singular_ends_like_a_verb():
    # "mujer" is cut as a verb ("muj"), "mujeres" lost only its plural ("mujer"): they never met,
    # and "a las mujeres les pagan menos que a los hombres" found the injuries page first
    found = urls("es", ["a las mujeres les pagan menos que a los hombres", "los lugares de trabajo"])
    assert found[0][0] == "discriminacion/", found
    assert found[1] == urls("es", ["el lugar de trabajo"])[0], found


def test_a_visa_code_is_one_word_however_it_is_typed():
    # "h-2a" was the words "h" and "2a", and "2a" is on the H-2B page too: it came first
    found = urls("es", ["visa H-2A", "visa h2a", "visa h 2 a", "visa H2-A"])
    assert {f[0] for f in found} == {"h2a/"}, found
    assert urls("en", ["h-2b"])[0][0] == "h2b/"


def test_stop_words_never_make_a_query_fail():
    found = urls("es", ["me", "no me", "el la de que", "no me pagaron nada de nada"])
    assert found[:3] == [[], [], []] and found[3][0] == "salarios/"
    assert urls("en", ["the", "they did not pay me at all"])[1][0] == "salarios/"


def test_one_typo_is_tolerated_only_when_the_word_is_unknown():
    found = urls("es", ["discriminasion", "trabjo forsado", "sindicto"])
    assert [f[0] for f in found] == ["discriminacion/", "trata/", "organizarse/"], found


def test_a_typo_in_a_form_no_page_writes_finds_the_pages_of_its_stem():
    # "pegaron" and "lastimaron" are written on no page (their stems are): one letter missing
    # found nothing at all before
    found = urls("es", ["me pegron", "me lastimarn"])
    assert [f[0] for f in found] == ["trata/", "lesiones/"], found


def test_spanish_written_by_ear_finds_the_pages_of_the_words_it_sounds_like():
    # two sound slips in a word (k for qu or c, h dropped, n for m, s for c or z, y for ll) are
    # more than one typo: each of these put another page first before
    found = urls("es", ["me korieron porke ise una keja", "kiero yamar a oza", "me korieron por estar enbarasada",
                        "me kitaron el pasaporte"])
    assert [f[0] for f in found] == ["represalias/", "seguridad/", "discriminacion/", "trata/"], found


def test_a_stop_word_written_by_ear_is_still_a_stop_word_and_a_short_word_must_sound_alike_whole():
    assert urls("es", ["porke", "kien", "ke"]) == [[], [], []]
    # "awa" (agua) sounds like "hawai" only once that is cut to its stem ("awa"): no state page
    assert urls("es", ["awa"], ask_other=False) == [[]]


def test_sound_slips_are_spanish_only():
    assert urls("en", ["korieron"], ask_other=False) == [[]]
    # asked of the Spanish index, where "corrieron" is a word, it finds the English page on firing
    assert urls("en", ["korieron"])[0][0] == "represalias/"


def test_by_ear_variant_swaps_at_most_two_sounds_in_each_word():
    assert searchbench.by_ear("Me quitaron horas y vacaciones") == searchbench.by_ear("me quitaron horas y vacaciones")
    for text in ("me lastime en el trabajo", "quiero hacer un sindicato", "no me pagaron las horas extras"):
        ear = searchbench.by_ear(text)
        assert len(ear.split()) == len(text.split()) and ear != text, (text, ear)
        for before, after in zip(text.split(), ear.split()):
            assert before == after or (len(before) >= 4 and abs(len(before) - len(after)) <= 2), (before, after)
    assert searchbench.variants("es")[-1] == "by ear" and "by ear" not in searchbench.variants("en")


def test_bad_input_returns_lists_and_never_fails():
    bad = ["", "*", "~", ":", '"""', "<script>alert(1)</script>", "😀" * 50, "x" * 2000, "a " * 1000, "\u0000\ufeff"]
    assert all(isinstance(hits, list) for hits in urls("es", bad))


def test_one_typo_variant_changes_one_word_by_one_edit():
    import difflib
    for text in ("me lastime en el trabajo", "i got hurt at work", "no me pagaron las horas extras"):
        typo = searchbench.one_typo(text)
        changed = [(a, b) for a, b in zip(text.split(), typo.split()) if a != b]
        assert len(changed) == 1 and len(text.split()) == len(typo.split()), (text, typo)
        before, after = changed[0]
        ops = [op for op in difflib.SequenceMatcher(None, before, after).get_opcodes() if op[0] != "equal"]
        assert len(before) >= 4 and 0 < len(before) - len(after) + len(ops) <= 3, (before, after)
    assert searchbench.one_typo("no me") == "no me"


def test_the_guided_path_is_offered_when_nothing_matches(built_site):
    # inside the <template> that search.js shows when nothing matched (the browser test follows it)
    for search, root in (("buscar/index.html", ""), ("en/buscar/index.html", "en/")):
        html = (built_site / search).read_text(encoding="utf-8")
        help_view = html[html.index('<template id="search-none">'):html.index("</template>")]
        assert 'href="../que-paso/"' in help_view and 'href="../ayuda/"' in help_view, search
        assert (built_site / root / "que-paso" / "index.html").exists()


# The state pages (data/states.yml): found by the state's name as people write it --------------

STATE_QUERIES = {
    "es": [("Carolina del Norte", "estados/nc/", ""), ("carolina del nrote", "estados/nc/", ""),
           ("nueva york", "estados/ny/", ""), ("NUEVA YORK", "estados/ny/", ""), ("califas", "estados/ca/", ""),
           ("Washington estado", "estados/wa/", ""), ("salario minimo en texas", "estados/tx/", "salario"),
           ("salario mínimo en Texas", "estados/tx/", "salario"), ("cuanto es el minimo en nuevo mexico", "estados/nm/", "salario"), ("no me pagan en nuevo mexico", "estados/nm/", "pago"),
           ("osha en florida", "estados/fl/", "seguridad"), ("me lastime en el trabajo en arizona", "estados/az/", "lesiones"),
           ("consulado mexicano en georgia", "estados/ga/", "consulado"), ("pensilvania", "estados/pa/", "")],
    "en": [("north carolina", "estados/nc/", ""), ("minimum wage in new york", "estados/ny/", "salario"),
           ("heat in oregon", "estados/or/", "calor"), ("washington dc", "estados/dc/", ""), ("nueva york", "estados/ny/", "")],
}


@pytest.mark.parametrize("lang", STATE_QUERIES)
def test_a_state_is_found_by_its_name_as_people_write_it(lang):
    queries = STATE_QUERIES[lang]
    hits = searchquery.run(project.load(ROOT), lang, [q for q, _, _ in queries], 3)
    for (query, url, section), found in zip(queries, hits):
        assert found and found[0].url == url, (query, [h.link for h in found])
        assert found[0].section == section, (query, found[0].link)


def test_a_query_without_a_state_s_name_shows_no_state_page():
    """A state page needs its name in the query: the 52 never crowd out the topic pages."""
    queries = ["salario minimo", "no me pagan", "me lastime en el trabajo", "consulado", "mucho calor", "osha"]
    for query, found in zip(queries, searchquery.run(project.load(ROOT), "es", queries, 10)):
        assert found and not any(h.url.startswith("estados/") for h in found), (query, [h.link for h in found])


# A worker in the US often knows a problem by its English name at work ("injury", "paycheck"),
# and types it on the Spanish page: a query the page's own index finds nothing for is asked of the
# other language's index and answered with this language's pages (the same address, its own title).
def test_words_of_the_other_language_find_this_language_s_pages():
    es = searchquery.run(project.load(ROOT), "es", ["injury", "paycheck", "retaliation", "me lastime"], 3)
    assert [hits[0].url for hits in es] == ["lesiones/", "salarios/", "represalias/", "lesiones/"], es
    assert es[0][0].title == "Lesiones y compensación"  # the Spanish page's own title
    en = searchquery.run(project.load(ROOT), "en", ["salario minimo", "me lastime"], 3)
    assert [hits[0].url for hits in en] == ["salarios/", "lesiones/"] and en[0][0].title == "Wages and hours", en


def test_a_sentence_that_mixes_the_languages_finds_its_page():
    """The other language's score for the words this one does not know adds to this one's."""
    found = urls("es", ["el boss me hizo retaliation", "tuve un injury en el trabajo", "me dio heat stroke en el field"])
    assert [f[0] for f in found] == ["represalias/", "lesiones/", "calor/"], found
    assert urls("en", ["my patron did not pay me"])[0][0] == "salarios/"


def test_a_query_no_language_knows_still_finds_nothing():
    assert urls("es", ["zzzz qqqq"]) == [[]] and urls("en", ["zzzz qqqq"]) == [[]]


@pytest.mark.parametrize("dest_uri, lang, other, link", [
    ("buscar/index.html", "es", "en", "../en/"),
    ("en/buscar/index.html", "en", "es", "../../"),
    ("index.html", "es", "en", "en/"),
    ("en/index.html", "en", "es", "../"),
])
def test_the_other_language_s_index_is_found_from_each_search_page(dest_uri, lang, other, link):
    from scripts.core import addresses
    assert addresses.other_language(lang, ["es", "en"], "es") == other
    assert addresses.other_language_root(dest_uri, other, "es") == link


# People greet and thank in what they type ("hola buenas tardes, …, gracias"): those words carry no
# topic ("tardes" is no late pay, "noches" no locked room at night), and "después" no pesticide.
def test_greetings_thanks_and_words_of_time_carry_no_topic():
    assert urls("es", ["hola buenas tardes", "gracias, saludos", "buenas noches, disculpe"]) == [[], [], []]
    assert urls("en", ["hello, thanks", "hi, thank you"]) == [[], []]
    found = urls("es", ["buenas tardes no me han pagado, gracias", "buenas noches me corrieron despues de quejarme"])
    assert [f[0] for f in found] == ["salarios/", "represalias/"], found


# On a phone the space between two words is easily lost ("horasextras", "heatstroke"): a word the
# index does not know, that is two words it knows typed together, is read as both. It is still
# asked of the other language ("lastime" on the English page is "las" + "time" there, and "lastimé").
def test_two_words_typed_without_a_space_are_read_as_both():
    found = urls("es", ["horasextras", "salariominimo", "no me pagan tiempoextra"])
    assert [f[0] for f in found] == ["salarios/", "salarios/", "salarios/"], found
    found = urls("en", ["got heatstroke picking", "workerscomp", "me lastime"])
    assert [f[0] for f in found] == ["calor/", "lesiones/", "lesiones/"], found
    assert urls("en", ["heatstroke"], ask_other=False)[0][0] == "calor/"  # English's own words, not Spanish's
    assert urls("en", ["mainland"]) == [[]]  # "main" + "land": a short half is no state's name (Maine)


# "Me deben" is how a worker says "they owe me": "deben" is no stop word, although the pages
# also write it for "must" ("le deben pagar"). It found nothing at all.
def test_they_owe_me_finds_the_pay_page():
    found = urls("es", ["me deben", "el patron me debe", "me deben 500 dolares"])
    assert [f[0] for f in found] == ["salarios/", "salarios/", "salarios/"], found


# One word is a common query. "caída" is written on no page (they say "me caí"), and "ICE" on the
# Spanish page was heard as "hice" (an injury phrase): both found the wrong page or none.
def test_one_word_a_worker_types_finds_its_page():
    found = urls("es", ["caida", "ICE", "una caída en el trabajo", "me amenazaron con ice"])
    assert [f[0] for f in found] == ["lesiones/", "represalias/", "lesiones/", "represalias/"], found


# "mine", "mina", "mail", "rain" are one letter from "maine": read as the state's name, a miner's
# accident found the Maine page first. A name is read from a typo only in a word of five letters
# or more ("texaz", "mayne"), as from the words typed whole or written by ear.
def test_a_typo_of_a_short_word_is_no_state_s_name():
    for lang, queries in {"en": ["mine", "accident in the mine", "coal mine", "mail", "rain"],
                          "es": ["mina", "accidente en la mina", "mine"]}.items():
        found = urls(lang, queries)
        assert not [hits for hits in found if any(url.startswith("estados/") for url in hits)], found
    assert [f[0] for f in urls("en", ["texaz", "mayne", "maine"])] == ["estados/tx/", "estados/me/", "estados/me/"]
    assert urls("es", ["accidente en la mina"])[0][0] == "lesiones/"


# A worker who cannot name the problem ("tengo un problema con mi patrón") is best served by the
# home page's three first steps (keep proof, know the deadlines, get help soon), not by a section
# one of the words happens to match (the sexual-harassment section, the pay records).
def test_a_problem_without_a_name_finds_the_first_steps():
    found = urls("es", ["ayuda por favor tengo un problema con mi patron", "tengo un problema en el trabajo"])
    assert [f[0] for f in found] == ["", ""], found
    found = urls("en", ["problem with my boss", "i have a problem at work", "who can i talk to"])
    assert [f[0] for f in found] == ["", "", ""], found


# "help" and "call" are in every page's text and weighed nothing; in the worker phrases and title
# only the help page has them, and there they say which page (search-core.js: NAMED, idfNamed).
def test_a_word_every_page_holds_still_names_the_page_that_lists_it():
    found = urls("en", ["who do i call for help with my job", "help"])
    assert [f[0] for f in found] == ["ayuda/", "ayuda/"], found
    assert urls("es", ["necesito ayuda con mi trabajo"])[0][0] == "ayuda/"


# "Me despidieron", "me corrieron": the same firing in workers' words. The pages' phrases say it
# one way or the other; "me despidieron por estar embarazada" found the retaliation page first
# (the discrimination page's phrase says "por estar embarazada me corrieron").
def test_despedir_and_correr_match_the_same_phrases():
    found = urls("es", ["me despidieron por estar embarazada", "me corrieron por estar embarazada",
                        "me despidieron por quejarme"])
    assert [f[0] for f in found] == ["discriminacion/", "discriminacion/", "represalias/"], found
