"""Maintainers' paths from issue #14 (items 10-15): each mistake on a copy, one plain message."""
from __future__ import annotations

import re
from pathlib import Path

from conftest import ROOT, edit, run_cli


def error_lines(output: str) -> list[str]:
    """The path:line: lines of a check run (not the summary or info lines), without the check's [id]."""
    return [re.sub(r" \[[a-z-]+\]$", "", l) for l in output.splitlines()
            if re.match(r"^[^\s:]+:\d+: ", l) and ": info: " not in l]


# 15. The words files name the same keys; a passing review date does not fail CI.

def test_english_words_file_missing_a_key(project_copy):
    path = project_copy / "data/strings/en.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"^save_contact:.*\n", "", text, flags=re.MULTILINE), encoding="utf-8")
    result = run_cli(project_copy, "check")
    assert result.returncode == 1
    es_line = next(i for i, l in enumerate((ROOT / "data/strings/es.yml").read_text().splitlines(), 1)
                   if l.startswith("save_contact:"))
    assert error_lines(result.stdout) == [
        f"data/strings/en.yml:1: 'save_contact' is missing: data/strings/es.yml has it at line {es_line}; "
        "add a line 'save_contact: …' here with the text in this language"]


def test_english_words_file_misspelled_key(project_copy):
    path = project_copy / "data/strings/en.yml"
    edit(path, "\nhours:", "\nhuors:")
    line = path.read_text(encoding="utf-8").splitlines().index(
        next(l for l in path.read_text(encoding="utf-8").splitlines() if l.startswith("huors:"))) + 1
    result = run_cli(project_copy, "check")
    assert result.returncode == 1
    assert error_lines(result.stdout) == [
        "data/strings/en.yml:1: 'hours' is missing: data/strings/es.yml has it at line "
        f"{next(i for i, l in enumerate((ROOT / 'data/strings/es.yml').read_text().splitlines(), 1) if l.startswith('hours:'))}; "
        "add a line 'hours: …' here with the text in this language",
        f"data/strings/en.yml:{line}: 'huors' is not a key of data/strings/es.yml, so the site never uses it: "
        "fix its spelling to match that file, or remove the line"]


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
    serve = [sys.executable, "-m", "scripts.engine", "serve", "-a", f"127.0.0.1:{port}"]
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
    """make serve and make site start the engine through scripts/engine.py (mix, the one-line message)."""
    recipe = (ROOT / "Makefile").read_text(encoding="utf-8").split("\nserve:", 1)[1].split("\n\n", 1)[0]
    assert "-m scripts.engine serve" in recipe and "-m mkdocs" not in recipe
    assert '"-m", "scripts.engine", "build"' in (ROOT / "scripts/build.py").read_text(encoding="utf-8")


# 13. A third language with its real three-letter code, through make site itself.

def test_make_site_with_a_three_letter_language(project_copy):
    from test_languages import add_language
    add_language(project_copy, pages=("index.md",))
    assert run_cli(project_copy, "urls").returncode == 0
    result = run_cli(project_copy, "build")
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
    first = run_cli(project_copy, "check")                                                 # step 7
    assert first.returncode == 0
    assert "run 'make urls'" in first.stdout and "/vivienda/" in first.stdout
    assert run_cli(project_copy, "urls").returncode == 0
    again = run_cli(project_copy, "check")
    assert again.returncode == 0 and again.stdout == "check: no errors, 0 warning(s).\n", again.stdout
    site = build_site(project_copy, tmp_path / "site")
    for home, lang in ((site / "index.html", "es"), (site / "en/index.html", "en")):
        links = topic_links(home.read_text(encoding="utf-8"))
        hrefs = [href for href, _ in links]
        assert hrefs[hrefs.index("h2b/") + 1] == "vivienda/", hrefs  # in the menu's order
        assert ("vivienda/", NEW_TOPIC[lang][0]) in links
        assert NEW_TOPIC[lang][1] in home.read_text(encoding="utf-8")
        # not topics: the home page, the help directory, search and flyers (own templates)
        assert not {"./", "ayuda/", "buscar/", "volantes/"} & set(hrefs)
        assert "acerca/" in hrefs and len(hrefs) == 14


def test_home_pages_type_no_topic_by_hand():
    for lang in ("es", "en"):
        text = (ROOT / "content" / lang / "index.md").read_text(encoding="utf-8")
        topics = text.split("{#temas}", 1)[1]
        assert topics.strip().startswith("[[topics]]"), lang
        assert "/index.md)" not in topics.split("\n## ", 1)[0], lang


def test_topics_tag_with_an_id(project_copy):
    path = project_copy / "content/es/index.md"
    edit(path, "[[topics]]", "[[topics:salarios]]")
    line = path.read_text(encoding="utf-8").splitlines().index("[[topics:salarios]]") + 1
    result = run_cli(project_copy, "check")
    assert result.returncode == 1
    assert [l for l in error_lines(result.stdout) if "warning:" not in l] == [
        f"content/es/index.md:{line}: [[topics]] takes no id: write just [[topics]]"]
