"""Lighthouse (npm, pinned in package-lock.json) on Debian's Chromium: mobile, simulated slow 4G."""
from __future__ import annotations

import json
import os
import subprocess
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from .chromium import CHROMIUM, FLAGS

CATEGORIES = ["performance", "accessibility", "best-practices", "seo"]


@dataclass
class Scores:
    url: str
    scores: dict[str, int | None] = field(default_factory=dict)
    missed: list[str] = field(default_factory=list)  # audits that cost points, for the note
    error: str = ""


def run(root: Path, url: str) -> Scores:
    binary = root / "node_modules" / ".bin" / "lighthouse"
    result = Scores(url)
    if not binary.exists():
        result.error = "lighthouse is not installed: run 'make node_modules' (npm ci)"
        return result
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        out = Path(tmp) / "report.json"
        env = dict(os.environ, CHROME_PATH=str(CHROMIUM))
        cmd = [str(binary), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={' '.join(FLAGS)}"]
        try:
            done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=180)
        except subprocess.TimeoutExpired:
            result.error = "lighthouse did not finish in 180 s"
            return result
        if done.returncode != 0 or not out.exists():
            lines = (done.stderr or done.stdout).strip().splitlines()
            result.error = f"lighthouse exited {done.returncode}: " + (lines[-1] if lines else "no output")
            return result
        report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        result.error = f"lighthouse: {report['runtimeError'].get('message', report['runtimeError'])}"
    for name in CATEGORIES:
        category = report["categories"].get(name, {})
        score = category.get("score")
        result.scores[name] = None if score is None else round(score * 100)
        for ref in category.get("auditRefs", []):
            audit = report["audits"].get(ref["id"], {})
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                shown = audit.get("displayValue") or f"score {audit['score']:.2f}"
                result.missed.append(f"{name}: {ref['id']} ({shown})")
    return result
