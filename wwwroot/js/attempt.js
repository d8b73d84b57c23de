// Autosave for a quiz attempt. Each question saves when it changes (choices at once, text after a
// pause and at least every 30 seconds while typing), and says so in its own live region.
// Saves are ordered: every change gets a sequence number (its edit time in ms, always increasing), one
// request per question is in flight at a time, and the server ignores a save older than the one it holds.
// "Saved" is shown only when the server confirms the newest change. Without this script the page still
// works: "Save answers" and "Submit" post the whole form, and the server asks for confirmation.
(function () {
  "use strict";
  var form = document.getElementById("quiz-form");
  if (!form) return;
  var url = form.getAttribute("data-autosave");
  var token = form.querySelector("input[name=__RequestVerificationToken]").value;
  var status = document.getElementById("attempt-status");
  var answeredCount = document.getElementById("answered-count");
  var latest = {};       // question id -> sequence of the newest change on this page
  var confirmed = {};    // question id -> newest sequence the server confirmed
  var inFlight = {};     // question id -> true while a save is on its way
  var typingTimer = {};  // question id -> timer for the pause after typing
  var firstChange = {};  // question id -> time of the oldest unsaved keystroke
  var closed = false;

  function questions() { return Array.prototype.slice.call(form.querySelectorAll("fieldset.question")); }
  function fieldsetOf(id) { return form.querySelector('fieldset.question[data-question="' + CSS.escape(id) + '"]'); }
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

  // The sequence of a change: its time, but always above the last one, even if the clock stands still.
  function nextSeq(id) {
    var seq = Math.max(Date.now(), (latest[id] || 0) + 1);
    latest[id] = seq;
    var hidden = form.querySelector('input[name="seq.' + CSS.escape(id) + '"]');
    if (!hidden) {
      hidden = document.createElement("input");
      hidden.type = "hidden";
      hidden.name = "seq." + id;
      fieldsetOf(id).appendChild(hidden);
    }
    hidden.value = String(seq);
    return seq;
  }

  function isAnswered(fieldset) {
    return Array.prototype.some.call(fieldset.querySelectorAll("input, select, textarea"), function (el) {
      if (el.type === "hidden") return false;
      if (el.type === "checkbox" || el.type === "radio") return el.checked;
      return el.value.trim() !== "";
    });
  }
  function unanswered() {
    return questions().map(function (f, i) { return { fieldset: f, number: i + 1 }; })
      .filter(function (q) { return !isAnswered(q.fieldset); });
  }
  function countAnswered() {
    if (!answeredCount) return;
    var total = questions().length;
    answeredCount.textContent = (total - unanswered().length) + " of " + total + " answered.";
  }

  function fieldsOf(id) {
    var data = new URLSearchParams();
    data.append("__RequestVerificationToken", token);
    data.append("present", id);
    fieldsetOf(id).querySelectorAll("input, select, textarea").forEach(function (el) {
      if (!el.name || el.name === "present") return;
      if ((el.type === "checkbox" || el.type === "radio") && !el.checked) return;
      data.append(el.name, el.value);
    });
    return data;
  }

  function save(id, keepalive) {
    if (closed) return;
    clearTimeout(typingTimer[id]);
    delete firstChange[id];
    if (inFlight[id] && !keepalive) return; // the answer is sent again when the request on its way returns
    var sent = latest[id];
    inFlight[id] = true;
    setState(id, "Saving…", "saving");
    fetch(url, {
      method: "POST",
      body: fieldsOf(id),
      credentials: "same-origin",
      keepalive: !!keepalive,
      headers: { "Content-Type": "application/x-www-form-urlencoded" }
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        inFlight[id] = false;
        if (response.ok) {
          confirmed[id] = Math.max(confirmed[id] || 0, sent);
          if (latest[id] > confirmed[id]) { save(id); return; } // a newer change is waiting
          setState(id, "Saved at " + (body.savedAtText || time(body.savedAt)), "saved");
          return;
        }
        if (response.status === 409) {
          closed = true;
          setState(id, (body.error || "This attempt is closed.") + " Reload the page to see your review.", "error");
          return;
        }
        setState(id, "Not saved: " + (body.error || "the server refused it.") + " Your answer is still here.", "error");
      });
    }).catch(function () {
      inFlight[id] = false;
      setState(id, "Not saved yet: no connection. Your answer is still on this page; trying again…", "error");
      setTimeout(function () { if ((confirmed[id] || 0) < latest[id]) save(id); }, 5000);
    });
  }

  function changed(id) {
    nextSeq(id);
    countAnswered();
  }

  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset.question");
    if (!fieldset) return;
    var id = fieldset.getAttribute("data-question");
    if (event.target.tagName === "TEXTAREA" || event.target.type === "text") return; // typing has its own timing
    changed(id);
    save(id);
  });

  form.addEventListener("input", function (event) {
    var el = event.target;
    if (el.tagName !== "TEXTAREA" && el.type !== "text") return;
    var fieldset = el.closest("fieldset.question");
    var id = fieldset.getAttribute("data-question");
    changed(id);
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
    Object.keys(latest).forEach(function (id) { if ((confirmed[id] || 0) < latest[id]) save(id, true); });
  });

  // Submitting asks first, naming what is unanswered; the form then posts every answer with its sequence.
  var dialog = document.getElementById("confirm-submit");
  function submitNow(submitter) {
    Object.keys(typingTimer).forEach(function (id) { clearTimeout(typingTimer[id]); });
    closed = true;
    [["action", "submit"], ["confirm", "yes"]].forEach(function (pair) {
      var input = document.createElement("input");
      input.type = "hidden";
      input.name = pair[0];
      input.value = pair[1];
      form.appendChild(input);
    });
    if (submitter) { submitter.disabled = true; submitter.textContent = "Submitting…"; }
    form.submit();
  }
  form.addEventListener("submit", function (event) {
    var submitter = event.submitter;
    if (!submitter || !submitter.hasAttribute("data-submit")) return; // "Save answers" posts as it is
    if (!dialog || typeof dialog.showModal !== "function") return;    // the server's confirmation page asks instead
    event.preventDefault();
    var missing = unanswered();
    var total = questions().length;
    document.getElementById("confirm-text").textContent = missing.length === 0
      ? "You have answered all " + total + " questions."
      : "You have answered " + (total - missing.length) + " of " + total + " questions. Not answered yet:";
    var list = document.getElementById("confirm-unanswered");
    list.innerHTML = "";
    missing.forEach(function (q) {
      var li = document.createElement("li");
      li.textContent = "Question " + q.number;
      list.appendChild(li);
    });
    dialog.showModal();
    dialog.querySelector('[data-confirm="yes"]').focus();
  });
  if (dialog) {
    dialog.querySelector('[data-confirm="no"]').addEventListener("click", function () { dialog.close(); });
    dialog.querySelector('[data-confirm="yes"]').addEventListener("click", function (event) { submitNow(event.target); });
  }

  if (status && status.querySelector("[data-seconds-left]")) {
    // Counted from the server's figure, so a device clock that is wrong does not move the end.
    var deadline = Date.now() + 1000 * Number(status.querySelector("[data-seconds-left]").getAttribute("data-seconds-left"));
    var clock = document.createElement("span");
    clock.className = "countdown";
    status.appendChild(clock);
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      clock.textContent = " " + Math.floor(left / 60) + " min " + ("0" + (left % 60)).slice(-2) + " s left.";
      if (left > 0) setTimeout(tick, 1000);
    };
    tick();
  }
  countAnswered();

  // On a phone the article starts folded, so the first question is on screen; a wide screen shows it beside the questions.
  if (window.matchMedia && window.matchMedia("(max-width: 71.99rem)").matches) {
    document.querySelectorAll(".take-article-item[open]").forEach(function (d) { d.open = false; });
  }
})();
