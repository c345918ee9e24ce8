// Search page history (issue 13): while the learner types, the current history entry follows
// the box (replaced); a pause, Enter or opening a result keeps it, so that the next keystroke
// starts a new entry. Back and Forward restore both the box and the results, and the title
// carries the query. Without this file the form is a plain GET form.
(function () {
  "use strict";

  var form = document.querySelector("form[data-search-history]");
  if (!form) return;
  var box = form.querySelector("input[name=q]");
  var results = document.getElementById("search-results");
  var PAUSE_MS = 1500;
  var kept = true; // the current entry is kept: the next search pushes a new one
  var timer = null;

  function pageTitle(query) {
    var base = form.getAttribute("data-title");
    return query ? query + " · " + base : base;
  }

  function state() {
    return { search: true, q: box.value, params: new URLSearchParams(new FormData(form)).toString(),
             html: results.innerHTML };
  }

  function keep() {
    clearTimeout(timer);
    kept = true;
  }

  // Remember the page as first shown, so that Back to it restores it.
  history.replaceState(state(), "", window.location.href);

  document.body.addEventListener("htmx:afterSwap", function (event) {
    if (event.detail.target !== results) return;
    var params = new URLSearchParams(new FormData(form));
    for (var key of Array.from(params.keys())) {
      if (!params.get(key)) params.delete(key);
    }
    var url = form.getAttribute("action") + (params.toString() ? "?" + params : "");
    document.title = pageTitle(box.value.trim());
    if (kept) history.pushState(state(), "", url);
    else history.replaceState(state(), "", url);
    kept = false;
    clearTimeout(timer);
    timer = setTimeout(keep, PAUSE_MS);
  });

  box.addEventListener("keydown", function (event) {
    if (event.key === "Enter") keep();
  });
  results.addEventListener("click", function (event) {
    if (event.target.closest("a")) keep();
  });

  window.addEventListener("popstate", function (event) {
    var saved = event.state;
    if (!saved || !saved.search) return;
    keep();
    box.value = saved.q;
    var params = new URLSearchParams(saved.params);
    form.querySelectorAll("select").forEach(function (select) {
      select.value = params.get(select.name) || "";
    });
    results.innerHTML = saved.html;
    document.title = pageTitle(saved.q.trim());
    if (window.htmx) window.htmx.process(results);
  });
})();
