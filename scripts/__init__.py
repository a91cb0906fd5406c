"""Derechos: the registry, the checks, the flyers and the site glue (docs/architecture.md).

Only the engine glue (website/hooks.py, website/plugin.py, website/engine.py) imports mkdocs;
everything else works on plain files, so the site engine can be replaced by changing the glue
and the templates.

Commands (this folder)
  __main__.py     parses the command line, guards against tracebacks
  commands.py     COMMANDS: every `python -m scripts <name>`, the only place that prints reports
  build.py        `make site`: flyers, search index and engines beside the checks, then steps, swap; an Outcome
  parallel.py     tasks side by side in forked processes (ParallelTasks) or one after the other (SerialTasks)
  collector.py    Python's full garbage collections rarer while the engine or WeasyPrint works
  buildsteps.py   the steps beside and after the engine (exports, flyers), listed once in STEPS

core/  reading the project (records, never raises: what cannot be read becomes a Problem)
  project.py      the one loader: languages, pages, registry, words, deadlines, settings, redirects
  datafile.py     read_yaml: how every YAML file opens (line numbers, repeated keys, slips)
  yamlfile.py     YAML with line numbers; yamlerrors.py says YAML slips in plain words
  textfile.py     a file's text, or why it cannot be read; frontmatter.py splits a page
  contacts.py     the registry (Contact) and the kinds of number (NUMBER_KINDS), listed once
  contactcard.py  a contact card's content once (rows of label, value, link) for site, flyers, vCards
  phones.py       the one number formatter; numbers.py finds numbers typed by hand
  strings.py      the words around the content, per language; checkconfig.py data/checks.yml
  quepaso.py      data/que-paso.yml, the guided path's tree (Tree, Question, Outcome)
  deadlines.py    data/deadlines.yml; redirects.py data/redirects.yml; recheck.py re-check dates
  states.py       data/states.yml (what changes by state); editions.py data/editions/ (local editions);
                  paylog.py data/pay-log.yml (the printed hours-and-pay log's example)
  rendered.py     a page's body as the site's Markdown renderer reads it (for the safety check)
  stale.py        translation fingerprints (which twin is outdated), without git history
  problems.py     Problem, Severity and the one printer
  addresses.py    every address the site publishes (honours SITE_URL)
  urls.py         the addresses the build produces, against data/urls.txt (published, never removed)
  printed.py      which flyers and card are printed, and their PDFs' names
  languages.py    the language-code rule (three letters: mix, zap); language.py which language prose is in (pycld2)
  phrases.py      worker phrases (the `phrases:` block) and folding; sections.py section ids ({#id})
  references.py   the reference grammar: [[phone:…]], [[contact:…]], [[deadline:…]], [[directory]], [[topics]]

checks/  one function per rule, each in the module named after its id (front_matter.py: front-matter),
         listed in checks.ALL; the runner stamps each id

website/  the site
  plugin.py       engine glue: the site plugin, one object holding the project (hooks.py registers it)
  engine.py       starts the engine (mkdocs' Python interface; make serve), three-letter language codes
  components.py   the site's own HTML, one Jinja template each in templates/ (autoescape)
  generated.py    pages made from data (guided path, states, editions), handed to the engine by the plugin
  statepages.py, editionpages.py  the state pages (data/states.yml) and local editions' pages (data/editions/)
  redirectpages.py  the pages left at old addresses (data/redirects.yml)
  render.py       [[phone:…]], [[contact:…]], [[deadline:…]] and contact cards as HTML
  exports.py      contacts.json, vCards, embed pages (a build step)
  offline.py      reading without signal: offline.json, offline.html, guardar.html, sw.js (a build step)
  headers.py      _headers and .htaccess for the host (the last build step; make headers: nginx)
  sitefiles.py, searchindex.py, wordspage.py, topics.py, fallback.py, pagemarkup.py,
  lean.py, ogimage.py   what the glue delegates to, without the engine

flyers/   printable flyers and the wallet card (its own table in flyers/__init__.py)
quepaso/  the "¿Qué le pasó?" guided path: pages.py, graph.py (core/quepaso.py reads data/que-paso.yml)

reports/  maintainers' reports that need more than the checks
  readability.py  `make readability`; searchquery.py and searchrun.js `make search` (the site's ranking under node)

bench/  `make bench` (docs/bench.md); search.py the search hit rates
"""
