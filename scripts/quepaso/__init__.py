"""The "¿Qué le pasó?" guided path: the tree as data (model), its pages (pages), its diagram (graph).

No engine import: scripts/website/hooks.py hands the pages to the site engine; checks/quepaso.py checks
the tree; `make que-paso-graph` draws it.
"""
