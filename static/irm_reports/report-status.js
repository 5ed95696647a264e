/* IRM report page: while the PDF is rendered, poll the status endpoint and update the progress in place;
   once it is done (or failed), load the page again: its actions (publish, render again, edit) are those the
   server allows in the new state, never a button that would be refused. */
(function () {
  "use strict";
  var panel = document.querySelector("[data-status-url]");
  if (!panel || panel.getAttribute("data-in-progress") !== "1") return;
  var url = panel.getAttribute("data-status-url");
  var delay = 1500;

  function part(role) { return panel.querySelector('[data-role="' + role + '"]'); }

  function show(status) {
    var badge = part("status");
    badge.textContent = status.status_label;
    badge.className = "badge badge-report-" + status.status;
    part("step").textContent = status.in_progress ? status.step_label : "";
    part("progress").hidden = !status.in_progress;
    panel.querySelectorAll("[data-step]").forEach(function (item) {
      var index = parseInt(item.getAttribute("data-step"), 10);
      item.className = index < status.step_index ? "done" : (index === status.step_index ? "current" : "");
    });
    part("error").hidden = !status.error;
    part("error-text").textContent = status.error;
    if (status.download_url) {
      part("download-link").href = status.download_url;
      part("pages").textContent = status.pages ? status.pages + " p." : "";
      part("download").hidden = false;
    }
    var bar = part("bar");
    if (bar) {
      bar.setAttribute("aria-valuenow", status.percent);
      bar.firstElementChild.style.width = status.percent + "%";
      part("percent").textContent = status.percent + " %";
    }
  }

  function poll() {
    fetch(url, { headers: { "Accept": "application/json" }, credentials: "same-origin", cache: "no-store" })
      .then(function (response) { if (!response.ok) throw new Error(response.status); return response.json(); })
      .then(function (status) {
        show(status);
        if (status.in_progress) window.setTimeout(poll, delay);
        else window.location.reload();
      })
      .catch(function () { window.setTimeout(poll, delay * 4); });
  }
  window.setTimeout(poll, delay);
})();
