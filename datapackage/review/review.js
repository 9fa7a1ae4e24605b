// The review site's one script (review/review.js in a package; pipeline/site.py): a filter box
// over a table's rows. Without it every row is shown. `?q=words` in the address fills the box,
// so a filtered list can be linked to.
"use strict";
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("input[data-filters]").forEach(function (input) {
    var rows = document.querySelectorAll("#" + input.dataset.filters + " tbody tr");
    var count = document.getElementById(input.dataset.filters + "-shown");
    function apply() {
      var words = input.value.toLowerCase().split(/\s+/).filter(Boolean);
      var shown = 0;
      rows.forEach(function (row) {
        var text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (word) { return text.includes(word); });
        if (!row.hidden) { shown += 1; }
      });
      count.textContent = shown + " of " + rows.length;
    }
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    input.addEventListener("input", apply);
    input.closest(".filter").hidden = false;
    apply();
  });
});
