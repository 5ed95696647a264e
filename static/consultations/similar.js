// Proposal form: while the title is typed, show proposals of the consultation with a similar title.
(function () {
  "use strict";
  var form = document.querySelector("form[data-similar-url]");
  if (!form) { return; }
  var input = form.querySelector("input[data-similar-source]");
  var box = document.getElementById("similar-proposals");
  if (!input || !box) { return; }
  var list = box.querySelector("ul");
  var timer = null;
  var last = "";

  function render(results) {
    list.textContent = "";
    results.forEach(function (item) {
      var li = document.createElement("li");
      var link = document.createElement("a");
      link.href = item.url;
      link.target = "_blank";
      link.rel = "noopener";
      link.textContent = item.title;
      li.appendChild(link);
      var count = document.createElement("span");
      count.className = "muted";
      count.textContent = " (" + item.supports + ")";
      li.appendChild(count);
      list.appendChild(li);
    });
    box.hidden = results.length === 0;
  }

  function lookup() {
    var title = input.value.trim();
    if (title === last) { return; }
    last = title;
    if (title.length < 8) { render([]); return; }
    var url = new URL(form.dataset.similarUrl, window.location.href);
    url.searchParams.set("title", title);
    if (form.dataset.similarExclude) { url.searchParams.set("exclude", form.dataset.similarExclude); }
    fetch(url, { headers: { "Accept": "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { results: [] }; })
      .then(function (data) { render(data.results || []); })
      .catch(function () { render([]); });
  }

  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(lookup, 400);
  });
  input.addEventListener("blur", lookup);
})();
