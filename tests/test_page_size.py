"""A page over the size budget (max_page_kb in data/checks.yml) is one error that tells the page's
weight and the budget; make bench holds the search index to its own budget."""
from __future__ import annotations

from pathlib import Path

import pytest

from conftest import EN_WAGES, ES_WAGES, ROOT, assert_fails, assert_site_kept, check_project, set_line

PARAGRAPH = "Usted tiene derecho a recibir el salario mínimo por cada hora de trabajo, aunque le paguen por pieza.\n\n"


def grow(path: Path, size: int) -> None:
    text = path.read_text(encoding="utf-8")
    path.write_text(text + PARAGRAPH * (1 + (size - len(text.encode("utf-8"))) // len(PARAGRAPH.encode("utf-8"))),
                    encoding="utf-8")


@pytest.mark.parametrize("path, size, shown", [
    (ES_WAGES, 5 * 1024 * 1024, "MB"),   # the 5 MB page
    (EN_WAGES, 21 * 1024, "KB"),         # just over 20 KB
])
def test_a_page_over_the_budget_is_one_error_with_its_weight(project_copy, path, size, shown):
    grow(project_copy / path, size)
    checked = assert_fails(project_copy, {(path, 1, "page-size")}, "the budget is 20 KB", only="page-size")
    assert f" {shown} (" in checked.text


def test_the_budget_is_a_setting(project_copy):
    set_line(project_copy / "data/checks.yml", "max_page_kb:", "max_page_kb: 5")
    checked = check_project(project_copy)
    assert ("content/es/salarios/index.md", 1, "page-size") in checked.of("page-size")
    assert "the budget is 5 KB" in checked.text


def test_every_real_page_is_within_the_budget():
    assert not check_project(ROOT).of("page-size")


def test_make_bench_holds_the_search_index_to_a_budget():
    from scripts.bench import search
    from scripts.core import project
    rows, _ = search.rows(project.load(ROOT), ROOT)
    index = [row for row in rows if "search index" in row.what]
    assert len(index) == 2 and all(row.ok for row in index), index


def test_the_site_is_not_rebuilt(project_copy):
    grow(project_copy / ES_WAGES, 5 * 1024 * 1024)
    assert_site_kept(project_copy, "this page weighs")
