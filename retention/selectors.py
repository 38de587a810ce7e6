"""Reads for retention: a case's hold, how long it is kept, and which cases the purge is due on.

Pages and the API pass a case they read through ``visible_to``. The purge is the system acting
on every case, so ``due_for_purge`` reads all cases: that unrestricted read is spelled out there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date

from incidents.models import Attachment, Incident, Note
from jurisdictions.loader import current_rulebook

from .models import LegalHold, RetentionPolicy
from .periods import (
    DocumentationPeriod,
    Retention,
    in_play,
    parse_period,
    retained_until,
    retention_for,
)


def active_hold(incident) -> LegalHold | None:
    return LegalHold.objects.filter(incident=incident, lifted_at__isnull=True).first()


def on_hold(incident_id: int) -> bool:
    return LegalHold.objects.filter(incident_id=incident_id, lifted_at__isnull=True).exists()


def _rule_versions(incident) -> dict[str, int | None]:
    """The rules in play on the case: every obligation's rule (whatever became of it) and the
    rules the facts did not trigger whose law reached the case's people (see ``in_play``)."""
    # .all(): the case page has these prefetched (no query); elsewhere one query each.
    rules: dict[str, int | None] = {}
    for ob in incident.obligations.all():
        rules[ob.rule_code] = ob.rule_version
    places = [
        *(a.jurisdiction for a in incident.affected.all()),
        *(incident.established_in or []),
    ]
    for entry in incident.not_applicable or []:
        code, where = entry.get("rule"), entry.get("jurisdiction") or ""
        if code and code not in rules and in_play(where, places):
            rules[code] = entry.get("rule_version")
    return rules


def rule_periods(incident, book=None) -> list[DocumentationPeriod]:
    """The documentation periods of the rules in play, from the rule versions the case used."""
    book = book or current_rulebook()
    out = []
    for code, version in sorted(_rule_versions(incident).items()):
        versions = book.versions_of(code)
        used = [r for r in versions if r.version == version] or versions[-1:]
        rule = used[0] if used else None
        period = parse_period(code, rule.extra) if rule is not None else None
        if period is not None:
            out.append(period)
    return out


@dataclass(frozen=True)
class CaseRetention:
    """How long one case is kept: the period with its reasons, and the last day it is kept."""

    retention: Retention
    closed_on: date | None
    until: date | None  # None: the case is open, or no period is known
    policy: RetentionPolicy | None

    def expired_on(self, as_of: date) -> bool:
        return self.until is not None and as_of > self.until


def policy_for(incident) -> RetentionPolicy | None:
    if not incident.organisation_profile_id:
        return None
    return RetentionPolicy.objects.filter(organisation_id=incident.organisation_profile_id).first()


def case_retention(incident, book=None) -> CaseRetention:
    policy = policy_for(incident)
    retention = retention_for(rule_periods(incident, book), policy.years if policy else None)
    # The retention period is counted in whole days from the UTC date the case was closed.
    closed_on = incident.closed_at.astimezone(UTC).date() if incident.closed_at else None
    return CaseRetention(retention, closed_on, retained_until(closed_on, retention.years), policy)


def personal_data_left(incident_ids) -> set[int]:
    """The cases among ``incident_ids`` that still hold data the purge removes."""
    with_files = Attachment.objects.filter(incident_id__in=incident_ids).exclude(file="")
    with_notes = Note.objects.filter(incident_id__in=incident_ids, personal=True).exclude(text="")
    return set(with_files.values_list("incident_id", flat=True)) | set(
        with_notes.values_list("incident_id", flat=True)
    )


def due_for_purge(as_of: date) -> list[tuple[Incident, CaseRetention]]:
    """Closed cases, not on hold, past their retention date on ``as_of``, with personal data left.

    Reference order. The purge (a system task, not a person) acts on every case, so this is an
    unrestricted read of ``Incident.objects`` on purpose; people see the result only on the
    privacy office's preview page, which needs ``incidents.view_all_incidents``.
    """
    closed = (
        Incident.objects.unrestricted("the purge acts on every closed case")
        .filter(closed_at__isnull=False, closed_at__date__lt=as_of)
        .exclude(pk__in=LegalHold.objects.filter(lifted_at__isnull=True).values("incident_id"))
        .select_related("organisation_profile")
        .order_by("reference")
    )
    candidates = list(closed)
    left = personal_data_left([c.pk for c in candidates])
    book = current_rulebook()
    due = []
    for incident in candidates:
        if incident.pk not in left:
            continue
        retention = case_retention(incident, book)
        if retention.expired_on(as_of):
            due.append((incident, retention))
    return due
