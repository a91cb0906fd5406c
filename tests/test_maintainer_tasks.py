"""Maintainers' tasks (issue 14, items 10-15): make serve, a third language through make site, a new topic by docs/pages.md's steps, and their mistakes on a copy, each one plain message."""
from __future__ import annotations

import json
import re
from pathlib import Path

from scripts.core import menu as core_menu
from scripts.core import project, typography
from scripts.website import topics as topic_list

from conftest import REGISTRY, ROOT, check_project, edit, line_of, make_site, run_cli

EN_WORDS = "data/strings/en.yml"


# 15. The words files name the same keys; a passing review date does not fail CI.

def test_english_words_file_missing_a_key(project_copy):
    path = project_copy / "data/strings/en.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^save_contact:.*\n", "", text, flags=re.MULTILINE), encoding="utf-8")
    checked = check_project(project_copy)
    assert checked.failed
    assert checked.records == {(EN_WORDS, 1, "same-keys")}, checked
    es_line = line_of(ROOT / "data/strings/es.yml", "save_contact:")
    assert f"'save_contact' is missing: data/strings/es.yml has it at line {es_line}" in checked.text


def test_english_words_file_misspelled_key(project_copy):
    path = project_copy / "data/strings/en.yml"
    edit(path, "\nhours:", "\nhuors:")
    checked = check_project(project_copy)
    assert checked.failed
    assert checked.records == {(EN_WORDS, 1, "same-keys"), (EN_WORDS, line_of(path, "huors:"), "same-keys")}, checked
    assert "'huors' is not a key of data/strings/es.yml" in checked.text


def ci_check_command() -> list[str]:
    """The check line of the Makefile's test target, which .ci/run runs on the server."""
    assert "make test" in (ROOT / ".ci/run").read_text(encoding="utf-8")
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\ntest:", 1)[1].split("\n\n", 1)[0]
    line = next(l.strip() for l in recipe.splitlines() if "-m scripts check" in l)
    return line.split("-m scripts ", 1)[1].split()


def test_passed_review_date_warns_but_does_not_fail_ci(project_copy):
    path = project_copy / "content/es/calor/index.md"
    edit(path, re.search(r"reviewed: \S+", path.read_text(encoding="utf-8")).group(0), "reviewed: 2020-01-15")
    line = path.read_text(encoding="utf-8").splitlines().index("reviewed: 2020-01-15") + 1
    result = run_cli(project_copy, *ci_check_command())
    assert result.returncode == 0, result.stdout
    assert [l for l in result.stdout.splitlines() if "warning:" in l] == [
        l for l in result.stdout.splitlines() if l.startswith(f"content/es/calor/index.md:{line}: warning: reviewed on 2020-01-15")]
    assert "warning: reviewed on 2020-01-15" in result.stdout


def test_docs_say_what_ci_runs():
    """docs/checks.md says CI does not use --strict, and no doc says it does."""
    assert "--strict" not in ci_check_command()
    assert "do **not** use `--strict`" in (ROOT / "docs/checks.md").read_text(encoding="utf-8")
    for doc in (ROOT / "docs").glob("*.md"):
        text = doc.read_text(encoding="utf-8")
        assert not re.search(r"(server|automatic checks|CI)[^.*]*use `--strict`", text), doc.name


# 12. make serve: a second one says "in use" in one line; the exports are in the preview.

def free_port() -> int:
    import socket
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> tuple[int, bytes]:
    import urllib.error
    import urllib.request
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as exc:
        return exc.code, b""
    except OSError:
        return 0, b""


