"""Reads for the breach register: one entry per case the reader may see (``visible_to``).

GDPR Art 33(5): the controller documents every personal data breach, "comprising the facts
relating to the personal data breach, its effects and the remedial action taken"; the register
adds the decision (notified or not, and why) and the notifications made and when. Security events
that turned out not to be personal-data breaches are listed too, with why.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from django.db.models import OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from assessments.models import RiskAssessment
from assessments.scales import METHOD_LABELS, RISK_LABELS
from incidents.choices import DATA_CATEGORY_LABELS, Cause, IncidentStatus, ObligationStatus
from incidents.models import Incident, IncidentEvent, Obligation

from .models import Classification, RegisterEntry

NOT_A_BREACH = (Classification.NOT_PERSONAL, Classification.NEAR_MISS)


@dataclass
class Filters:
    organisation: int | None = None  # an organisation profile id
    start: date | None = None  # discovered on or after
    end: date | None = None  # discovered on or before
    regime: str = ""  # an obligation's regime name

    def as_query(self) -> str:
        """The page's query string for these filters (CSV and numbers links keep them)."""
        from urllib.parse import urlencode

        out = {}
        if self.organisation:
            out["organisation"] = self.organisation
        if self.start:
            out["start"] = self.start.isoformat()
        if self.end:
            out["end"] = self.end.isoformat()
        if self.regime:
            out["regime"] = self.regime
        return urlencode(out)


@dataclass
class Notification:
    recipient: str
    regime: str
    jurisdiction: str
    sent_at: datetime
    method: str
    reference: str
    due_at: datetime | None


@dataclass
class Entry:
    incident: Incident
    discovered_at: datetime | None
    aware_at: datetime | None
    classification: str
    classification_label: str
    classification_reason: str
    effects: str
    remedial_action: str
    data: list[str]
    affected_total: int
    jurisdictions: list[str]
    cause: str
    risk_of_harm: str
    assessment: RiskAssessment | None
    notifications: list[Notification] = field(default_factory=list)
    regimes: list[str] = field(default_factory=list)
    decision: str = ""
    reasons: list[str] = field(default_factory=list)

    @property
    def notified(self) -> bool:
        return bool(self.notifications)

    @property
    def reference(self) -> str:
        return self.incident.reference

    @property
    def organisation(self) -> str:
        profile = self.incident.organisation_profile
        if profile is not None:
            return profile.name
        return (self.incident.organisation_snapshot or {}).get("name", "")

    def as_dict(self) -> dict:
        inc = self.incident
        return {
            "reference": inc.reference,
            "title": inc.title,
            "organisation": self.organisation or None,
            "privileged": inc.privileged,
            "status": inc.status,
            "classification": self.classification or None,
            "classification_label": self.classification_label,
            "discovered_at": _iso(self.discovered_at),
            "aware_at": _iso(self.aware_at),
            "facts": {
                "description": inc.description,
                "data": self.data,
                "affected": self.affected_total,
                "jurisdictions": self.jurisdictions,
                "cause": self.cause or None,
            },
            "effects": self.effects,
            "remedial_action": self.remedial_action,
            "risk_of_harm": self.risk_of_harm or None,
            "assessment": (
                {
                    "version": self.assessment.version,
                    "method": self.assessment.method,
                    "risk_of_harm": self.assessment.risk_of_harm,
                    "score": self.assessment.score,
                    "rationale": self.assessment.rationale,
                    "assessed_at": _iso(self.assessment.created_at),
                    "assessed_by": self.assessment.created_by.get_username(),
                }
                if self.assessment
                else None
            ),
            "notified": self.notified,
            "notifications": [
                {
                    "recipient": n.recipient,
                    "regime": n.regime,
                    "jurisdiction": n.jurisdiction,
                    "sent_at": _iso(n.sent_at),
                    "due_at": _iso(n.due_at),
                    "method": n.method,
                    "reference": n.reference,
                }
                for n in self.notifications
            ],
            "regimes": self.regimes,
            "decision": self.decision,
            "reasons": self.reasons,
        }


def _iso(value):
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def _event(name):
    return Subquery(
        IncidentEvent.objects.filter(incident=OuterRef("pk"), event=name).values("at")[:1]
    )


def cases(user, filters: Filters | None = None):
    """The cases of the register for ``user``, filtered; the one read goes through visible_to."""
    filters = filters or Filters()
    qs = (
        Incident.objects.visible_to(user)
        .select_related("organisation_profile", "register_entry")
        .annotate(discovered=_event("discovered_at"), aware=_event("aware_at"))
    )
    if filters.organisation:
        qs = qs.filter(organisation_profile_id=filters.organisation)
    zone = timezone.get_current_timezone()
    if filters.start:
        qs = qs.filter(discovered__gte=datetime.combine(filters.start, time.min, zone))
    if filters.end:
        qs = qs.filter(discovered__lte=datetime.combine(filters.end, time.max, zone))
    if filters.regime:
        qs = qs.filter(
            pk__in=Obligation.objects.filter(regime=filters.regime).values("incident_id")
        )
    latest = RiskAssessment.objects.select_related("created_by").order_by("incident", "-version")
    return qs.prefetch_related(
        "affected",
        Prefetch("obligations", queryset=Obligation.objects.order_by("notified_at", "rule_code")),
        Prefetch("assessments", queryset=latest, to_attr="assessment_versions"),
    ).order_by("-discovered", "-id")


