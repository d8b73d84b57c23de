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

// Copy buttons: <button data-copy="element-id">.
(function () {
  "use strict";
  document.querySelectorAll("[data-copy]").forEach(function (button) {
    button.addEventListener("click", function () {
      var source = document.getElementById(button.getAttribute("data-copy"));
      if (!source || !navigator.clipboard) return;
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        var label = button.textContent;
        button.textContent = "Copied";
        setTimeout(function () { button.textContent = label; }, 2000);
      });
    });
  });
})();

// A teacher's first class: suggest the browser's time zone (they can still choose another).
(function () {
  "use strict";
  var select = document.querySelector("select[data-guess-zone=browser]");
  if (!select || !window.Intl) return;
  var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  if (!zone) return;
  var option = Array.prototype.find.call(select.options, function (o) { return o.value === zone; });
  if (!option) {
    option = document.createElement("option");
    option.value = zone;
    option.textContent = zone;
    select.appendChild(option);
  }
  select.value = zone;
})();
