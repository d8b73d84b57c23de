// Progressive enhancement only: without this script every note is simply shown under its paragraph.
(function () {
  "use strict";
  function setNote(button, open) {
    var note = document.getElementById(button.getAttribute("aria-controls"));
    if (!note) return;
    button.setAttribute("aria-expanded", open ? "true" : "false");
    note.hidden = !open;
  }
  var refs = Array.prototype.slice.call(document.querySelectorAll("button.ann-ref"));
  refs.forEach(function (button) {
    setNote(button, false);
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      setNote(button, open);
    });
  });
  document.querySelectorAll("[data-notes]").forEach(function (control) {
    control.addEventListener("click", function () {
      var open = control.getAttribute("data-notes") === "open";
      refs.forEach(function (button) { setNote(button, open); });
    });
  });
  // Printing shows every note.
  window.addEventListener("beforeprint", function () { refs.forEach(function (b) { setNote(b, true); }); });
})();
