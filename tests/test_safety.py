"""Safe content: scripts, frames, handlers, javascript: and http:// links are errors; links outside
the allowlist are warnings; the built site's Content-Security-Policy holds in a real browser."""
from __future__ import annotations

import itertools
import re
import shutil
from pathlib import Path

import pytest

from scripts.bench.chromium import launch
from scripts.bench.server import StaticServer
from scripts.core import rendered
from scripts.website import onefile

from conftest import EN_WAGES, ES_WAGES, ROOT, append_line, check_project, edit, line_of, run_cli


def english_outdated(root: Path) -> tuple[str, int, str]:
    """The warning that follows any edit of the Spanish wages page: its English twin is now outdated."""
    return EN_WAGES, line_of(root / EN_WAGES, "translation_of:"), "translations-current"


@pytest.mark.parametrize("text, words", [
    ("<script>alert(1)</script>", "<script> is not allowed"),
    ("<SCRIPT src=https://evil.example/x.js></SCRIPT>", "<script> is not allowed"),
    ('<iframe src="https://www.dol.gov/"></iframe>', "<iframe> is not allowed in a page outside the embed pages"),
    ('<a href="https://www.dol.gov/" onclick="steal()">DOL</a>', "'onclick=' runs a script"),
    ('<img src="x.png" onerror="steal()">', "'onerror=' runs a script"),
    ('[DOL](https://www.dol.gov/){ onmouseover="steal()" }', "'onmouseover=' runs a script"),
    ("[Llame aquí](javascript:alert(1))", "a 'javascript:' link runs a script"),
    ("[DOL](http://www.dol.gov/agencies/whd)", "'http://www.dol.gov/agencies/whd' is an http:// link"),
    ("<http://www.dol.gov>", "is an http:// link"),
    # issue 28, part 3: redirects, forms and addresses a browser reads otherwise than Python
    ('<meta http-equiv="refresh" content="0;url=//evil.example">', "<meta> is not allowed in a page (it can send"),
    ('<form action="https://evil.example/"><input name=a></form>', "<form> is not allowed in a page (it can send what"),
    ('<base href="https://evil.example/">', "<base> is not allowed"),
    ("[DOL](https://www.dol.gov/){: href=https://evil.example/ }", "'{: href=… }' replaces the address"),
    ("[DOL](//evil.example/whd)", "link to 'evil.example', a site outside the allowlist"),
    ("[DOL](https://evil.example\\@dol.gov/)", "link to 'evil.example'"),
    ("[DOL](https:\\\\evil.example/)", "link to 'evil.example'"),
    ('<a href="&#104;ttps://evil.example/">DOL</a>', "link to 'evil.example'"),
    ("<//evil.example/x>", "link to 'evil.example'"),
    ("[x]: //evil.example/", "link to 'evil.example'"),                  # a reference definition
    ('<img srcset="https://evil.example/a.png 1x">', "a picture or file from another site (evil.example)"),
    # a picture, video or sound fetched by every phone that opens the page: refused even from an allowlisted site
    ("![logo](https://www.dol.gov/logo.png)", "'https://www.dol.gov/logo.png' is a picture or file from another site"),
    ('<img src="https://www.osha.gov/x.png" alt="">', "is a picture or file from another site (www.osha.gov)"),
    ('<video src="v.mp4" poster="https://www.dol.gov/p.jpg"></video>', "'https://www.dol.gov/p.jpg' is a picture"),
    ('<p style="background: url(\'https://www.dol.gov/bg.png\')">x</p>', "'https://www.dol.gov/bg.png' is a picture"),
    ("![logo](//www.dol.gov/logo.png)", "is a picture or file from another site (www.dol.gov)"),
    ("![logo](http://www.dol.gov/logo.png)", "Save the file next to this page, in content/es/salarios/"),  # not also 'write https://'
])
def test_unsafe_markdown_is_an_error_at_its_line(project_copy, text, words):  # one message a line
    line = append_line(project_copy / ES_WAGES, text)
    checked = check_project(project_copy)
    assert checked.failed
    assert checked.records == {(ES_WAGES, line, "safety"), english_outdated(project_copy)}, checked
    assert words in checked.text


def test_code_examples_are_not_flagged(project_copy):
    append_line(project_copy / ES_WAGES, "Escriba `<script>` o `http://` solo como ejemplo.")
    append_line(project_copy / ES_WAGES, "Un ejemplo:\n\n    <script>alert(1)</script>\n    <a onclick=x href=http://a.b>")
    assert check_project(project_copy).records == {english_outdated(project_copy)}


