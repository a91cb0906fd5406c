"""Time each post-build step (exports, flyers…) alone on a built site:
`python -m scripts.bench.steps ROOT SITE` prints one JSON object, {step name: seconds}.

Run in its own process by the benchmark, so the flyers' peak memory is their own.
"""
from __future__ import annotations

import contextlib
import io
import json
import sys
import time
from pathlib import Path


def main(root: Path, site: Path) -> int:
    import shutil
    from scripts import buildsteps
    from scripts.core import project
    from scripts.flyers.cache import FOLDER
    from scripts.website.onebooklet import CACHE, PAGES
    for cache in (FOLDER, CACHE):  # every flyer and booklet rendered, as in a clean build
        shutil.rmtree(root / cache, ignore_errors=True)
    (root / PAGES).unlink(missing_ok=True)  # and no page numbers to start the booklets from
    proj = project.load(root)
    timings: dict[str, float] = {}
    for step in buildsteps.STEPS:
        start = time.perf_counter()
        with contextlib.redirect_stdout(io.StringIO()):  # the steps' own notes would break the JSON line
            step(proj, site)
        timings[f"{step.__module__}.{step.__name__}"] = time.perf_counter() - start
    print(json.dumps(timings))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1]), Path(sys.argv[2])))
