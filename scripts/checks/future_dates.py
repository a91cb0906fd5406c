"""A day a person says they reviewed or checked something cannot be after today: a page's
`reviewed:`, a contact's or a deadline's `checked:`, the guided path's `reviewed:`. Nor can the
day a state's minimum wage took effect (`since:`): the state page shows that amount as today's.

The site prints these days ("reviewed on …") as the promise that a person read the facts against
their sources; a day still to come is a slip (the wrong year or month) or a promise not yet kept.
Today is `project.today` (the command line's --today), never the clock read here.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterable

from ..core.contacts import REGISTRY
from ..core.deadlines import DEADLINES
from ..core.problems import Problem
from ..core.project import Project
from ..core.quepaso import TREE


def _later(value: object, today: dt.date) -> bool:
    return isinstance(value, dt.date) and not isinstance(value, dt.datetime) and value > today


def _message(key: str, day: dt.date, today: dt.date, what: str) -> str:
    return (f"'{key}: {day.isoformat()}' is after today ({today.isoformat()}): {what} cannot have been "
            f"{'reviewed' if key == 'reviewed' else 'checked'} on a day still to come. Write the day a person "
            f"actually read it against its sources (today or earlier), like '{key}: {today.isoformat()}'")


def check_future_dates(project: Project) -> Iterable[Problem]:
    today = project.today
    for page in project.all_pages():
        reviewed = page.meta.get("reviewed") if page.meta else None
        if _later(reviewed, today):
            yield Problem(page.path, page.line_of("reviewed"), _message("reviewed", reviewed, today, "this page"))
    for contact in project.registry.contacts.values():
        if _later(contact.checked, today):
            yield Problem(REGISTRY, contact.raw.line_of("checked"),
                          _message("checked", contact.checked, today, f"contact '{contact.id}'"))
    for item in project.deadlines.entries.values():
        if _later(item.checked, today):
            yield Problem(DEADLINES, item.raw.line_of("checked"), _message("checked", item.checked, today, f"deadline '{item.id}'"))
    for state in project.states.entries.values():
        wage = state.minimum_wage
        if wage.present and wage.hourly and _later(wage.since, today):
            yield Problem(project.states.path, wage.raw.line_of("since"),
                          f"state '{state.code}', minimum_wage: 'since: {wage.since.isoformat()}' is after today "
                          f"({today.isoformat()}): the state page would show ${wage.amount} as the minimum wage today. "
                          "Until that day keep today's amount in 'amount:' and 'since:', and say the coming one in "
                          "'note:', in both languages (\"Sube a $… el …\"); on that day, change 'amount:' and 'since:' "
                          "(docs/states.md)")
    tree = project.que_paso
    if _later(tree.reviewed, today):
        yield Problem(TREE, tree.raw.line_of("reviewed"), _message("reviewed", tree.reviewed, today, "the guided path"))
