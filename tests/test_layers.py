"""Imports go one way (docs/architecture.md): core/ imports nothing of the project above it, and
checks/ imports only core/ (and its own modules). An import the other way fails here, naming the
file and line, before a cycle or a check that needs the site engine creeps in."""
from __future__ import annotations

import ast
import shutil
from pathlib import Path

from conftest import ROOT

PACKAGE = "scripts"
# Each layer and the project packages its modules may import (their own included).
ALLOWED = {"core": {"core"}, "checks": {"core", "checks"}}


def imported(module: str, path: Path) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import of the project in the file, at any depth
    (an import inside a function counts too)."""
    found = []
    package = module.rsplit(".", 1)[0] if path.name != "__init__.py" else module
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            # `from .. import forked` names a module by its last part: count each name imported.
            found += [(node.lineno, f"{name}.{alias.name}") for alias in node.names]
    return [(line, name) for line, name in found if name.startswith(PACKAGE + ".")]


def wrong_imports(root: Path) -> list[str]:
    """'scripts/core/x.py:3 imports scripts.website.render' for each import that goes the wrong way
    (`from ..website import render` is named scripts.website.render)."""
    wrong = []
    for layer, allowed in ALLOWED.items():
        for path in sorted((root / PACKAGE / layer).rglob("*.py")):
            rel = path.relative_to(root)
            module = ".".join(rel.with_suffix("").parts)
            for line, name in imported(module, path):
                parts = name.split(".")
                if parts[1] not in allowed:
                    wrong.append(f"{rel.as_posix()}:{line} imports {name}")
    return wrong


def test_imports_go_one_way():
    assert wrong_imports(ROOT) == []


def test_an_import_the_wrong_way_is_named(tmp_path):
    shutil.copytree(ROOT / PACKAGE, tmp_path / PACKAGE, ignore=shutil.ignore_patterns("__pycache__"))
    phones = tmp_path / PACKAGE / "core/phones.py"
    phones.write_text(phones.read_text(encoding="utf-8") + "\n\ndef later():\n    from ..website import render\n"
                      "    return render\n", encoding="utf-8")
    parity = tmp_path / PACKAGE / "checks/parity.py"
    parity.write_text("from .. import commands\nimport scripts.flyers.model\n" + parity.read_text(encoding="utf-8"),
                      encoding="utf-8")
    lines = len(phones.read_text(encoding="utf-8").splitlines())
    assert sorted(wrong_imports(tmp_path)) == ["scripts/checks/parity.py:1 imports scripts.commands",
                                               "scripts/checks/parity.py:2 imports scripts.flyers.model",
                                               f"scripts/core/phones.py:{lines - 1} imports scripts.website.render"]