def regimes_for(user) -> list[str]:
    """The regimes of the obligations of the cases ``user`` may see (the filter's choices)."""
    visible = Incident.objects.visible_to(user).values("pk")
    return list(
        Obligation.objects.filter(incident__in=visible)
        .order_by("regime")
        .values_list("regime", flat=True)
        .distinct()
    )


def _obligation_name(ob: Obligation) -> str:
    return ob.authority or ob.counterparty or ob.recipient.replace("_", " ")


def entry_for(incident: Incident) -> Entry:
    """The register entry of one case (related rows prefetched by ``cases``)."""
    reg: RegisterEntry | None = getattr(incident, "register_entry", None)
    versions = getattr(incident, "assessment_versions", None)
    if versions is None:
        versions = list(incident.assessments.order_by("-version"))
    assessment = versions[0] if versions else None
    obligations = list(incident.obligations.all())
    classification = reg.classification if reg else ""
    entry = Entry(
        incident=incident,
        discovered_at=getattr(incident, "discovered", None),
        aware_at=getattr(incident, "aware", None) or getattr(incident, "discovered", None),
        classification=classification,
        classification_label=Classification(classification).label,
        classification_reason=reg.classification_reason if reg else "",
        effects=reg.effects if reg else "",
        remedial_action=reg.remedial_action if reg else "",
        data=[DATA_CATEGORY_LABELS.get(c, c) for c in incident.data_categories],
        affected_total=sum(a.count for a in incident.affected.all()),
        jurisdictions=sorted(a.jurisdiction for a in incident.affected.all()),
        cause=Cause(incident.cause).label if incident.cause else "",
        risk_of_harm=incident.risk_of_harm,
        assessment=assessment,
        regimes=sorted({ob.regime for ob in obligations}),
    )
    for ob in obligations:
        if ob.status == ObligationStatus.NOTIFIED and ob.notified_at:
            entry.notifications.append(
                Notification(
                    recipient=_obligation_name(ob),
                    regime=ob.regime,
                    jurisdiction=ob.jurisdiction,
                    sent_at=ob.notified_at,
                    method=ob.get_notified_method_display() if ob.notified_method else "",
                    reference=ob.notified_reference,
                    due_at=ob.due_at,
                )
            )
    entry.decision, entry.reasons = _decision(entry, obligations)
    return entry


def _decision(entry: Entry, obligations: list[Obligation]) -> tuple[str, list[str]]:
    reasons = []
    if entry.classification_reason:
        reasons.append(f"{entry.classification_label}: {entry.classification_reason}")
    a = entry.assessment
    if a is not None:
        score = f", score {a.score:g}" if a.score is not None else ""
        reasons.append(
            f"Risk of harm: {RISK_LABELS[a.risk_of_harm].lower()} ({METHOD_LABELS[a.method]}, "
            f"version {a.version}{score}): {a.rationale}"
        )
        if a.override_reason:
            reasons.append(f"Level set by counsel against the computed one: {a.override_reason}")
    elif entry.incident.risk_rationale:
        reasons.append(f"Risk of harm: {entry.incident.risk_rationale}")
    for ob in obligations:
        if ob.status in (ObligationStatus.NOT_REQUIRED, ObligationStatus.WAIVED) and ob.reason:
            reasons.append(f"{_obligation_name(ob)} ({ob.regime}): {ob.reason}")
    open_count = sum(1 for ob in obligations if ob.is_open)
    if entry.classification in NOT_A_BREACH:
        decision = f"Not notified: {entry.classification_label.lower()}"
    elif entry.notified:
        decision = f"Notified ({len(entry.notifications)} of {len(obligations)} duties)"
        if open_count:
            decision += f"; {open_count} still open"
    elif open_count:
        decision = f"Notification pending ({open_count} open)"
    elif entry.incident.status == IncidentStatus.CLOSED or obligations:
        decision = "Not notified: no duty to notify"
    else:
        decision = "Not notified: no duty found"
    return decision, reasons


def entries(user, filters: Filters | None = None) -> list[Entry]:
    return [entry_for(inc) for inc in cases(user, filters)]


def organisations_for(user):
    from organisations.models import OrganisationProfile

    visible = Incident.objects.visible_to(user).values("organisation_profile_id")
    return OrganisationProfile.objects.filter(Q(pk__in=visible)).order_by("name")
