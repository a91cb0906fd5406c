"""The words page (issue 26, item 9): every phrase people use, A to Z, is long (about 88 screens on a
phone), so it starts with a row of letter links. On a 360 x 640 phone, with JavaScript off and on:
the row is on the first screen (at 100 % and 200 % text), above the first letter; every letter of the page has its link and
every link its letter; tapping a letter (a plain #anchor, no script) shows that letter's heading
on screen, below the sticky header, and the phrases under it."""
from __future__ import annotations

import pytest

from scripts.bench.chromium import PHONE


@pytest.mark.parametrize("scale", [1, 2], ids=["100pct", "200pct"])
@pytest.mark.parametrize("js", [False, True], ids=["no-js", "js"])
@pytest.mark.parametrize("lang", ["es", "en"])
def test_the_a_to_z_links_are_at_the_top_and_work_without_javascript(chromium, server, lang, js, scale):
    context = chromium.new_context(viewport=PHONE, java_script_enabled=js)
    try:
        page = context.new_page()
        if scale != 1:  # the phone's text size setting, as tests/browser/test_reflow.py sets it
            session = context.new_cdp_session(page)
            session.send("Page.enable")
            session.send("Page.setFontSizes", {"fontSizes": {"standard": 16 * scale, "fixed": 13 * scale}})
        start = f"{server.url}{'' if lang == 'es' else 'en/'}palabras/"
        page.goto(start)
        row = page.locator(".md-content .words-letters")
        assert row.count() == 1
        box = row.bounding_box()
        assert box and box["y"] < PHONE["height"], f"the letters start at {box} px, below the first screen"
        letters = page.locator(".md-content .words-letters a")
        headings = page.locator(".md-content h2[id]")
        hrefs = [letters.nth(i).get_attribute("href") for i in range(letters.count())]
        ids = [headings.nth(i).get_attribute("id") for i in range(headings.count())]
        assert len(ids) > 15 and hrefs == [f"#{i}" for i in ids], (hrefs, ids)
        # the row comes before the first letter's heading
        assert box["y"] + box["height"] <= headings.first.bounding_box()["y"]
        header = page.locator("header.md-header").bounding_box()
        assert header, "the page has its header"
        header_bottom = header["y"] + header["height"]
        for index in (len(ids) // 2, len(ids) - 1):  # a letter in the middle and the last one
            page.goto(start)
            link = letters.nth(index)
            tap = link.bounding_box()
            assert tap and tap["height"] >= 44 and tap["width"] >= 24, tap
            link.click()
            page.wait_for_url(f"{start}#{ids[index]}")
            heading = page.locator(f"h2#{ids[index]}").bounding_box()
            assert heading and header_bottom <= heading["y"] < PHONE["height"] - heading["height"], (ids[index], heading)
            first = page.locator(f"h2#{ids[index]} + ul a").first.bounding_box()
            assert first and first["y"] < PHONE["height"], (ids[index], first)  # its phrases follow on screen
    finally:
        context.close()
