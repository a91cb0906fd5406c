"""scripts/forked.py: make site's children (flyers and search index, one engine per language)."""
from __future__ import annotations

import os
import time

from scripts import forked


def test_a_child_hands_back_its_result_and_what_it_printed(tmp_path):
    def work():
        print("flyers: 2 PDFs")
        return 0, {"problems": [], "pid": os.getpid()}
    finished = forked.start(work, tmp_path / "child").wait()
    assert finished.ok and finished.output == "flyers: 2 PDFs\n"
    assert finished.result["problems"] == [] and finished.result["pid"] != os.getpid()


def test_a_failing_child_says_why_in_one_line(tmp_path):
    def work():
        raise ValueError("the flyer template is missing")
    finished = forked.start(work, tmp_path / "child").wait()
    assert not finished.ok and finished.result is None
    assert finished.output.strip().splitlines()[-1] == "ValueError: the flyer template is missing"
    assert "Traceback" not in finished.output


def test_an_exit_status_is_kept(tmp_path):
    finished = forked.start(lambda: (1, None), tmp_path / "child").wait()
    assert not finished.ok


def test_a_child_no_longer_needed_is_stopped(tmp_path):
    def work():
        time.sleep(60)
        return 0, None
    child = forked.start(work, tmp_path / "child")
    started = time.monotonic()
    child.stop()
    assert time.monotonic() - started < 10
    try:
        os.kill(child.pid, 0)
        alive = True
    except ProcessLookupError:
        alive = False
    assert not alive
