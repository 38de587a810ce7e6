"""The evidence pack: a case's whole record for counsel, in one ZIP that can be shown unaltered.

    pack = build_pack(incident, requested_by=user)   # incident read through visible_to(user)
    pack.zip_bytes()                                  # the ZIP, manifest.json included

The ZIP holds the printed report (``report.pdf``: privilege banner, reference and "page X of Y"
on every page), the same content as data (``case.json``, ``obligations.json`` with how each date
was computed, ``facts_at_decisions.json``, ``notifications.json``, ``reminders.json``,
``timeline.json`` / ``.csv``, ``audit_trail.json``), the case's files under ``files/`` (proof
of filing among them) and ``manifest.json``, mapping every other file to its SHA-256 hex digest.

Other parts of the product add their own record through ``register_section`` (for instance the
risk-of-harm assessments): a section gives files for the ZIP and, optionally, a block of HTML
for the printed report. Nothing here reads beyond the case it is given.
"""

from __future__ import annotations

import copy
import hashlib
import io
import json
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from django.core.serializers.json import DjangoJSONEncoder
from django.template.loader import render_to_string
from django.utils import timezone

from .choices import ActivityKind
from .exports import activity_csv, activity_json, activity_queryset, report_data
from .holds import HOLD_KEYS
from .models import Incident

MANIFEST = "manifest.json"
# Timeline entries that record a decision: the pack shows the facts as they stood at each.
DECISION_KINDS = frozenset(
    {
        ActivityKind.NOTIFICATION_RECORDED,
        ActivityKind.MARKED_NOT_REQUIRED,
        ActivityKind.WAIVED,
        ActivityKind.REOPENED_OBLIGATION,
        ActivityKind.CONFLICT_DECIDED,
        ActivityKind.STATUS_CHANGED,
        ActivityKind.TARGET_SET,
        ActivityKind.LEGAL_HOLD_SET,
        ActivityKind.LEGAL_HOLD_LIFTED,
    }
)
# A change of facts is a timeline entry whose before/after name only keys of the facts format.
FACT_KEYS = frozenset(
    {
        "title",
        "events",
        "organisation",
        "data",
        "encryption",
        "risk_of_harm",
        "cause",
        "affected",
        "systems",
        "customers",
        "rules_as_of",
        "data_sets",
        "product_security_incident",
        "client_financial_impact",
        "format",  # a format-2 key (client_financial_impact) moves a case to format 2
        *HOLD_KEYS,
    }
)


# --- sections other apps add -------------------------------------------------------------------
@dataclass
class Section:
    """What one part of the product adds to the pack: files, and a block of the printed report."""

    files: dict[str, bytes] = field(default_factory=dict)
    report_html: str = ""  # already-escaped HTML, printed after the obligations


SectionBuilder = Callable[[Incident], Section | None]
_sections: dict[str, SectionBuilder] = {}


def register_section(name: str, builder: SectionBuilder) -> None:
    """Add ``builder(incident) -> Section`` to every pack (call it from an AppConfig.ready).

    File names are put under ``<name>/`` in the ZIP. The incident was read through
    ``visible_to`` by the caller; the builder reads only that case's rows.
    """
    _sections[name] = builder


def _assessment_section(incident: Incident) -> Section | None:
    """Every version of the case's risk-of-harm assessment (``assessments`` app: the newest is
    in force), or the bare rationale on the case when none was recorded."""
    versions = list(
        incident.assessments.select_related("created_by").order_by("version")
        if hasattr(incident, "assessments")
        else []
    )
    if not versions:
        if not incident.risk_of_harm and not incident.risk_rationale:
            return None
        body = {
            "risk_of_harm": incident.risk_of_harm or None,
            "risk_of_harm_label": incident.get_risk_of_harm_display() or "not yet assessed",
            "rationale": incident.risk_rationale,
            "versions": [],
        }
        return Section(files={"assessments.json": _json(body)})
    rows = [
        {
            "version": a.version,
            "method": a.get_method_display(),
            "recorded_at": a.created_at,
            "recorded_by": a.created_by.get_username(),
            "computed_risk": a.get_computed_risk_display(),
            "score": a.score,
            "risk_of_harm": a.get_risk_of_harm_display(),
            "override_reason": a.override_reason,
            "rationale": a.rationale,
            "determined_at": a.determined_at,
            "reason_for_change": a.reason_for_change,
            "factors": (a.result or {}).get("factors", []),
            "why": (a.result or {}).get("why", []),
            "answers": a.answers,
            "reasons": a.reasons,
        }
        for a in versions
    ]
    html = render_to_string("incidents/_evidence_assessments.html", {"versions": rows})
    return Section(files={"assessments.json": _json({"versions": rows})}, report_html=html)


