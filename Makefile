# Derechos. Everyone needs two commands: `make site` and `make test`.
# Both create the Python environment (.venv) from requirements.txt and, when run as root,
# install the Debian packages they need. Maintainers also use `make check` and `make serve`.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
export NO_MKDOCS_2_WARNING := 1
# Python keeps the compiled scripts in __pycache__/, which git ignores: not compiling 12,000
# lines again on every run makes `make check` start about 0.09 s sooner. Some machines (CI
# images, containers) set PYTHONDONTWRITEBYTECODE, which would make every run compile them again.
unexport PYTHONDONTWRITEBYTECODE

.PHONY: site test check serve clean venv sysdeps urls

# SERIAL=1: one part after the other in one process (default: side by side on the cores).
site: venv sysdeps
	$(PY) -m scripts build $(if $(SERIAL),--serial)

test: venv sysdeps node_modules
	$(VENV)/bin/ruff check .
	$(PY) -m scripts check
	$(PY) -m pytest -q -n auto --maxprocesses 4 --dist worksteal

check: venv
	@$(PY) -m scripts check

# The site's HTTP headers for nginx (docs/hosting.md); make site writes _headers and .htaccess itself.
.PHONY: headers
headers: venv
	@$(PY) -m scripts headers

# Add newly published addresses to data/urls.txt (see docs/embedding.md).
urls: venv
	@$(PY) -m scripts urls

# The "¿Qué le pasó?" tree as diagrams for review: que-paso-graph/que-paso-es.pdf and -en.pdf, from
# their .dot files (Graphviz's dot, installed by sysdeps; docs/que-paso.md).
.PHONY: que-paso-graph
que-paso-graph: venv sysdeps
	@$(PY) -m scripts que-paso-graph

# Maintainers' reports (docs/checks.md, docs/translating.md). make translated PAGE=en/salarios/index.md
.PHONY: stale translated likely readability links
stale: venv
	@$(PY) -m scripts stale

translated: venv
	@$(PY) -m scripts translated $(PAGE)

likely: venv
	@$(PY) -m scripts likely

readability: venv
	@$(PY) -m scripts readability

links: venv
	@$(PY) -m scripts links

# What the site's search finds, ranked as on the site: make search Q="me lastimé" [SEARCH_LANG=en]
# (Q and SEARCH_LANG reach the command as environment variables: no quoting trouble.)
.PHONY: search
search: venv
	@$(PY) -m scripts search

serve: venv
	@$(PY) -m scripts.website.engine serve

clean:
	rm -rf site .site-* .site.lock site.old .cache

venv: $(STAMP)

$(STAMP): requirements.txt
	rm -rf $(VENV)
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --disable-pip-version-check --require-hashes -r requirements.txt
	touch $@

# requirements.txt from requirements.in, every file's hash included (pip-tools, in a folder of its own).
# --no-strip-extras keeps "fonttools[woff]==4.68.0": with the extra stripped, pip 23 took WeasyPrint's
# "fonttools[woff]>=4.59.2" as a second, unpinned requirement and refused to install once fonttools
# 4.69 appeared on PyPI (a fresh clone failed on 6 December 2026).
.PHONY: requirements
requirements:
	$(PYTHON) -m venv .cache/pip-tools
	.cache/pip-tools/bin/pip install -q --disable-pip-version-check pip-tools==7.7.0
	.cache/pip-tools/bin/pip-compile --quiet --generate-hashes --allow-unsafe --no-emit-index-url \
	  --no-emit-find-links --no-header --no-strip-extras -o requirements.txt.new requirements.in
	{ sed -n '1,3p' requirements.txt; cat requirements.txt.new; } > requirements.txt.tmp && rm requirements.txt.new && mv requirements.txt.tmp requirements.txt

sysdeps:
	@sh scripts/sysdeps.sh

# axe-core (browser tests), vnu-jar (valid HTML test, on Java) and lighthouse (bench), pinned in package-lock.json; reinstalled when it changes.
NODE_STAMP := node_modules/.installed-$(shell cksum < package-lock.json | cut -d' ' -f1)
.PHONY: node_modules bench
node_modules: $(NODE_STAMP)

$(NODE_STAMP): package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Page weight, Lighthouse scores and build costs against the budgets (docs/bench.md).
bench: venv sysdeps node_modules
	$(PY) -m scripts.bench
