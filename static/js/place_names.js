/* Jurisdiction names as codes are typed: under every field marked data-place-names="URL" the
 * names of the codes in it are shown ("CA → Canada", "US-CA → California (United States)"), so a
 * Californian count is not filed under Canada by mistake. The names come from the site itself
 * (URL: /rules/places.json), fetched once per page. No inline script: the CSP forbids them.
 */
(function () {
  "use strict";

  var fields = document.querySelectorAll("[data-place-names]");
  if (!fields.length) { return; }
  var table = null;

  function codesOf(field) {
    var text = field.value || "";
    if (field.tagName === "TEXTAREA") {
      // One jurisdiction per line: the code is the first word of each line.
      return text.split(/\n/).map(function (line) {
        return line.trim().split(/[\s,;]+/)[0];
      });
    }
    return text.split(/[\s,;]+/);
  }

  function describe(code) {
    var upper = code.toUpperCase();
    if (table.names[upper]) { return upper + " → " + table.names[upper]; }
    var meant = table.mistakes[upper];
    if (meant) {
      return upper + " → not an ISO code: did you mean " + meant + " (" + table.names[meant] + ")?";
    }
    return upper + " → unknown code";
  }

  function render(field, out) {
    var seen = {};
    var parts = [];
    codesOf(field).forEach(function (code) {
      if (!code || !/^[A-Za-z]{2}(-[A-Za-z0-9]{1,3})?$/.test(code)) { return; }
      var upper = code.toUpperCase();
      parts.push(describe(code) + (seen[upper] ? " (listed twice)" : ""));
      seen[upper] = true;
    });
    out.textContent = parts.join(" · ");
  }

  function attach(field) {
    var out = document.createElement("span");
    out.className = "place-names";
    out.id = field.id + "_places";
    out.setAttribute("aria-live", "polite");
    field.insertAdjacentElement("afterend", out);
    var described = field.getAttribute("aria-describedby");
    field.setAttribute("aria-describedby", (described ? described + " " : "") + out.id);
    field.addEventListener("input", function () { render(field, out); });
    render(field, out);
  }

  fetch(fields[0].getAttribute("data-place-names"), { credentials: "same-origin" })
    .then(function (response) { return response.ok ? response.json() : null; })
    .then(function (data) {
      if (!data) { return; }
      table = data;
      fields.forEach(attach);
    })
    .catch(function () { /* names are a help, not a requirement */ });
})();