# The site's renderer has no fenced code blocks: what only looks like a fence is published as it
# stands (the check once blanked it out and the page ran the script).
@pytest.mark.parametrize("text", [
    "```\n<script src=/x.js></script>\n```",                          # a fence the renderer does not know
    "  ```\n<script src=/x.js></script>\n  ```",                      # an indented one
    "````\nfoo\n```\n<script src=/x.js></script>\n````",             # four backticks closed by three
    "~~~\n<script src=/x.js></script>\n~~~",
    "Ejemplo: `<script>`\n\n<script src=/x.js></script>",           # beside a real code example
])
def test_a_pretended_code_block_is_read_as_the_renderer_reads_it(project_copy, text):
    line = append_line(project_copy / ES_WAGES, text)
    script_line = line + text.split("\n").index(next(l for l in text.split("\n") if l.startswith("<script")))
    checked = check_project(project_copy)
    assert checked.of("safety") == {(ES_WAGES, script_line, "safety")}, checked
    assert "<script> is not allowed" in checked.text


def test_iframe_is_allowed_on_an_embed_page_only(project_copy):
    for lang in ("es", "en"):
        page = project_copy / f"content/{lang}/embed/ejemplo.md"
        page.parent.mkdir(parents=True)
        page.write_text("---\ntitle: Embed\ndescription: Embed.\nreviewed: 2026-11-23\nsources:\n"
                        "  - https://www.dol.gov/\n---\n# Embed\n\n"
                        '<iframe src="https://www.dol.gov/"></iframe>\n', encoding="utf-8")
    checked = check_project(project_copy)
    assert not [r for r in checked.records if r[2] == "safety"], checked  # (the new pages are not in the menu)


def test_link_outside_the_allowlist_is_an_error_until_allowed(project_copy):
    line = append_line(project_copy / EN_WAGES, "See [this guide](https://example.org/guide).")
    checked = check_project(project_copy)
    assert checked.failed
    assert checked.records == {(EN_WAGES, line, "safety")}, checked
    assert "link to 'example.org', a site outside the allowlist" in checked.text
    listed = run_cli(project_copy, "links")
    assert f"{EN_WAGES}:{line}: https://example.org/guide  <- not in allowed_domains" in listed.stdout
    assert "1 outside the allowlist: example.org" in listed.stdout

    edit(project_copy / "data/checks.yml", "allowed_domains:\n", "allowed_domains:\n  - example.org\n")
    assert check_project(project_copy).records == set()


def test_a_contact_website_is_read_as_the_browser_reads_it(project_copy):
    text = (project_copy / "data/contacts.yml").read_text(encoding="utf-8")
    at = text.index("website: https://")
    line = text[:at].count("\n") + 1
    edit(project_copy / "data/contacts.yml", "website: https://", "website: https://evil.example\\@")
    checked = check_project(project_copy)
    assert ("data/contacts.yml", line, "safety") in checked.records, checked
    assert "link to 'evil.example'" in checked.text


def test_look_alike_domain_is_not_allowed(project_copy):
    line = append_line(project_copy / EN_WAGES, "[DOL](https://dol.gov.example.com/whd)")
    checked = check_project(project_copy)
    assert checked.records == {(EN_WAGES, line, "safety")}, checked
    assert "link to 'dol.gov.example.com'" in checked.text


def test_links_lists_page_registry_and_source_links():
    result = run_cli(ROOT, "links")
    assert result.returncode == 0
    assert re.search(r"^content/es/[\w/]+\.md:\d+: https://", result.stdout, re.MULTILINE)
    assert re.search(r"^data/contacts\.yml:\d+: https://", result.stdout, re.MULTILINE)
    assert re.search(r"links: \d+ link\(s\) to \d+ site\(s\); 0 outside the allowlist", result.stdout), result.stdout


def test_real_tree_is_safe():
    assert [r for r in check_project(ROOT).records if r[2] == "safety"] == []


# Content-Security-Policy ---------------------------------------------------------------------

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def test_every_page_carries_the_policy_and_no_inline_script(built_site):
    pages = sorted(built_site.rglob("*.html"))
    assert len(pages) > 20
    for page in pages:
        html = page.read_text(encoding="utf-8")
        if "<html" not in html:
            continue  # redirect stubs are plain meta-refresh pages
        policy = CSP.search(html)
        assert policy, f"no CSP meta tag in {page}"
        if "embed" in page.relative_to(built_site).parts:  # an NGO's iframe: stricter, no script at all
            assert policy.group(1).startswith("default-src 'none';") and "script-src" not in policy.group(1)
            assert "<script" not in html
            continue
        if page.parent.name == onefile.FOLDER and page.name != "index.html":  # the one-file guide: loads nothing
            assert policy.group(1) == onefile.CSP and "<script" not in html
            continue
        assert "script-src 'self'" in policy.group(1) and "default-src 'self'" in policy.group(1)
        assert "img-src 'self';" in policy.group(1)  # no data: images: nothing loads one (Chromium test below)
        assert "font-src 'none'" in policy.group(1) and "worker-src 'self'" in policy.group(1)  # the site's own service worker only
        # an executable inline script would be blocked by the policy (and is not wanted anyway)
        for tag in re.findall(r"<script\b[^>]*>", html):
            assert "src=" in tag or 'type="application/json"' in tag, f"inline script in {page}: {tag}"


