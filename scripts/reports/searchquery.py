"""Run the site's search under node: the browser's own code (search-core.js), the same ranking.

`make search Q="me lastimé" SEARCH_LANG=en` and `make bench` both come through here.
"""
from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from ..website import searchindex
from ..core import addresses
from ..core.project import Project

RUNNER = Path(__file__).with_name("searchrun.js")


@dataclass(frozen=True)
class Hit:
    url: str            # inside the language, e.g. "lesiones/"
    title: str
    section: str        # section id, "" for the top of the page
    section_title: str
    score: float

    @property
    def link(self) -> str:
        return self.url + (f"#{self.section}" if self.section else "")


class NodeMissing(RuntimeError):
    pass


def run(project: Project, lang: str, queries: list[str], limit: int = 10, index: dict | None = None,
        other: dict | None = None, ask_other: bool = True) -> list[list[Hit]]:
    """Each query's hits, as the search page ranks them: the words this language's index does not
    know are asked of the other language's too (other, built here when not given), unless
    ask_other is False (a test of one language's own index)."""
    node = shutil.which("node") or shutil.which("nodejs")
    if node is None:
        raise NodeMissing("node is not installed: run 'make sysdeps' (as root) or 'apt-get install nodejs'")
    second = addresses.other_language(lang, project.languages, project.default)
    if not ask_other:
        other = None
    elif other is None and second:
        other = searchindex.build(project, second)
    job = {"index": index or searchindex.build(project, lang), "queries": queries, "limit": limit, "other": other}
    done = subprocess.run([node, str(RUNNER)], input=json.dumps(job), capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"the search code failed under node: {done.stderr.strip().splitlines()[-1:]}")
    return [[Hit(h["url"], h["title"], h["section"], h["sectionTitle"], h["score"]) for h in hits]
            for hits in json.loads(done.stdout)]
