"""The case's assessment page: the versions so far, and the form for a new one."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from incidents.queries import can_edit
from incidents.views import get_case

from . import actions, scales
from .forms import AssessmentForm


def _initial(latest) -> dict:
    """A new version starts from the one in force: only what changed needs typing."""
    if latest is None:
        return {"method": "enisa"}
    initial = {"method": latest.method, **latest.answers}
    for key, text in latest.reasons.items():
        initial[f"{key}_reason"] = text
    initial["rationale"] = latest.rationale
    return initial


@login_required
def case_assessment(request, pk):
    incident = get_case(request, pk)  # 404 outside the case, through visible_to
    versions = list(incident.assessments.select_related("created_by").order_by("-version"))
    editable = can_edit(request.user, incident)
    form = AssessmentForm(
        request.POST or None,
        initial=_initial(versions[0] if versions else None),
        revising=bool(versions),
    )
    if request.method == "POST":
        if not editable:
            messages.error(request, "Your role on this case is read-only.")
            return redirect("assessments:case", pk=incident.pk)
        if form.is_valid():
            try:
                assessment = actions.record_assessment(
                    incident,
                    method=form.cleaned_data["method"],
                    answers=form.answers(),
                    reasons=form.reasons(),
                    risk_of_harm=form.cleaned_data["risk_of_harm"] or None,
                    override_reason=form.cleaned_data["override_reason"],
                    rationale=form.cleaned_data["rationale"],
                    reason_for_change=form.cleaned_data["reason_for_change"],
                    determined_at=(
                        form.cleaned_data["determined_at"]
                        if form.cleaned_data["method"] == "us_harm"
                        else None
                    ),
                    acting_user=request.user,
                )
            except actions.ActionError as exc:
                field = exc.field if exc.field in form.fields else None
                form.add_error(field, exc.message)
            else:
                messages.success(
                    request,
                    f"Assessment version {assessment.version} recorded: "
                    f"{scales.RISK_LABELS[assessment.risk_of_harm].lower()}. "
                    "The obligations were recomputed.",
                )
                return redirect("assessments:case", pk=incident.pk)
    duties = scales.written_determination_duties(a.jurisdiction for a in incident.affected.all())
    return render(
        request,
        "assessments/case_assessment.html",
        {
            "incident": incident,
            "versions": versions,
            "current": versions[0] if versions else None,
            "form": form,
            "editable": editable,
            "duties": duties,
            "risk_labels": scales.RISK_LABELS,
            "method_labels": scales.METHOD_LABELS,
            "enisa_citation": scales.ENISA_CITATION,
        },
    )
