"""YAML with line numbers: the quick reading from libyaml's events (scripts/yamlfile.py) gives
exactly what PyYAML's own reading gives (values and their types, the line of every key, repeated
keys, the message and line of a slip), and leaves anything unusual to PyYAML's own reading."""
from __future__ import annotations

import pytest
import yaml

from scripts.core import yamlfile
from scripts.core.yamlerrors import explain
from scripts.core.yamlfile import LineDict, Parsed

from conftest import ROOT


def pyyaml_reading(text: str, first_line: int = 1) -> Parsed:
    """The reference: compose every node, then construct them (PyYAML's get_single_data)."""
    loader = yamlfile._Loader(text)
    loader.duplicates = []
    loader.offset = first_line - 1
    try:
        data = loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        said = explain(text, exc)
        return Parsed(error=said.message, error_line=said.line + first_line)
    except yaml.YAMLError as exc:
        return Parsed(error=f"not valid YAML: {exc}", error_line=first_line)
    finally:
        loader.dispose()
    return Parsed(data=data, duplicates=loader.duplicates)


def shape(value):
    """Everything a check can see: types, values, and the lines a LineDict keeps."""
    if isinstance(value, LineDict):
        return ("lines", value.line, dict(getattr(value, "lines", {})),
                [(shape(k), shape(v)) for k, v in value.items()])
    if isinstance(value, dict):
        return ("dict", [(shape(k), shape(v)) for k, v in value.items()])
    if isinstance(value, (list, tuple)):
        return (type(value).__name__, [shape(v) for v in value])
    return (type(value).__name__, "nan" if value != value else value)


def same(text: str, first_line: int) -> None:
    ours, theirs = yamlfile.parse(text, first_line), pyyaml_reading(text, first_line)
    assert shape(ours.data) == shape(theirs.data)
    assert (ours.error, ours.error_line) == (theirs.error, theirs.error_line)
    assert [(d.key, d.line, d.first_line) for d in ours.duplicates] == \
        [(d.key, d.line, d.first_line) for d in theirs.duplicates]


TEXTS = [
    "title: Salarios\nreviewed: 2026-11-23\nsources:\n  - https://www.dol.gov/\nphrases:\n  page:\n    - no me pagaron\n",
    "yes: no\non: off\nn: ~\ne:\ni: 0x1F\no: 0o17\nf: .inf\ng: -.NaN\ns: '123'\nq: \"2026-11-23\"\nt: 2001-12-14t21:59:43.10-05:00\n",
    "1: one\n2.5: two\nnull: three\ntrue: four\n2026-01-01: five\n",
    "a: 1\na: 2\nb:\n  c: 1\n  c: 2\na: 3\n",  # repeated keys, nested too
    "a: {b: 1, b: 2}\n",
    "a: |\n  literal\n  text\nb: >\n  folded\nc: plain\n  continued\n\"quoted key\": 1\n",
    "a:\n  - x\n  -  y: z\n  - \"q: r\"\n  - [1, 2]\n  - {m: n}\n",
    "- a\n- b\n", "just text\n", "", "# only a comment\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n",
    # left to PyYAML: anchors, aliases, merge keys, tags, keys that are lists, impossible dates
    "a: 1\nb: &x [1, 2]\nc: *x\n", "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n", "<<: {a: 1}\nb: 2\n", "=: 3\n",
    "? [a, b]\n: 1\n", "? {a: 1}\n: 2\n", "k: !ENV [SITE_URL, \"https://x/\"]\n", "k: !relative $config_dir\n",
    "k: !!python/name:material.x\n", "k: !!str 123\n", "b: !!binary aGVsbG8=\n", "s: !!set {a, b}\n",
    "o: !!omap [a: 1, b: 2]\n", "a: ! bar\nb: ! 12\n", "a: *undefined\n",
    "date: 2026-11-31\n", "date: 2026-02-29\nx: [\n", "a: 2026-13-01\n",
    # slips: the same message at the same line
    "a: b: c\n", "title: \"Unterminated\n", "a: [1, 2\n", "a:\tb\n  c: 1\n", "a: 1\n---\nb: 2\n",
]


@pytest.mark.parametrize("text", TEXTS)
@pytest.mark.parametrize("first_line", [1, 2])
def test_quick_reading_is_pyyaml_reading(text, first_line):
    same(text, first_line)


def test_every_file_and_front_matter_of_the_project_reads_the_same():
    read = 0
    for path in sorted(ROOT.glob("data/**/*.yml")) + [ROOT / "mkdocs.yml"]:
        same(path.read_text(encoding="utf-8"), 1)
        read += 1
    for path in sorted((ROOT / "content").rglob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0].removeprefix("---\n")
        same(head, 2)
        read += 1
    assert read > 40


def test_a_plain_front_matter_takes_the_quick_reading():
    """Not a fallback in disguise: a page's front matter is built from the events alone."""
    page = (ROOT / "content/es/salarios/index.md").read_text(encoding="utf-8")
    loader = yamlfile._Loader(page.split("\n---", 1)[0].removeprefix("---\n"))
    loader.duplicates, loader.offset = [], 1
    try:
        data = yamlfile._from_events(loader)
    finally:
        loader.dispose()
    assert isinstance(data, LineDict) and data["title"] and data.line_of("title") == 2
