"""Which translations are behind their Spanish page, and marking a page as translated again.

How it works (docs/translating.md tells maintainers):
- A translated page carries `translation_of: es-<fingerprint>` in its front matter: a short hash
  of the Spanish page it translates. The fingerprint covers the whole Spanish file except its
  `reviewed:`, `recheck:` and `recheck_note:` lines and its `phrases:` block (search words are
  written per language, not translated), so re-checking a date or adding a search phrase does
  not make every translation "outdated".
- When a page is marked as translated, the Spanish text it translates is also copied to
  data/translated/<lang>/<path>. `make stale` compares that copy with today's Spanish page, so
  the diff works without git history (a zip download, a fresh clone, a shallow CI checkout).
"""
from __future__ import annotations

import difflib
import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from .project import CONTENT, Page, Project

KEY = "translation_of"
SNAPSHOTS = "data/translated"
_SKIPPED = re.compile(r"^(reviewed|recheck|recheck_note|phrases)\s*:")  # with their indented lines
_KEY_LINE = re.compile(rf"^{KEY}\s*:.*$", re.MULTILINE)


def fingerprint(text: str) -> str:
    """12 hex digits of sha256 over the source text, minus its dates, phrases and blank-line noise."""
    lines = text.replace("\r\n", "\n").split("\n")
    kept: list[str] = []
    in_front = bool(lines) and lines[0].strip() == "---"
    skipping = False
    for index, line in enumerate(lines):
        if in_front and index > 0 and line.strip() in ("---", "..."):
            in_front = skipping = False
        elif in_front and _SKIPPED.match(line):
            skipping = True
            continue
        elif skipping and (line[:1] in (" ", "\t", "-") or not line.strip()):
            continue  # the indented lines of a phrases: block (or of a note wrapped over lines)
        else:
            skipping = False
        kept.append(line.rstrip())
    normal = "\n".join(kept).strip("\n")
    return hashlib.sha256(normal.encode("utf-8")).hexdigest()[:12]


def version(source: Page) -> str:
    """What `translation_of:` records: the source's language and fingerprint, like 'es-3f2a9c1b7d04'.

    The language prefix also keeps YAML from reading an all-digit fingerprint as a number."""
    return f"{source.lang}-{fingerprint(source.text)}"


@dataclass
class Translation:
    page: Page     # the translated page (English or a further language)
    source: Page   # its Spanish original
    recorded: str  # the fingerprint in its front matter ("" when there is none)
    current: str   # the Spanish page's fingerprint today

    @property
    def marked(self) -> bool:
        return bool(self.recorded)

    @property
    def outdated(self) -> bool:
        return self.recorded != self.current

    @property
    def page_arg(self) -> str:
        """What to type after `make translated PAGE=`."""
        return f"{self.page.lang}/{self.page.rel}"


def translations(project: Project) -> list[Translation]:
    """Every translated page that has a readable Spanish original."""
    found = []
    for source, page in project.twins(project.languages):
        value = page.meta.get(KEY)
        recorded = str(value).strip() if value is not None else ""
        found.append(Translation(page, source, recorded, version(source)))
    return found


def snapshot_path(root: Path, lang: str, rel: str) -> Path:
    return Path(root) / SNAPSHOTS / lang / rel


def diff(root: Path, item: Translation) -> list[str]:
    """Unified diff of the Spanish page, from the copy kept at translation time to today."""
    kept = snapshot_path(root, item.page.lang, item.page.rel)
    if not kept.is_file():
        return []
    old = kept.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    shown_old = f"{SNAPSHOTS}/{item.page.lang}/{item.page.rel} (Spanish when last translated)"
    shown_new = f"{item.source.path} (Spanish today)"
    return list(difflib.unified_diff(old.splitlines(), item.source.text.splitlines(),
                                     shown_old, shown_new, lineterm="", n=2))


