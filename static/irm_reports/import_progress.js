/* Admin page of an import of OGP's data: while it runs, poll its progress and reload when it ends. */
document.addEventListener("DOMContentLoaded", function () {
  "use strict";
  var panel = document.querySelector(".import-progress[data-progress-url]");
  if (!panel) return;
  var url = panel.getAttribute("data-progress-url");
  var bar = panel.querySelector("progress");
  var label = panel.querySelector(".import-progress-label");

  function poll() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (run) {
        if (!run.running) { window.location.reload(); return; }
        bar.value = run.percent;
        bar.textContent = run.percent + " %";
        label.textContent = label.getAttribute("data-template")
          .replace("{done}", run.rows_done).replace("{total}", run.rows_total || "…");
        window.setTimeout(poll, 1500);
      })
      .catch(function () { window.setTimeout(poll, 6000); });
  }
  window.setTimeout(poll, 1500);
});
