// The site's search: every word of the query must be in a page; a page holding the whole
// phrase ranks first. The index (search-index.js) is written when the site is built.
(function () {
  "use strict";
  var pages = window.cspctlSearch || [];
  var form = document.querySelector("form.search");
  var input = document.getElementById("q");
  var results = document.getElementById("results");

  function fold(text) {
    return text.toLowerCase().normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
  }

  function snippet(text, folded, word) {
    var at = folded.indexOf(word);
    var start = Math.max(0, at - 80);
    var end = Math.min(text.length, at + word.length + 120);
    return (start > 0 ? "… " : "") + text.slice(start, end) + (end < text.length ? " …" : "");
  }

  function search(query) {
    results.textContent = "";
    var phrase = fold(query.trim().replace(/\s+/g, " "));
    if (!phrase) { return; }
    var words = phrase.split(" ");
    var found = [];
    pages.forEach(function (page) {
      var folded = fold(page.text);
      var title = fold(page.title);
      if (words.every(function (w) { return folded.indexOf(w) >= 0 || title.indexOf(w) >= 0; })) {
        var rank = (folded.indexOf(phrase) >= 0 ? 0 : 1);
        found.push({page: page, rank: rank, text: snippet(page.text, folded,
          folded.indexOf(phrase) >= 0 ? phrase : words[0])});
      }
    });
    found.sort(function (a, b) { return a.rank - b.rank; });
    var heading = document.createElement("h2");
    heading.textContent = found.length === 1 ? "1 page found" : found.length + " pages found";
    results.appendChild(heading);
    var list = document.createElement("ol");
    found.forEach(function (hit) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = hit.page.url;
      link.textContent = hit.page.title;
      var text = document.createElement("p");
      text.textContent = hit.text;
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    });
    results.appendChild(list);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    search(input.value);
    if (window.history && window.history.replaceState) {
      try { window.history.replaceState(null, "", "?q=" + encodeURIComponent(input.value)); } catch (e) { /* file:// */ }
    }
  });
  var asked = new URLSearchParams(window.location.search).get("q");
  if (asked) {
    input.value = asked;
    search(asked);
  }
}());
