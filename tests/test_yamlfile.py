"""YAML with line numbers (scripts/core/yamlfile.py): PyYAML's own reading, the same values as
yaml.safe_load gives, plus the line of every key and the keys written twice."""
from __future__ import annotations

import datetime as dt

import pytest
import yaml

from scripts.core import yamlfile
from scripts.core.yamlfile import LineDict

from conftest import ROOT


def plain(value):
    """A reading without its line marks: what yaml.safe_load gives."""
    if isinstance(value, dict):
        return {plain(k): plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [plain(v) for v in value]
    return value


TEXTS = [
    "title: Salarios\nreviewed: 2026-11-23\nsources:\n  - https://www.dol.gov/\nphrases:\n  page:\n    - no me pagaron\n",
    "yes: no\nn: ~\ne:\ni: 0x1F\no: 0o17\nf: .inf\ns: '123'\nq: \"2026-11-23\"\nt: 2001-12-14t21:59:43.10-05:00\n",
    "1: one\n2.5: two\nnull: three\nfalse: four\n2026-01-01: five\n",
    "a: |\n  literal\n  text\nb: >\n  folded\nc: plain\n  continued\n\"quoted key\": 1\n",
    "a:\n  - x\n  -  y: z\n  - \"q: r\"\n  - [1, 2]\n  - {m: n}\n",
    "- a\n- b\n", "just text\n", "a: 1\n...\n", "%YAML 1.1\n---\na: 1\n",
    "a: 1\nb: &x [1, 2]\nc: *x\n", "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n", "k: !!str 123\n",
    # text and lists of text are taken from the node directly (yamlfile._value): the same values
    "a: &x [p, 'q', \"r s\"]\nb: *x\nc: [!!str 1, '2', 3, x]\nd: [x, [y]]\ne: &t text\nf: *t\ng: []\n",
]


@pytest.mark.parametrize("text", TEXTS)
def test_the_values_are_those_of_safe_load(text):
    read = yamlfile.parse(text)
    assert read.error is None and not read.duplicates
    assert plain(read.data) == yaml.safe_load(text)


@pytest.mark.parametrize("text", ["", "# only a comment\n"])
def test_an_empty_text_is_nothing(text):
    assert yamlfile.parse(text).data is None and yamlfile.parse(text).error is None


@pytest.mark.parametrize("first_line", [1, 2, 10])
def test_every_mapping_knows_its_line_and_the_line_of_each_key(first_line):
    text = "title: Salarios\nflyer:\n  title: Pago\n  rights:\n    - uno\n    - extra: 1\n"
    data = yamlfile.parse(text, first_line).data
    shift = first_line - 1
    assert isinstance(data, LineDict) and data.line == 1 + shift
    assert (data.line_of("title"), data.line_of("flyer")) == (1 + shift, 2 + shift)
    assert (data["flyer"].line, data["flyer"].line_of("rights")) == (3 + shift, 4 + shift)
    assert data["flyer"]["rights"][1].line_of("extra") == 6 + shift
    assert data.line_of("missing") == data.line  # a key not written: the mapping's own line


def test_a_key_written_twice_is_named_with_both_lines():
    read = yamlfile.parse("a: 1\na: 2\nb:\n  c: 1\n  c: 2\na: 3\nd: {e: 1, e: 2}\n", first_line=2)
    assert [(d.key, d.line, d.first_line) for d in read.duplicates] == [
        ("a", 3, 2), ("c", 6, 5), ("a", 7, 3), ("e", 8, 8)]
    assert read.data["a"] == 3  # what YAML keeps; the check says which to keep


def test_tags_of_mkdocs_yml_are_read_as_the_engine_reads_them(monkeypatch):
    monkeypatch.setenv("SITE_URL", "https://real.example/")
    data = yamlfile.parse("site_url: !ENV [SITE_URL, \"https://x/\"]\ndir: !relative $config_dir\n"
                          "emoji: !!python/name:material.extensions.emoji.twemoji\n").data
    assert data["site_url"] == "https://real.example/"
    assert data["dir"] == "$config_dir" and data["emoji"] == ""


@pytest.mark.parametrize("text, line, words", [
    ("date: 2026-11-31\n", 1, "November 2026 has 30 days"),
    ("ok: 1\ndate: 2026-13-01\n", 2, "there is no month 13"),
    ("a: b: c\n", 1, ""),
    ("title: \"Unterminated\n", 1, ""),
    ("a: 1\n---\nb: 2\n", 2, ""),
    ("? [a, b]\n: 1\n", 1, ""),
])
def test_a_slip_is_one_message_at_its_line(text, line, words):
    read = yamlfile.parse(text, first_line=1)
    assert read.data is None and read.error and read.error_line == line, read
    assert words in read.error


def test_invisible_line_breaks_pasted_from_word_are_spaces():
    read = yamlfile.parse("title: Pago\u2028de horas\nnext: 1\n")
    assert read.data["title"] == "Pago de horas" and read.data.line_of("next") == 2


def test_every_data_file_and_front_matter_of_the_project_reads_as_safe_load():
    read = 0
    for path in sorted(ROOT.glob("data/**/*.yml")):
        text = path.read_text(encoding="utf-8")
        assert plain(yamlfile.parse(text).data) == yaml.safe_load(text), path
        read += 1
    for path in sorted((ROOT / "content").rglob("*.md")):
        head = path.read_text(encoding="utf-8").split("\n---", 1)[0].removeprefix("---\n")
        ours = yamlfile.parse(head, 2)
        assert ours.error is None and not ours.duplicates, path
        assert plain(ours.data) == yaml.safe_load(head), path
        assert isinstance(ours.data.get("reviewed", dt.date.min), dt.date), path
        read += 1
    assert read > 40
