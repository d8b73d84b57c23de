// Autosave for a quiz attempt. Each question saves when it changes (choices at once, text after a
// pause and at least every 30 seconds while typing), and says so in its own live region. Without this
// script the page still works: the "Save answers" and "Submit" buttons post the whole form.
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form) return;
  var url = form.getAttribute("data-autosave");
  var token = form.querySelector("input[name=__RequestVerificationToken]").value;
  var status = document.getElementById("attempt-status");
  var pending = {};      // question id -> true while it has unsaved changes
  var typingTimer = {};  // question id -> timer for the pause after typing
  var firstChange = {};  // question id -> time of the oldest unsaved keystroke
  var closed = false;

  function stateOf(id) { return document.getElementById("state-" + id); }
  function setState(id, text, kind) {
    var el = stateOf(id);
    if (!el) return;
    el.textContent = text;
    el.className = "save-state" + (kind ? " is-" + kind : "");
  }
  function time(iso) {
    var d = iso ? new Date(iso) : new Date();
    return d.toLocaleTimeString([], { hour: "2-digit", minute: "2-digit", second: "2-digit" });
  }

  function fieldsOf(id) {
    var fieldset = form.querySelector('fieldset.question[data-question="' + CSS.escape(id) + '"]');
    var data = new URLSearchParams();
    data.append("__RequestVerificationToken", token);
    data.append("present", id);
    fieldset.querySelectorAll("input, select, textarea").forEach(function (el) {
      if (!el.name || el.name === "present") return;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) return;
      data.append(el.name, el.value);
    });
    return data;
  }

  function save(id, keepalive) {
    if (closed) return Promise.resolve();
    clearTimeout(typingTimer[id]);
    delete firstChange[id];
    pending[id] = false;
    setState(id, "Saving…", "saving");
    return fetch(url, {
      method: "POST",
      body: fieldsOf(id),
      credentials: "same-origin",
      keepalive: !!keepalive,
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          if (!pending[id]) setState(id, "Saved at " + time(body.savedAt), "saved");
          return;
        }
        pending[id] = true;
        if (response.status === 409) {
          closed = true;
          setState(id, (body.error || "This attempt is closed.") + " Reload the page to see your review.", "error");
          return;
        }
        setState(id, "Not saved: " + (body.error || "the server refused it.") + " Your answer is still here.", "error");
      });
    }).catch(function () {
      pending[id] = true;
      setState(id, "Not saved yet: no connection. Your answer is still on this page; trying again…", "error");
      setTimeout(function () { if (pending[id]) save(id); }, 5000);
    });
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset.question");
    if (fieldset) save(fieldset.getAttribute("data-question"));
  });

  form.addEventListener("input", function (event) {
    var el = event.target;
    if (el.tagName !== "TEXTAREA" && el.type !== "text") return;
    var fieldset = el.closest("fieldset.question");
    var id = fieldset.getAttribute("data-question");
    pending[id] = true;
    setState(id, "Unsaved changes", "pending");
    var now = Date.now();
    if (!firstChange[id]) firstChange[id] = now;
    clearTimeout(typingTimer[id]);
    if (now - firstChange[id] >= 30000) save(id);
    else typingTimer[id] = setTimeout(function () { save(id); }, 2000);
    var counter = el.getAttribute("data-counter") && document.getElementById(el.getAttribute("data-counter"));
    if (counter) counter.textContent = el.value.length.toLocaleString() + " of " + Number(el.maxLength).toLocaleString() + " characters";
  });

  // Leaving the page: send what is unsaved.
  window.addEventListener("pagehide", function () {
    Object.keys(pending).forEach(function (id) { if (pending[id]) save(id, true); });
  });

  // Submitting: the form posts every answer with it, so nothing typed in the last seconds is lost.
  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    Object.keys(typingTimer).forEach(function (id) { clearTimeout(typingTimer[id]); });
    closed = true;
    if (submitter && submitter.hasAttribute("data-submit")) {
      // One click is enough; a second one would be ignored by the server anyway.
      setTimeout(function () { submitter.disabled = true; submitter.textContent = "Submitting…"; }, 0);
    }
  });

  if (status && status.querySelector("[data-deadline]")) {
    var deadline = new Date(status.querySelector("[data-deadline]").getAttribute("data-deadline"));
    var clock = document.createElement("span");
    clock.className = "countdown";
    status.appendChild(clock);
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - new Date()) / 1000));
      clock.textContent = " " + Math.floor(left / 60) + " min " + ("0" + (left % 60)).slice(-2) + " s left.";
      if (left > 0) setTimeout(tick, 1000);
    };
    tick();
  }
})();
