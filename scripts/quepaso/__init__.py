"""The "¿Qué le pasó?" guided path: its pages (pages), its diagram (graph). The tree as data is read
by scripts/core/quepaso.py, with the other records.

No engine import: scripts/website/hooks.py hands the pages to the site engine; checks/quepaso.py checks
the tree; `make que-paso-graph` draws it.
"""
