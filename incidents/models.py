"""The cases: an incident, the facts that start the clocks, the obligations they give, and a record.

Every change to these rows goes through ``incidents.actions`` (one transaction, one Activity row
with before/after); every read of a case starts from ``Incident.objects.visible_to(user)``.
"""

from __future__ import annotations

import secrets
from datetime import UTC

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from .choices import (
    EVENT_NAMES,
    FACTS_FORMAT,
    FACTS_FORMAT_2,
    ActivityKind,
    AttachmentKind,
    Cause,
    IncidentStatus,
    NotificationMethod,
    ObligationStatus,
    OrganisationRole,
    RiskOfHarm,
    Severity,
    TeamRole,
)
from .queries import IncidentQuerySet, ObligationQuerySet


def _iso(value):
    if value is None:
        return None
    return value.astimezone(UTC).isoformat().replace("+00:00", "Z")


def as_format_2(facts: dict, *, roles, sectors, data_sets, by_category, derived) -> dict:
    """A facts dict in format-1 shape (``facts_dict`` / ``actions._canonical``) as format 2:
    ``roles`` and ``sectors`` for ``role``, per-category encryption, data sets, and without the
    totals the data sets made (``derived``), so a case gives back what it was given."""
    out = dict(facts, format=FACTS_FORMAT_2)
    org = {k: v for k, v in facts["organisation"].items() if k != "role"}
    out["organisation"] = {**org, "roles": list(roles), "sectors": list(sectors)}
    encryption = dict(facts["encryption"])
    if by_category:
        encryption["by_category"] = {k: dict(v) for k, v in by_category.items()}
    out["encryption"] = encryption
    if data_sets:
        out["data_sets"] = [dict(s) for s in data_sets]
    for key in derived:
        out.pop(key, None)
    return out


def notices_sent_of(obligations) -> dict:
    """``{rule_code: earliest notified_at}`` of the notified obligations among ``obligations``."""
    sent: dict = {}
    for ob in obligations:
        if ob.status == ObligationStatus.NOTIFIED and ob.notified_at:
            prev = sent.get(ob.rule_code)
            if prev is None or ob.notified_at < prev:
                sent[ob.rule_code] = ob.notified_at
    return sent


class ReferenceSequence(models.Model):
    """The last reference number handed out in a year (INC-2026-0042), bumped under a row lock.

    A counter row rather than ``max()+1`` so two cases opened at the same moment never race for a
    number; see ``actions.next_reference``.
    """

    year = models.PositiveIntegerField(primary_key=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self):
        return f"{self.year}: {self.last}"


