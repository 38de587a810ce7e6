"""The auditor's pages: the whole trail or one case's, filtered, and exported as CSV or JSON.

Only people with ``audit.view_auditevent`` (the Auditor role, or a superuser) may read it;
exporting needs ``audit.export_auditevent`` as well. Reading and exporting are themselves audited.
"""

from __future__ import annotations

from datetime import datetime, time

from django import forms
from django.contrib.auth.decorators import login_required, permission_required
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.views.decorators.http import require_GET

from audit import disclosure, exports
from audit.choices import Action
from audit.models import AuditEvent
from audit.recording import record
from config.converters import BIGINT_MAX

PAGE_SIZE = 100


class AuditFilterForm(forms.Form):
    """Filters shared by the page and the export (so an export is exactly what was on screen)."""

    action = forms.ChoiceField(choices=[("", "any")] + list(Action.choices), required=False)
    actor = forms.CharField(required=False, max_length=150, label="User name")
    incident = forms.IntegerField(
        required=False, min_value=1, max_value=BIGINT_MAX, label="Case id"
    )
    object_type = forms.CharField(required=False, max_length=100)
    request_id = forms.CharField(required=False, max_length=64, label="Request id")
    since = forms.DateField(required=False, label="From (date)")
    until = forms.DateField(required=False, label="To (date, inclusive)")

    def filter(self, events):
        data = self.cleaned_data
        if data.get("action"):
            events = events.filter(action=data["action"])
        if data.get("actor"):
            events = events.filter(actor_username__iexact=data["actor"])
        if data.get("incident"):
            events = events.filter(incident_id=data["incident"])
        if data.get("object_type"):
            events = events.filter(object_type=data["object_type"].lower())
        if data.get("request_id"):
            events = events.filter(request_id=data["request_id"])
        zone = timezone.get_current_timezone()
        if data.get("since"):
            events = events.filter(at__gte=datetime.combine(data["since"], time.min, zone))
        if data.get("until"):
            events = events.filter(at__lte=datetime.combine(data["until"], time.max, zone))
        return events


def _filtered(request, incident_id=None):
    form = AuditFilterForm(request.GET or None)
    events = AuditEvent.objects.all()
    if incident_id is not None:
        events = events.filter(incident_id=incident_id)
    if form.is_bound and form.is_valid():
        events = form.filter(events)
    elif form.is_bound:
        events = events.none()
    return form, events


@login_required
@permission_required("audit.view_auditevent", raise_exception=True)
@require_GET
def event_list(request, incident_id: int | None = None):
    form, events = _filtered(request, incident_id)
    # Recorded before the page is read, so the count and the rows shown agree.
    record(
        Action.AUDIT_VIEWED,
        request=request,
        incident_id=incident_id,
        summary=f"filters: {request.GET.urlencode()[:300]}",
    )
    page = Paginator(events, PAGE_SIZE).get_page(request.GET.get("page"))
    # Case content only for cases this reader may see (audit.disclosure).
    page.object_list = list(disclosure.for_reader(page.object_list, request.user))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "audit/event_list.html",
        {
            "form": form,
            "page": page,
            "incident_id": incident_id,
            "query": query.urlencode(),
            "can_export": request.user.has_perm("audit.export_auditevent"),
        },
    )


@login_required
@permission_required(["audit.view_auditevent", "audit.export_auditevent"], raise_exception=True)
@require_GET
def event_export(request, incident_id: int | None = None, fmt: str = "csv"):
    form, events = _filtered(request, incident_id)
    exported = record(
        Action.AUDIT_EXPORTED,
        request=request,
        incident_id=incident_id,
        summary=f"{fmt}; filters: {request.GET.urlencode()[:300]}",
    )
    # The trail as it stood when the export was asked for (its own record comes next time).
    events = events.filter(pk__lt=exported.pk)
    stamp = timezone.now().strftime("%Y%m%dT%H%M%SZ")
    scope = f"case-{incident_id}" if incident_id else "all"
    if fmt == "json":
        body, content_type = exports.json_chunks(events, request.user), "application/json"
    else:
        body, content_type = exports.csv_lines(events, request.user), "text/csv; charset=utf-8"
    response = StreamingHttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="audit-{scope}-{stamp}.{fmt}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response
