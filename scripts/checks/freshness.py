"""Facts go stale: a page reviewed, or a contact checked, more than N months ago (data/checks.yml).

Warnings, so an old date never blocks an urgent fix; `check --strict` (CI) makes them errors.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..core.contacts import REGISTRY
from ..core.problems import Problem
from ..core.project import Project


def months_before(day: dt.date, months: int) -> dt.date:
    """The same day `months` earlier (the last day of the month when that day does not exist)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for last in (31, 30, 29, 28):
        try:
            return dt.date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable: every month has 28 days")


def _is_date(value: object) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime)


def check_freshness(project: Project) -> Iterable[Problem]:
    config = project.settings
    months = config.max_age_months
    limit = months_before(project.today, months)
    for page in project.all_pages():
        reviewed = page.meta.get("reviewed") if page.meta else None
        if _is_date(reviewed) and reviewed < limit:
            yield Problem(page.path, page.line_of("reviewed"),
                          f"reviewed on {reviewed.isoformat()}, more than {months} months ago: a person should check "
                          "the facts against the sources, then set 'reviewed:' to that day's date", "warning")
    for contact in project.registry.contacts.values():
        if contact.checked and contact.checked < limit:
            yield Problem(REGISTRY, contact.raw.line_of("checked"),
                          f"contact '{contact.id}' was checked on {contact.checked.isoformat()}, more than {months} months ago: "
                          "call the number or read the agency's page, then set 'checked:' to that day's date", "warning")