class Incident(models.Model):
    """A security incident or data breach being worked as a case.

    Holds the facts of the facts format (``breachclock.facts/1``) field by field so they can be
    filtered and shown; ``facts_dict()`` gives them back in that format for the clock engine.
    Events (``occurred_at``, ``aware_at``...) are ``IncidentEvent`` rows so each keeps who
    determined it and when it was recorded; affected people are ``AffectedPopulation`` rows.
    """

    reference = models.CharField(max_length=20, unique=True, editable=False)
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    status = models.CharField(
        max_length=20, choices=IncidentStatus.choices, default=IncidentStatus.TRIAGE
    )
    severity = models.CharField(max_length=10, choices=Severity.choices, default=Severity.MEDIUM)
    privileged = models.BooleanField(
        default=False,
        help_text="Attorney-client privileged / prepared at the direction of counsel.",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="owned_incidents",
        help_text="Accountable for the case; also a team member with the owner role.",
    )

    # --- facts: organisation ---
    organisation_role = models.CharField(
        max_length=12, choices=OrganisationRole.choices, default=OrganisationRole.CONTROLLER
    )
    main_establishment = models.CharField(
        max_length=10, blank=True, help_text="EU/EEA main establishment country, if any."
    )
    established_in = models.JSONField(default=list, blank=True)
    subject_to = models.JSONField(default=list, blank=True)
    # --- facts: what was compromised and how ---
    data_categories = models.JSONField(default=list, blank=True)
    encrypted = models.BooleanField(default=False)
    key_compromised = models.BooleanField(default=False)
    # Cyber Resilience Act Art 14(3): a severe incident having an impact on the security of the
    # organisation's product with digital elements (the facts key of the same name).
    product_security_incident = models.BooleanField(default=False)
    # DORA Art 19(3): a major ICT-related incident has an impact on the financial interests of
    # the financial entity's clients. None = not yet known (the facts leave the key out, and the
    # notice to clients is listed until it is known); a value makes the facts format 2.
    client_financial_impact = models.BooleanField(null=True, blank=True, default=None)
    # "" = not yet assessed (null in the facts format): rules with a harm test then wait on it.
    risk_of_harm = models.CharField(max_length=10, choices=RiskOfHarm.choices, blank=True)
    risk_rationale = models.TextField(blank=True, help_text="Why this risk-of-harm level.")
    cause = models.CharField(max_length=30, choices=Cause.choices, blank=True)
    systems = models.JSONField(default=list, blank=True)
    customers = models.JSONField(default=list, blank=True)
    rules_as_of = models.DateField(
        null=True, blank=True, help_text="Evaluate under the law as it stood on this day."
    )
    # --- facts format 2 (breachclock.facts/2): kept as given, so the case gives back its format ---
    facts_format = models.CharField(max_length=30, default=FACTS_FORMAT, editable=False)
    organisation_roles = models.JSONField(default=list, blank=True)
    sectors = models.JSONField(default=list, blank=True)
    data_sets = models.JSONField(default=list, blank=True)
    encryption_by_category = models.JSONField(default=dict, blank=True)
    # "data" / "affected" when the data sets made the totals (the rows hold them for filtering)
    facts_derived = models.JSONField(default=list, blank=True, editable=False)
    # The organisation profile the case was opened with, and a snapshot of what it said then: a
    # later edit of the profile never rewrites what this case used.
    organisation_profile = models.ForeignKey(
        "organisations.OrganisationProfile",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="cases",
        editable=False,
    )
    organisation_snapshot = models.JSONField(default=dict, blank=True, editable=False)

    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
    )
    updated_at = models.DateTimeField(default=timezone.now)
    closed_at = models.DateTimeField(null=True, blank=True)
    # The earliest deadline among the open obligations, kept by ``Obligation.save()`` / ``delete()``
    # in the same transaction: the case list sorts and filters by it without aggregating
    # obligations for every case.
    next_due_at = models.DateTimeField(null=True, blank=True, editable=False)
    # The rules in play the facts do not trigger, each with the engine's "why not" (the
    # ``not_applicable`` list of the obligations format), as of the latest recompute: shown on
    # the case page and in the report so a reader sees what was considered and ruled out.
    not_applicable = models.JSONField(default=list, blank=True, editable=False)
    # Where the rules in play pull against each other (the ``conflicts`` list of the obligations
    # format: one regime displacing another, a hold that some duties do not allow...), as of the
    # latest recompute. Counsel's decisions on them are ``ConflictDecision`` rows, by ``key``.
    conflicts = models.JSONField(default=list, blank=True, editable=False)
    # Requests to delay notices, as facts keys of the facts format (``law_enforcement_hold``,
    # ``national_security_delay``): {facts key: value}. Set through ``actions.record_hold``.
    holds = models.JSONField(default=dict, blank=True, editable=False)

    objects = IncidentQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [
            ("view_all_incidents", "Can see every incident (privacy office)"),
        ]
        indexes = [
            # The case list's default order and its status filter.
            models.Index(fields=["status", "-created_at"], name="incident_status_created"),
            models.Index(fields=["-created_at", "-id"], name="incident_created"),
            models.Index(fields=["next_due_at", "id"], name="incident_next_due"),
            # (PostgreSQL also has incident_next_due_desc for "latest deadline first", cases
            # without one last: migration 0022; SQLite cannot index NULLS LAST.)
            # The case list sorted by title: read in order, not sorted (a deep page otherwise
            # sorts every case the person may see).
            models.Index(fields=["title", "id"], name="incident_title"),
        ]

    def __str__(self):
        return f"{self.reference} {self.title}"

    def get_absolute_url(self):
        return reverse("incidents:detail", args=[self.pk])

    @property
    def client_impact_words(self) -> str:
        """DORA Art 19(3) in words for the case page; "" when it does not concern the case (not
        known and the organisation names no DORA regime)."""
        from incidents.client_impact import impact_words

        return impact_words(self.client_financial_impact, self.subject_to)

    # The facts format ------------------------------------------------------------------------
    def facts_dict(self, *, events=None, affected=None, notices_sent=None) -> dict:
        """The facts in the format they were given in (``breachclock.facts/1`` or ``/2``), as the
        engine and the API read them.

        Uses prefetched ``events`` / ``affected`` / ``obligations`` when present (no query per
        case in a bulk recompute). ``notices_sent`` maps a rule code to the earliest time a
        notification under it was recorded: the clock start of ``notice:<RULE>`` rules.
        """
        if events is None:
            events = {e.event: e.at for e in self.events.all()}
        if affected is None:
            affected = {a.jurisdiction: a.count for a in self.affected.all()}
        if notices_sent is None:
            notices_sent = notices_sent_of(self.obligations.all())
        facts = {
            "format": FACTS_FORMAT,
            "title": self.title,
            "events": {name: _iso(events.get(name)) for name in EVENT_NAMES},
            "organisation": {
                "role": self.organisation_role,
                "main_establishment": self.main_establishment or None,
                "established_in": list(self.established_in),
                "subject_to": list(self.subject_to),
            },
            "data": list(self.data_categories),
            "encryption": {"encrypted": self.encrypted, "key_compromised": self.key_compromised},
            "risk_of_harm": self.risk_of_harm or None,
            "cause": self.cause or None,
            "affected": dict(sorted(affected.items())),
            "systems": list(self.systems),
            "customers": list(self.customers),
            "rules_as_of": self.rules_as_of.isoformat() if self.rules_as_of else None,
            "notices_sent": {code: _iso(at) for code, at in sorted(notices_sent.items())},
            # Optional keys: present only while a delay has been requested.
            **{key: value for key, value in sorted(self.holds.items()) if value is not None},
            # Optional key: present only when true, as the engine writes it.
            **({"product_security_incident": True} if self.product_security_incident else {}),
        }
        if self.client_financial_impact is not None:  # a format-2 key, present only when known
            facts["client_financial_impact"] = self.client_financial_impact
        elif self.facts_format != FACTS_FORMAT_2:
            return facts
        return as_format_2(
            facts,
            roles=self.organisation_roles or [self.organisation_role],
            sectors=self.sectors,
            data_sets=self.data_sets,
            by_category=self.encryption_by_category,
            derived=self.facts_derived,
        )

    def conflict_keys(self) -> set[str]:
        """The stable keys of the conflicts the latest recompute found."""
        return {c.get("key") for c in self.conflicts if c.get("key")}


