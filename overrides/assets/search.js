/* The search page's form. Nothing of search is fetched until the person searches: then this
   language's index (search/index.json) and the search code (search-core.js, the same file
   `make search` runs under node) are loaded once; the other language's index only for a query
   with a word this one does not know. Nothing leaves the site, nothing is stored. */
(function () {
  "use strict";
  var form = document.getElementById("search-form");
  var out = document.getElementById("search-results");
  var none = document.getElementById("search-none");
  if (!form || !out || !none || !none.content || !window.fetch || !String.prototype.normalize) return;
  var root = new URL(form.getAttribute("data-root"), location.href);
  var ready = null, otherReady = null;

  function load() {
    if (ready) return ready;
    var code = new Promise(function (resolve, reject) {
      var script = document.createElement("script");
      script.src = form.getAttribute("data-code");
      script.onload = resolve;
      script.onerror = reject;
      document.head.appendChild(script);
    });
    var index = fetch(new URL(form.getAttribute("data-index"), root)).then(function (r) {
      if (!r.ok) throw new Error(r.status);
      return r.json();
    });
    ready = Promise.all([index, code]).then(function (both) { return new window.DerechosSearch.Index(both[0]); });
    ready.catch(function () { ready = null; });  // a dropped connection: the next search tries again
    return ready;
  }

  // The other language's index, fetched only for a query with a word this one does not know
  // ("injury" on the Spanish page): its pages are this language's under the same addresses
  // (search-core.js, searchWith).
  function other() {
    var where = form.getAttribute("data-other-index");
    if (!where) return Promise.resolve(null);
    if (!otherReady) {
      otherReady = fetch(new URL(where, location.href)).then(function (r) {
        if (!r.ok) throw new Error(r.status);
        return r.json();
      }).then(function (data) { return new window.DerechosSearch.Index(data); });
      otherReady.catch(function () { otherReady = null; });
    }
    return otherReady.catch(function () { return null; });  // no signal: this language's own answer stands
  }

  function show(hits) {
    out.textContent = "";
    if (!hits.length) {  // never an empty page: the help directory, the guided path, the topics
      out.appendChild(none.content.cloneNode(true));
      return;
    }
    var list = document.createElement("ol");
    hits.forEach(function (hit) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = new URL(hit.url + (hit.section ? "#" + hit.section : ""), root).href;
      a.textContent = hit.title;
      li.appendChild(a);
      if (hit.sectionTitle) {
        var where = document.createElement("span");
        where.className = "search-section";
        where.textContent = " — " + hit.sectionTitle;
        li.appendChild(where);
      }
      list.appendChild(li);
    });
    out.appendChild(list);
  }

  function search(query) {
    if (!query.trim()) { show([]); return; }
    load().then(function (index) {
      if (!index.unknown(query).length) { show(index.search(query, 6)); return; }
      other().then(function (second) { show(index.searchWith(second, query, 6)); });
    }, function () {
      // The index could not be read: no signal and no saved guide. Say so, never "nothing found".
      out.textContent = "";
      var p = out.appendChild(document.createElement("p"));
      p.className = "search-offline";
      p.textContent = form.getAttribute("data-offline");
    });
  }

  form.addEventListener("submit", function (e) {
    e.preventDefault();
    var query = form.q.value;
    search(query);  // the words stay out of the address bar and the history
  });
  var initial = new URLSearchParams(location.search).get("q");
  if (initial !== null) {  // a search sent without JavaScript, or a link: shown, then taken out of the address
    form.q.value = initial;
    search(initial);
    history.replaceState(null, "", location.pathname + location.hash);
  }
})();
