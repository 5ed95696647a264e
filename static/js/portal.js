// Small behaviours without inline scripts (the Content-Security-Policy forbids them).

// Tables on phones: each cell carries the label of its column (data-label, shown by the stylesheet below
// 40rem, where rows are stacked), and the table its roles, which a stacked layout would otherwise lose for
// screen readers. Without this script a table stays an ordinary table.
function stackTable(table) {
  var headers = Array.prototype.map.call(table.querySelectorAll("thead th"), function (th) {
    return th.textContent.trim();
  });
  table.setAttribute("role", "table");
  Array.prototype.forEach.call(table.querySelectorAll("thead, tbody, tfoot"), function (group) {
    group.setAttribute("role", "rowgroup");
  });
  Array.prototype.forEach.call(table.querySelectorAll("tr"), function (row) {
    row.setAttribute("role", "row");
    Array.prototype.forEach.call(row.children, function (cell, index) {
      var inHead = row.parentNode.tagName === "THEAD";
      var role = inHead ? "columnheader" : cell.tagName === "TH" ? "rowheader" : "cell";
      cell.setAttribute("role", role);
      if (!inHead && headers[index] && !cell.hasAttribute("data-label")) {
        cell.setAttribute("data-label", headers[index]);
      }
    });
  });
  table.classList.add("stacked");
}

// After a failed submit, focus goes to the form's error summary; its links move focus to each field.
document.addEventListener("DOMContentLoaded", function () {
  Array.prototype.forEach.call(document.querySelectorAll("table.data-table"), stackTable);
  var summary = document.querySelector("[data-error-summary]");
  if (summary) {
    summary.focus();
  }
});

document.addEventListener("click", function (event) {
  var link = event.target.closest && event.target.closest("[data-error-summary] a[href^='#']");
  var field = link && document.getElementById(link.getAttribute("href").slice(1));
  if (field) {
    event.preventDefault();
    var control = field.matches("input, select, textarea") ? field : field.querySelector("input, select, textarea");
    (control || field).focus();
  }
});

// A file field with limits (data-max-files, data-max-file-bytes) stops its form from being sent with a
// selection beyond them, and says the limits: the server would refuse the whole request, text included.
// The forms are `novalidate` (the server's messages are shown instead), so the check is made on submit.
function fileSelectionProblem(field) {
  var files = Array.prototype.slice.call(field.files || []);
  var tooMany = files.length > Number(field.dataset.maxFiles);
  var tooLarge = files.some(function (file) {
    return file.size > Number(field.dataset.maxFileBytes);
  });
  return tooMany || tooLarge ? field.dataset.limitMessage : "";
}

document.addEventListener("change", function (event) {
  var field = event.target;
  if (field.matches && field.matches("input[type=file][data-max-file-bytes]")) {
    field.setCustomValidity(fileSelectionProblem(field));
    field.reportValidity();
  }
});

document.addEventListener("submit", function (event) {
  var fields = event.target.querySelectorAll("input[type=file][data-max-file-bytes]");
  for (var i = 0; i < fields.length; i++) {
    fields[i].setCustomValidity(fileSelectionProblem(fields[i]));
    if (!fields[i].reportValidity()) {
      event.preventDefault();
      return;
    }
  }
});