def listing(project: Project) -> tuple[list[str], int]:
    """The text `make stale` prints, and how many pages are behind."""
    out: list[str] = []
    behind = [t for t in translations(project) if t.outdated]
    for item in behind:
        where = item.page.line_of(KEY) if item.marked else 1
        if not item.marked:
            out.append(f"{item.page.path}:{where}: never marked as translated from {item.source.path}. "
                       f"When it matches the Spanish page, run: make translated PAGE={item.page_arg}")
            continue
        out.append(f"{item.page.path}:{where}: outdated: {item.source.path} changed since this page was translated. "
                   f"Update it, then run: make translated PAGE={item.page_arg}")
        lines = diff(project.root, item)
        if lines:
            out.append("  What changed in the Spanish page ('-' removed, '+' added):")
            out.extend("    " + line for line in lines)
        else:
            out.append(f"  (no copy of the old Spanish text in {SNAPSHOTS}/{item.page.lang}/{item.page.rel}: "
                       "compare the two pages side by side)")
        out.append("")
    total = len(translations(project))
    out.append(f"stale: {len(behind)} of {total} translated page(s) need work." if behind
               else f"stale: all {total} translated page(s) match their Spanish page.")
    return out, len(behind)


def resolve(project: Project, name: str) -> tuple[str, str] | None:
    """'salarios/index.md', 'en/salarios/index.md' or 'content/en/salarios/index.md' -> (lang, rel).

    Without a language the page is the English one (the second language)."""
    parts = name.strip().replace("\\", "/").lstrip("./").split("/")
    if parts and parts[0] == CONTENT:
        parts = parts[1:]
    if len(parts) > 1 and parts[0] in project.languages:
        lang, rel = parts[0], "/".join(parts[1:])
    else:
        lang, rel = (project.languages[1] if len(project.languages) > 1 else project.default), "/".join(parts)
    if rel and not rel.endswith(".md"):
        rel = rel.rstrip("/") + "/index.md"
    return (lang, rel) if rel else None


def set_key(text: str, value: str) -> str:
    """Put `translation_of: value` in the front matter, replacing the old line, touching nothing else."""
    lines = text.split("\n")
    end = next((i for i in range(1, len(lines)) if lines[i].strip() in ("---", "...")), None)
    if not lines or lines[0].strip() != "---" or end is None:
        raise ValueError("no front matter")
    for index in range(1, end):
        if _KEY_LINE.match(lines[index]):
            lines[index] = f"{KEY}: {value}"
            return "\n".join(lines)
    lines.insert(end, f"{KEY}: {value}")
    return "\n".join(lines)


def mark(project: Project, lang: str, rel: str) -> tuple[bool, str]:
    """Record that content/<lang>/<rel> now translates today's Spanish page. Returns (ok, message)."""
    shown = f"{CONTENT}/{lang}/{rel}"
    if lang == project.default:
        return False, (f"{shown}:1: this is the Spanish original; name the translation instead, "
                       f"like PAGE={project.languages[1] if len(project.languages) > 1 else 'en'}/{rel}")
    if lang not in project.languages:
        return False, f"{shown}:1: '{lang}' is not a language of the site (see mkdocs.yml)"
    page = project.pages.get(lang, {}).get(rel)
    source = project.pages.get(project.default, {}).get(rel)
    if page is None or not page.readable:
        return False, f"{shown}:1: no such page: check the path (like salarios/index.md or en/salarios/index.md)"
    if source is None or not source.readable:
        return False, f"{CONTENT}/{project.default}/{rel}:1: the Spanish original is missing, so there is nothing to translate from"
    if not page.meta:
        return False, f"{shown}:1: the page's front matter is missing or broken: fix it first ('make check' shows how)"
    value = version(source)
    try:
        new_text = set_key(page.text, value)
    except ValueError:
        return False, f"{shown}:1: the page has no front matter block between '---' lines"
    path = Path(project.root) / shown
    path.write_text(new_text, encoding="utf-8")
    kept = snapshot_path(project.root, lang, rel)
    kept.parent.mkdir(parents=True, exist_ok=True)
    kept.write_text(source.text, encoding="utf-8")
    return True, (f"{shown}: marked as the translation of {source.path} ({KEY}: {value}); "
                  f"kept a copy of the Spanish text in {SNAPSHOTS}/{lang}/{rel}. Commit both files.")
