"""The "¿Qué le pasó?" guided path: its pages (pages), its diagram (graph). The tree as data is read
by scripts/core/quepaso.py, with the other records.

No engine import: the site plugin hands the pages to the site engine (a maker in
scripts/website/generated.py); checks/que_paso_*.py check the tree; `make que-paso-graph` draws it.
"""
