"""Retention pages: the legal hold form on a case, the purge preview, an organisation's policy.

Cases are read through ``visible_to`` (via ``incidents.views.get_case``); changes go through
``retention.actions``. Bad input is shown again with the message, as typed.
"""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from incidents.actions import ActionError
from incidents.queries import sees_all
from incidents.views import get_case
from organisations.models import OrganisationProfile

from . import actions
from .forms import AsOfForm, PolicyForm, ReasonForm
from .models import CasePurge
from .selectors import active_hold, case_retention, due_for_purge


def _hold_page(request, pk, *, lift: bool):
    incident = get_case(request, pk)
    if not actions.may_manage_holds(request.user, incident):
        raise PermissionDenied("Only counsel or the privacy office may set or lift a legal hold.")
    hold = active_hold(incident)
    form = ReasonForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action = actions.lift_legal_hold if lift else actions.set_legal_hold
        try:
            action(incident, reason=form.cleaned_data["reason"], acting_user=request.user)
        except ActionError as exc:
            form.add_error(None if exc.field == "legal_hold" else exc.field, exc.message)
        else:
            done = "Legal hold lifted." if lift else "The case is on legal hold."
            messages.success(request, done)
            return redirect(f"{incident.get_absolute_url()}#retention")
    return render(
        request,
        "retention/hold_form.html",
        {"incident": incident, "hold": hold, "form": form, "lift": lift},
        status=400 if form.errors else 200,
    )


@login_required
def hold_set(request, pk):
    return _hold_page(request, pk, lift=False)


@login_required
def hold_lift(request, pk):
    return _hold_page(request, pk, lift=True)


@login_required
def purge_preview(request):
    """What the purge would remove on a day: the privacy office's view over every case."""
    if not (sees_all(request.user) and request.user.has_perm("retention.view_casepurge")):
        raise PermissionDenied("The purge preview is for the privacy office.")
    form = AsOfForm(request.GET or None)
    as_of = timezone.localdate()
    if form.is_valid() and form.cleaned_data["as_of"]:
        as_of = form.cleaned_data["as_of"]
    due = due_for_purge(as_of)
    rows = []
    for incident, retention in due:
        rows.append(
            {
                "incident": incident,
                "retention": retention,
                "files": incident.attachments.exclude(file="").count(),
                "notes": incident.notes.filter(personal=True).exclude(text="").count(),
            }
        )
    recent = CasePurge.objects.select_related("incident").order_by("-purged_at")[:50]
    return render(
        request,
        "retention/preview.html",
        {"form": form, "as_of": as_of, "rows": rows, "recent": recent},
        status=400 if form.errors else 200,
    )


@login_required
def policy_edit(request, pk):
    organisation = get_object_or_404(OrganisationProfile, pk=pk)
    if not request.user.has_perm(actions.POLICY_PERMISSION):
        raise PermissionDenied("Only the privacy office may change the retention policy.")
    policy = getattr(organisation, "retention_policy", None)
    initial = {"years": policy.years, "basis": policy.basis} if policy else {}
    form = PolicyForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_retention_policy(
                organisation,
                years=form.cleaned_data["years"],
                basis=form.cleaned_data["basis"],
                acting_user=request.user,
            )
        except ActionError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            messages.success(request, "Retention policy saved.")
            return redirect(organisation.get_absolute_url())
    return render(
        request,
        "retention/policy_form.html",
        {"organisation": organisation, "policy": policy, "form": form},
        status=400 if form.errors else 200,
    )


def case_panel(incident, user) -> dict:
    """The case page's retention panel: hold, retention date and why, purges."""
    retention = case_retention(incident)
    return {
        "incident": incident,
        "hold": active_hold(incident),
        "retention": retention,
        "expired": retention.expired_on(timezone.localdate()),
        # From the case page's prefetched files and notes: no query.
        "personal_left": any(a.file for a in incident.attachments.all())
        or any(n.personal and n.text for n in incident.notes.all()),
        "purges": list(incident.purges.all()),
        "may_manage": actions.may_manage_holds(user, incident),
    }
