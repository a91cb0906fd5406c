"""How the browser tests and the benchmark start Debian's Chromium (never a downloaded browser)."""
from __future__ import annotations

from pathlib import Path

CHROMIUM = Path("/usr/bin/chromium")
# No background traffic of Chromium's own: every request a test sees comes from the page.
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run"]
PHONE = {"width": 360, "height": 640}  # a cheap phone held upright


def launch(playwright):
    """A headless Chromium through Playwright (sync API)."""
    return playwright.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS, headless=True)
