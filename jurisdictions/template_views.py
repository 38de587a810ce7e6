"""The "Card brands and acquirers" page: ready-made contract clauses, and enabling one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render

from jurisdictions import contract_templates
from jurisdictions.views import _base_template

ENABLE_PERMISSION = "jurisdictions.publish_rule"


# The clock starts the templates use, in words (the codes stay in the rule's own field).
STARTS = {
    "discovered_at": "discovery",
    "aware_at": "becoming aware",
    "determined_at": "determination",
}


def deadline_words(rule) -> str:
    if rule.deadline_amount is None:
        return f"No fixed number of hours: {rule.timing_standard}"
    unit = (rule.deadline_unit or "").replace("_", " ")
    start = STARTS.get(rule.clock_start, "the start of the clock")
    return f"{rule.deadline_amount} {unit} after {start}"


@login_required
def contract_template_list(request):
    can_enable = request.user.has_perm(ENABLE_PERMISSION)
    if request.method == "POST":
        if not can_enable:
            raise PermissionDenied
        key = request.POST.get("template", "")
        try:
            job = contract_templates.enable(key, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            n = job.total
            messages.success(
                request,
                f"{job.summary}. It applies to cases whose data includes payment card numbers; "
                f"{n} open case{'s' if n != 1 else ''} will be recomputed.",
            )
        return redirect("rules:contract_templates")
    enabled = contract_templates.enabled_codes()
    rows = [
        {
            "template": t,
            "rule": t.rule,
            "deadline": deadline_words(t.rule),
            "enabled": t.rule.code in enabled,
        }
        for t in contract_templates.templates()
    ]
    return render(
        request,
        "jurisdictions/contract_templates.html",
        {"base_template": _base_template(), "rows": rows, "can_enable": can_enable},
    )