class ConflictDecision(models.Model):
    """Counsel's decision on one conflict between rules on a case: what they decided and why.

    Keyed by the conflict's stable ``key`` (from the evaluation's ``conflicts`` list), so it
    survives recomputes; a later decision on the same key supersedes the earlier one for display,
    and both stay in the record. When the facts no longer give the conflict, the decision stays
    and is shown as no longer current (the conflict is not in ``Incident.conflicts``).
    Written only by ``actions.decide_conflict``.
    """

    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, related_name="conflict_decisions"
    )
    key = models.CharField(max_length=300)
    # The conflict as it stood when decided (kind, rules, why, citation): the record of what
    # counsel was deciding on, even if a later rule-book change rewords it.
    conflict = models.JSONField(default=dict)
    decision = models.TextField()
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    decided_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["decided_at", "id"]
        indexes = [
            # The case page's panel: a case's decisions by key, latest last.
            models.Index(fields=["incident", "key", "decided_at"], name="conflict_decision_key"),
        ]

    def __str__(self):
        return f"Decision on {self.key}"


class IncidentEvent(models.Model):
    """When one event of the facts format happened, who determined it, and when that was recorded.

    ``discovered_at`` is required for every incident; the others appear as they happen. The
    clock-start of many laws is one of these, so who said so and when is part of the evidence.
    """

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="events")
    event = models.CharField(max_length=40, choices=[(e, e) for e in EVENT_NAMES])
    at = models.DateTimeField()
    determined_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="+",
        null=True,
        blank=True,
        help_text="Who made this determination.",
    )
    basis = models.TextField(blank=True, help_text="How it was determined.")
    recorded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["at", "id"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "event"], name="incident_event_once"),
        ]

    def __str__(self):
        return f"{self.event} {self.at:%Y-%m-%d %H:%M}"


