(function () {
  var link = document.querySelector(".quick-exit__button");
  if (!link) return;
  function leave(event) {
    if (event) event.preventDefault();
    document.documentElement.className += " quick-exit--leaving";
    location.replace(link.href);
  }
  link.addEventListener("click", leave);
  var hint = document.createElement("span");
  hint.className = "quick-exit__hint";
  hint.textContent = link.getAttribute("data-hint");
  link.parentNode.parentNode.insertBefore(hint, link.parentNode.nextSibling);
  var presses = 0, timer = null;
  document.addEventListener("keyup", function (event) {
    if (event.key !== "Shift") { presses = 0; return; }
    presses += 1;
    clearTimeout(timer);
    timer = setTimeout(function () { presses = 0; }, 5000);
    if (presses >= 3) leave();
  });
})();
