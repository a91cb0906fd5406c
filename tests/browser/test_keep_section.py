"""The language switcher keeps the #section when JavaScript is on (overrides/assets/keep-section.js),
and still leads to the twin page without it. Uses the session's Chromium and local server."""
from __future__ import annotations

import pytest


@pytest.mark.parametrize("javascript,expected", [(True, "en/salarios/#horas-extra"), (False, "en/salarios/")])
def test_switching_language_keeps_the_section_when_javascript_is_on(chromium, server, javascript, expected):
    context = chromium.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        errors: list[str] = []
        page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
        page.goto(server.url + "salarios/#horas-extra")
        page.click('a[hreflang="en"]')
        page.wait_for_url(server.url + expected)
        assert page.url == server.url + expected
        assert errors == []  # e.g. the Content-Security-Policy did not block the script
    finally:
        context.close()
