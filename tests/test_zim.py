"""Issue 25, part 2: the guide for Kiwix (/descargas/derechos-<lang>.zim), made with zim-tools from
the one-file guide; zimcheck, the ZIM tools' own checker, passes every check on it."""
from __future__ import annotations

import shutil
import subprocess

import pytest

from scripts import buildsteps
from scripts.core import project as project_module
from scripts.website import onefile, onezim

from conftest import ROOT

PROJECT = project_module.load(ROOT)


def test_the_zim_files_are_a_build_step_after_the_one_file_guide():
    assert buildsteps.STEPS.index(onefile.build) < buildsteps.STEPS.index(onezim.build)


@pytest.mark.parametrize("lang", ["es", "en"])
def test_zimcheck_passes_on_each_language(built_site, lang):
    zim = built_site / onezim.path(PROJECT, lang)
    assert zim.is_file() and zim.stat().st_size > 10_000
    run = subprocess.run([shutil.which("zimcheck") or "zimcheck", "--all", str(zim)], capture_output=True, text=True)
    assert run.returncode == 0 and "Overall Test Status: Pass" in run.stdout, run.stdout[-2000:]
    # Its main page is the one-file guide, in the language, with every number that calls.
    dump = subprocess.run(["zimdump", "show", "--url=index.html", str(zim)], capture_output=True, text=True)
    guide = (built_site / onefile.path(PROJECT, lang)).read_text(encoding="utf-8")
    assert f'<html lang="{lang}"' in dump.stdout
    assert set(onefile._TEL.findall(dump.stdout)) == set(onefile._TEL.findall(guide))


def test_kiwix_gets_no_sms_link_but_keeps_the_text_number():
    guide = ('<p><a class="share-link share-sms" href="sms:?&amp;body=x">Enviar por SMS</a> '
             '<a class="sms" href="sms:233733">233733</a></p>')
    assert onezim.for_kiwix(guide) == "<p>233733</p>"