def test_serve_twice_and_exports_in_the_preview(project_copy):
    import subprocess
    import sys
    import time
    port = free_port()
    serve = [sys.executable, "-m", "scripts.website.engine", "serve", "-a", f"127.0.0.1:{port}"]
    first = subprocess.Popen(serve, cwd=project_copy, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 90
        while fetch(base)[0] != 200:
            assert first.poll() is None and time.monotonic() < deadline, first.stdout.read() if first.poll() is not None else "timeout"
            time.sleep(0.5)
        status, body = fetch(base + "contactos/osha.vcf")
        assert status == 200 and b"BEGIN:VCARD" in body and b"TEL" in body
        status, body = fetch(base + "en/contactos/osha.vcf")
        assert status == 200 and b"BEGIN:VCARD" in body
        status, body = fetch(base + "contacts.json")
        assert status == 200 and b'"osha"' in body
        for embed in ("embed/us/", "en/embed/mx/"):
            status, body = fetch(base + embed)
            assert status == 200 and b"contact-card" in body, embed

        second = subprocess.run(serve, cwd=project_copy, capture_output=True, text=True, timeout=60)
        assert second.returncode == 1
        assert second.stdout == ""
        assert second.stderr.splitlines() == [
            f"make serve: http://127.0.0.1:{port}/ is already in use, probably by another 'make serve': "
            "open that address in the browser, or stop the other one with Ctrl+C in its window."]
    finally:
        first.terminate()
        first.wait(timeout=30)
    assert "Traceback" not in first.stdout.read()


def test_make_serve_uses_the_project_engine():
    """make serve and make site start the engine through scripts/website/engine.py (mix, the one-line message)."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nserve:", 1)[1].split("\n\n", 1)[0]
    assert "-m scripts.website.engine serve" in recipe and "-m mkdocs" not in recipe
    # make site runs its engines through engine.build (mkdocs' Python interface), never mkdocs directly.
    source = (ROOT / "scripts/build.py").read_text(encoding="utf-8")
    assert "engine.build" in source and "import mkdocs" not in source and '"mkdocs"' not in source


# 13. A third language with its real three-letter code, through make site itself.

def test_make_site_with_a_three_letter_language(project_copy, made_site):
    from test_languages import add_language
    add_language(project_copy, pages=("index.md",))
    assert run_cli(project_copy, "urls").returncode == 0
    result = make_site(project_copy, flyers_from=made_site.root)
    assert result.returncode == 0, result.stdout + result.stderr
    site = project_copy / "site"
    for page in ("mix/index.html", "mix/salarios/index.html", "mix/404.html"):
        assert '<html lang="mix"' in (site / page).read_text(encoding="utf-8"), page
    home = (site / "index.html").read_text(encoding="utf-8")
    assert 'hreflang="mix" lang="mix">Tu\'un savi</a>' in home.replace("&#39;", "'")
    assert re.search(r'<link rel="alternate" hreflang="mix" href="[^"]*/mix/">', home)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert 'hreflang="mix"' in sitemap and 'hreflang="xm"' not in sitemap
    assert '<meta property="og:locale" content="mix">' in (site / "mix/index.html").read_text(encoding="utf-8")


# 10. The home page's list of topics comes from the menu; docs/pages.md's steps, in order.

PHRASES = {"es": ["cuarto", "donde vivo", "la casa del patrón"], "en": ["room", "where I live", "boss's house"]}
NEW_TOPIC = {
    "es": ("Vivienda para trabajadores H-2A", "Lo que debe tener la vivienda que el patrón le da con visa H-2A.",
           "Con visa H-2A, el patrón le da vivienda sin costo.\n\n## Cómo presentar una queja {#queja}\n\nLlame a [[phone:whd]]."),
    "en": ("Housing for H-2A workers", "What the housing your employer gives you on an H-2A visa must have.",
           "With an H-2A visa, your employer gives you housing at no cost.\n\n## How to file a complaint {#queja}\n\nCall [[phone:whd]]."),
}


def add_topic(root: Path, folder: str = "vivienda") -> None:
    """docs/pages.md steps 2 to 5: both pages, their front matter, the menu line (after h2b)."""
    for lang, (title, description, body) in NEW_TOPIC.items():
        page = root / "content" / lang / folder / "index.md"
        page.parent.mkdir(parents=True)
        page.write_text(f"---\ntitle: {title}\ndescription: {description}\nreviewed: 2026-11-23\nsources:\n"
                        f"  - https://www.dol.gov/agencies/whd/agriculture/h2a\nphrases:\n  page:\n"
                        + "".join(f"    - {p}\n" for p in PHRASES[lang]) + f"---\n# {title}\n\n{body}\n", encoding="utf-8")
    edit(root / "mkdocs.yml", "  - h2b/index.md\n", f"  - h2b/index.md\n  - {folder}/index.md\n")


def topic_links(html: str) -> list[tuple[str, str]]:
    section = html.split('id="temas"', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<li><a href="([^"]+)">([^<]+)</a>', section)


def test_new_topic_appears_on_both_home_pages(project_copy, tmp_path):
    from conftest import build_site
    add_topic(project_copy)
    assert run_cli(project_copy, "translated", "en/vivienda/index.md").returncode == 0   # step 6
    first = check_project(project_copy)                                                    # step 7
    assert first.records == {("data/urls.txt", 1, "manifest")}, first  # a warning: run 'make urls'
    assert "/vivienda/" in first.text
    assert run_cli(project_copy, "urls").returncode == 0
    assert check_project(project_copy).records == set()
    site = build_site(project_copy, tmp_path / "site")
    # Every page of the menu is listed but the home page, the help directory ([[directory]]) and the
    # pages with a template of their own (docs/pages.md): counted with the site's own rule.
    proj = project.load(project_copy)
    menu = core_menu.page_paths(core_menu.nav(proj))
    topics = sum(1 for rel in menu if topic_list.is_topic(proj.pages["es"][rel]))
    assert "vivienda/index.md" in menu and topics > 10, menu
    for home, lang in ((site / "index.html", "es"), (site / "en/index.html", "en")):
        written = typography.plain(home.read_text(encoding="utf-8"))  # "H‑2A" read as the Markdown writes it
        links = topic_links(written)
        hrefs = [href for href, _ in links]
        assert hrefs[hrefs.index("h2b/") + 1] == "vivienda/", hrefs  # in the menu's order
        assert ("vivienda/", NEW_TOPIC[lang][0]) in links
        assert NEW_TOPIC[lang][1] in written
        # not topics: the home page, the help directory, search and flyers (own templates)
        assert not {"./", "ayuda/", "buscar/", "volantes/"} & set(hrefs)
        assert "acerca/" in hrefs and len(hrefs) == topics
    # The search page's "every topic" list is the same list, made from the menu too.
    for search, lang in ((site / "buscar/index.html", "es"), (site / "en/buscar/index.html", "en")):
        links = topic_links(typography.plain(search.read_text(encoding="utf-8")))
        hrefs = [href for href, _ in links]
        assert hrefs[hrefs.index("../h2b/") + 1] == "../vivienda/", hrefs
        assert ("../vivienda/", NEW_TOPIC[lang][0]) in links
        assert not {"../", "../ayuda/", "./", "../volantes/"} & set(hrefs)
        assert "../acerca/" in hrefs and len(hrefs) == topics


def test_home_pages_type_no_topic_by_hand():
    for lang in ("es", "en"):
        text = (ROOT / "content" / lang / "index.md").read_text(encoding="utf-8")
        topics = text.split("{#temas}", 1)[1]
        assert topics.strip().startswith("[[topics]]"), lang
        assert "/index.md)" not in topics.split("\n## ", 1)[0], lang


def test_topics_tag_with_an_id(project_copy):
    path = project_copy / "content/es/index.md"
    edit(path, "[[topics]]", "[[topics:salarios]]")
    checked = check_project(project_copy)
    assert checked.errors == {("content/es/index.md", line_of(path, "[[topics:salarios]]"), "contact-ids")}, checked
    assert "[[topics]] takes no id" in checked.text


# 11. A local office (scope: local): on the pages that name it, in no national list.

LOCAL_OFFICE = """  centro_ejemplo:
    scope: local
    group: us
    name:
      es: Centro de Trabajadores Ejemplo
      en: Example Workers' Center
    phone: "+13123535400"
    website: https://www.ejemplo-ong.org/
    source: https://www.ejemplo-ong.org/contacto/
    checked: 2026-11-23
    confidence: verified
"""


def add_local_office(root: Path) -> int:
    """docs/contacts.md, 'A local office', step 1; returns the line of its scope: line."""
    path = root / "data/contacts.yml"
    edit(path, "contacts:\n", "contacts:\n" + LOCAL_OFFICE)
    return path.read_text(encoding="utf-8").splitlines().index("    scope: local") + 1


def test_local_office_follows_the_docs(project_copy, tmp_path):
    from conftest import build_site
    from scripts.website import exports
    scope_line = add_local_office(project_copy)
    first = check_project(project_copy)
    # a site outside the allowlist stops the build (issue #28); the other steps are warnings
    assert first.failed and "add its domain to allowed_domains in data/checks.yml" in first.text, first
    assert first.records == {(REGISTRY, scope_line, "local-contacts-used"), ("data/urls.txt", 1, "manifest"),
                             (REGISTRY, scope_line + 6, "safety"), (REGISTRY, scope_line + 7, "safety")}, first
    assert "add [[contact:centro_ejemplo]] to the pages for its area" in first.text
    # step 2: the allowlist; step 3: the pages for its area, in both languages
    edit(project_copy / "data/checks.yml", "  - polarisproject.org\n",
         "  - polarisproject.org\n  - ejemplo-ong.org   # Centro de Trabajadores Ejemplo, vetted 2026-11-23\n")
    for lang in ("es", "en"):
        page = project_copy / "content" / lang / "salarios/index.md"
        page.write_text(page.read_text(encoding="utf-8").rstrip("\n") + "\n\n[[contact:centro_ejemplo]]\n", encoding="utf-8")
    assert run_cli(project_copy, "translated", "en/salarios/index.md").returncode == 0
    assert run_cli(project_copy, "urls").returncode == 0  # step 4: its vCard's address is published for good
    assert check_project(project_copy).records == set()

    site = build_site(project_copy, tmp_path / "site")
    assert exports.export(project.load(project_copy), site) == []
    for prefix in ("", "en/"):
        assert 'id="contacto-centro_ejemplo"' in (site / prefix / "salarios/index.html").read_text(encoding="utf-8")
        assert "centro_ejemplo" not in (site / prefix / "ayuda/index.html").read_text(encoding="utf-8")
        assert "centro_ejemplo" not in (site / prefix / "index.html").read_text(encoding="utf-8")
        for embed in (site / prefix / "embed").glob("*/index.html"):
            assert "centro_ejemplo" not in embed.read_text(encoding="utf-8") and "Ejemplo" not in embed.read_text(encoding="utf-8")
        folder = next(p.parent for p in (site / prefix).glob("*/osha.vcf"))
        assert (folder / "centro_ejemplo.vcf").is_file()  # the card's "save to my phone" link works
        every = [p for p in folder.glob("*.vcf") if p.stem not in project.load(project_copy).registry.contacts]
        assert every and all("Ejemplo" not in p.read_text(encoding="utf-8") for p in every)
    data = json.loads((site / "contacts.json").read_text(encoding="utf-8"))
    assert "centro_ejemplo" not in [c["id"] for c in data["contacts"]] and "osha" in [c["id"] for c in data["contacts"]]


def test_local_office_on_a_flyer_counts_as_named(project_copy):
    scope_line = add_local_office(project_copy)
    edit(project_copy / "data/checks.yml", "  - polarisproject.org\n", "  - polarisproject.org\n  - ejemplo-ong.org\n")
    assert run_cli(project_copy, "urls").returncode == 0
    assert check_project(project_copy).records == {(REGISTRY, scope_line, "local-contacts-used")}
    flyer_pages = [p for p in (project_copy / "content/es").rglob("index.md") if "\nflyer:" in p.read_text(encoding="utf-8")]
    assert flyer_pages
    for lang in ("es", "en"):
        page = project_copy / "content" / lang / flyer_pages[0].relative_to(project_copy / "content/es")
        text = page.read_text(encoding="utf-8")
        listed = re.search(r"\n  contacts: \[([^\]]*)\]\n", text)
        assert listed, page
        page.write_text(text.replace(listed.group(0), f"\n  contacts: [{listed.group(1)}, centro_ejemplo]\n"), encoding="utf-8")
    # only the note that the Spanish page changed after its twin: the local office now counts as named
    en_page = project_copy / "content/en" / flyer_pages[0].relative_to(project_copy / "content/es")
    assert check_project(project_copy).records == {
        (en_page.relative_to(project_copy).as_posix(), line_of(en_page, "translation_of:"), "translations-current")}


def test_scope_with_a_typo(project_copy):
    scope_line = add_local_office(project_copy)
    edit(project_copy / "data/contacts.yml", "    scope: local\n", "    scope: locale\n")
    edit(project_copy / "data/checks.yml", "  - polarisproject.org\n", "  - polarisproject.org\n  - ejemplo-ong.org\n")
    checked = check_project(project_copy)
    assert checked.errors == {(REGISTRY, scope_line, "registry")}, checked
    assert "'scope:' must be 'national'" in checked.text
