"""Recording a risk-of-harm assessment: the one door that changes a case's assessment.

A new version is written, the case's ``risk_of_harm`` fact follows the level settled on and, for
a US harm test concluding that harm is not likely, the ``no_harm_determined_at`` event is set
(cleared when a later version finds a risk); then the obligations are recomputed through
``incidents.actions.update_facts``, in the same transaction, with the reason on the timeline.
"""

from __future__ import annotations

from datetime import UTC

from django.db import transaction
from django.db.models import Max
from django.utils import timezone

from incidents import actions as case_actions
from incidents.choices import ActivityKind
from incidents.models import Incident
from incidents.queries import can_edit

from . import scales
from .models import RiskAssessment

ActionError = case_actions.ActionError


def _iso(value) -> str:
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _text(value, field: str, *, required: bool) -> str:
    text = (value or "").strip() if isinstance(value, str) or value is None else None
    if text is None:
        raise ActionError(field, "must be text")
    if required and not text:
        raise ActionError(field, "is required: say why, in a sentence a regulator can read")
    return text


@transaction.atomic
def record_assessment(
    incident: Incident,
    *,
    method: str,
    answers: dict,
    reasons: dict | None = None,
    risk_of_harm: str | None = None,
    override_reason: str = "",
    rationale: str,
    reason_for_change: str = "",
    determined_at=None,
    acting_user,
) -> RiskAssessment:
    """Record a new version of the case's assessment and apply it to the facts.

    ``risk_of_harm`` empty: the level the method computes. Another level needs
    ``override_reason``. A version after the first needs ``reason_for_change``.
    """
    if acting_user is None or not acting_user.is_authenticated:
        raise ActionError("acting_user", "a signed-in user must be named for every change")
    if not can_edit(acting_user, incident):
        raise ActionError("acting_user", "your role on this case is read-only")
    try:
        result = scales.compute(method, answers or {}, reasons or {})
    except scales.AssessmentError as exc:
        raise ActionError(exc.field, exc.message) from None
    final = risk_of_harm or result.risk_of_harm
    if final not in scales.RISK_LEVELS:
        raise ActionError("risk_of_harm", "choose a level from the list")
    override_reason = _text(
        override_reason, "override_reason", required=final != result.risk_of_harm
    )
    rationale = _text(rationale, "rationale", required=True)
    # The caller decided who may change it; this locks the row.
    incident = (
        Incident.objects.unrestricted("lock of the case being changed")
        .select_for_update()
        .get(pk=incident.pk)
    )
    previous = incident.assessments.order_by("-version").first()
    reason_for_change = _text(reason_for_change, "reason_for_change", required=previous is not None)
    now = timezone.now()
    if determined_at is not None and determined_at > now:
        raise ActionError("determined_at", "cannot be in the future")
    version = (incident.assessments.aggregate(n=Max("version"))["n"] or 0) + 1

    events = {e.event: e.at for e in incident.events.all()}
    standing = events.get("no_harm_determined_at")
    no_harm = method == "us_harm" and final in ("none", "unlikely")
    if no_harm:
        # A confirming version keeps the first determination's date: the law's days run from it.
        determined = standing or determined_at or now
    else:
        determined = None
    assessment = RiskAssessment.objects.create(
        incident=incident,
        version=version,
        method=method,
        answers=dict(answers or {}),
        reasons={k: v for k, v in (reasons or {}).items() if v},
        result=result.as_dict(),
        computed_risk=result.risk_of_harm,
        score=result.score,
        risk_of_harm=final,
        override_reason=override_reason,
        rationale=rationale,
        determined_at=determined,
        reason_for_change=reason_for_change,
        created_by=acting_user,
        created_at=now,
    )

    changes: dict = {"risk_of_harm": final}
    if no_harm and standing is None:
        changes["events"] = {"no_harm_determined_at": _iso(determined)}
    elif not no_harm and standing is not None and method == "us_harm":
        changes["events"] = {"no_harm_determined_at": None}  # the determination is withdrawn
    label = scales.RISK_LABELS[final].lower()
    summary = (
        f"Risk-of-harm assessment v{version} ({scales.METHOD_LABELS[method]}): {label}"
        + (
            f", score {result.score:g} ({result.band_label.lower()})"
            if result.score is not None
            else ""
        )
        + (
            f"; counsel set it against the computed {result.risk_of_harm}"
            if final != result.risk_of_harm
            else ""
        )
    )
    why = reason_for_change or "first assessment"
    recompute = case_actions.update_facts(
        incident,
        changes,
        acting_user=acting_user,
        reason=why,
        event_basis={"no_harm_determined_at": f"assessment v{version}: {rationale}"},
        activity_kind=ActivityKind.ASSESSMENT_RECORDED,
        summary=summary,
        # Each moved obligation names the assessment and why it changed, in words.
        recompute_reason=f"risk-of-harm assessment v{version}: {label} ({why})",
    )
    if recompute is None:  # the level did not change: the version is still part of the record
        case_actions.log_activity(
            incident,
            ActivityKind.ASSESSMENT_RECORDED,
            f"{summary}; risk of harm unchanged, obligations as they were ({why})",
            actor=acting_user,
            after={"assessment": version, "risk_of_harm": final},
        )
    Incident.objects.unrestricted("the case being changed").filter(pk=incident.pk).update(
        risk_rationale=rationale
    )
    return assessment
