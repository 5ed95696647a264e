// Workspace list: one checkbox in the table header ticks every proposal of the page.
(function () {
  "use strict";
  document.querySelectorAll("input[data-select-all]").forEach(function (master) {
    var boxes = document.querySelectorAll("input[type=checkbox][name='" + master.dataset.selectAll + "']");
    if (!boxes.length) { return; }
    master.hidden = false;
    master.addEventListener("change", function () {
      boxes.forEach(function (box) { box.checked = master.checked; });
    });
  });
})();
