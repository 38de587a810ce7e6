// Polls a publish job's progress row until the recomputation is done or failed.
(function () {
  "use strict";
  var box = document.getElementById("publish-job");
  if (!box) { return; }
  var url = box.getAttribute("data-status-url");
  function show(data) {
    document.getElementById("job-state").textContent = data.state_label;
    document.getElementById("job-done").textContent = data.done;
    document.getElementById("job-total").textContent = data.total;
    var bar = document.getElementById("job-progress");
    bar.max = data.total || 1;
    bar.value = data.total ? data.done : 1;
    document.getElementById("job-error").textContent = data.error || "";
    box.setAttribute("data-state", data.state);
  }
  function poll() {
    fetch(url, { credentials: "same-origin", headers: { "Accept": "application/json" } })
      .then(function (r) { return r.json(); })
      .then(function (data) {
        show(data);
        if (data.state !== "done" && data.state !== "failed") { window.setTimeout(poll, 1000); }
      })
      .catch(function () { window.setTimeout(poll, 3000); });
  }
  poll();
})();
