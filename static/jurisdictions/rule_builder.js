/* The rule console's condition builder (jurisdictions/admin_widgets.py).
 *
 * The data condition is edited as groups of data categories in words; the JSON textarea (the
 * field the server reads and validates) is written only when the builder is used, so a form
 * saved untouched posts exactly what it showed. "Edit as JSON" reveals the textarea; typing
 * there rebuilds the builder when the condition fits it. The rule's reading in words is asked
 * of the server (one wording for pages and console) as the form changes.
 */
(function () {
  "use strict";

  function el(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (text) { node.textContent = text; }
    return node;
  }

  // JSON condition <-> clauses: [[group, group...], ...], a group being a list of categories.
  function toGroup(g) {
    if (typeof g === "string") { return [g]; }
    if (g && g.any && g.any.every(function (x) { return typeof x === "string"; })) { return g.any.slice(); }
    throw new Error("too deep");
  }
  function toClause(c) {
    if (typeof c === "string") { return [[c]]; }
    if (c && c.all) { return c.all.map(toGroup); }
    if (c && c.any) { return [toGroup(c)]; }
    throw new Error("too deep");
  }
  function toClauses(cond) {
    if (cond && cond.any && !cond.any.every(function (x) { return typeof x === "string"; })) {
      return cond.any.map(toClause);
    }
    return [toClause(cond)];
  }
  function fromGroup(g) { return g.length === 1 ? g[0] : { any: g.slice() }; }
  function fromClause(c) { return c.length === 1 ? fromGroup(c[0]) : { all: c.map(fromGroup) }; }
  function fromClauses(cs) {
    cs = cs.map(function (c) { return c.filter(function (g) { return g.length; }); })
      .filter(function (c) { return c.length; });
    if (!cs.length) { return { any: [] }; }
    return cs.length === 1 ? fromClause(cs[0]) : { any: cs.map(fromClause) };
  }

  function Builder(root) {
    var id = root.getAttribute("data-for");
    var textarea = document.getElementById(id);
    var jsonBox = document.querySelector('.cb-json[data-for="' + id + '"]');
    var toggle = document.querySelector('.cb-advanced-toggle[data-for="' + id + '"]');
    var categories = JSON.parse(root.getAttribute("data-categories"));
    var words = {};
    categories.forEach(function (c) { words[c.key] = c.words; });
    var clausesBox = root.querySelector(".cb-clauses");
    var reading = root.querySelector(".cb-reading");
    var complex = root.querySelector(".cb-complex");
    var addClause = root.querySelector(".cb-add-clause");
    var modes = root.querySelectorAll(".cb-mode input");
    var clauses = [[[]]];
    var mode = "categories";

    function groupWords(g) {
      var w = g.map(function (k) { return words[k] || k; });
      if (w.length <= 1) { return w.join(""); }
      return "any of: " + w.slice(0, -1).join(", ") + " or " + w[w.length - 1];
    }
    function clauseWords(c) {
      return c.filter(function (g) { return g.length; }).map(groupWords).join(" together with ");
    }
    function sentence() {
      if (mode === "none") { return "Applies whatever data is affected (no data condition)."; }
      if (mode === "any") { return "Applies when any personal data is affected."; }
      var parts = clauses.map(clauseWords).filter(Boolean);
      if (!parts.length) { return "Tick at least one data category."; }
      return "Applies when the breach involves " +
        (parts.length === 1 ? parts[0] : "either " + parts.join("; or ")) + ".";
    }

    function write() {
      var value = mode === "none" ? null : mode === "any" ? "*" : fromClauses(clauses);
      textarea.value = JSON.stringify(value);
      reading.textContent = sentence();
      textarea.dispatchEvent(new Event("change", { bubbles: true }));
    }

    function render() {
      modes.forEach(function (m) { m.checked = m.value === mode; });
      clausesBox.hidden = addClause.hidden = mode !== "categories";
      clausesBox.textContent = "";
      clauses.forEach(function (clause, ci) {
        var box = el("div", { "class": "cb-clause" });
        box.appendChild(el("p", { "class": "cb-clause-title" },
          clauses.length > 1 ? (ci === 0 ? "Either:" : "Or:") : "All of these groups:"));
        clause.forEach(function (group, gi) {
          if (gi > 0) { box.appendChild(el("p", { "class": "cb-together" }, "together with")); }
          var g = el("div", { "class": "cb-group", role: "group", "aria-label": "Group " + (gi + 1) });
          g.appendChild(el("p", { "class": "cb-group-title" }, "Any one of:"));
          var grid = el("div", { "class": "cb-grid" });
          categories.forEach(function (c) {
            var label = el("label");
            var box2 = el("input", { type: "checkbox", value: c.key, "data-clause": ci, "data-group": gi });
            box2.checked = group.indexOf(c.key) >= 0;
            label.appendChild(box2);
            label.appendChild(document.createTextNode(c.label));
            grid.appendChild(label);
          });
          g.appendChild(grid);
          if (clause.length > 1) {
            var rm = el("button", { type: "button", "class": "button cb-remove-group", "data-clause": ci, "data-group": gi }, "Remove this group");
            g.appendChild(rm);
          }
          box.appendChild(g);
        });
        var add = el("button", { type: "button", "class": "button cb-add-group", "data-clause": ci }, "+ Together with another group");
        box.appendChild(add);
        if (clauses.length > 1) {
          box.appendChild(el("button", { type: "button", "class": "button cb-remove-clause", "data-clause": ci }, "Remove this alternative"));
        }
        clausesBox.appendChild(box);
      });
      reading.textContent = sentence();
    }

    function load() {
      var raw = (textarea.value || "").trim();
      complex.hidden = true;
      var value;
      try { value = raw === "" ? null : JSON.parse(raw); } catch (e) { return false; }
      if (value === null) { mode = "none"; clauses = [[[]]]; }
      else if (value === "*") { mode = "any"; clauses = [[[]]]; }
      else {
        try { clauses = toClauses(value); mode = "categories"; }
        catch (e) { complex.hidden = false; return false; }
      }
      render();
      return true;
    }

    root.addEventListener("change", function (event) {
      var t = event.target;
      if (t.name && t.name.slice(-6) === "__mode") { mode = t.value; render(); write(); return; }
      if (t.type === "checkbox" && t.hasAttribute("data-group")) {
        var g = clauses[+t.getAttribute("data-clause")][+t.getAttribute("data-group")];
        var at = g.indexOf(t.value);
        if (t.checked && at < 0) { g.push(t.value); }
        if (!t.checked && at >= 0) { g.splice(at, 1); }
        write();
      }
    });
    root.addEventListener("click", function (event) {
      var t = event.target;
      var ci = +t.getAttribute("data-clause");
      if (t.classList.contains("cb-add-group")) { clauses[ci].push([]); }
      else if (t.classList.contains("cb-remove-group")) { clauses[ci].splice(+t.getAttribute("data-group"), 1); }
      else if (t.classList.contains("cb-add-clause")) { clauses.push([[]]); }
      else if (t.classList.contains("cb-remove-clause")) { clauses.splice(ci, 1); }
      else { return; }
      render();
      write();
    });
    textarea.addEventListener("input", function () { load(); });
    toggle.addEventListener("change", function () { jsonBox.hidden = !toggle.checked; });
    var fits = load();
    // The JSON stays in view when the builder cannot show it, or has an error to fix.
    var hasError = jsonBox.closest(".form-row") && jsonBox.closest(".form-row").querySelector(".errorlist");
    toggle.checked = !fits || !!hasError;
    jsonBox.hidden = !toggle.checked;
  }

  // The rule's reading in words, from the server, as the form changes.
  function readingPanel(form, url) {
    var panel = el("div", { "class": "rule-reading", id: "rule-reading", "aria-live": "polite" });
    panel.appendChild(el("h3", {}, "This rule reads"));
    var list = el("ul");
    panel.appendChild(list);
    // Full width, above the conditions, and sticky: in view while the builder is used.
    var builder = form.querySelector(".condition-builder");
    var anchor = (builder && builder.closest("fieldset")) || form.firstElementChild;
    anchor.insertAdjacentElement("beforebegin", panel);
    var timer = null;
    function refresh() {
      var data = new FormData(form);
      fetch(url, { method: "POST", body: data, credentials: "same-origin" })
        .then(function (r) { return r.ok ? r.json() : null; })
        .then(function (body) {
          if (!body) { return; }
          list.textContent = "";
          body.lines.forEach(function (line) { list.appendChild(el("li", {}, line)); });
        })
        .catch(function () { /* the reading is a help; saving does not depend on it */ });
    }
    form.addEventListener("change", function () { clearTimeout(timer); timer = setTimeout(refresh, 250); });
    form.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(refresh, 600); });
    refresh();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".condition-builder").forEach(function (root) { new Builder(root); });
    var marker = document.querySelector("[data-reading-url]");
    if (marker) { readingPanel(marker.closest("form"), marker.getAttribute("data-reading-url")); }
  });
})();
