"""Pages of the "Conflicts and precedence" panel: record or lift a delay of notices, and record
counsel's decision on a conflict. Reads through ``visible_to`` (``views.get_case``: 404 outside
the case, 403 for a read-only role); every change through ``incidents.actions``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render

from incidents import actions
from incidents.conflict_forms import HOLD_FORMS, ConflictDecisionForm, LiftForm
from incidents.conflicts import conflict_rows
from incidents.forms import parse_iso
from incidents.holds import LABELS, SHAPES
from incidents.views import get_case
from incidents.web_facts import readable
from jurisdictions.engine.facts import FactsError

PANEL = "#conflicts"


def _show_error(form, exc) -> None:
    """The error next to the field it names (``law_enforcement_hold.lifted_at`` -> lifted_at)."""
    field = (getattr(exc, "field", "") or "").rsplit(".", 1)[-1]
    message = readable(getattr(exc, "message", str(exc)), form)
    if field in form.fields:
        form.add_error(field, message)
    else:
        form.add_error(None, message)


def _hold_key(key: str) -> str:
    if key not in HOLD_FORMS:
        raise Http404("No such kind of delay.")
    return key


@login_required
def hold_record(request, pk, key):
    """Record (or correct) a request to delay notices."""
    incident = get_case(request, pk, edit=True)
    key = _hold_key(key)
    current = incident.holds.get(key)
    form_class = HOLD_FORMS[key]
    initial = None
    if current:
        initial = {
            name: (
                ("yes" if value else "no")
                if isinstance(value, bool)
                else (parse_iso(value) if name in SHAPES[key][:2] else value)
            )
            for name, value in current.items()
        }
    form = form_class(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            actions.record_hold(
                incident,
                key,
                form.values(),
                acting_user=request.user,
                reason=form.cleaned_data.get("reason", ""),
            )
        except (FactsError, actions.ActionError) as exc:
            _show_error(form, exc)
        else:
            messages.success(request, f"{LABELS[key].capitalize()} recorded; deadlines updated.")
            return redirect(incident.get_absolute_url() + PANEL)
    return render(
        request,
        "incidents/hold_form.html",
        {"incident": incident, "form": form, "label": LABELS[key], "key": key, "lift": False},
    )


@login_required
def hold_lift(request, pk, key):
    """Record that a delay ended: the held notices are re-timed from the lift."""
    incident = get_case(request, pk, edit=True)
    key = _hold_key(key)
    if not incident.holds.get(key):
        # A stale link (the hold was removed meanwhile): back to the case, saying so.
        messages.error(request, f"There is no {LABELS[key]} on this case to lift.")
        return redirect(incident.get_absolute_url() + PANEL)
    form = LiftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.lift_hold(
                incident,
                key,
                lifted_at=form.cleaned_data["lifted_at"],
                acting_user=request.user,
                reason=form.cleaned_data.get("reason", ""),
            )
        except (FactsError, actions.ActionError) as exc:
            _show_error(form, exc)
        else:
            messages.success(request, f"{LABELS[key].capitalize()} lifted; deadlines re-timed.")
            return redirect(incident.get_absolute_url() + PANEL)
    return render(
        request,
        "incidents/hold_form.html",
        {"incident": incident, "form": form, "label": LABELS[key], "key": key, "lift": True},
    )


@login_required
def conflict_decide(request, pk):
    """Counsel records a decision on one current conflict (``?key=`` its stable key)."""
    incident = get_case(request, pk, edit=True)
    key = request.POST.get("key") or request.GET.get("key") or ""
    row = next((r for r in conflict_rows(incident) if r.key == key and r.current), None)
    if row is None:
        # A stale link (a recompute made the conflict go): back to the case, saying so.
        messages.error(request, "This conflict does not arise on the case (any more).")
        return redirect(incident.get_absolute_url() + PANEL)
    form = ConflictDecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.decide_conflict(
                incident, key, decision=form.cleaned_data["decision"], acting_user=request.user
            )
        except actions.ActionError as exc:
            _show_error(form, exc)
        else:
            messages.success(request, "Decision recorded.")
            return redirect(incident.get_absolute_url() + PANEL)
    return render(
        request,
        "incidents/conflict_form.html",
        {"incident": incident, "form": form, "row": row},
    )
