/* Switching language keeps the #section being read (ids are the same in both languages).
   Without JavaScript the switcher still works; it opens the top of the other page. */
document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("a[hreflang]");
  if (link && location.hash && !link.hash) { link.hash = location.hash; }
});
/* The site's own service worker: reading without signal (docs/offline.md). */
var sw = navigator.serviceWorker;
if (sw && location.protocol !== "file:") sw.register(new URL("../sw.js", document.currentScript.src));
