"""The browser checks catch what they claim to: a broken copy of a page fails each of them."""
from __future__ import annotations

import re
import shutil

from scripts.bench.server import StaticServer

from browser.harness import Guard, visit

BROKEN = ('<img src="http://cdn.invalid/tracker.png">'           # another host, and no alt text
          '<div style="width:900px">too wide</div>'             # horizontal scroll at 360 px
          '<a class="tel" style="display:inline;line-height:1;min-height:0" href="tel:+15555550100">555</a>'
          '<script src="../spy.js"></script>')                  # writes storage


def test_a_broken_page_fails_every_browser_check(chromium, built_site, tmp_path, registry_links):
    site = shutil.copytree(built_site, tmp_path / "site")
    page_file = site / "salarios" / "index.html"
    text = page_file.read_text(encoding="utf-8")
    # Without its Content-Security-Policy the browser would really ask the other host: the guard must see it.
    text = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", text)
    text = text.replace('<a class="md-header__lang"', '<a class="md-header__lang-gone"', 1)
    page_file.write_text(text.replace("</h1>", "</h1>" + BROKEN, 1), encoding="utf-8")
    (site / "spy.js").write_text("localStorage.setItem('seen', '1'); document.cookie = 'id=1';", encoding="utf-8")
    with StaticServer(site) as server:
        context = chromium.new_context(viewport={"width": 360, "height": 640})
        guard = Guard(server.url)
        guard.attach(context)
        seen = visit(context.new_page(), guard, server.url, "salarios/")
        cookies = context.cookies()
        context.close()
    assert seen.foreign == ["http://cdn.invalid/tracker.png"]
    assert "image-alt" in {v["id"] for v in seen.violations}
    assert seen.scroll_width > seen.view_width == 360
    fake = [link for link in seen.phone_links if link.href == "tel:+15555550100"]
    assert fake and fake[0].height < 44 and fake[0].href not in registry_links
    assert seen.storage["local"] == 1 and "id=1" in seen.storage["cookie"] and cookies
    assert seen.switcher is None
