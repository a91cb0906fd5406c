"""Python packages are installed with their hashes checked (issue 28, part 7): requirements.txt is
requirements.in's exact pins with every file's hash (pip-tools), and the Makefile installs it with
--require-hashes, so a changed file on the registry stops the install instead of running."""
from __future__ import annotations

import importlib.metadata
import re

from conftest import ROOT

PIN = re.compile(r"^([A-Za-z0-9_.-]+)(?:\[[\w,.-]+\])?==(\S+)", re.MULTILINE)   # name[extras]==version


def pins(text: str) -> dict[str, str]:
    return {name.lower().replace("_", "-"): version for name, version in PIN.findall(text)}


def test_every_package_is_pinned_with_its_hashes():
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    blocks = re.split(r"\n(?=[A-Za-z0-9_.-]+(?:\[[\w,.-]+\])?==)", text)
    packages = [block for block in blocks if PIN.match(block)]
    assert len(packages) > 50
    for block in packages:
        assert re.search(r"--hash=sha256:[0-9a-f]{64}", block), block.splitlines()[0]


def test_the_hashed_list_is_the_pinned_list():
    wanted = pins((ROOT / "requirements.in").read_text(encoding="utf-8"))
    hashed = pins((ROOT / "requirements.txt").read_text(encoding="utf-8"))
    assert {name: hashed.get(name) for name in wanted} == wanted   # each pin, at its version
    assert set(hashed) - set(wanted) <= {"setuptools", "pip", "wheel"}   # plus only what builds packages


def test_make_installs_with_hashes_required():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "pip install -q --disable-pip-version-check --require-hashes -r requirements.txt" in makefile
    assert "--generate-hashes" in makefile


def test_a_package_wanted_with_an_extra_is_pinned_with_it():
    # pip 23 with --require-hashes takes "fonttools[woff]>=4.59.2" (WeasyPrint's) as a requirement
    # of its own unless the pin names the extra too: "fonttools==4.68.0" alone stopped every fresh
    # install the day fonttools 4.69 reached PyPI. Read from the installed packages' own metadata.
    text = (ROOT / "requirements.txt").read_text(encoding="utf-8")
    wanted = set()
    for dist in importlib.metadata.distributions():
        for requirement in dist.requires or []:
            found = re.match(r"([A-Za-z0-9_.-]+)\s*\[([^\]]+)\]", requirement)
            if found and "extra ==" not in requirement:
                wanted.add((found[1].lower().replace("_", "-"), found[2].replace(" ", "")))
    assert ("fonttools", "woff") in wanted   # the case that broke; the rule covers any such pin
    for name, extras in sorted(wanted):
        assert re.search(rf"^{re.escape(name)}\[{re.escape(extras)}\]==", text, re.I | re.M), name