register_section("assessments", _assessment_section)


# --- reading the record ------------------------------------------------------------------------
def _json(value) -> bytes:
    return json.dumps(value, cls=DjangoJSONEncoder, indent=2, ensure_ascii=False).encode()


def _iso(value: datetime | None) -> str | None:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z") if value else None


def _is_facts_change(entry) -> bool:
    before, after = entry.before, entry.after
    if not isinstance(before, dict) or not isinstance(after, dict) or not (before or after):
        return False
    return set(before) | set(after) <= FACT_KEYS


def facts_at_decisions(incident: Incident, activity: list, facts_now: dict) -> list[dict]:
    """For each decision on the timeline, the facts as they stood at that moment.

    Walks the timeline backwards from today's facts, undoing each change of facts (its
    ``before`` values): what is left when a decision is reached is what the team knew then.
    """
    state = copy.deepcopy(facts_now)
    out = []
    for entry in reversed(activity):
        if entry.kind in DECISION_KINDS or "assessment" in entry.kind:
            out.append(
                {
                    "at": entry.at,
                    "decision": entry.get_kind_display(),
                    "kind": entry.kind,
                    "summary": entry.summary,
                    "by": entry.actor.get_username() if entry.actor_id else "system",
                    "obligation": str(entry.obligation) if entry.obligation_id else None,
                    "facts": copy.deepcopy(state),
                }
            )
        if _is_facts_change(entry):
            for key, value in entry.before.items():
                if value is None and key in HOLD_KEYS:
                    state.pop(key, None)  # a delay that did not exist yet
                else:
                    state[key] = copy.deepcopy(value)
    out.reverse()
    return out


def _obligations(obligations) -> list[dict]:
    rows = []
    for ob in obligations:
        row = ob.to_dict()
        row["status_label"] = ob.get_status_display()
        row["how_the_date_was_computed"] = {
            "clock_start": {"event": ob.clock_start_event or None, "at": _iso(ob.clock_start_at)},
            "steps": list(ob.computation),
            "why": list(ob.why),
            "deadline_in_the_authority_zone": ob.due_local or None,
            "zone": ob.due_local_tz or None,
        }
        rows.append(row)
    return rows


def _file_name(attachment) -> str:
    safe = "".join(c if c.isalnum() or c in "._- " else "_" for c in attachment.name).strip()
    return f"files/{attachment.pk}-{safe or 'file'}"


def _notifications(obligations, file_names: dict[int, str]) -> list[dict]:
    return [
        {
            "obligation": str(ob),
            "rule": ob.rule_code,
            "recipient": ob.recipient,
            "authority": ob.authority or ob.counterparty,
            "sent_at": ob.notified_at,
            "due_at": ob.due_at,
            "on_time": (ob.notified_at <= ob.due_at) if ob.due_at and ob.notified_at else None,
            "method": ob.get_notified_method_display(),
            "sent_to": ob.notified_to,
            "reference": ob.notified_reference,
            "proof": (
                {
                    "file": file_names.get(ob.evidence_id),
                    "name": ob.evidence.name,
                    "sha256": ob.evidence.sha256,
                }
                if ob.evidence_id
                else None
            ),
        }
        for ob in obligations
        if ob.status == "notified"
    ]


def _reminders(incident: Incident) -> list[dict]:
    from reminders.choices import ReminderStatus
    from reminders.models import Reminder

    # What went out, or tried to: the pending and cancelled rows were never sent.
    rows = (
        Reminder.objects.filter(
            obligation__incident=incident, status__in=[ReminderStatus.SENT, ReminderStatus.FAILED]
        )
        .select_related("obligation")
        .order_by("due_at", "id")
    )
    return [
        {
            "obligation": str(r.obligation),
            "kind": r.get_kind_display(),
            "deadline_at": r.deadline_at,
            "due_at": r.due_at,
            "sent_at": r.sent_at,
            "status": r.get_status_display(),
            "delivered_to": r.delivered_to,
            "failed_recipients": r.failed_recipients,
        }
        for r in rows
    ]


def _audit_trail(incident: Incident) -> list[dict]:
    from audit.models import AuditEvent

    events = AuditEvent.objects.filter(incident_id=incident.pk).order_by("at", "id")
    return [
        {
            "at": _iso(e.at),
            "action": e.get_action_display(),
            "who": e.actor_username or "system",
            "object": f"{e.object_type} {e.object_id}".strip(),
            "summary": e.summary,
            "request_id": e.request_id or None,
            "before": e.before,
            "after": e.after,
        }
        for e in events.iterator(chunk_size=500)
    ]


