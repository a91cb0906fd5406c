"""YAML mistakes said for people: what is wrong, on the line where it is, with the fix.

PyYAML reports where the parser gave up, in parser words ("mapping values are not allowed in
this context"), often one line after the real slip. A maintainer needs the line to edit and
what to type there, so each common slip is recognised from the parser's report and the text.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import yaml

# "key: " at the start of a line (also "- key: " in a list): where a value begins.
KEY = re.compile(r"^(\s*(?:-\s+)?)([^\s:#'\"][^:#]*?):(?:\s|$)")


@dataclass(frozen=True)
class Explained:
    line: int      # 0-based line inside the YAML text
    message: str


class PlainError(yaml.MarkedYAMLError):
    """A mistake we found ourselves while reading (an impossible date): its words are final."""


def _content(lines: list[str], index: int) -> bool:
    return 0 <= index < len(lines) and bool(lines[index].strip()) and not lines[index].lstrip().startswith("#")


def _previous(lines: list[str], index: int) -> int:
    index -= 1
    while index >= 0 and not _content(lines, index):
        index -= 1
    return index


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _tab_line(lines: list[str], last: int) -> int | None:
    """The first line up to `last` whose indentation holds a tab."""
    for index, line in enumerate(lines[: last + 1]):
        lead = line[: len(line) - len(line.lstrip(" \t"))]
        if "\t" in lead or re.match(r"^\s*-\t", line):
            return index
    return None


def _key_of(line: str) -> str:
    match = KEY.match(line)
    if match:
        return match.group(2).strip()
    words = line.strip().lstrip("- ").split()
    return words[0] if words else "key"


def _needs_colon(lines: list[str], index: int) -> Explained:
    key = _key_of(lines[index])
    return Explained(index, f"this line needs a colon after the key: write '{key}: …' "
                            "(a colon and a space between the name and its value)")


def _quote_it(lines: list[str], index: int) -> Explained:
    match = KEY.match(lines[index])
    key = match.group(2).strip() if match else "key"
    value = lines[index][match.end():].strip() if match else lines[index].strip()
    value = value.replace('"', "'")
    return Explained(index, f"text that contains ': ' must be in quotes: write {key}: \"{value}\"")


def _indentation(lines: list[str], index: int) -> Explained:
    """Name the nearest lines above that start further left and further right: the slip is
    almost always one space too many or too few, so one of them is the column to use."""
    mine = _indent(lines[index])
    near: dict[str, int] = {}
    above = _previous(lines, index)
    while above >= 0 and len(near) < 2:
        other = _indent(lines[above])
        side = "left" if other < mine else "right" if other > mine else ""
        if side and side not in near:
            near[side] = above
        if other == mine:
            break
        above = _previous(lines, above)
    shown = [f"{_indent(lines[i])} (line {i + 1}, '{_key_of(lines[i])}')" for i in sorted(near.values())]
    hint = f"; the lines above start with {' or '.join(shown)}" if shown else ""
    return Explained(index, f"this line starts with {mine} space(s){hint}: line it up with the other "
                            "entries of its block, using spaces only")


def _bare_line(lines: list[str], last: int) -> int | None:
    """A line of plain words with no colon among the key lines above `last`: a key that lost its
    colon (at the top of a file the parser only notices it lines later)."""
    for index in range(min(last, len(lines) - 1), -1, -1):
        line = lines[index]
        if not _content(lines, index) or line.lstrip().startswith(("-", "'", '"', "[", "{", "|", ">")):
            continue
        if KEY.match(line):
            continue
        above = _previous(lines, index)
        if above >= 0 and (_indent(lines[above]) < _indent(line) or lines[above].rstrip().endswith(("|", ">", "|-", ">-"))):
            continue  # deeper than the line above: the rest of a long value, or a block of text
        return index
    return None


def explain(text: str, exc: yaml.MarkedYAMLError) -> Explained:
    """The line (0-based) and plain words for a YAML error in `text`."""
    lines = text.split("\n")
    mark = exc.problem_mark or exc.context_mark
    line = min(mark.line, max(len(lines) - 1, 0)) if mark else 0
    column = mark.column if mark else 0
    problem = exc.problem or ""
    context_line = exc.context_mark.line if exc.context_mark else line
    if isinstance(exc, PlainError):
        return Explained(line, problem)
    tab = _tab_line(lines, line)
    if tab is not None:
        return Explained(tab, "use spaces, not a tab, at the start of this line: YAML does not accept tabs "
                              "(your editor can turn tabs into spaces)")
    here = lines[line] if line < len(lines) else ""
    if problem.startswith("mapping values are not allowed"):
        match = KEY.match(here)
        if match and match.end() <= column:
            return _quote_it(lines, line)
        above = _previous(lines, line)
        if above >= 0 and not KEY.match(lines[above]) and _indent(lines[above]) <= _indent(here):
            return _needs_colon(lines, above)
        return _indentation(lines, line)
    if problem.startswith("could not find expected ':'"):
        return _needs_colon(lines, context_line)
    if "while scanning a quoted scalar" in (exc.context or ""):
        return Explained(context_line, "a quote opened on this line is never closed: "
                                       "end the text with the same quote mark it starts with")
    if problem.startswith(("did not find expected key", "expected <block end>")):
        before = here[:column].rstrip()
        if before.endswith(('"', "'")) and KEY.match(here):
            return Explained(line, "the quotes must hold the whole text: move the closing quote to the end of the line")
        return _indentation(lines, line)
    if "while scanning an alias" in (exc.context or "") or "while scanning an anchor" in (exc.context or ""):
        return Explained(line, "a value cannot start with '*' or '&' (YAML reads them as a reference): "
                               "put the whole text in quotes, like title: \"*texto*\"")
    if problem.startswith("found character that cannot start any token"):
        char = here[column] if column < len(here) else "?"
        return Explained(line, f"a value cannot start with '{char}': put the whole text in quotes, like title: \"{char}…\"")
    if "flow" in (exc.context or ""):
        opened = next((i for i in range(min(context_line, len(lines) - 1), -1, -1) if re.search(r"[\[{]", lines[i])), context_line)
        return Explained(opened, "a '{' or '[' opened on this line is never closed: "
                                       "if it is part of the text, put the whole text in quotes")
    bare = _bare_line(lines, line)
    if bare is not None:
        return _needs_colon(lines, bare)
    return Explained(line, f"this line is not valid YAML ({problem or exc.context}): "
                           "check its colon, its quotes and its indentation against the lines around it")