class AffectedPopulation(models.Model):
    """How many affected people reside in one jurisdiction (ISO 3166-1 or 3166-2 code)."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="affected")
    jurisdiction = models.CharField(max_length=10)
    count = models.PositiveIntegerField()

    class Meta:
        ordering = ["jurisdiction"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "jurisdiction"], name="affected_once_per_jurisdiction"
            ),
        ]
        indexes = [
            # The case list's jurisdiction filter: "US" is "US" or starts with "US-", and only the
            # pattern operator class serves a prefix (LIKE) under a non-C collation.
            models.Index(
                fields=["jurisdiction"],
                opclasses=["varchar_pattern_ops"],
                name="affected_jurisdiction",
            ),
        ]

    def __str__(self):
        return f"{self.jurisdiction}: {self.count}"


class TeamMember(models.Model):
    """A person on a case and their role on it; being on the team is what makes a case visible."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="team")
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="case_memberships"
    )
    role = models.CharField(max_length=12, choices=TeamRole.choices, default=TeamRole.RESPONDER)
    added_at = models.DateTimeField(default=timezone.now)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["incident", "role", "id"]
        constraints = [
            models.UniqueConstraint(fields=["incident", "user"], name="team_member_once"),
        ]
        indexes = [
            # visible_to(user): "cases whose team includes me", from the user side.
            models.Index(fields=["user", "incident"], name="team_user_incident"),
        ]

    def __str__(self):
        return f"{self.user} ({self.role})"


class CaseListVersion(models.Model):
    """A slot of the version token that case-list pages are cached under; database triggers
    give it a new value whenever what a list shows changes (``incidents.list_cache``)."""

    token = models.CharField(max_length=64)

    def __str__(self):
        # Never the secret itself: the admin puts this string in titles, messages and history.
        return f"Feed link {self.pk} of user {self.user_id}"


class Note(models.Model):
    """A comment on a case. Privileged notes never leave the product in reminders or feeds."""

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    text = models.TextField()
    privileged = models.BooleanField(default=False)
    # Names, contact details or other data about people: removed by the retention purge once
    # the case's retention period has run (retention.actions.purge_case).
    personal = models.BooleanField(
        default=False, help_text="Contains personal data (removed when retention ends)."
    )
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Note {self.pk} on {self.incident_id}"


def attachment_path(instance, filename):
    # A random directory per file: names users chose never collide or reveal other cases.
    return f"attachments/{instance.incident_id}/{secrets.token_hex(8)}/{filename}"


class Attachment(models.Model):
    """A file on a case: evidence, a notification letter or filing, correspondence.

    Served only as a download through a view that checks ``visible_to`` (never from MEDIA_URL).
    """

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="attachments")
    file = models.FileField(upload_to=attachment_path, max_length=300)
    name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100, blank=True)
    size = models.PositiveBigIntegerField(default=0)
    sha256 = models.CharField(max_length=64, blank=True)
    kind = models.CharField(
        max_length=20, choices=AttachmentKind.choices, default=AttachmentKind.EVIDENCE
    )
    privileged = models.BooleanField(default=False)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    uploaded_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["uploaded_at", "id"]

    def __str__(self):
        return self.name


# The reason for the one unrestricted write of a case by its obligation: the earliest open
# deadline (``next_due_at``) kept on the case, whoever changed the obligation.
NEXT_DUE = "keep the case's next deadline in step with its obligations"


