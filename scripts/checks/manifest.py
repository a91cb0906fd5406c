"""Published addresses never break: every address in data/urls.txt is still produced by a page,
a redirect, a flyer or an export (core/urls.py lists what the build produces).
"""
from __future__ import annotations

import re
from typing import Iterable

from ..core import printed, quepaso
from ..core.problems import Problem
from ..core.project import Project
from ..core.redirects import REDIRECTS
from ..core.urls import MANIFEST, load_manifest, produced
from .page_paths import wrong_parts


def flyer_folder(project: Project, url: str) -> str:
    """'/flyers/calor-es-letter.pdf' -> 'calor' (the topic folder the flyer was made from)."""
    kinds = "|".join(re.escape(k) for k in printed.flyer_kinds(project))
    papers = "|".join(re.escape(p) for p in printed.PAPERS)
    match = re.fullmatch(rf"/{printed.FOLDER}/(.+)-(?:{kinds})-(?:{papers})\.pdf", url)
    return match.group(1) if match else ""


def _in_path(project: Project, url: str) -> bool:
    inside = url.lstrip("/")
    for lang in project.languages[1:]:
        inside = inside.removeprefix(f"{lang}/")
    return inside.startswith(quepaso.FOLDER + "/")


def _flyer_in_one_language(project: Project, folder: str) -> bool:
    """A topic whose flyer block is in one strict language only makes no flyers until the twin
    has one too: the flyer-parity check names that one cause, so its PDFs are not listed as broken."""
    rel = f"{folder}/index.md"
    pages = [project.pages.get(lang, {}).get(rel) for lang in project.strict_languages] if folder else []
    blocks = [bool(page and page.meta.get("flyer")) for page in pages]
    return any(blocks) and not all(blocks)


def check_manifest(project: Project) -> Iterable[Problem]:
    manifest = load_manifest(project.root)
    yield from manifest.problems
    redirects = project.redirects
    if not project.complete() or redirects.problems:
        return  # a file that cannot be read hides addresses: its own message is the one to fix first
    now = produced(project, redirects)
    if not manifest.exists:
        yield Problem(MANIFEST, 1, "the list of published addresses is missing: run 'make urls' to create it, then commit it")
        return
    path_broken = not project.que_paso.readable  # its own message says why; no page-by-page repeat
    for url, line in manifest.urls.items():
        if url in now:
            continue
        if path_broken and _in_path(project, url):
            continue
        if url.startswith("/flyers/"):
            folder = flyer_folder(project, url)
            if _flyer_in_one_language(project, folder):
                continue
            hint = ("this flyer is no longer made. " + (
                f"If the topic moved, add the line '  {folder}/: new-folder/' under 'redirects:' in {REDIRECTS} "
                "(its flyers are then copied to their old names); otherwise put " if folder else "Put ")
                + "the 'flyer:' block back in the topic page's front matter (for tarjeta-*.pdf, the 'card:' block "
                "of volantes/index.md), in both languages")
        else:
            old = url.lstrip("/")
            for lang in project.languages[1:]:
                old = old.removeprefix(f"{lang}/")
            hint = (f"no page or redirect makes it any more. If the page moved, add the line '  {old or '/'}: new/address/' "
                    f"under 'redirects:' in {REDIRECTS} (one line covers both languages); if it was renamed by mistake, "
                    "rename it back")
        yield Problem(MANIFEST, line, f"{url} was published and is now broken: {hint}")
    # A page whose name the page-paths check refuses is not news to list: its name must change first.
    misnamed = {page.path for page in project.all_pages() if wrong_parts(page.rel)}
    missing = sorted(url for url in set(now) - set(manifest.urls) if now[url] not in misnamed)
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        yield Problem(MANIFEST, 1, f"{len(missing)} new address(es) not yet listed ({shown}): run 'make urls' and commit {MANIFEST}",
                      "warning")
