"""Project copies the benchmark builds: the real one, a 1,000-pair corpus, and the stock reference.

The corpus repeats the real pages under numbered folders (copia-001/salarios/…), one menu
section per copy; links in a copy point one folder further up, so they land on the real pages.
"""
from __future__ import annotations

import re
import shutil
import tempfile
from pathlib import Path

from ..core import stale

PROJECT_ITEMS = ["mkdocs.yml", "content", "data", "overrides", "scripts"]
LANGUAGES = ("es", "en")
TOPICS = "[[topics]]"  # the home page's list of topics (scripts/website/topics.py)


def copy_project(source: Path, dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    for item in PROJECT_ITEMS:
        path = source / item
        if path.is_dir():
            shutil.copytree(path, dest / item, ignore=shutil.ignore_patterns("__pycache__", "bench"))
        elif path.exists():
            shutil.copy2(path, dest / item)
    return dest


ASIDE = "aside"  # beside the projects, in the bench's folder, which is deleted when the bench ends


def clean(project: Path) -> None:
    """As a fresh clone: no site and no cache (flyers, booklets, page numbers), so make site starts
    from nothing. The last ones are moved aside, not deleted: a fresh clone has deleted nothing, and
    on this project's machines (ext4 without a journal) the kernel steps over every inode deleted
    in the last minutes when it makes a file, so a 1,000-pair build right after deleting the last
    one's 4,700 files took 1 to 3.5 s more, all of it system time (docs/bench.md)."""
    old = [folder for folder in (project / "site", project / ".cache") if folder.exists()]
    if old:
        (project.parent / ASIDE).mkdir(exist_ok=True)
        aside = Path(tempfile.mkdtemp(prefix=f"{project.name}-", dir=project.parent / ASIDE))
        for folder in old:
            folder.rename(aside / folder.name)


def edit_one_page(project: Path) -> None:
    """What a maintainer does between two builds: one sentence of the Spanish wages page changed,
    in its text and in its flyer (so that topic's flyers are made again)."""
    page = project / "content" / "es" / "salarios" / "index.md"
    text = page.read_text(encoding="utf-8")
    text = re.sub(r"^(    - )(.*)$", r"\1\2 Pregunte.", text, count=1, flags=re.M)  # the flyer's first right
    page.write_text(text + "\nPregunte en la oficina más cercana.\n", encoding="utf-8")


def front_matter_has(text: str, key: str) -> bool:
    head = text.split("\n---", 1)[0] if text.startswith("---") else ""
    return re.search(rf"^{key}:", head, re.M) is not None


def drop_block(text: str, key: str) -> str:
    """Remove a top-level front-matter key and its indented lines (a copy needs no flyer of its own)."""
    return re.sub(rf"^{key}:.*\n(?:[ \t].*\n)*", "", text, count=1, flags=re.M)


def copyable(content: Path) -> list[str]:
    """Pages of the default language that use the ordinary page template, present in every language.
    Not the home page: a site has one, and a copy of its list of every topic ([[topics]]) in each
    copy made the corpus quadratic (66 lists of 1,000 topics on 1,000 pairs), unlike any real site."""
    found = []
    for page in sorted((content / LANGUAGES[0]).rglob("*.md")):
        rel = page.relative_to(content / LANGUAGES[0]).as_posix()
        text = page.read_text(encoding="utf-8")
        if not front_matter_has(text, "template") and TOPICS not in text and \
                all((content / lang / rel).exists() for lang in LANGUAGES):
            found.append(rel)
    return found


def own_phrases(text: str, folder: str) -> str:
    """A copy keeps its worker phrases (their cost to check and index is real) made its own
    ("no me pagaron copia-001"): the same phrase on two pages is a warning, not what a site has."""
    head, sep, body = text.partition("\n---")
    block = re.search(r"^phrases:.*\n(?:[ \t].*\n)*", head + "\n", re.M)
    if not block:
        return text
    mine = re.sub(r"^(\s+- )(.+)$", rf"\1\2 {folder}", block.group(0), flags=re.M)
    return head.replace(block.group(0).rstrip("\n"), mine.rstrip("\n"), 1) + sep + body


def left_out_of_downloads(text: str) -> str:
    """A copy stays out of the one-file guide and the booklet ('downloads: false', docs/offline.md),
    as a big site's maintainer would do: 1,000 pages do not fit in a 300 KB file, and the guide's
    limit would stop the build the benchmark times. One line in the default language is enough."""
    return text.replace("---\n", "---\ndownloads: false\n", 1) if text.startswith("---\n") else text


def deeper(text: str) -> str:
    """Relative links one folder further up: a copy links to the real pages, so a copy may be partial."""
    return re.sub(r"\]\((?![a-z]+:|#|/)", "](../", text)


def still_translated(text: str, source: str, copy: str, copied: str) -> str:
    """A translation that matched its Spanish page still matches the copy of it: its links moved and
    its flyer block went in both languages, so its `translation_of:` is stamped again (a real site
    has no "outdated translation" warnings on pages nobody changed)."""
    recorded = re.search(rf"^{stale.KEY}\s*:\s*(\S+)", text, re.M)
    if not recorded or recorded.group(1) != f"{LANGUAGES[0]}-{stale.fingerprint(source)}":
        return copy  # outdated or never marked in the real project: the copy says the same
    return stale.set_key(copy, f"{LANGUAGES[0]}-{stale.fingerprint(copied)}")


def page_count(content: Path) -> int:
    return sum(1 for _ in (content / LANGUAGES[0]).rglob("*.md"))


def grow(root: Path, pairs: int) -> int:
    """Add copies of the real pages until the project has `pairs` page pairs; return the count.

    Each copy of the guide goes to its own folder (copia-001/salarios/…) and becomes one section
    of the menu, as on a big site; its relative links are moved one folder up, to the real pages.
    """
    content = root / "content"
    pages = copyable(content)
    need = max(pairs - page_count(content), 0)
    sections: list[tuple[str, list[str]]] = []
    for n in range(need):
        number, rel = n // len(pages) + 1, pages[n % len(pages)]
        folder = f"copia-{number:03d}"
        if not sections or sections[-1][0] != folder:
            sections.append((folder, []))
        source, copied = "", ""
        for lang in LANGUAGES:
            target = content / lang / folder / rel
            target.parent.mkdir(parents=True, exist_ok=True)
            text = (content / lang / rel).read_text(encoding="utf-8")
            copy = deeper(own_phrases(drop_block(text, "flyer"), folder))
            if lang == LANGUAGES[0]:
                copy = left_out_of_downloads(copy)
                source, copied = text, copy
            else:
                copy = still_translated(text, source, copy, copied)
            target.write_text(copy, encoding="utf-8")
        sections[-1][1].append(f"{folder}/{rel}")
    add_to_nav(root / "mkdocs.yml", sections)
    return page_count(content)


def add_to_nav(config: Path, sections: list[tuple[str, list[str]]]) -> None:
    """The menu must list every page (the build fails otherwise): one section per copy, at the end."""
    lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
    start = next(i for i, line in enumerate(lines) if line.rstrip() == "nav:")
    end = start + 1
    while end < len(lines) and (lines[end].startswith("  - ") or not lines[end].strip()):
        end += 1
    added = []
    for title, entries in sections:
        added.append(f"  - {title.capitalize()}:\n")
        added.extend(f"    - {entry}\n" for entry in entries)
    lines[end:end] = added
    config.write_text("".join(lines), encoding="utf-8")


STOCK = """\
# Reference line: stock mkdocs-material + static-i18n, Material's JavaScript bundle and search.
site_name: Derechos
site_url: https://derechos.example.org/
docs_dir: content
theme:
  name: material
  language: es
  font: false   # Google Fonts off: nothing may leave this machine during the benchmark
plugins:
  - search
  - i18n:
      docs_structure: folder
      languages:
        - locale: es
          default: true
          name: Español
          build: true
        - locale: en
          name: English
          build: true
markdown_extensions:
  - attr_list
  - tables
  - toc
"""


def stock(project: Path, dest: Path) -> Path:
    """The same pages (and menu) under the stock configuration; page templates of ours are dropped."""
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copytree(project / "content", dest / "content")
    for page in (dest / "content").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        if front_matter_has(text, "template"):
            page.write_text(re.sub(r"^template:.*\n", "", text, count=1, flags=re.M), encoding="utf-8")
    nav = re.search(r"^nav:\n(?:(?:  .*)?\n)*", (project / "mkdocs.yml").read_text(encoding="utf-8"), re.M)
    (dest / "mkdocs.yml").write_text(STOCK + (nav.group(0) if nav else ""), encoding="utf-8")
    return dest
