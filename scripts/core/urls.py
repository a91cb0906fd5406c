"""Permanent addresses: what the site publishes, the committed list of it, and the redirects.

A printed QR code or an NGO's link lives for years, so every address that was ever published is
listed in data/urls.txt; the check (checks/manifest.py) fails when one of them is no longer produced
by a page, a redirect, a flyer or an export. No engine import: addresses are derived from the
content folders, the same way the site engine lays them out (use_directory_urls).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from . import addresses, printed
from .problems import Problem
from .project import Project
from . import quepaso
from .redirects import REDIRECTS, Redirect, Redirects
from .textfile import read_text

MANIFEST = "data/urls.txt"

HEADER = """\
# Every address the site has ever published (pages in both languages, flyers, exports).
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
        for item in redirects.items:
            out.setdefault(addresses.home(lang, default) + item.old, f"{REDIRECTS}:{item.line}")
        for group in sorted({c.group for c in project.registry.national()}):
            out[addresses.embed(lang, default, group)] = "embed page (scripts/website/exports.py)"
        out[addresses.all_vcards(lang, default)] = "all-contacts vCard (scripts/website/exports.py)"
    out[addresses.contacts_json()] = "contacts.json (scripts/website/exports.py)"
    out[addresses.contacts_schema()] = "the schema of contacts.json (scripts/website/exports.py)"
    made = flyer_addresses(project)
    out.update(made)
    for old, new, item in moved_flyers(project, redirects, made):
        out.setdefault(old, f"{REDIRECTS}:{item.line} (a copy of {new})")
    return out


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
