"""Section ids are the same in both languages, so /salarios/#queja and /en/salarios/#queja both work
(NGOs link to sections, and the language switcher keeps the #section)."""
from __future__ import annotations

from typing import Iterable

from ..core.problems import Problem
from ..core.project import Project
from ..core.sections import section_ids

def check_section_ids(project: Project) -> Iterable[Problem]:
    for page, twin in project.twins():  # the parity check reports a missing twin
        mine, theirs = section_ids(page), section_ids(twin)
        for here, there, ids, other in ((page, twin, mine, theirs), (twin, page, theirs, mine)):
            for section, line in ids.items():
                if section not in other:
                    yield Problem(here.path, line, f"section id '#{section}' is missing from the twin {there.path}: add "
                                  f"{{#{section}}} at the end of the matching heading there (the same id in both languages, "
                                  "so links to the section work in both)")
