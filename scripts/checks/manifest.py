"""Published addresses never break: every address in data/urls.txt is still produced by a page,
a redirect, a flyer or an export (core/urls.py lists what the build produces).
"""
from __future__ import annotations

import re
from typing import Iterable

from ..core import addresses, printed, quepaso, states
from ..core.addresses import source_of, wrong_parts
from ..core.problems import Problem
from ..core.project import CONFIG, Project
from ..core.redirects import REDIRECTS, VCARD
from ..core.urls import MANIFEST, gone, load_manifest, one_sided, published_now
from .contact_ids import unknown_ids
from .links import page_links
from .menu import menu_lines


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


SHOWN = 4  # addresses named in one message; the rest are counted


def _inside(project: Project, url: str) -> str:
    """The address inside its language: '/en/salarios/#queja' -> 'salarios/#queja'."""
    inside = url.lstrip("/")
    for lang in project.languages[1:]:
        inside = inside.removeprefix(f"{lang}/")
    return inside


def _cause(project: Project, url: str) -> tuple[str, str]:
    """What an address belongs to, so one slip is one message: ('page', 'salarios/') for /salarios/ and
    /en/salarios/, ('section', 'salarios/#queja'), ('flyer', 'calor') for every paper and language of a
    topic's flyers, ('contact', 'whd') for its vCards and its contacts.json entry, ('other', url)."""
    if url.startswith("/flyers/"):
        folder = flyer_folder(project, url)
        return ("flyer", folder) if folder else ("other", url)
    card = VCARD.match(url)
    if card:
        return "contact", card.group(1)
    if url.startswith(addresses.contacts_json() + "#"):
        return "contact", url.partition("#")[2]
    inside = _inside(project, url)
    if "#" in inside:
        return "section", inside
    if inside.startswith(("embed/", "contactos/")) or "." in inside.rsplit("/", 1)[-1]:
        return "other", url
    return "page", inside


def _listed(urls: list[str]) -> str:
    return ", ".join(urls[:SHOWN]) + (f" and {len(urls) - SHOWN} more" if len(urls) > SHOWN else "")


def _extras(listed: list[str], main: list[str]) -> str:
    """' (with its 9 section addresses and 6 flyers)': what went with a page, counted."""
    rest = [u for u in listed if u not in main]
    sections = sum(1 for u in rest if "#" in u)
    flyers = sum(1 for u in rest if u.startswith("/flyers/"))
    parts = [f"{sections} section address{'es' if sections != 1 else ''}" if sections else "",
             f"{flyers} flyer{'s' if flyers != 1 else ''}" if flyers else ""]
    said = " and ".join(p for p in parts if p)
    return f" (with {said})" if said else ""


def _new_pages(project: Project) -> list[str]:
    """Pages of the default language that were never published: where a moved page may have gone."""
    listed = set(load_manifest(project.root).urls)
    return sorted(rel for rel in project.pages.get(project.default, {})
                  if addresses.page(project.default, project.default, rel) not in listed)


def _places(uses: list[tuple[str, int, str]]) -> str:
    shown = [f"{path}:{line}{f' ({what})' if what else ''}" for path, line, what in uses[:SHOWN + 2]]
    return ", ".join(shown) + (f" and {len(uses) - SHOWN - 2} more" if len(uses) > SHOWN + 2 else "")


def _uses(project: Project, kind: str, key: str) -> list[tuple[str, int, str]]:
    """Where the project still names a page or a section that went: the menu, links, the guided
    path's 'read:', a page's phrases; in file order."""
    if kind not in ("page", "section"):
        return []
    page, _, section = key.partition("#")
    rel = source_of(page)
    found = []
    if kind == "page":
        found += [(CONFIG, line, "menu") for path, line in menu_lines(project).items() if path == rel]
    for source, line, _, target, linked in page_links(project):
        if target == rel and (kind == "page" or linked == section):
            found.append((source.path, line, "link"))
    tree = project.que_paso
    for outcome in tree.outcomes.values() if tree.readable else []:
        if outcome.read_page == rel and (kind == "page" or outcome.read_section == section):
            found.append((quepaso.TREE, outcome.raw.line_of("read"), "read:"))
    if kind == "section":
        for twin in (project.pages[lang][rel] for lang in project.strict_languages if rel in project.pages.get(lang, {})):
            block = twin.meta.get("phrases")
            if isinstance(block, dict) and section in block:
                found.append((twin.path, block.line_of(section) if hasattr(block, "line_of") else 1, "phrases"))
    return sorted(set(found))


