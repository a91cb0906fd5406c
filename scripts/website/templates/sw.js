{#- Derechos' service worker (issue 25), written by make site from this template
   (scripts/website/offline.py); docs/offline.md explains it. Nothing leaves the site. Every
   visitor downloads it (the budget: with its registration, 2 KB gzip on a first visit), so it is short.
   - Pages come from the network first, so a number is never older than the site when there is
     signal; each answer is also put aside ("seen@VERSION"), to be read again without signal.
   - "Guardar para leer sin señal" keeps a language's whole guide, as its offline.json lists it,
     in "kept-<lang>@VERSION" (a message from assets/offline-save.js).
   - A new build is a new VERSION: this worker installs, fetches again every guide the phone kept,
     then drops the old copies and the pages put aside by the old build.
   - Without signal, a page neither kept nor seen is the language's offline.html (help numbers),
     put aside when the worker first serves a page of that language. -#}
// Made by make site: scripts/website/templates/sw.js
"use strict";
var V = "@" + {{ version | tojson }}, LANGS = {{ languages | tojson }}, S = self.registration.scope;
function folder(url, lang) {  {#- a language's folder: from an address or from its code -#}
  var path = url.slice(S.length);
  return LANGS.filter(function (l) { return path.indexOf(l[0]) === 0 || l[1] === lang; })[0][0];
}
function get(url) { return fetch(new Request(S + url, {cache: "no-cache"})); }
function put(name, url, response) {
  return caches.open(name + V).then(function (c) { return c.put(S + url, response); });
}
function keep(lang) {
  var name = "kept-" + lang, where = folder("", lang);
  return get(where + "offline.json").then(function (r) { return r.json(); }).then(function (list) {
    return Promise.all(list.files.map(function (f) {
      return get(f).then(function (r) { if (!r.ok) throw r.status; return put(name, f, r); });
    })).then(function () { return put(name, where + "offline.json", new Response(JSON.stringify(list))); });
  }).catch(function (e) { return caches.delete(name + V).then(function () { throw e; }); });
}
function old(names) { return names.filter(function (n) { return n.slice(-V.length) !== V; }); }
self.addEventListener("install", function (e) {
  e.waitUntil(caches.keys().then(function (names) {
    return Promise.all(old(names).filter(function (n) { return n.indexOf("kept-") === 0; }).map(function (n) {
      return keep(n.slice(5, n.indexOf("@"))).catch(function () {});  {#- no signal: the old copy stays -#}
    }));
  }).then(function () { return self.skipWaiting(); }));
});
self.addEventListener("activate", function (e) {
  e.waitUntil(caches.keys().then(function (names) {
    return Promise.all(old(names).map(function (n) {
      var now = n.slice(0, n.indexOf("@")) + V;
      return n.indexOf("kept-") ? caches.delete(n) : caches.has(now).then(function (has) { return has && caches.delete(n); });
    }));
  }).then(function () { return self.clients.claim(); }));
});
self.addEventListener("fetch", function (e) {
  var q = e.request, page = q.mode === "navigate";
  if (q.method !== "GET" || q.url.indexOf(S)) return;
  e.respondWith(fetch(q).then(function (r) {
    if (r.status === 200 && r.type === "basic") {
      e.waitUntil(put("seen", q.url.slice(S.length), r.clone()));
      var off = folder(q.url) + "offline.html";
      if (page) e.waitUntil(caches.match(S + off).then(function (has) { return has || get(off).then(function (o) { return put("seen", off, o); }); }));
    }
    return r;
  }, function () {
    return caches.match(q, {ignoreSearch: true}).then(function (r) {
      return r || (page ? caches.match(S + folder(q.url) + "offline.html") : Response.error());
    });
  }));
});
self.addEventListener("message", function (e) {
  var lang = e.data && e.data.keep, tell = function (ok) { e.source.postMessage({kept: lang, ok: ok}); };
  if (lang) e.waitUntil(keep(lang).then(function () { tell(true); }, function () { tell(false); }));
});