@pytest.fixture
def served(built_site, tmp_path):
    """A copy of the built site on 127.0.0.1 (a copy, so one page can be broken on purpose)."""
    site = shutil.copytree(built_site, tmp_path / "site")
    with StaticServer(site) as server:  # the browser tests' server (tests/browser/conftest.py)
        yield site, server.url


def visit(base: str, paths: list[str], wait_for: dict[str, str]) -> tuple[list[str], dict[str, int]]:
    """Open the pages in Chromium; return the console's CSP messages and counts of awaited elements."""
    from playwright.sync_api import sync_playwright
    messages: list[str] = []
    found: dict[str, int] = {}
    with sync_playwright() as p:
        browser = launch(p)  # the browser tests' Chromium and flags
        page = browser.new_page()
        page.on("console", lambda m: messages.append(m.text))
        page.on("pageerror", lambda e: messages.append(str(e)))
        for path in paths:
            page.goto(base + path)
            if path in wait_for:
                page.wait_for_selector(wait_for[path], timeout=15000)
                found[path] = page.locator(wait_for[path]).count()
            page.wait_for_load_state("load")
        browser.close()
    return [m for m in messages if "Content Security Policy" in m or "Content-Security-Policy" in m], found


def test_pages_and_search_work_under_the_policy_in_chromium(served):
    site, base = served
    searches = {"buscar/?q=horas+extra": "#search-results li a", "en/buscar/?q=overtime": "#search-results li a"}
    pages = [p.relative_to(site).as_posix().removesuffix("index.html") for p in sorted(site.rglob("*.html"))
             if CSP.search(p.read_text(encoding="utf-8"))]
    assert "salarios/" in pages and "en/salarios/" in pages
    violations, found = visit(base, [*pages, *searches], searches)
    assert violations == []
    assert all(count > 0 for count in found.values()), found

    # The same check sees a violation when there is one: an inline script put in a page on purpose.
    page = site / "acerca/index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</body>", "<script>document.title='x'</script></body>"),
                    encoding="utf-8")
    violations, _ = visit(base, ["acerca/"], {})
    assert violations and "script-src" in violations[0]


def test_may_hold_code_answers_as_the_multiline_regex_did():
    """rendered.may_hold_code tests substrings instead of the regex `|^(?: {4}|\t) (re.MULTILINE):
    the same answer on every text of up to 6 characters from backtick, space, tab, newline, CR and a letter."""
    regex = re.compile(r"`|^(?: {4}|\t)", re.MULTILINE)
    for size in range(7):
        for chars in itertools.product("` \t\n\ra", repeat=size):
            text = "".join(chars)
            assert rendered.may_hold_code(text) == bool(regex.search(text)), repr(text)


def test_the_https_pattern_finds_what_the_case_blind_one_did():
    """safety.URL is written to start with [hH] (faster to scan): the same matches as
    r"\bhttps://…" with re.IGNORECASE, for every case of 'https', the long s, and what stands around."""
    from scripts.checks import safety
    blind = re.compile(r"\bhttps://[^\s)<>\"'\]]+", re.IGNORECASE)
    befores = ["", " ", "x", "X", "_", "1", "é", "ſ", "K", "İ", "(", "<", "[", "\n", "/", "-", ".", "h", "H"]
    for letters in itertools.product("hH", "tT", "tT", "pP", "sSſ"):
        word = "".join(letters)
        for before in befores:
            for after in ["://a", "://a.gov/x) y", ":/a", "://", "://é ñ", "://a'b", "://a\"b<c", "://a]b"]:
                text = before + word + after + " " + before + word + after
                assert [m.span() for m in safety.URL.finditer(text)] == [m.span() for m in blind.finditer(text)], repr(text)


def test_a_picture_of_this_site_or_in_a_code_example_is_not_fetched_from_another_site(project_copy):
    """Pictures kept beside the page load from this site; a code span or an indented block shows
    the Markdown instead of loading it."""
    page = project_copy / ES_WAGES
    append_line(page, "![cartel](cartel.png) ![otro](../assets/favicon.svg) ![dato](data:image/png;base64,AAAA)")
    append_line(page, "Escriba `![logo](https://www.dol.gov/logo.png)` así.")
    append_line(page, "    ![logo](https://www.dol.gov/logo.png)")
    assert not check_project(project_copy).of("safety")


def test_a_picture_from_another_site_on_a_page_of_plain_markdown_is_found(project_copy):
    """A page with no HTML, no attribute list and no http:// (none of the quick gates of the other
    rules) is still read for pictures."""
    page = project_copy / ES_WAGES
    head, _, _ = page.read_text(encoding="utf-8").partition("\n---\n")
    page.write_text(head + "\n---\n# Salarios\n\nTexto.\n\n![logo](https://www.dol.gov/logo.png)\n", encoding="utf-8")
    checked = check_project(project_copy)
    assert (ES_WAGES, line_of(page, "![logo]"), "safety") in checked.errors, checked