def _hint(project: Project, kind: str, key: str) -> str:
    if kind == "flyer":
        return ("this flyer is no longer made. " + (
            f"If the topic moved, add the line '  {key}/: new-folder/' under 'redirects:' in {REDIRECTS} "
            "(its flyers are then copied to their old names); otherwise put " if key else "Put ")
            + "the 'flyer:' block back in the topic page's front matter (for tarjeta-*.pdf, the 'card:' block "
            "of volantes/index.md), in both languages")
    if kind == "contact":
        if key in project.registry.contacts:
            return (f"contact '{key}' is no longer in contacts.json, which lists only national contacts: NGOs' code "
                    "reads it by its id. Remove 'scope: local' from the contact, or ask the developers")
        return (f"contact '{key}' is no longer in data/contacts.yml, and NGOs saved its vCard and read its entry by id. "
                f"If it was renamed, add the line '  contactos/{key}.vcf: contactos/NEW-ID.vcf' under 'redirects:' in "
                f"{REDIRECTS} (its vCard is then copied to the old name in every language and contacts.json lists the old "
                "id under \"renamed\"); if it was renamed by mistake, rename it back")
    if kind == "section":
        page, _, section = key.partition("#")
        rel = source_of(page)
        files = " and ".join(f"content/{lang}/{rel}" for lang in project.strict_languages)
        return (f"no heading of {files} has the id '{section}' any more, and NGOs link to it. Keep the id: end the "
                f"heading that now holds that text with {{#{section}}} (its words may change). If the text went under "
                f"another heading of the page, put the line <span id=\"{section}\"></span> just above that heading; if it "
                f"went to another page, keep a short section ending in {{#{section}}} that links to it. In both languages")
    if kind == "page":
        new = _new_pages(project)
        target = new[0].removesuffix("index.md") if len(new) == 1 else "new/address/"
        return (f"no page or redirect makes it any more. If the page moved, add the line '  {key or '/'}: {target}' "
                f"under 'redirects:' in {REDIRECTS} (one line covers both languages; a topic's flyers are then copied to "
                "their old names too); if it was renamed by mistake, rename it back")
    return "no page, redirect or export makes it any more: if it was renamed by mistake, rename it back; else ask the developers"


def check_manifest(project: Project) -> Iterable[Problem]:
    manifest = load_manifest(project.root)
    yield from manifest.problems
    redirects = project.redirects
    if not project.complete() or redirects.problems:
        return  # a file that cannot be read hides addresses: its own message is the one to fix first
    now = published_now(project)
    if not manifest.exists:
        yield Problem(MANIFEST, 1, "the list of published addresses is missing: run 'make urls' to create it, then commit it")
        return
    path_broken = not project.que_paso.readable  # its own message says why; no page-by-page repeat
    named_but_gone = set(unknown_ids(project))  # the contact-ids check says it, with the published addresses
    broken = gone(project)
    moved = {printed.folder_of(rel): rel for rel in broken.pages}  # a gone topic's flyers go in its message
    groups: dict[tuple[str, str], list[tuple[str, int]]] = {}
    for url, line in manifest.urls.items():
        if url in now or one_sided(project, url):
            continue
        if path_broken and _in_path(project, url):
            continue
        if _inside(project, url).startswith(states.FOLDER + "/"):
            continue  # a state page is made for each of the 52: one missing is the state-entries check's message
        kind, key = _cause(project, url)
        if kind == "flyer" and _flyer_in_one_language(project, key):
            continue
        if kind == "flyer" and key in moved:
            kind, key = "page", moved[key].removesuffix("index.md")
        if kind == "section":
            page, _, section = key.partition("#")
            if source_of(page) in broken.pages:
                kind, key = "page", page
            elif (source_of(page), section) not in broken.sections:
                continue  # covered by a redirect
        if kind == "contact" and key in named_but_gone:
            continue
        groups.setdefault((kind, key), []).append((url, line))
    for (kind, key), urls in sorted(groups.items(), key=lambda item: min(line for _, line in item[1])):
        line = min(line for _, line in urls)
        listed = sorted(url for url, _ in urls)
        main = listed if kind == "contact" else [u for u in listed if "#" not in u and not u.startswith("/flyers/")] or listed
        extra = _extras(listed, main)
        uses = _uses(project, kind, key)
        named = f" It is still named at {_places(uses)}: change those too." if uses else ""
        yield Problem(MANIFEST, line, f"{_listed(main)} {'was' if len(main) == 1 else 'were'} published{extra} and "
                      f"{'is' if len(main) == 1 else 'are'} now broken: {_hint(project, kind, key)}.{named}")
    # A page whose name the page-paths check refuses is not news to list: its name must change first.
    misnamed = {page.path for page in project.all_pages() if wrong_parts(page.rel)}
    missing = sorted(url for url in set(now) - set(manifest.urls)
                     if now[url].partition(":")[0] not in misnamed and now[url] not in misnamed and not one_sided(project, url))
    if missing:
        shown = ", ".join(missing[:5]) + (f" and {len(missing) - 5} more" if len(missing) > 5 else "")
        yield Problem(MANIFEST, 1, f"{len(missing)} new address(es) not yet listed ({shown}): run 'make urls' and commit {MANIFEST}",
                      "warning")
