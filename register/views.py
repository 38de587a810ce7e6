"""The register and numbers pages, with their CSV downloads (privacy office and auditors)."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render

from incidents.queries import can_edit
from incidents.views import get_case

from . import actions, charts, exports, numbers, selectors
from .access import may_read_register
from .forms import EntryForm, FiltersForm
from .models import RegisterEntry


def _filters(request) -> tuple[FiltersForm, selectors.Filters]:
    if not may_read_register(request.user):
        raise PermissionDenied("The register is for the privacy office and auditors.")
    form = FiltersForm(
        request.GET or None,
        organisations=selectors.organisations_for(request.user),
        regimes=selectors.regimes_for(request.user),
    )
    if form.is_bound and form.is_valid():
        d = form.cleaned_data
        return form, selectors.Filters(d["organisation"], d["start"], d["end"], d["regime"])
    return form, selectors.Filters()


def record_export(request, what: str) -> None:
    """Every download of the register or the numbers is in the audit trail (who, when, what)."""
    from audit.choices import Action
    from audit.recording import record

    record(Action.CASE_EXPORTED, request=request, summary=what)


@login_required
def register_page(request):
    form, filters = _filters(request)
    entries = selectors.entries(request.user, filters)
    return render(
        request,
        "register/register.html",
        {"form": form, "entries": entries, "query": filters.as_query()},
    )


@login_required
def register_csv(request):
    form, filters = _filters(request)
    entries = selectors.entries(request.user, filters)
    record_export(request, f"breach register CSV ({len(entries)} cases)")
    response = HttpResponse(exports.register_csv(entries), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="breach-register.csv"'
    return response


PDF_CSS = "@page { size: A4 landscape; } table { font-size: 8.5pt; }"


def _period(filters) -> str:
    if filters.start and filters.end:
        return f"Discovered {filters.start:%d %b %Y} to {filters.end:%d %b %Y}"
    if filters.start:
        return f"Discovered from {filters.start:%d %b %Y}"
    if filters.end:
        return f"Discovered until {filters.end:%d %b %Y}"
    return "All periods"


@login_required
def register_pdf(request):
    """The register printed: the privilege banner on every page when any entry is privileged
    (the shared renderer, incidents/pdf.py)."""
    from django.template.loader import render_to_string
    from django.utils import timezone

    from incidents.pdf import render_pdf

    form, filters = _filters(request)
    entries = selectors.entries(request.user, filters)
    any_privileged = any(e.incident.privileged for e in entries)
    body = render_to_string(
        "register/register_pdf.html",
        {
            "entries": entries,
            "period": _period(filters),
            "printed": timezone.now(),
            "printed_by": request.user.get_full_name() or request.user.get_username(),
            "any_privileged": any_privileged,
        },
    )
    pdf = render_pdf(
        body,
        reference="Breach register",
        privileged=any_privileged,
        title="Breach register",
        extra_css=PDF_CSS,
    )
    record_export(request, f"breach register PDF ({len(entries)} cases)")
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="breach-register.pdf"'
    return response


@login_required
def numbers_page(request):
    form, filters = _filters(request)
    figures = numbers.compute(request.user, filters)
    return render(
        request,
        "register/numbers.html",
        {
            "form": form,
            "n": figures,
            "query": filters.as_query(),
            "chart_time": charts.bars(
                "Median hours from awareness to notification, by recipient",
                [(label, hours) for label, hours, _n in figures.by_recipient],
                unit=" h",
            ),
            "chart_met": charts.share("Deadlines met", figures.met, figures.missed),
            "chart_weeks": charts.columns(
                "Open obligations at the end of each week",
                [(day.strftime("%d %b"), n) for day, n in figures.weeks],
            ),
            "chart_cause": charts.bars("Breaches by cause", figures.by_cause),
            "chart_regime": charts.bars("Breaches by regime", figures.by_regime),
        },
    )


@login_required
def numbers_csv(request):
    form, filters = _filters(request)
    figures = numbers.compute(request.user, filters)
    record_export(request, "breach numbers CSV")
    response = HttpResponse(numbers.numbers_csv(figures), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="breach-numbers.csv"'
    return response


@login_required
def case_entry(request, pk):
    """A case's register entry: what the event was and why, its effects, the remedial action."""
    incident = get_case(request, pk)
    entry = RegisterEntry.objects.filter(incident=incident).first()
    initial = {f: getattr(entry, f) for f in actions.FIELDS} if entry is not None else {}
    form = EntryForm(request.POST or None, initial=initial)
    editable = can_edit(request.user, incident)
    if request.method == "POST":
        if not editable:
            raise PermissionDenied("Your role on this case is read-only.")
        if form.is_valid():
            try:
                actions.update_entry(incident, acting_user=request.user, **form.cleaned_data)
            except actions.ActionError as exc:
                form.add_error(exc.field if exc.field in form.fields else None, exc.message)
            else:
                messages.success(request, "Register entry saved.")
                return redirect("incidents:detail", pk=incident.pk)
    return render(
        request,
        "register/entry_form.html",
        {"incident": incident, "form": form, "editable": editable, "entry": entry},
    )
