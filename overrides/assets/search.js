/* Search for the search page. Loads this language's own index and Material's search worker
   (lunr with the language's stemmer) only on this page. Nothing leaves the site. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var out = document.getElementById("search-results");
  var config = document.getElementById("__config");
  if (!form || !out || !config || !window.Worker) return;
  var workerUrl = JSON.parse(config.textContent).search;
  var root = new URL(form.getAttribute("data-root"), location.href);
  var indexUrl = new URL(form.getAttribute("data-index"), root);
  var worker = null, ready = null, pages = {};

  function start() {
    if (ready) return ready;
    ready = fetch(indexUrl).then(function (r) { return r.json(); }).then(function (index) {
      index.docs.forEach(function (d) { if (d.location.indexOf("#") < 0) pages[d.location] = d.title; });
      return new Promise(function (resolve) {
        worker = new Worker(workerUrl);
        worker.onmessage = function (e) { if (e.data.type === 1) resolve(); };
        worker.postMessage({ type: 0, data: { config: index.config, docs: index.docs, options: { suggest: false } } });
      });
    });
    return ready;
  }

  function show(items) {
    out.textContent = "";
    if (!items.length) {
      var p = document.createElement("p");
      p.textContent = form.getAttribute("data-none");
      out.appendChild(p);
      return;
    }
    var list = document.createElement("ul");
    items.forEach(function (group) {
      var doc = Array.isArray(group) ? group[0] : group;
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = new URL(doc.location, root).href;
      var page = pages[doc.location.split("#")[0]];
      var title = doc.title.replace(/<[^>]*>/g, "");
      a.textContent = page && page !== title ? title + " — " + page : title;
      li.appendChild(a);
      list.appendChild(li);
    });
    out.appendChild(list);
  }

  function search(query) {
    query = query.replace(/[~^:+\-*]/g, " ").trim();
    if (!query) { out.textContent = ""; return; }
    start().then(function () {
      worker.onmessage = function (e) { if (e.data.type === 3) show(e.data.data.items || []); };
      worker.postMessage({ type: 2, data: query });
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    search(form.q.value);
    history.replaceState(null, "", "?q=" + encodeURIComponent(form.q.value));
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial) { form.q.value = initial; search(initial); }
})();
