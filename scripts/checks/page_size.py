"""A page over the size budget (data/checks.yml: max_page_kb) is an error: workers read on cheap
phones with prepaid data, and every page's words also go into the search index each reader
downloads on a first search (make bench measures that index against its own budget)."""
from __future__ import annotations

from typing import Iterable

from ..core.problems import Problem
from ..core.project import Project

KB = 1024


def weight(size: int) -> str:
    """2,048 -> '2 KB', 5,242,880 -> '5.0 MB': a size as a person says it."""
    return f"{size / KB / KB:.1f} MB" if size >= KB * KB else f"{size / KB:.0f} KB"


def check_page_size(project: Project) -> Iterable[Problem]:
    budget = project.settings.max_page_kb * KB
    for page in project.all_pages():
        size = len(page.text.encode("utf-8"))
        if size > budget:
            yield Problem(page.path, 1, f"this page weighs {weight(size)} ({size:,} bytes); the budget is "
                          f"{project.settings.max_page_kb} KB (max_page_kb in data/checks.yml): workers pay for every byte "
                          "on prepaid data and search downloads every page's words. Cut it to what a worker needs, "
                          "or split it into two topics (docs/pages.md); a picture or a pasted document does not belong in "
                          "the text")
