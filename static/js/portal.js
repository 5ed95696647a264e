// Small behaviours without inline scripts (the Content-Security-Policy forbids them).
document.addEventListener("change", function (event) {
  var field = event.target;
  if (field.matches && field.matches("select[data-autosubmit]") && field.form) {
    field.form.submit();
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
