"""scripts/collector.py: the site engine and WeasyPrint work with Python's full garbage
collections rarer (they keep many objects alive, and each full collection reads them all), and
give the setting back as they found it."""
from __future__ import annotations

import gc

import mkdocs.commands.build
import pytest

from scripts.collector import FULL_AFTER, fewer_full_collections
from scripts.website import engine

from conftest import ROOT


def test_the_setting_is_given_back_even_after_a_failure():
    before = gc.get_threshold()
    with fewer_full_collections():
        assert gc.get_threshold()[:2] == before[:2] and gc.get_threshold()[2] >= FULL_AFTER
    assert gc.get_threshold() == before
    with pytest.raises(ValueError), fewer_full_collections():
        raise ValueError("a page the engine could not build")
    assert gc.get_threshold() == before


def test_the_engine_builds_with_full_collections_rarer(tmp_path, monkeypatch):
    # Each engine of a 1,000-pair build made four full collections, 0.25 s of CPU, reading the
    # project and every page it had built; none with the setting.
    seen = []
    monkeypatch.setattr(mkdocs.commands.build, "build", lambda config: seen.append(gc.get_threshold()))
    before = gc.get_threshold()
    assert engine.build(ROOT, tmp_path / "site").ok
    assert len(seen) == 1 and seen[0][2] >= FULL_AFTER
    assert gc.get_threshold() == before
