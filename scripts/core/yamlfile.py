"""YAML reading that keeps line numbers and notices repeated keys.

PyYAML silently keeps the last of two equal keys; for a registry of phone numbers that would
hide a mistake, so every mapping remembers where each key stood and which keys came twice.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import calendar
import datetime as dt
import re

import yaml
from yaml_env_tag import construct_env_tag

from .yamlerrors import PlainError, explain


class LineDict(dict):
    """A dict that knows the line of itself and of each of its keys (1-based)."""

    line: int = 1
    lines: dict

    def line_of(self, key: Any) -> int:
        return getattr(self, "lines", {}).get(key, self.line)


@dataclass
class Duplicate:
    key: str
    line: int
    first_line: int


@dataclass
class Parsed:
    data: Any = None
    error: str | None = None
    error_line: int = 1
    duplicates: list[Duplicate] = field(default_factory=list)


# libyaml's parser when present (several times faster on a large site), PyYAML's otherwise;
# both keep the line marks the messages need.
_Base = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Loader(_Base):
    pass


def _construct_map(loader: _Loader, node: yaml.MappingNode):
    data = LineDict()
    offset = getattr(loader, "offset", 0) + 1  # parse(first_line=2) for front matter: file lines
    data.line = node.start_mark.line + offset
    data.lines = {}
    yield data
    loader.flatten_mapping(node)
    for key_node, value_node in node.value:
        key = _value(loader, key_node)
        try:
            hash(key)
        except TypeError:
            raise yaml.constructor.ConstructorError(
                None, None, "a key here is a list or a mapping; a key must be a plain word", key_node.start_mark) from None
        line = key_node.start_mark.line + offset
        if key in data.lines:
            loader.duplicates.append(Duplicate(str(key), line, data.lines[key]))
        data.lines[key] = line
        data[key] = _value(loader, value_node)


_STR, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:seq"


def _value(loader: _Loader, node: yaml.Node) -> Any:
    """A value as PyYAML's constructor makes it. Text, and lists of text (a page's phrases, its
    sources), are most of a site's front matter: they are taken straight from the node, which is
    what the constructor returns for them after its general bookkeeping (make check on 1,000 page
    pairs reads 115,000 of them). An alias of a list gives an equal list, not the same object."""
    if node.tag == _STR and isinstance(node, yaml.ScalarNode):
        return node.value
    if node.tag == _SEQ and isinstance(node, yaml.SequenceNode) and \
            all(item.tag == _STR and isinstance(item, yaml.ScalarNode) for item in node.value):
        return [item.value for item in node.value]
    return loader.construct_object(node, deep=True)


def _ignore_tag(loader: _Loader, suffix: str, node: yaml.Node) -> Any:
    # Other tags mkdocs.yml may use (!relative, python/name…): their written value is what a check needs.
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None
    if isinstance(node, yaml.ScalarNode):
        return loader.construct_scalar(node)
    return None


DATE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def date_problem(key: str, value: object) -> str | None:
    """None for a real date; else what to write instead (a quoted date is text, not a date)."""
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return None
    if isinstance(value, str) and DATE.fullmatch(value.strip()):
        return f"'{key}: \"{value}\"' is text because of the quotes: remove the quotes, like {key}: {value.strip()}"
    return f"'{key}: {value}' is not a date: write it as year-month-day, like {key}: 2026-11-23"


def _construct_date(loader: _Loader, node: yaml.ScalarNode) -> Any:
    # PyYAML raises a bare ValueError for 2026-11-31; say which day is wrong, at its line.
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        raise PlainError(None, None, _impossible_date(str(node.value)), node.start_mark) from None


def _impossible_date(value: str) -> str:
    match = DATE.match(value)
    if not match:
        return f"'{value}' is not a date: write it as year-month-day, like 2026-11-23"
    year, month, day = (int(g) for g in match.groups())
    if not 1 <= month <= 12:
        why = f"there is no month {month}"
    else:
        last = calendar.monthrange(year, month)[1]
        why = f"{dt.date(year, month, 1):%B} {year} has {last} days" if day > last else f"there is no day {day}"
    return f"'{value}' is not a real date ({why}): write the year-month-day of a day that exists"


_Loader.add_constructor("tag:yaml.org,2002:map", _construct_map)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_date)
# `site_url: !ENV [SITE_URL, "https://…"]`: read as the engine reads it (the same library), so the
# flyers, exports and every other address see the SITE_URL the pages get.
_Loader.add_constructor("!ENV", construct_env_tag)
_Loader.add_multi_constructor("!", _ignore_tag)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _ignore_tag)


def _read(text: str, offset: int) -> tuple[Any, list[Duplicate]]:
    """PyYAML's own reading (libyaml's parser where present), with the lines counted from `offset`."""
    loader = _Loader(text)
    loader.duplicates = []
    loader.offset = offset  # lines are counted from first_line as they are read
    try:
        return loader.get_single_data(), loader.duplicates
    finally:
        loader.dispose()


# Line breaks YAML knows besides \n and \r (which reading a file already turns into \n): NEL and
# Unicode's line and paragraph separators, invisible characters that come with text copied from
# Word or a PDF. Editors and our messages do not count them as lines, so YAML is not let to either.
_OTHER_BREAKS = str.maketrans({"\x85": " ", "\u2028": " ", "\u2029": " "})


# What no file of this site needs and what would stall or crash the reading: lists and blocks
# nested deeper than this (the deepest file here nests 6), and '*name' repeats that together make
# more values than this (a nine-line file of repeats can stand for a billion).
MAX_DEPTH = 40
MAX_VALUES = 50_000
_INDENT = re.compile(r"^ {%d,}\S" % (2 * MAX_DEPTH), re.MULTILINE)


def _too_big(text: str, offset: int) -> tuple[str, int] | None:
    """(message, line) when the text nests too deep or its repeats expand too far; None otherwise.
    Read as a stream of events, which neither recursion nor expansion can blow up."""
    if "*" not in text and text.count("[") + text.count("{") < MAX_DEPTH and not _INDENT.search(text):
        return None  # nearly every file: neither a repeat nor deep nesting is possible
    sizes: dict[str, int] = {}
    open_ones: list[list] = []   # [anchor, values inside] of each list or block being read
    total = 0
    loader = _Base(text)
    try:
        while loader.check_event():
            event = loader.get_event()
            line = event.start_mark.line + offset + 1
            if isinstance(event, (yaml.MappingStartEvent, yaml.SequenceStartEvent)):
                open_ones.append([event.anchor, 1])
                if len(open_ones) > MAX_DEPTH:
                    return (f"lists or blocks are nested more than {MAX_DEPTH} deep here: no file of this site "
                            "needs that. Check the brackets and the indentation from this line on", line)
                continue
            if isinstance(event, (yaml.MappingEndEvent, yaml.SequenceEndEvent)):
                anchor, size = open_ones.pop()
            elif isinstance(event, yaml.ScalarEvent):
                anchor, size = event.anchor, 1
            elif isinstance(event, yaml.AliasEvent):
                anchor, size = None, sizes.get(event.anchor, 1)
                total += size
                if total > MAX_VALUES:
                    return (f"the repeats written with '*' here make more than {MAX_VALUES:,} values: write the "
                            "values out instead of repeating them with '&' and '*'", line)
            else:
                continue
            if anchor:
                sizes[anchor] = size
            if open_ones:
                open_ones[-1][1] += size
    except yaml.YAMLError:
        return None  # a slip in the text: parse() explains it at its line
    finally:
        loader.dispose()
    return None


def parse(text: str, first_line: int = 1) -> Parsed:
    """Parse YAML text; never raises. first_line shifts line numbers (for front matter)."""
    if "\x85" in text or "\u2028" in text or "\u2029" in text:  # rare: skip translate's per-character cost
        text = text.translate(_OTHER_BREAKS)
    refused = _too_big(text, first_line - 1)
    if refused:
        return Parsed(error=refused[0], error_line=refused[1])
    try:
        data, duplicates = _read(text, first_line - 1)
    except yaml.MarkedYAMLError as exc:
        said = explain(text, exc)
        return Parsed(error=said.message, error_line=said.line + first_line)
    except yaml.YAMLError as exc:
        return Parsed(error=f"not valid YAML: {exc}", error_line=first_line)
    return Parsed(data=data, duplicates=duplicates)
