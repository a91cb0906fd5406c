"""A Spanish flyer (and the wallet card) has its English twin, with as many rights and steps and
the same help lines, so the two printouts say the same thing."""
from __future__ import annotations

from typing import Iterable

from ..core.problems import Problem
from ..core.project import Page, Project
from .flyer_shape import CARD, FLYER, GUIDE, Shape, block_ids


def check_flyer_parity(project: Project) -> Iterable[Problem]:
    """A Spanish flyer needs its English twin, with as many rights and steps and the same help lines."""
    for shape in (FLYER, CARD):
        for page, twin in project.twins():  # the parity check reports a missing twin page
            yield from compare(page, twin, shape)
            yield from compare(twin, page, shape, counts=False)


def compare(page: Page, twin: Page, shape: Shape, counts: bool = True) -> Iterable[Problem]:
    """Problems on twin when it lacks page's block, or (counts) when their lists differ."""
    if shape.key not in page.meta:
        return
    if shape.key not in twin.meta:
        if shape.key in twin.meant:
            return  # misspelt: the front-matter check names it
        yield Problem(twin.path, twin.meta.line, f"{page.path} has a '{shape.key}:' block but this page does not: "
                      f"add its translation here, with the same items in the same order ({GUIDE})")
        return
    mine, theirs = page.meta[shape.key], twin.meta[shape.key]
    if not counts or not (isinstance(mine, dict) and isinstance(theirs, dict)):
        return  # the shape check reports a block that is not a block
    for key in shape.lists:
        ours, other = mine.get(key), theirs.get(key)
        if isinstance(ours, list) and isinstance(other, list) and len(ours) != len(other):
            yield Problem(twin.path, theirs.line_of(key) if key in theirs else theirs.line,
                          f"'{key}:' has {len(other)} item(s) but {page.path} has {len(ours)}: "
                          "translate every item, one for one, in the same order")
    ids, twin_ids = block_ids(mine, shape), block_ids(theirs, shape)
    if ids != twin_ids:
        where = theirs.line_of(shape.ids_key) if shape.ids_key in theirs else theirs.line
        yield Problem(twin.path, where, f"the help lines differ from {page.path} ({', '.join(ids) or 'none'} there, "
                      f"{', '.join(twin_ids) or 'none'} here): list the same contact ids in the same order")
