"""Settings of the maintainers' checks, read from data/checks.yml (numbers live there, not in code).

Read leniently like everything else: a missing or broken file gives the defaults below and a
Problem that says what to fix, never an exception.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from .datafile import read_yaml
from .problems import Problem

CHECKS_CONFIG = "data/checks.yml"


@dataclass
class CheckConfig:
    max_age_months: int = 12
    max_page_kb: int = 20  # a page's file, front matter and text (checks/page_size.py)
    readability: dict[str, float] = field(default_factory=lambda: {"es": 70.0, "en": 70.0})
    longest_sentences: int = 3
    allowed_domains: list[str] = field(default_factory=lambda: ["gov", "gob.mx"])
    embed_pages: list[str] = field(default_factory=lambda: ["embed/*", "*/embed/*"])
    lines: dict[str, int] = field(default_factory=dict)  # where each setting stands, for messages
    readable: bool = True  # False when the file could not be read: settings are the defaults

    def line_of(self, key: str) -> int:
        return self.lines.get(key, 1)

    def domain_allowed(self, host: str) -> bool:
        host = host.lower().rstrip(".")
        return any(host == d or host.endswith("." + d) for d in self.allowed_domains)


def _number(value: object) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


# The settings that are whole numbers: the least allowed, and what to say when the value is not one.
WHOLE_NUMBERS = {
    "max_age_months": (1, "must be a whole number of months, like 12"),
    "longest_sentences": (0, "must be a whole number, like 3"),
    "max_page_kb": (1, "must be a whole number of kilobytes, like 20"),
}


def load(root: Path) -> tuple[CheckConfig, list[Problem]]:
    config = CheckConfig()
    found = read_yaml(Path(root), CHECKS_CONFIG)
    if found.unreadable:
        return config, [Problem(CHECKS_CONFIG, 1, f"{found.problems[0].message} (the checks use their default settings)", "warning")]
    if found.broken or not isinstance(found.data, dict):
        config.readable = False
        return config, found.problems if found.broken else [Problem(CHECKS_CONFIG, 1, "must be lines of 'setting: value'")]
    data = found.data
    config.lines = {str(k): v for k, v in data.lines.items()}
    problems: list[Problem] = list(found.problems)

    def bad(key: str, what: str) -> None:
        problems.append(Problem(CHECKS_CONFIG, config.line_of(key), f"'{key}:' {what}"))

    for key, (least, what) in WHOLE_NUMBERS.items():
        if key in data:
            number = _number(data[key])
            if number is None or number < least or number != int(number):
                bad(key, what)
            else:
                setattr(config, key, int(number))
    if "readability" in data:
        scores = data["readability"]
        if not isinstance(scores, dict) or any(_number(v) is None for v in scores.values()):
            bad("readability", "must list one score per language, like '  es: 70'")
        else:
            config.readability = {str(k): float(v) for k, v in scores.items()}
    for key in ("allowed_domains", "embed_pages"):
        if key in data:
            values = data[key]
            if not isinstance(values, list) or not all(isinstance(v, str) and v.strip() for v in values):
                bad(key, "must be a list, one '  - value' per line")
            else:
                setattr(config, key, [v.strip().lower() if key == "allowed_domains" else v.strip() for v in values])
    return config, problems
