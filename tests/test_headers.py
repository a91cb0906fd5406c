"""The headers a host must send, written once (issue 28, part 4): site/_headers for Netlify and
Cloudflare Pages, site/.htaccess for Apache, `make headers` for nginx. Pages may not be framed by
another site; the embed pages may, under their own stricter policy; each built file is under
exactly one rule (hosts differ on what two matching rules do)."""
from __future__ import annotations

import fnmatch
import re

from scripts.website import headers
from scripts.website.exports import EMBED_CSP

from conftest import ROOT, run_cli


def rules(site) -> list[tuple[str, dict[str, str]]]:
    found: list[tuple[str, dict[str, str]]] = []
    for line in (site / "_headers").read_text(encoding="utf-8").splitlines():
        if line.startswith("/"):
            found.append((line, {}))
        elif line.startswith("  "):
            name, value = line.strip().split(": ", 1)
            found[-1][1][name] = value
    return found


def test_each_published_file_is_under_exactly_one_rule(built_site):
    listed = rules(built_site)
    assert len(listed) < 100  # Cloudflare Pages reads at most 100 rules
    for file in built_site.rglob("*"):
        if not file.is_file() or file.name == "_headers":  # read by the host, never served
            continue
        url = "/" + file.relative_to(built_site).as_posix()
        matching = [h for pattern, h in listed if fnmatch.fnmatchcase(url, pattern)]
        assert len(matching) == 1, (url, len(matching))
        framed = "/embed/" in url
        policy = matching[0]["Content-Security-Policy"]
        assert (policy == EMBED_CSP) if framed else policy.endswith("frame-ancestors 'none'"), url
        assert matching[0]["X-Content-Type-Options"] == "nosniff" and matching[0]["Referrer-Policy"] == "no-referrer"
    assert [h for p, h in listed if p == "/"] and [h for p, h in listed if p == "/trata/*"][0]["X-Frame-Options"] == "DENY"


def test_apache_and_nginx_say_the_same(built_site):
    htaccess = (built_site / ".htaccess").read_text(encoding="utf-8")
    nginx = run_cli(ROOT, "headers")
    assert nginx.returncode == 0
    for text, line in ((htaccess, 'Header always set {} "{}"'), (nginx.stdout, 'add_header {} "{}" always;')):
        for name, value in {**headers.PAGES, **headers.EMBEDS}.items():
            assert line.format(name, value) in text or name == "Content-Security-Policy"
        assert line.format("Content-Security-Policy", headers.PAGES["Content-Security-Policy"]) in text
        assert line.format("Content-Security-Policy", EMBED_CSP) in text
        assert "/en/404.html" in text and "/404.html" in text
    assert re.search(r"m#\^\(\?:/embed/\|/en/embed/\)#", htaccess)
    assert "location ~ ^(?:/embed/|/en/embed/) {" in nginx.stdout


def test_docs_say_how_to_publish_on_each_host():
    guide = (ROOT / "docs/hosting.md").read_text(encoding="utf-8")
    for words in ("SITE_URL=", "Netlify", "Cloudflare Pages", "Apache", "nginx", "make headers", "GitHub Pages",
                  "cannot send any of these rules", "`/404.html`", "`/en/404.html`", "JavaScript is off"):
        assert words in guide, words
