// Guided intake: one question at a time. Without this script every step shows at once and the
// form works the same (it is one form; the server checks it).
(function () {
  "use strict";
  const form = document.querySelector("[data-intake]");
  if (!form) return;
  const steps = Array.from(form.querySelectorAll(".intake-step"));
  const back = form.querySelector("[data-intake-back]");
  const next = form.querySelector("[data-intake-next]");
  const submit = form.querySelector("[data-intake-submit]");
  const progress = form.querySelector("[data-intake-progress]");
  // After a refused submit, open the first step with an error.
  let current = Math.max(0, steps.findIndex((s) => s.querySelector(".field-error")));

  function show(index) {
    current = index;
    steps.forEach((step, i) => { step.hidden = i !== index; });
    back.hidden = index === 0;
    next.hidden = index === steps.length - 1;
    submit.hidden = index !== steps.length - 1;
    progress.hidden = false;
    progress.textContent = "Step " + (index + 1) + " of " + steps.length;
    const first = steps[index].querySelector("input:not([type=hidden]), select, textarea");
    if (first) first.focus();
  }

  next.addEventListener("click", function () {
    // The one answer a step cannot go on without: the title, the day you knew.
    const missing = Array.from(steps[current].querySelectorAll("[required]")).find(
      (el) => !el.value.trim()
    );
    if (missing) { missing.reportValidity(); missing.focus(); return; }
    show(current + 1);
  });
  back.addEventListener("click", function () { show(current - 1); });
  show(current);
})();
