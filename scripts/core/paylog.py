"""data/pay-log.yml: the federal minimum wage the printed hours-and-pay log checks its worked example
against, and that example's numbers (the sums are the build's, never typed). Read leniently:
every mistake is one Problem at its line, and a log whose data is wrong is not printed."""
from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from .datafile import as_date, read_yaml, unknown_keys
from .problems import Problem
from .yamlfile import LineDict

PAY_LOG = "data/pay-log.yml"
TOP = ("federal_minimum_wage", "example")
WAGE_FIELDS = ("amount", "since", "source", "checked")
EXAMPLE_FIELDS = ("hours", "pieces", "rate")
MONEY = re.compile(r"\d{1,4}\.\d{2}")
MAX_HOURS = 40   # the example stays clear of overtime, which farm work does not get


@dataclass
class PayLog:
    minimum: Decimal | None = None     # dollars an hour
    since: dt.date | None = None
    source: str = ""
    checked: dt.date | None = None
    hours: int = 0
    pieces: int = 0
    rate: Decimal | None = None        # dollars a piece
    problems: list[Problem] = field(default_factory=list)

    @property
    def ready(self) -> bool:
        return not self.problems and self.minimum is not None and self.rate is not None

    # The worked example: what a week paid by the piece comes to, per hour, against the minimum.
    @property
    def pay(self) -> Decimal:
        return self.rate * self.pieces

    @property
    def per_hour(self) -> Decimal:
        return (self.pay / self.hours).quantize(Decimal("0.01"))

    @property
    def due(self) -> Decimal:
        return self.minimum * self.hours

    @property
    def owed(self) -> Decimal:
        return max(Decimal(0), self.due - self.pay)


def money(value: Decimal) -> str:
    return f"${value:,.2f}"


def _block(data: LineDict, key: str, allowed: tuple[str, ...], found: PayLog) -> LineDict:
    block = data.get(key)
    if not isinstance(block, LineDict):
        found.problems.append(Problem(PAY_LOG, data.line_of(key) if key in data else data.line,
                                      f"the file needs a '{key}:' block with {', '.join(allowed)}"))
        return LineDict()
    found.problems.extend(unknown_keys(block, allowed, PAY_LOG, f"'{key}'"))
    unknown = [str(k) for k in block if k not in allowed]
    for name in allowed:
        # A misspelt field ('rat:') has its message above: not a second one for the missing 'rate:'.
        if name not in block and not difflib.get_close_matches(name, unknown, n=1):
            found.problems.append(Problem(PAY_LOG, data.line_of(key), f"'{key}' needs '{name}:'"))
    return block


def _money(block: LineDict, key: str, what: str, found: PayLog) -> Decimal | None:
    value = block.get(key)
    if key not in block:
        return None
    if isinstance(value, str) and MONEY.fullmatch(value.strip()):
        return Decimal(value.strip())
    found.problems.append(Problem(PAY_LOG, block.line_of(key), f"'{key}' must be {what} in dollars and cents, in "
                                  f"quotes, like \"7.25\" (not {value!r})"))
    return None


def _count(block: LineDict, key: str, found: PayLog) -> int:
    value = block.get(key)
    if key not in block:
        return 0
    if isinstance(value, int) and not isinstance(value, bool) and value > 0:
        return value
    found.problems.append(Problem(PAY_LOG, block.line_of(key), f"'{key}' must be a whole number above 0, like 40"))
    return 0


def load(root: Path) -> PayLog:
    """Read data/pay-log.yml; never raises."""
    found = PayLog()
    read = read_yaml(Path(root), PAY_LOG)
    found.problems.extend(read.problems)
    if read.unreadable or read.broken:
        return found
    data = read.data
    if not isinstance(data, LineDict):
        found.problems.append(Problem(PAY_LOG, 1, "the file needs 'federal_minimum_wage:' and 'example:' blocks"))
        return found
    found.problems.extend(unknown_keys(data, TOP, PAY_LOG, "the file"))
    wage = _block(data, "federal_minimum_wage", WAGE_FIELDS, found)
    found.minimum = _money(wage, "amount", "the hourly minimum", found)
    for key in ("since", "checked"):
        value = as_date(wage.get(key))
        if key in wage and value is None:
            found.problems.append(Problem(PAY_LOG, wage.line_of(key), f"'{key}' must be a date written 2026-11-23"))
        setattr(found, key, value)
    source = wage.get("source")
    if "source" in wage and not (isinstance(source, str) and source.startswith("https://www.dol.gov/")):
        found.problems.append(Problem(PAY_LOG, wage.line_of("source"), "'source' must be the official page the amount "
                                      "was read on, at https://www.dol.gov/"))
    found.source = source if isinstance(source, str) else ""
    example = _block(data, "example", EXAMPLE_FIELDS, found)
    found.hours = _count(example, "hours", found)
    found.pieces = _count(example, "pieces", found)
    found.rate = _money(example, "rate", "the pay for one piece", found)
    if found.hours > MAX_HOURS:
        found.problems.append(Problem(PAY_LOG, example.line_of("hours"), f"'hours' is {found.hours}: keep the example at "
                                      f"{MAX_HOURS} hours or fewer, so overtime does not change the sum"))
    return found