class Obligation(models.Model):
    """One notification owed (or once owed) for a case: to whom, by when, why, and what was done.

    Computed by the engine and kept in step by ``actions.recompute_obligations``, keyed by
    ``(rule_code, stage)``. Rows a person acted on (notified / not required / waived) are never
    reverted or deleted; if the law stops requiring one, it is flagged ``superseded``.
    ``deadline_version`` grows each time the reminder deadline (``due_at``, or ``target_at`` when
    there is no fixed deadline, or ``follow_up_target_at`` once a phased notice's first part is
    sent) changes so reminders can tell old from new.
    """

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="obligations")
    rule_code = models.CharField(max_length=60)
    rule_version = models.PositiveIntegerField(default=1)
    jurisdiction = models.CharField(max_length=10)
    regime = models.CharField(max_length=200)
    recipient = models.CharField(max_length=40)
    authority = models.CharField(max_length=200, blank=True)
    # "" for an unstaged rule, so (incident, rule_code, stage) can be unique on every database.
    stage = models.CharField(max_length=40, blank=True, default="")
    kind = models.CharField(max_length=20, default="statute")
    counterparty = models.CharField(max_length=200, blank=True)
    contact = models.CharField(max_length=200, blank=True)

    clock_start_event = models.CharField(max_length=80, blank=True)
    clock_start_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(null=True, blank=True, help_text="UTC; empty if no fixed limit.")
    due_local = models.CharField(
        max_length=40, blank=True, help_text="The deadline in the authority's zone, ISO 8601."
    )
    due_local_tz = models.CharField(max_length=64, blank=True)
    deadline_kind = models.CharField(max_length=30, blank=True)
    timing_standard = models.TextField(blank=True)
    citation = models.CharField(max_length=300, blank=True)
    waiting_for = models.CharField(max_length=80, blank=True)
    why = models.JSONField(default=list, blank=True)
    computation = models.JSONField(default=list, blank=True)
    confidence = models.CharField(max_length=10, blank=True)
    rule_status = models.CharField(max_length=60, blank=True)

    status = models.CharField(
        max_length=20, choices=ObligationStatus.choices, default=ObligationStatus.OPEN
    )
    reason = models.TextField(blank=True, help_text="Why not required / waived.")
    status_changed_at = models.DateTimeField(null=True, blank=True)
    status_changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    notified_at = models.DateTimeField(null=True, blank=True)
    notified_method = models.CharField(
        max_length=20, choices=NotificationMethod.choices, blank=True
    )
    notified_to = models.CharField(max_length=300, blank=True)
    notified_reference = models.CharField(max_length=200, blank=True)
    evidence = models.ForeignKey(
        Attachment, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )

    # A date the team sets itself for an obligation the law gives no fixed deadline ("without
    # undue delay"): reminders and calendars use it, it is never shown as a legal deadline, and a
    # recompute leaves it alone (it is not one of the computed fields).
    target_at = models.DateTimeField(
        null=True, blank=True, help_text="UTC; internal target when there is no fixed deadline."
    )
    target_set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+"
    )
    target_set_at = models.DateTimeField(null=True, blank=True)
    # A notice given in phases (GDPR Art 33(4) and its equivalents) that still owes further
    # information: the team's internal target for it, from the latest initial or follow-up phase
    # (incidents.drafting.models.NoticePhase). Written only by drafting.actions.record_sent (set
    # by an initial / follow-up phase, cleared by a final / complete one) and cleared by
    # reopen_obligation. While the obligation is notified, reminders count down to it
    # (reminders.schedule.reminder_deadline); it is never shown as a legal deadline.
    follow_up_target_at = models.DateTimeField(
        null=True,
        blank=True,
        help_text="UTC; internal target for the further information a phased notice owes.",
    )

    deadline_version = models.PositiveIntegerField(default=1)
    superseded = models.BooleanField(
        default=False, help_text="Acted on, but the rules no longer require it."
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(default=timezone.now)

    objects = ObligationQuerySet.as_manager()

    # Saving any of these can move the case's ``next_due_at``.
    NEXT_DUE_FIELDS = frozenset({"due_at", "status", "superseded", "incident"})

    class Meta:
        ordering = [models.F("due_at").asc(nulls_last=True), "rule_code", "stage"]
        constraints = [
            models.UniqueConstraint(
                fields=["incident", "rule_code", "stage"], name="obligation_per_rule_stage"
            ),
        ]
        indexes = [
            # queries.due_next(): open obligations by deadline across a user's cases.
            models.Index(
                fields=["due_at", "incident"],
                condition=Q(status="open", superseded=False),
                name="obligation_open_due",
            ),
            # The case list's jurisdiction filter: "US" matches US and US-* (a prefix LIKE, which
            # on PostgreSQL needs the pattern operator class whatever the collation).
            models.Index(
                fields=["jurisdiction"],
                opclasses=["varchar_pattern_ops"],
                name="obligation_jurisdiction",
            ),
        ]

    def __str__(self):
        stage = f" ({self.stage})" if self.stage else ""
        return f"{self.rule_code}{stage}"

    def save(self, *args, **kwargs):
        super().save(*args, **kwargs)
        fields = kwargs.get("update_fields")
        if fields is None or self.NEXT_DUE_FIELDS.intersection(fields):
            Incident.objects.unrestricted(NEXT_DUE).filter(pk=self.incident_id).refresh_next_due()

    def delete(self, *args, **kwargs):
        incident_id = self.incident_id
        result = super().delete(*args, **kwargs)
        Incident.objects.unrestricted(NEXT_DUE).filter(pk=incident_id).refresh_next_due()
        return result

    @property
    def is_open(self):
        return self.status == ObligationStatus.OPEN and not self.superseded

    def to_dict(self) -> dict:
        """The obligation in ``breachclock.obligations/1`` form, plus its case status."""
        return {
            "id": self.pk,
            "rule": self.rule_code,
            "rule_version": self.rule_version,
            "jurisdiction": self.jurisdiction,
            "regime": self.regime,
            "recipient": self.recipient,
            "authority": self.authority,
            "stage": self.stage or None,
            "kind": self.kind,
            "counterparty": self.counterparty or None,
            "contact": self.contact or None,
            "clock_start": {
                "event": self.clock_start_event or None,
                "at": _iso(self.clock_start_at),
            },
            "due_at": _iso(self.due_at),
            "due_local": self.due_local or None,
            "deadline_kind": self.deadline_kind,
            "timing_standard": self.timing_standard,
            "citation": self.citation,
            "waiting_for": self.waiting_for or None,
            "why": list(self.why),
            "computation": list(self.computation),
            "confidence": self.confidence or None,
            "rule_status": self.rule_status or None,
            "status": self.status,
            "reason": self.reason or None,
            "superseded": self.superseded,
            "deadline_version": self.deadline_version,
            # The team's own target when the law sets no fixed deadline (never a legal deadline).
            "target_at": _iso(self.target_at),
            # A notice given in phases (GDPR Art 33(4)): the team's target for the further
            # information still owed (never a legal deadline; null once the final part is given).
            "follow_up_target_at": _iso(self.follow_up_target_at),
            "notification": (
                {
                    "sent_at": _iso(self.notified_at),
                    "method": self.notified_method,
                    "sent_to": self.notified_to,
                    "reference": self.notified_reference,
                    "evidence": self.evidence_id,
                }
                if self.status == ObligationStatus.NOTIFIED
                else None
            ),
        }


class Activity(models.Model):
    """One entry of a case's timeline: who did what, when, with the values before and after.

    Append-only: written by ``actions.log_activity`` in the same transaction as the change, never
    edited or deleted by the application (the audit trail may add database-level guards).
    """

    incident = models.ForeignKey(Incident, on_delete=models.CASCADE, related_name="activity")
    at = models.DateTimeField(default=timezone.now)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        help_text="Empty for the system (e.g. a rule-book update or a scheduled reminder).",
    )
    kind = models.CharField(max_length=40, choices=ActivityKind.choices)
    summary = models.TextField()
    before = models.JSONField(null=True, blank=True)
    after = models.JSONField(null=True, blank=True)
    obligation = models.ForeignKey(
        Obligation, on_delete=models.SET_NULL, null=True, blank=True, related_name="activity"
    )
    request_id = models.CharField(max_length=64, blank=True)

    class Meta:
        ordering = ["at", "id"]
        verbose_name_plural = "activity"
        indexes = [
            # The case timeline and its export, in order.
            models.Index(fields=["incident", "at", "id"], name="activity_incident_at"),
        ]

    def __str__(self):
        return f"{self.at:%Y-%m-%d %H:%M} {self.kind}"

    def save(self, *args, **kwargs):
        if self.pk is not None and not self._state.adding:
            raise ValueError("Activity rows are never edited")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise ValueError("Activity rows are never deleted")


def new_feed_token() -> str:
    return secrets.token_urlsafe(32)


class FeedToken(models.Model):
    """A secret, revocable calendar-feed address: a user's deadlines, or one case's.

    The token is the credential (calendar apps cannot log in); it is shown again on the profile
    page, so it is stored as is, 256 random bits, and revoking it closes the feed at once.
    Reads still go through ``visible_to(user)``: leaving a case removes it from the feed.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="feed_tokens"
    )
    incident = models.ForeignKey(
        Incident, on_delete=models.CASCADE, null=True, blank=True, related_name="feed_tokens"
    )
    token = models.CharField(max_length=64, unique=True, default=new_feed_token, editable=False)
    created_at = models.DateTimeField(default=timezone.now)
    revoked_at = models.DateTimeField(null=True, blank=True)
    last_used_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        scope = self.incident.reference if self.incident_id else "all my cases"
        return f"Feed for {self.user} ({scope})"

    def get_absolute_url(self):
        return reverse("feeds:ics", args=[self.token])

    @property
    def active(self):
        return self.revoked_at is None
