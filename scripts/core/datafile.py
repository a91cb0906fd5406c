"""Reading the maintainers' YAML files (mkdocs.yml, data/*.yml) leniently: the one opening.

Every loader (project, contacts, strings, check settings, redirects, deadlines…) starts with
read_yaml, so every such file reports an unreadable file, a YAML slip and a repeated key the
same way: one message at its line, never a traceback, and nothing read from a file that is
broken (so no follow-on errors).
"""
from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Iterable

from . import yamlfile
from .problems import Problem
from .textfile import read_text
from .yamlfile import LineDict


@dataclass
class YamlFile:
    data: Any = None                    # None when the file could not be read or parsed
    text: str = ""
    problems: list[Problem] = field(default_factory=list)
    unreadable: bool = False            # missing or not text (the first problem says which)
    broken: bool = False                # read, but not valid YAML (the first problem says where)


def read_yaml(root: Path, shown: str) -> YamlFile:
    """Read and parse root/shown, keeping line numbers; a repeated key is a problem at its line."""
    text, problem = read_text(root / shown, shown)
    if problem:
        return YamlFile(problems=[problem], unreadable=True)
    parsed = yamlfile.parse(text)
    if parsed.error:
        return YamlFile(text=text, problems=[Problem(shown, parsed.error_line, parsed.error)], broken=True)
    problems = [Problem(shown, dup.line, f"'{dup.key}' appears twice (first at line {dup.first_line}): keep one of them; "
                        "YAML would silently use only the last") for dup in parsed.duplicates]
    return YamlFile(parsed.data, text, problems)


def load_section(root: Path, shown: str, section: str, example: str) -> tuple[LineDict | None, LineDict | None, list[Problem], str]:
    """(the whole file, its `section:` mapping, problems, the file's text). Both None when the file cannot be used."""
    found = read_yaml(root, shown)
    if found.unreadable:
        return None, None, found.problems, ""
    if found.broken:
        problem = found.problems[0]
        return None, None, [replace(problem, message=f"{problem.message} (nothing else in this file is checked "
                                    "until it can be read)")], found.text
    problems = found.problems
    data = found.data
    body = data.get(section) if isinstance(data, LineDict) else None
    if not isinstance(body, LineDict):
        line = data.line_of(section) if isinstance(data, LineDict) else 1
        problems.append(Problem(shown, line, f"the file needs a '{section}:' section, like:\n{example}"))
        return data if isinstance(data, LineDict) else None, None, problems, found.text
    return data, body, problems, found.text


def blocks(section: LineDict, shown: str, what: str, fields: str = "") -> tuple[list[tuple[str, LineDict]], list[Problem]]:
    """The entries of a section (an id, then its 'field: value' lines), and one problem for each
    entry that is not such a block. what: "contact" -> "contact 'x' must be a block of …"."""
    found, problems = [], []
    for key, raw in section.items():
        if isinstance(raw, LineDict):
            # The entry starts at its id's line: a missing field is reported there ("contact 'whd'
            # needs 'source:'" at `whd:`), not at whichever field happens to come first.
            raw.line = section.line_of(key)
            found.append((str(key), raw))
        else:
            hint = f" ({fields})" if fields else ""
            name = f"{what} '{key}'" if what else f"'{key}'"
            problems.append(Problem(shown, section.line_of(key), f"{name} must be a block of 'field: value' lines{hint}"))
    return found, problems


def unknown_keys(raw: LineDict, allowed: Iterable[str], shown: str, what: str) -> list[Problem]:
    """One message per field the file does not know, with the closest known name."""
    known = sorted(allowed)
    problems = []
    for key in raw:
        if key in known:
            continue
        close = difflib.get_close_matches(str(key), known, n=1)
        hint = f"did you mean '{close[0]}'?" if close else f"the fields are: {', '.join(known)}"
        problems.append(Problem(shown, raw.line_of(key), f"{what} has an unknown field '{key}': {hint}"))
    return problems


def texts(raw: LineDict, key: str) -> dict[str, str]:
    """{'es': ..., 'en': ...} from a 'key:' block with one line per language (empty when missing)."""
    value = raw.get(key)
    if not isinstance(value, dict):
        return {}
    return {str(k): str(v).strip() for k, v in value.items() if isinstance(v, (str, int, float)) and str(v).strip()}


def missing_languages(raw: LineDict, key: str, languages: list[str], shown: str, what: str) -> list[Problem]:
    """A 'key:' text block must have every language (reported once, at the block)."""
    if key not in raw:
        return [Problem(shown, raw.line, f"{what} needs '{key}:' with a line for each language ({', '.join(languages)})")]
    have = texts(raw, key)
    missing = [lang for lang in languages if lang not in have]
    if missing:
        return [Problem(shown, raw.line_of(key), f"{what}: '{key}' has no text in {', '.join(missing)}: add a line "
                        f"'{missing[0]}: ...' under '{key}:'")]
    return []


def as_date(value: object) -> dt.date | None:
    return value if isinstance(value, dt.date) and not isinstance(value, dt.datetime) else None
