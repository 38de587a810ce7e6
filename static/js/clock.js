/* Breachclock page behaviour, loaded on every page (no inline scripts: the CSP forbids them).
 *
 * - Live countdowns: <span class="countdown" data-due="ISO-UTC"> ticks every 15 seconds.
 * - Zone toggle: every <time data-local data-utc> switches between the viewer's zone and UTC.
 * - Copy buttons: <button data-copy="#input-id"> copies that input's value.
 * - Confirmation: <form data-confirm="question"> asks before submitting.
 */
(function () {
  "use strict";

  function humanize(seconds) {
    seconds = Math.floor(Math.abs(seconds));
    var days = Math.floor(seconds / 86400);
    var hours = Math.floor((seconds % 86400) / 3600);
    var minutes = Math.floor((seconds % 3600) / 60);
    if (days) { return days + "d " + hours + "h"; }
    if (hours) { return hours + "h " + (minutes < 10 ? "0" : "") + minutes + "m"; }
    return minutes + "m";
  }

  function urgency(seconds) {
    if (seconds < 0) { return "overdue"; }
    if (seconds <= 86400) { return "day"; }
    if (seconds <= 7 * 86400) { return "week"; }
    return "later";
  }

  function tick() {
    var now = Date.now();
    document.querySelectorAll(".countdown[data-due]").forEach(function (el) {
      var due = Date.parse(el.getAttribute("data-due"));
      if (isNaN(due)) { return; }
      var left = (due - now) / 1000;
      el.textContent = left >= 0 ? humanize(left) + " left" : "overdue by " + humanize(left);
      el.classList.remove("countdown-overdue", "countdown-day", "countdown-week", "countdown-later");
      el.classList.add("countdown-" + urgency(left));
      var row = el.closest("tr[data-live-row]");
      if (row) { row.classList.toggle("row-overdue", left < 0); }
    });
  }

  function setZone(showUtc) {
    document.querySelectorAll("time[data-local][data-utc]").forEach(function (el) {
      el.textContent = showUtc ? el.getAttribute("data-utc") : el.getAttribute("data-local");
      el.setAttribute("title", showUtc ? el.getAttribute("data-local") : el.getAttribute("data-utc"));
    });
    document.querySelectorAll(".js-zone-toggle").forEach(function (btn) {
      btn.textContent = showUtc ? "Show my time zone" : "Show UTC";
      btn.setAttribute("aria-pressed", showUtc ? "true" : "false");
    });
    try { window.sessionStorage.setItem("breachclock-utc", showUtc ? "1" : "0"); } catch (e) { /* private mode */ }
  }

  function init() {
    tick();
    window.setInterval(tick, 15000);

    var showUtc = false;
    try { showUtc = window.sessionStorage.getItem("breachclock-utc") === "1"; } catch (e) { /* private mode */ }
    document.querySelectorAll(".js-zone-toggle").forEach(function (btn) {
      btn.hidden = false;
      btn.addEventListener("click", function () {
        showUtc = !showUtc;
        setZone(showUtc);
      });
    });
    if (showUtc) { setZone(true); }

    document.querySelectorAll("button[data-copy]").forEach(function (btn) {
      btn.hidden = false;
      btn.addEventListener("click", function () {
        var input = document.querySelector(btn.getAttribute("data-copy"));
        if (!input) { return; }
        input.select();
        var done = function () { btn.textContent = "Copied"; };
        if (navigator.clipboard && window.isSecureContext) {
          navigator.clipboard.writeText(input.value).then(done, function () { document.execCommand("copy"); done(); });
        } else {
          document.execCommand("copy");
          done();
        }
      });
    });

    document.querySelectorAll("form[data-confirm]").forEach(function (form) {
      form.addEventListener("submit", function (event) {
        if (!window.confirm(form.getAttribute("data-confirm"))) { event.preventDefault(); }
      });
    });

    document.querySelectorAll("[data-print]").forEach(function (btn) {
      btn.hidden = false;
      btn.addEventListener("click", function () { window.print(); });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
