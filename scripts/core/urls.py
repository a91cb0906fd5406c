"""Permanent addresses: what the site publishes, the committed list of it, and the redirects.

A printed QR code or an NGO's link lives for years, so every address that was ever published is
listed in data/urls.txt; the check (checks/manifest.py) fails when one of them is no longer produced
by a page, a redirect, a flyer or an export. Besides pages, flyers and embeds, NGOs reuse each
contact's vCard (/contactos/<id>.vcf) and its entry in contacts.json (/contacts.json#<id>), and link
to sections (/salarios/#queja): those are listed too. No engine import: addresses are derived from the
content folders, the same way the site engine lays them out (use_directory_urls).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import re

from . import addresses, printed
from .problems import Problem
from .project import Project
from . import editions, quepaso, states
from .redirects import REDIRECTS, Redirect, Redirects
from .sections import section_ids
from .textfile import read_text

MANIFEST = "data/urls.txt"

HEADER = """\
# Every address the site has ever published (pages and their sections in both languages, flyers,
# the contacts' vCards and contacts.json entries, embeds).
# Printed QR codes and NGOs' links point here, so an address is never removed from this list.
# `make check` fails when one of them stops working: add a redirect in data/redirects.yml.
# New addresses are added by running `make urls`. See docs/embedding.md.
"""


def produced(project: Project, redirects: Redirects) -> dict[str, str]:
    """Every address the build publishes, mapped to what makes it (for messages)."""
    out: dict[str, str] = {}
    default = project.default
    for lang in project.languages:
        for rel, page in project.pages.get(lang, {}).items():
            out[addresses.page(lang, default, rel)] = page.path
        if lang in project.extra_languages:  # an untranslated page is shown in Spanish, at this address
            for rel, page in project.pages.get(default, {}).items():
                out.setdefault(addresses.page(lang, default, rel), page.path)
        for node in que_paso_nodes(project):
            out[addresses.home(lang, default) + quepaso.address(node.id, project.que_paso.start)] = f"{quepaso.TREE}:{node.line}"
        for source, sections, line in states.published(project.states):
            page = addresses.page(lang, default, source)
            out[page] = f"{states.STATES}:{line}"
            for section in sections:
                out[addresses.section(lang, default, source, section)] = f"{states.STATES}:{line}"
        if project.editions.readable:
            for edition in project.editions.entries.values():
                out[addresses.page(lang, default, editions.page_source(edition.id))] = f"{edition.path}:{edition.line}"
        for item in redirects.items:
            out.setdefault(addresses.home(lang, default) + item.old, f"{REDIRECTS}:{item.line}")
        for group in sorted({c.group for c in project.registry.national()}):
            out[addresses.embed(lang, default, group)] = "embed page (scripts/website/exports.py)"
        out[addresses.all_vcards(lang, default)] = "all-contacts vCard (scripts/website/exports.py)"
        for contact in project.registry.contacts.values():
            out[addresses.vcard(lang, default, contact.id)] = f"{REGISTRY_FILE}:{contact.line}"
        for old, new, item in renamed_contacts(project, redirects):
            out.setdefault(addresses.vcard(lang, default, old), f"{REDIRECTS}:{item.line} (a copy of {new}'s vCard)")
    out.update(section_addresses(project))
    out[addresses.contacts_json()] = "contacts.json (scripts/website/exports.py)"
    national = {c.id for c in project.registry.national()}
    for contact in project.registry.national():
        out[addresses.contacts_json_entry(contact.id)] = f"{REGISTRY_FILE}:{contact.line}"
    for old, new, item in renamed_contacts(project, redirects):
        if new in national:
            out.setdefault(addresses.contacts_json_entry(old), f"{REDIRECTS}:{item.line} (renamed to {new})")
    out[addresses.contacts_schema()] = "the schema of contacts.json (scripts/website/exports.py)"
    made = flyer_addresses(project)
    out.update(made)
    for old, new, item in moved_flyers(project, redirects, made):
        out.setdefault(old, f"{REDIRECTS}:{item.line} (a copy of {new})")
    return out


REGISTRY_FILE = "data/contacts.yml"
# An element's id written in a page's HTML: a section that kept its old id on a span (docs/embedding.md).
HTML_ID = re.compile(r"""<[a-z][^>]*\sid=["']([A-Za-z][\w-]*)["']""")


def section_addresses(project: Project) -> dict[str, str]:
    """'/salarios/#queja' and '/en/salarios/#queja' for every {#id} of every page (and every id="…"
    a page keeps in its HTML), mapped to the page's file and line."""
    out: dict[str, str] = {}
    default = project.default
    for lang in project.languages:
        for rel, page in project.pages.get(lang, {}).items():
            if not page.readable:
                continue
            ids = dict(section_ids(page))
            if 'id=' in page.body:
                for match in HTML_ID.finditer(page.body):
                    ids.setdefault(match.group(1), page.body_line + page.body.count("\n", 0, match.start()))
            for section, line in ids.items():
                out[addresses.section(lang, default, rel, section)] = f"{page.path}:{line}"
    return out


def renamed_contacts(project: Project, redirects: Redirects) -> list[tuple[str, str, Redirect]]:
    """(old id, new id, redirect) of each renamed contact whose new id is in the registry and old id
    is not: the build copies the new vCard to the old name (scripts/website/exports.py)."""
    known = project.registry.contacts
    return [(item.old, item.new, item) for item in redirects.contacts if item.new in known and item.old not in known]


def que_paso_nodes(project: Project) -> list:
    """The questions and outcomes the path publishes as pages (none while data/que-paso.yml is broken)."""
    tree = project.que_paso
    if not tree.readable or tree.start not in tree.questions:
        return []
    return list(tree.questions.values()) + list(tree.outcomes.values())


def moved_flyers(project: Project, redirects: Redirects, made: dict[str, str]) -> list[tuple[str, str, Redirect]]:
    """(old, new, redirect) flyer addresses of a topic folder that moved: the build copies each new
    flyer to its old name (scripts/website/exports.py), since a redirect page cannot stand in for a PDF."""
    pairs = []
    for item in redirects.items:
        old, new = item.old.strip("/"), item.new.partition("#")[0].strip("/")
        if not old or not new or "/" in old or "/" in new:
            continue
        for kind in printed.flyer_kinds(project):
            for paper in printed.PAPERS:
                target = addresses.flyer(printed.file_name(new, kind, paper))
                if target in made:
                    pairs.append((addresses.flyer(printed.file_name(old, kind, paper)), target, item))
    return pairs


def flyer_addresses(project: Project) -> dict[str, str]:
    """The PDFs the flyer step writes, named as the flyer builder names them (core/printed.py, one naming)."""
    out: dict[str, str] = {}
    # Not built until both twins have their flyer: block (the flyers check says so).
    for folder, page in printed.printed_topics(project):
        for kind in printed.flyer_kinds(project):
            for paper in printed.PAPERS:
                out[addresses.flyer(printed.file_name(folder, kind, paper))] = f"{page.path}:{page.line_of('flyer')}"
    card_page = printed.card_printed(project)
    if card_page is not None:
        for paper in printed.PAPERS:
            out[addresses.flyer(printed.card_file_name(paper))] = card_page.path
    # A local edition (data/editions/<id>.yml): every topic's flyers, the card sheet, the log and
    # the referral sheet again, in flyers/<id>/.
    for edition in project.editions.entries.values():
        names = [printed.file_name(folder, kind, paper) for folder, _page in printed.printed_topics(project)
                 for kind in printed.flyer_kinds(project) for paper in printed.PAPERS]
        names += [name(kind, paper) for name in (printed.log_file_name, printed.referral_file_name)
                  for kind in printed.flyer_kinds(project) for paper in printed.PAPERS]
        if card_page is not None:
            names += [printed.card_file_name(paper) for paper in printed.PAPERS]
        for name in names:
            out[addresses.flyer(f"{edition.id}/{name}")] = edition.path
    # The pay log and the referral sheet are always made: while data/pay-log.yml or
    # data/que-paso.yml is wrong the build stops at its message, and their addresses stay listed
    # (one message, not a second one for "addresses gone").
    for kind in printed.flyer_kinds(project):
        for paper in printed.PAPERS:
            out[addresses.flyer(printed.log_file_name(kind, paper))] = "data/pay-log.yml"
            out[addresses.flyer(printed.referral_file_name(kind, paper))] = "data/que-paso.yml"
    return out


@dataclass
class Manifest:
    urls: dict[str, int] = field(default_factory=dict)  # address -> line in data/urls.txt
    problems: list[Problem] = field(default_factory=list)
    exists: bool = True


def load_manifest(root: Path) -> Manifest:
    manifest = Manifest()
    if not (root / MANIFEST).exists():
        manifest.exists = False
        return manifest
    text, problem = read_text(root / MANIFEST, MANIFEST)
    if problem:
        manifest.problems.append(problem)
        return manifest
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if not line.startswith("/") or " " in line:
            manifest.problems.append(Problem(MANIFEST, number, f"'{raw.strip()}' is not an address: write one per line, starting with '/', like /salarios/"))
            continue
        if line in manifest.urls:
            manifest.problems.append(Problem(MANIFEST, number, f"{line} is listed twice (first at line {manifest.urls[line]}): delete this line", "warning"))
            continue
        manifest.urls[line] = number
    return manifest


def update(root: Path, project: Project) -> tuple[list[str], list[Problem]]:
    """Add the addresses the site now publishes to data/urls.txt; never removes one."""
    manifest = load_manifest(root)
    if manifest.problems:
        return [], manifest.problems
    now = produced(project, project.redirects)
    new = sorted(set(now) - set(manifest.urls))
    every = sorted(set(manifest.urls) | set(now))
    (root / MANIFEST).write_text(HEADER + "\n".join(every) + "\n", encoding="utf-8")
    return new, []


@dataclass
class Gone:
    """Published addresses that no page, redirect or export makes any more, by what they belonged to:
    the pages (rel, like 'acerca/index.md', with their addresses) and the sections of pages that are
    still there (('salarios/index.md', 'queja') -> addresses). One slip, one message (checks/manifest.py);
    the menu, links, phrases and guided-path checks leave these to it."""
    pages: dict[str, list[str]] = field(default_factory=dict)
    sections: dict[tuple[str, str], list[str]] = field(default_factory=dict)


def _inside(project: Project, url: str) -> str:
    inside = url.lstrip("/")
    for lang in project.languages[1:]:
        inside = inside.removeprefix(f"{lang}/")
    return inside


def gone(project: Project) -> Gone:
    """What broke among the published addresses (empty while a file that hides addresses cannot be
    read, or the list is missing: the manifest check says that instead)."""
    if "gone" in project.derived:
        return project.derived["gone"]
    found = Gone()
    manifest = load_manifest(project.root)
    if manifest.exists and not manifest.problems and project.complete() and not project.redirects.problems:
        now = published_now(project)
        for url in manifest.urls:
            if url in now or url.startswith(("/flyers/", addresses.contacts_json())) or ".vcf" in url:
                continue
            inside = _inside(project, url)
            page, hash_, section = inside.partition("#")
            if page.startswith((addresses.EMBED_FOLDER + "/", quepaso.FOLDER + "/", states.FOLDER + "/")):
                continue  # made from data: their own checks say what is missing (checks/que_paso_*, state_entries)
            rel = addresses.source_of(page)
            if now.get(url.partition("#")[0], "").startswith(REDIRECTS):
                continue  # the page moved: its redirect covers it (a #section is not carried, docs/embedding.md)
            if rel not in project.pages.get(project.default, {}):
                found.pages.setdefault(rel, []).append(url)
            elif hash_ and not any(section in section_ids(twin) for twin in _twins(project, rel)):
                found.sections.setdefault((rel, section), []).append(url)  # gone from every language
    project.derived["gone"] = found
    return found


def published_now(project: Project) -> dict[str, str]:
    """produced() for the project's own redirects, computed once for the checks that ask."""
    if "produced" not in project.derived:
        project.derived["produced"] = produced(project, project.redirects)
    return project.derived["produced"]


def _twins(project: Project, rel: str) -> list:
    return [project.pages[lang][rel] for lang in project.strict_languages if rel in project.pages.get(lang, {})]


def one_sided(project: Project, url: str) -> bool:
    """A section address whose id is on one strict language's page and not the other's: the
    section-ids check names that (one cause), so it is neither broken nor new here."""
    page, hash_, section = _inside(project, url).partition("#")
    if not hash_:
        return False
    have = [section in section_ids(twin) for twin in _twins(project, addresses.source_of(page))]
    return any(have) and not all(have)