# --- the pack ----------------------------------------------------------------------------------
@dataclass
class Pack:
    reference: str
    files: dict[str, bytes]

    def manifest(self) -> dict:
        return {name: hashlib.sha256(body).hexdigest() for name, body in sorted(self.files.items())}

    def zip_bytes(self) -> bytes:
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, body in sorted(self.files.items()):
                archive.writestr(f"{self.reference}/{name}", body)
            archive.writestr(f"{self.reference}/{MANIFEST}", _json(self.manifest()))
        return out.getvalue()

    @property
    def filename(self) -> str:
        return f"{self.reference}-evidence-pack.zip"


def build_pack(incident: Incident, *, requested_by) -> Pack:
    """Every file of the pack for ``incident`` (read by the caller through ``visible_to``)."""
    from .pdf import render_pdf

    data = report_data(incident)
    incident = data["incident"]
    activity = list(activity_queryset(incident))
    facts_now = data["facts"]
    decisions = facts_at_decisions(incident, activity, facts_now)
    attachments = data["attachments"]
    file_names = {a.pk: _file_name(a) for a in attachments}
    files: dict[str, bytes] = {}
    for attachment in attachments:
        if not attachment.file:
            continue  # removed when the retention period ended; listed in case.json
        with attachment.file.open("rb") as handle:
            files[file_names[attachment.pk]] = handle.read()

    sections = {}
    for name, builder in _sections.items():
        section = builder(incident)
        if section is not None:
            sections[name] = section
            for file_name, body in section.files.items():
                files[f"{name}/{file_name}"] = body

    notifications = _notifications(data["obligations"], file_names)
    reminders = _reminders(incident)
    generated_at = timezone.now()
    files["case.json"] = _json(
        {
            "reference": incident.reference,
            "title": incident.title,
            "privileged": incident.privileged,
            "status": incident.get_status_display(),
            "generated_at": _iso(generated_at),
            "generated_by": requested_by.get_username(),
            "facts": facts_now,
            "files": [
                {
                    "file": file_names[a.pk] if a.file else None,
                    "name": a.name,
                    "kind": a.get_kind_display(),
                    "sha256": a.sha256,
                    "uploaded_at": _iso(a.uploaded_at),
                    "uploaded_by": a.uploaded_by.get_username(),
                    "removed_at_end_of_retention": not a.file,
                }
                for a in attachments
            ],
        }
    )
    files["obligations.json"] = _json(_obligations(data["obligations"]))
    files["facts_at_decisions.json"] = _json(decisions)
    files["notifications.json"] = _json(notifications)
    files["reminders.json"] = _json(reminders)
    files["timeline.json"] = activity_json(incident).encode()
    files["timeline.csv"] = activity_csv(incident).encode()
    files["audit_trail.json"] = _json(_audit_trail(incident))

    html = render_to_string(
        "incidents/evidence_report.html",
        {
            **data,
            "activity": activity,
            "decisions": decisions,
            "notifications": notifications,
            "reminders": reminders,
            "sections": sections,
            "file_names": file_names,
            "generated_at": generated_at,
            "generated_by": requested_by,
            "pack_files": sorted([*files, "report.pdf"]),
        },
    )
    files["report.pdf"] = render_pdf(
        html,
        reference=incident.reference,
        privileged=incident.privileged,
        title=f"{incident.reference} evidence report",
        extra_css=REPORT_CSS,
    )
    return Pack(incident.reference, files)


REPORT_CSS = """
html { font-size: 9pt; }
table { font-size: 8pt; margin-bottom: 6pt; }
th { background: #eee; }
h1 { font-size: 15pt; } h2 { font-size: 12pt; border-bottom: 0.75pt solid #000; }
h3 { font-size: 10pt; margin: 8pt 0 2pt; page-break-after: avoid; }
tr { page-break-inside: avoid; }
thead { display: table-header-group; }
.small { font-size: 7.5pt; } .muted { color: #444; }
.mono { font-family: monospace; font-size: 7pt; word-break: break-all; }
ul, ol { margin: 0 0 3pt; padding-left: 12pt; }
dl.facts { margin: 0; } dl.facts dt { font-weight: bold; float: left; width: 30%; clear: left; }
dl.facts dd { margin: 0 0 2pt 31%; }
.decision { border-left: 2pt solid #888; padding-left: 5pt; margin: 0 0 7pt; }
"""


def pack_response(request, incident: Incident):
    """The pack as a download, recorded as an export of the case (pages and the API alike)."""
    from django.http import HttpResponse

    from audit.recording import record_case_export

    pack = build_pack(incident, requested_by=request.user)
    record_case_export(request, incident, "evidence pack")
    response = HttpResponse(pack.zip_bytes(), content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{pack.filename}"'
    response["Cache-Control"] = "private, no-store"
    return response
