// Exam pages: the countdown (from the server's remaining seconds, re-synced when the tab
// becomes visible), keyboard answering, and a clear "not saved" state. Without this file
// every control still works as a plain link or form.
(function () {
  "use strict";

  // Save failures must be visible, never silent.
  if (window.htmx) {
    htmx.config.responseHandling = [
      { code: "204", swap: false },
      { code: "[23]..", swap: true },
      { code: "409", swap: true, error: false },
      { code: "[45]..", swap: false, error: true },
    ];
  }
  function notSaved(form) {
    var status = document.getElementById("answer-status");
    if (!status) return;
    status.innerHTML = "";
    var p = document.createElement("p");
    p.className = "not-saved";
    p.setAttribute("role", "alert");
    p.textContent = "✗ Not saved: the connection failed. ";
    var retry = document.createElement("button");
    retry.type = "button";
    retry.className = "button-secondary";
    retry.textContent = "Retry";
    retry.addEventListener("click", function () { htmx.trigger(form, "change"); });
    p.appendChild(retry);
    status.appendChild(p);
  }
  document.addEventListener("htmx:sendError", function (e) { notSaved(e.detail.elt); });
  document.addEventListener("htmx:responseError", function (e) { notSaved(e.detail.elt); });
  document.addEventListener("htmx:beforeRequest", function (e) {
    var status = document.getElementById("answer-status");
    if (status && e.detail.elt.classList.contains("answer-form")) {
      status.innerHTML = '<p class="saving">Saving…</p>';
    }
  });
  // "Choose N": a tick beyond N is taken back and explained (the server refuses it too).
  document.addEventListener("change", function (e) {
    var input = e.target;
    var form = input.form;
    if (input.type !== "checkbox" || !form || !form.classList.contains("answer-form")) return;
    var choose = parseInt(form.dataset.choose, 10);
    if (!input.checked || form.querySelectorAll("input[name=choice]:checked").length <= choose) return;
    input.checked = false;
    e.stopPropagation(); // nothing to save
    var status = document.getElementById("answer-status");
    if (status) {
      status.innerHTML = "";
      var p = document.createElement("p");
      p.className = "not-saved";
      p.setAttribute("role", "alert");
      p.textContent = "Select at most " + choose + " options: untick one first.";
      status.appendChild(p);
    }
  }, true);
  // Keep the navigator grid in step with what was saved.
  document.addEventListener("htmx:afterRequest", function (e) {
    var form = e.detail.elt;
    if (!form.classList || !form.classList.contains("answer-form") || !e.detail.successful) return;
    var current = document.querySelector(".navigator a.current");
    if (!current) return;
    var any = form.querySelector("input[name=choice]:checked");
    current.classList.toggle("answered", !!any);
    current.classList.toggle("unanswered", !any);
    current.title = "Question " + current.textContent + ": " + (any ? "answered" : "not answered") +
      (current.classList.contains("flagged") ? ", flagged" : "");
  });

  // Countdown.
  var timer = document.querySelector("[role=timer][data-remaining]");
  if (timer) {
    var text = timer.querySelector("[data-timer-text]");
    var announce = document.querySelector("[data-timer-announce]");
    var end = Date.now() + parseInt(timer.dataset.remaining, 10) * 1000;
    var announced = {};
    var tick = function () {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var minutes = Math.floor(left / 60);
      var seconds = left % 60;
      text.textContent = minutes + ":" + (seconds < 10 ? "0" : "") + seconds;
      timer.classList.toggle("timer-low", left <= 300);
      [10, 5, 1].forEach(function (mark) {
        if (left <= mark * 60 && left > (mark * 60) - 5 && !announced[mark] && announce) {
          announced[mark] = true;
          announce.textContent = mark + (mark === 1 ? " minute" : " minutes") + " remaining";
        }
      });
      if (left === 0) {
        window.location.reload(); // the server finishes the attempt and shows the results
        return;
      }
      window.setTimeout(tick, 1000 - (Date.now() % 1000));
    };
    var sync = function () {
      fetch(timer.dataset.timeUrl, { credentials: "same-origin" })
        .then(function (r) { return r.json(); })
        .then(function (data) {
          if (data.finished) { window.location.href = data.results; return; }
          if (data.remaining !== null) end = Date.now() + data.remaining * 1000;
        })
        .catch(function () {});
    };
    document.addEventListener("visibilitychange", function () {
      if (document.visibilityState === "visible") sync();
    });
    tick();
  }

  // Keyboard: 1–5 choose, n / p next and previous, f flag.
  var exam = document.querySelector("[data-exam]");
  if (exam) {
    document.addEventListener("keydown", function (event) {
      if (event.ctrlKey || event.metaKey || event.altKey) return;
      var target = event.target;
      if (target.isContentEditable || /^(TEXTAREA|SELECT)$/.test(target.tagName) ||
          (target.tagName === "INPUT" && !/^(radio|checkbox)$/.test(target.type))) return;
      var key = event.key.toLowerCase();
      if (/^[1-9]$/.test(key)) {
        var option = exam.querySelector('[data-option="' + key + '"]');
        if (option) { event.preventDefault(); option.click(); option.focus(); }
      } else if (key === "n" && exam.dataset.next) {
        window.location.href = exam.dataset.next;
      } else if (key === "p" && exam.dataset.previous) {
        window.location.href = exam.dataset.previous;
      } else if (key === "f") {
        var flag = document.querySelector("[data-flag-button]");
        if (flag) { event.preventDefault(); flag.click(); }
      }
    });
  }
})();
