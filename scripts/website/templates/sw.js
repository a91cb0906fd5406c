{#- Derechos' service worker (issue 25), written by make site from this template
   (scripts/website/offline.py); docs/offline.md explains it. Nothing leaves the site. Every
   visitor downloads it (the budget: with its registration, 2 KB gzip on a first visit), so it is short.
   - Pages come from the network first, so a number is never older than the site when there is
     signal; each answer is also put aside ("seen@VERSION"), to be read again without signal.
   - "Guardar para leer sin señal" keeps a language's whole guide, as its offline.json lists it,
     in "kept-<lang>@VERSION" (a message from assets/offline-save.js).
   - A new build is a new VERSION: this worker installs, fetches again every guide the phone kept,
     then drops the old copies and the pages put aside by the old build.
   - The page that registered the worker is put aside too, from the browser's cache (no download).
   - Without signal, a page neither kept nor seen is the language's offline.html (help numbers),
     put aside with a third page the phone opens (1.1 KB: not on the first or second page, whose
     budgets it broke, make bench) or with the kept guide. -#}
// Made by make site: scripts/website/templates/sw.js
"use strict";
{#- Addresses without the site's root are relative to this file, which sits at the root (S). -#}
var V = "@" + {{ version | tojson }}, LANGS = {{ languages | tojson }}, S = self.registration.scope;
{#- a language's folder ('en/', ''): from an address or from the language's code -#}
var folder = (url, lang) => LANGS.filter(l => url.slice(S.length).indexOf(l[0]) === 0 || l[1] === lang)[0][0];
var get = url => fetch(new Request(url, {cache: "no-cache"}));
var put = (name, url, response) => caches.open(name + V).then(c => c.put(url, response));
var old = names => names.filter(n => n.slice(-V.length) !== V);
function keep(lang) {
  var name = "kept-" + lang, list = folder("", lang) + "offline.json";
  return get(list).then(r => r.json()).then(m => Promise.all(m.files.map(f => get(f).then(r => {
    if (!r.ok) throw r.status;
    return put(name, f, r);
  }))).then(() => put(name, list, new Response(JSON.stringify(m)))))
    .catch(e => caches.delete(name + V).then(() => { throw e; }));
}
self.addEventListener("install", e => e.waitUntil(caches.keys().then(names => Promise.all(
  old(names).filter(n => !n.indexOf("kept-")).map(n => keep(n.slice(5, n.indexOf("@"))).catch(() => 0))  {#- no signal: the old copy stays -#}
)).then(() => self.skipWaiting())));
self.addEventListener("activate", e => e.waitUntil(caches.keys().then(names => Promise.all(old(names).map(n =>
  n.indexOf("kept-") ? caches.delete(n) : caches.has(n.slice(0, n.indexOf("@")) + V).then(has => has && caches.delete(n))
))).then(() => self.clients.matchAll({type: "window", includeUncontrolled: true})).then(open => Promise.all(open.map(c =>
  {#- the open pages, from the browser's cache only: never a download -#}
  fetch(c.url, {cache: "only-if-cached", mode: "same-origin"}).then(r => r.ok && put("seen", c.url, r)).catch(() => 0)
))).then(() => self.clients.claim())));
self.addEventListener("fetch", e => {
  var q = e.request, page = q.mode === "navigate", off = folder(q.url) + "offline.html";
  if (q.method !== "GET" || q.url.indexOf(S)) return;
  e.respondWith(fetch(q).then(r => {
    if (r.status === 200 && r.type === "basic") e.waitUntil(put("seen", q.url, r.clone()).then(() => page && caches.open("seen" + V)
      .then(c => c.keys()).then(k => k.filter(x => x.url.slice(-1) === "/").length > 2 && caches.match(off)
      .then(has => has || get(off).then(o => put("seen", off, o))))));
    return r;
  }, () => caches.match(q, {ignoreSearch: true}).then(r => r || (page ? caches.match(off) : Response.error()))));
});
self.addEventListener("message", e => {
  var lang = e.data && e.data.keep, tell = ok => e.source.postMessage({kept: lang, ok: ok});
  if (lang) e.waitUntil(keep(lang).then(() => tell(true), () => tell(false)));
});
