/* The live checklist beside a notice draft: as counsel types, the text is sent to the server
   (the draft's check address) and the list is redrawn from its answer. Nothing is saved here;
   "Save" makes a version. Built with textContent only: the answer is data, never markup. */
(function () {
  "use strict";
  var form = document.getElementById("draft-form");
  var list = document.getElementById("checklist");
  var summary = document.getElementById("checklist-summary");
  if (!form || !list) { return; }
  var text = form.querySelector("textarea[name=text]");
  var token = form.querySelector("input[name=csrfmiddlewaretoken]");
  var url = form.getAttribute("data-check-url");
  var timer = null;
  var sent = 0;

  function line(cls, content) {
    var div = document.createElement("div");
    div.className = cls;
    div.textContent = content;
    return div;
  }

  function draw(items, ready) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    items.forEach(function (item) {
      var li = document.createElement("li");
      li.className = (item.satisfied ? "ok" : "missing") + (item.required ? "" : " optional");
      li.setAttribute("data-key", item.key || "");
      var mark = document.createElement("span");
      mark.className = "mark";
      mark.setAttribute("aria-hidden", "true");
      mark.textContent = item.satisfied ? "\u2713" : "\u2717";
      var element = document.createElement("span");
      element.className = "element";
      element.textContent = item.element;
      li.appendChild(mark);
      li.appendChild(document.createTextNode(" "));
      li.appendChild(element);
      if (!item.required) {
        var when = document.createElement("span");
        when.className = "small muted";
        when.textContent = " (when it applies)";
        li.appendChild(when);
      }
      if (item.note) { li.appendChild(line("small note", item.note)); }
      if (item.source) { li.appendChild(line("small muted", item.source)); }
      list.appendChild(li);
    });
    if (summary) {
      summary.className = ready ? "checklist-ready" : "checklist-open";
      summary.textContent = ready ? "Every required item is there." : "Some required items are missing.";
    }
  }

  function check() {
    var mine = ++sent;
    fetch(url, {
      method: "POST",
      credentials: "same-origin",
      headers: { "Content-Type": "application/json", "X-CSRFToken": token ? token.value : "" },
      body: JSON.stringify({ text: text.value })
    }).then(function (response) {
      return response.ok ? response.json() : null;
    }).then(function (data) {
      // Only the answer to the latest text counts (an older answer may arrive late).
      if (data && mine === sent) { draw(data.checklist, data.ready); }
    }).catch(function () { /* offline: the saved version's checklist stays shown */ });
  }

  text.addEventListener("input", function () {
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(check, 300);
  });
})();
