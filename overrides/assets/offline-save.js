/* Reading without signal (docs/offline.md): the "Guardar para leer sin señal" control
   (overrides/partials/offline-save.html, home and help pages) and, on the offline page
   (scripts/website/templates/offline-page.html), the list of what is kept. The service worker
   (/sw.js) does the keeping; keep-section.js registers it. */
(function () {
  "use strict";
  var sw = navigator.serviceWorker;
  if (!sw || !window.caches || !window.fetch) return;

  function kept(lang, manifest) {  // the offline.json this phone kept for a language, or null
    return caches.keys().then(function (names) {
      var name = names.filter(function (n) { return n.indexOf("kept-" + lang + "@") === 0; })[0];
      return name ? caches.open(name).then(function (c) { return c.match(manifest); })
        .then(function (r) { return r ? r.json() : null; }) : null;
    });
  }
  function absolute(element) { return new URL(element.getAttribute("data-manifest"), location.href).href; }

  var list = document.getElementById("offline-kept");  // the offline page: links to what is kept
  if (list) kept(list.getAttribute("data-lang"), absolute(list)).then(function (info) {
    if (!info) return;
    var root = new URL("../", document.currentScript ? document.currentScript.src : location.href).href;
    var h = list.appendChild(document.createElement("h2")), ul = list.appendChild(document.createElement("ul"));
    h.textContent = list.getAttribute("data-title");
    info.pages.forEach(function (p) {
      var a = ul.appendChild(document.createElement("li")).appendChild(document.createElement("a"));
      a.href = root + p[0];
      a.textContent = p[1];
    });
  });

  var box = document.getElementById("offline-save");
  if (!box) return;
  var lang = box.getAttribute("data-lang"), manifest = absolute(box);
  var say = function (key, kb) { return box.getAttribute("data-" + key).replace("{kb}", kb); };
  var text = box.appendChild(document.createElement("p"));
  var button = box.appendChild(document.createElement("button"));
  button.type = "button";
  text.setAttribute("aria-live", "polite");

  function show() {
    kept(lang, manifest).then(function (info) {
      box.className = "offline-save" + (info ? " offline-save--kept" : "");
      text.textContent = info ? say("saved", Math.ceil(info.bytes / 1024)) : "";
      button.textContent = say(info ? "remove" : "save");
      button.onclick = info ? remove : ask;
    });
  }
  function ask() {  // first tap: the size, from this language's offline.json; second tap: save
    fetch(manifest, {cache: "no-cache"}).then(function (r) { return r.json(); }).then(function (m) {
      var size = Math.ceil(m.bytes / 1024);
      text.textContent = say("size", size);
      button.textContent = say("confirm", size);
      button.onclick = save;
    }, function () { text.textContent = say("failed"); });
  }
  function save() {
    button.disabled = true;
    text.textContent = say("saving");
    sw.ready.then(function (registration) { registration.active.postMessage({keep: lang}); });
  }
  function remove() {
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return n.indexOf("kept-" + lang + "@") === 0; })
        .map(function (n) { return caches.delete(n); }));
    }).then(show);
  }
  sw.addEventListener("message", function (event) {
    if (!event.data || event.data.kept !== lang) return;
    button.disabled = false;
    if (event.data.ok) show(); else text.textContent = say("failed");
  });
  show();
})();
