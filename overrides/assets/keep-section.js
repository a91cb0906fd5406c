/* Switching language keeps the #section being read (ids are the same in both languages).
   Without JavaScript the switcher still works; it opens the top of the other page. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[hreflang]");
  if (link && location.hash && !link.hash) { link.hash = location.hash; }
});
/* Reading without signal (docs/offline.md): the site's own service worker, /sw.js (make site
   writes it), here rather than in a file of its own: one request less on every first visit. */
if (navigator.serviceWorker && location.protocol.indexOf("http") === 0) {
  navigator.serviceWorker.register(new URL("../sw.js", document.currentScript.src));
}
