"""Shapes of the API: facts in (``breachclock.facts/1`` or ``/2``, plus details), cases and
obligations out.

The facts are validated by the engine's parser (one set of rules and messages for the API, the
pages and ``manage.py clocks``); the input serializers here document them in the OpenAPI schema.
"""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from jurisdictions.engine.rules import EVENTS, RECIPIENTS, RISK_LEVELS
from security.uploads import validate_attachment

from ..actions import NOTE_MAX_LENGTH
from ..choices import (
    CAUSES,
    DATA_CATEGORIES,
    IncidentStatus,
    NotificationMethod,
    ObligationStatus,
    Severity,
)
from ..models import Incident, Obligation


# --- input -------------------------------------------------------------------------------------
class EventsSerializer(serializers.Serializer):
    """Event times, ISO 8601 with a UTC offset; only ``discovered_at`` is required."""

    def get_fields(self):
        return {
            name: serializers.DateTimeField(
                required=name == "discovered_at", allow_null=name != "discovered_at"
            )
            for name in EVENTS
        }


ROLES = ["controller", "processor"]
AFFECTED_HELP = (
    "People affected by jurisdiction of residence: {'DE': 9000, 'US-CA': 600, 'CA-ON': 40}."
)


class OrganisationSerializer(serializers.Serializer):
    role = serializers.ChoiceField(choices=ROLES, required=False)
    roles = serializers.ListField(
        child=serializers.ChoiceField(choices=ROLES),
        required=False,
        help_text="Format 2: every role played in this breach, e.g. both at once.",
    )
    main_establishment = serializers.CharField(required=False, allow_null=True)
    established_in = serializers.ListField(child=serializers.CharField(), required=False)
    subject_to = serializers.ListField(child=serializers.CharField(), required=False)
    sectors = serializers.ListField(
        child=serializers.CharField(),
        required=False,
        help_text="Format 2: sector tokens (e.g. health, insurance); rules that require a regime "
        "match them too.",
    )


class CategoryEncryptionSerializer(serializers.Serializer):
    encrypted = serializers.BooleanField(required=False)
    key_compromised = serializers.BooleanField(required=False)


class EncryptionSerializer(serializers.Serializer):
    encrypted = serializers.BooleanField(required=False)
    key_compromised = serializers.BooleanField(required=False)
    by_category = serializers.DictField(
        child=CategoryEncryptionSerializer(),
        required=False,
        help_text="Format 2: per data category, e.g. {'account_credentials': {'encrypted': true}, "
        "'payment_card': {'encrypted': false}}; a category not listed takes the flags above.",
    )


class DataSetSerializer(serializers.Serializer):
    """Format 2: a part of the breach for which the organisation plays one role."""

    name = serializers.CharField(max_length=200)
    role = serializers.ChoiceField(choices=ROLES)
    data = serializers.ListField(
        child=serializers.ChoiceField(choices=DATA_CATEGORIES),
        required=False,
        help_text="Default: the whole breach's categories.",
    )
    affected = serializers.DictField(
        child=serializers.IntegerField(min_value=0),
        required=False,
        help_text="Default: the whole breach's people.",
    )
    controller = serializers.CharField(
        required=False, max_length=200, help_text="Processor sets: whom the notice goes to."
    )


class LawEnforcementHoldSerializer(serializers.Serializer):
    """A law-enforcement agency's request to hold notices (null: none). On PATCH the keys merge
    with the stored hold: ``{"lifted_at": ...}`` lifts it."""

    requested_at = serializers.DateTimeField(help_text="With a UTC offset.")
    lifted_at = serializers.DateTimeField(
        allow_null=True, required=False, help_text="Null while the hold is in force."
    )
    written = serializers.BooleanField(help_text="Was the request made in writing?")
    agency = serializers.CharField(max_length=200)


class NationalSecurityDelaySerializer(serializers.Serializer):
    """The US Attorney General's national-security determination (SEC Form 8-K Item 1.05(c))."""

    determined_at = serializers.DateTimeField(help_text="With a UTC offset.")
    ends_at = serializers.DateTimeField(
        allow_null=True, required=False, help_text="End of the delay period, if set."
    )
    notified_in_writing = serializers.BooleanField(
        required=False, default=True, help_text="Has the Attorney General told the SEC in writing?"
    )


class FactsSerializer(serializers.Serializer):
    """The facts format (``breachclock.facts/1``, or ``/2`` with roles per data set, encryption
    per category and sector tokens)."""

    format = serializers.ChoiceField(
        choices=["breachclock.facts/1", "breachclock.facts/2"],
        required=False,
        default="breachclock.facts/1",
    )
    title = serializers.CharField(required=False)
    events = EventsSerializer()
    organisation = OrganisationSerializer(required=False)
    data = serializers.ListField(
        child=serializers.ChoiceField(choices=DATA_CATEGORIES), required=False
    )
    encryption = EncryptionSerializer(required=False)
    risk_of_harm = serializers.ChoiceField(choices=RISK_LEVELS, required=False, allow_null=True)
    cause = serializers.ChoiceField(choices=CAUSES, required=False, allow_null=True)
    affected = serializers.DictField(
        child=serializers.IntegerField(min_value=0), required=False, help_text=AFFECTED_HELP
    )
    data_sets = DataSetSerializer(many=True, required=False)
    systems = serializers.ListField(child=serializers.CharField(), required=False)
    customers = serializers.ListField(child=serializers.CharField(), required=False)
    rules_as_of = serializers.DateField(required=False, allow_null=True)
    product_security_incident = serializers.BooleanField(
        required=False,
        help_text="Cyber Resilience Act Art 14(3): a severe incident having an impact on the "
        "security of the organisation's product with digital elements.",
    )
    client_financial_impact = serializers.BooleanField(
        required=False,
        allow_null=True,
        help_text="DORA Art 19(3): the major ICT-related incident has an impact on the financial "
        "interests of the financial entity's clients (the notice to clients is owed only then). "
        "Left out or null: not yet known. A format-2 key: a document that states it and names no "
        "format is read as breachclock.facts/2.",
    )
    law_enforcement_hold = LawEnforcementHoldSerializer(required=False, allow_null=True)
    national_security_delay = NationalSecurityDelaySerializer(required=False, allow_null=True)


class CaseDetailsSerializer(serializers.Serializer):
    """What describes the case besides the facts."""

    description = serializers.CharField(required=False, allow_blank=True)
    severity = serializers.ChoiceField(choices=Severity.choices, required=False)
    privileged = serializers.BooleanField(required=False, help_text="Attorney-client privileged.")
    risk_rationale = serializers.CharField(required=False, allow_blank=True)


class IncidentCreateSerializer(FactsSerializer, CaseDetailsSerializer):
    """Open a case: the facts plus a required title and optional case details."""

    title = serializers.CharField(max_length=200)
    organisation_profile = serializers.IntegerField(
        required=False,
        help_text="Id of an active organisation profile: its organisation facts fill the keys "
        "not given here, and the case keeps a snapshot of it.",
    )


class IncidentPatchSerializer(CaseDetailsSerializer):
    """Change a case. Facts keys are partial: ``events`` / ``organisation`` / ``encryption`` merge
    key by key (an event set to null is cleared); other facts keys replace the stored value."""

    title = serializers.CharField(max_length=200, required=False)
    status = serializers.ChoiceField(choices=IncidentStatus.choices, required=False)
    reason = serializers.CharField(
        required=False, help_text="Why the status changes (needed to close with open obligations)"
    )
    events = EventsSerializer(required=False, partial=True)
    organisation = OrganisationSerializer(required=False)
    data = serializers.ListField(
        child=serializers.ChoiceField(choices=DATA_CATEGORIES), required=False
    )
    encryption = EncryptionSerializer(required=False)
    risk_of_harm = serializers.ChoiceField(choices=RISK_LEVELS, required=False, allow_null=True)
    cause = serializers.ChoiceField(choices=CAUSES, required=False, allow_null=True)
    affected = serializers.DictField(
        child=serializers.IntegerField(min_value=0), required=False, help_text=AFFECTED_HELP
    )
    format = serializers.ChoiceField(
        choices=["breachclock.facts/1", "breachclock.facts/2"], required=False
    )
    data_sets = DataSetSerializer(many=True, required=False)
    systems = serializers.ListField(child=serializers.CharField(), required=False)
    customers = serializers.ListField(child=serializers.CharField(), required=False)
    rules_as_of = serializers.DateField(required=False, allow_null=True)
    product_security_incident = serializers.BooleanField(required=False)
    client_financial_impact = serializers.BooleanField(
        required=False, allow_null=True, help_text="Null: not yet known (clears it)."
    )
    law_enforcement_hold = LawEnforcementHoldSerializer(
        required=False, allow_null=True, partial=True
    )
    national_security_delay = NationalSecurityDelaySerializer(
        required=False, allow_null=True, partial=True
    )


class NotifiedSerializer(serializers.Serializer):
    """A notification given under an obligation."""

    sent_at = serializers.DateTimeField(help_text="When it went out, with a UTC offset.")
    method = serializers.ChoiceField(choices=NotificationMethod.choices)
    sent_to = serializers.CharField(max_length=300, help_text="Address, portal or person.")
    reference = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="Filing or case number."
    )


class NotifiedWithEvidenceSerializer(NotifiedSerializer):
    """A notification given under an obligation, with the letter or filing attached (the one
    API write that takes a file: ``multipart/form-data``)."""

    evidence = serializers.FileField(
        required=False,
        validators=[validate_attachment],  # the web form's check (security.uploads)
        help_text="The letter or filing (multipart upload): PDF, image, e-mail, office file "
        "or text, within the attachment size limit.",
    )


class DecisionSerializer(serializers.Serializer):
    """Why a notice is not required or was waived."""

    reason = serializers.CharField(max_length=2000)


class TargetSerializer(serializers.Serializer):
    """An internal target for an obligation without a fixed deadline (null clears it)."""

    target_at = serializers.DateTimeField(
        allow_null=True, help_text="With a UTC offset; null clears the target."
    )
    reason = serializers.CharField(max_length=2000)


class FollowUpTargetSerializer(serializers.Serializer):
    """A new internal target for the further information a notice given in phases still owes.
    It cannot be cleared: recording the final phase ends it."""

    target_at = serializers.DateTimeField(
        help_text="With a UTC offset; in the future and after the last part was sent."
    )
    reason = serializers.CharField(max_length=2000)


class ConflictDecisionInSerializer(serializers.Serializer):
    """Counsel's decision on a conflict between rules: what the team does and why."""

    key = serializers.CharField(help_text="The conflict's key, from the case's ``conflicts``.")
    decision = serializers.CharField(max_length=10_000)


class NoteCreateSerializer(serializers.Serializer):
    """A note on the case (a finding, a decision, a hand-over)."""

    text = serializers.CharField(max_length=NOTE_MAX_LENGTH)
    privileged = serializers.BooleanField(
        required=False, default=False, help_text="Attorney-client privileged."
    )
    personal = serializers.BooleanField(
        required=False,
        default=False,
        help_text="Contains personal data: the text is removed when the retention period ends.",
    )


# --- output ------------------------------------------------------------------------------------
class ClockStartSerializer(serializers.Serializer):
    event = serializers.CharField(allow_null=True)
    at = serializers.DateTimeField(allow_null=True)


class NotificationSerializer(serializers.Serializer):
    sent_at = serializers.DateTimeField()
    method = serializers.ChoiceField(choices=NotificationMethod.choices)
    sent_to = serializers.CharField()
    reference = serializers.CharField()
    evidence = serializers.IntegerField(allow_null=True, help_text="Attachment id")


class ObligationSerializer(serializers.Serializer):
    """An obligation in the obligations format, with its status on the case."""

    id = serializers.IntegerField()
    rule = serializers.CharField()
    rule_version = serializers.IntegerField()
    jurisdiction = serializers.CharField()
    regime = serializers.CharField()
    recipient = serializers.ChoiceField(choices=RECIPIENTS)
    authority = serializers.CharField()
    stage = serializers.CharField(allow_null=True)
    kind = serializers.CharField()
    counterparty = serializers.CharField(allow_null=True)
    contact = serializers.CharField(allow_null=True)
    clock_start = ClockStartSerializer()
    due_at = serializers.DateTimeField(allow_null=True, help_text="UTC")
    due_local = serializers.CharField(allow_null=True, help_text="In the authority's zone")
    deadline_kind = serializers.CharField()
    timing_standard = serializers.CharField()
    citation = serializers.CharField()
    waiting_for = serializers.CharField(allow_null=True)
    why = serializers.ListField(child=serializers.CharField())
    computation = serializers.ListField(child=serializers.CharField())
    confidence = serializers.CharField(allow_null=True)
    rule_status = serializers.CharField(allow_null=True)
    status = serializers.ChoiceField(choices=ObligationStatus.choices)
    reason = serializers.CharField(allow_null=True)
    superseded = serializers.BooleanField()
    deadline_version = serializers.IntegerField()
    target_at = serializers.DateTimeField(
        allow_null=True, help_text="UTC; the team's internal target when there is no due_at."
    )
    follow_up_target_at = serializers.DateTimeField(
        allow_null=True,
        read_only=True,
        help_text="UTC; a notice given in phases (GDPR Art 33(4)): the team's internal target "
        "for the further information still owed, null when none is owed. Moved with "
        "POST /obligations/{id}/follow-up-target.",
    )
    notification = NotificationSerializer(allow_null=True)

    def to_representation(self, instance: Obligation):
        return instance.to_dict()


class IncidentListSerializer(serializers.ModelSerializer):
    """A row of the case list."""

    owner = serializers.CharField(source="owner.get_username")
    url = serializers.SerializerMethodField()
    next_due = serializers.DateTimeField(allow_null=True, read_only=True)
    open_obligations = serializers.IntegerField(read_only=True)
    overdue_obligations = serializers.IntegerField(read_only=True)
    jurisdictions = serializers.SerializerMethodField()

    class Meta:
        model = Incident
        fields = [
            "id",
            "reference",
            "title",
            "status",
            "severity",
            "privileged",
            "owner",
            "created_at",
            "updated_at",
            "next_due",
            "open_obligations",
            "overdue_obligations",
            "jurisdictions",
            "url",
        ]

    def get_url(self, obj) -> str:
        return _absolute(self.context.get("request"), obj.get_absolute_url())

    def get_jurisdictions(self, obj) -> list[str]:
        return [a.jurisdiction for a in obj.affected.all()]


class TeamMemberOutSerializer(serializers.Serializer):
    username = serializers.CharField(source="user.get_username")
    name = serializers.CharField(source="user.get_full_name")
    role = serializers.CharField()


class TeamMemberListSerializer(TeamMemberOutSerializer):
    """A person on the case, with when they joined it."""

    added_at = serializers.DateTimeField()


class EventOutSerializer(serializers.Serializer):
    event = serializers.CharField()
    at = serializers.DateTimeField()
    determined_by = serializers.SerializerMethodField()
    basis = serializers.CharField()
    recorded_at = serializers.DateTimeField()

    def get_determined_by(self, obj) -> str | None:
        return obj.determined_by.get_username() if obj.determined_by_id else None


class NoteOutSerializer(serializers.Serializer):
    """A note; privileged ones are shown to everyone on the case, labelled, as on the case page."""

    id = serializers.IntegerField()
    author = serializers.CharField(source="author.get_username")
    text = serializers.CharField()
    privileged = serializers.BooleanField()
    personal = serializers.BooleanField()
    created_at = serializers.DateTimeField()


class ConflictSerializer(serializers.Serializer):
    """Where rules in play pull against each other (the ``conflicts`` of the obligations format)."""

    key = serializers.CharField(help_text="Stable identity; decisions are recorded against it.")
    kind = serializers.CharField(
        help_text="displacement | hold_not_allowed | hold_not_written | content"
    )
    rules = serializers.ListField(child=serializers.CharField())
    why = serializers.CharField()
    citation = serializers.CharField(required=False, allow_null=True)
    basis = serializers.CharField(
        required=False,
        help_text="Displacements: lex_specialis, exemption, deemed_compliance, "
        "substantially_similar or other.",
    )


class ConflictDecisionOutSerializer(serializers.Serializer):
    """Counsel's decision on a conflict; ``current`` false once the facts no longer give it."""

    key = serializers.CharField()
    kind = serializers.CharField(allow_null=True)
    rules = serializers.ListField(child=serializers.CharField())
    why = serializers.CharField(allow_null=True)
    citation = serializers.CharField(allow_null=True)
    decision = serializers.CharField()
    decided_by = serializers.CharField()
    decided_at = serializers.DateTimeField()
    current = serializers.BooleanField()


class IncidentDetailSerializer(IncidentListSerializer):
    """A case: details, facts (with who determined each event), team, obligations, conflicts
    between rules with counsel's decisions, notes."""

    facts = serializers.SerializerMethodField()
    organisation_profile = serializers.SerializerMethodField()
    events = EventOutSerializer(many=True, read_only=True)
    team = TeamMemberOutSerializer(many=True, read_only=True)
    obligations = ObligationSerializer(many=True, read_only=True)
    conflicts = ConflictSerializer(many=True, read_only=True)
    conflict_decisions = serializers.SerializerMethodField()
    notes = NoteOutSerializer(many=True, read_only=True)

    class Meta(IncidentListSerializer.Meta):
        fields = [
            *IncidentListSerializer.Meta.fields,
            "description",
            "risk_rationale",
            "closed_at",
            "facts",
            "organisation_profile",
            "events",
            "team",
            "obligations",
            "conflicts",
            "conflict_decisions",
            "notes",
        ]

    def get_facts(self, obj) -> dict:
        return obj.facts_dict()

    def get_organisation_profile(self, obj) -> dict | None:
        """The profile the case was opened with, as it was then (the snapshot)."""
        return obj.organisation_snapshot or None

    @extend_schema_field(ConflictDecisionOutSerializer(many=True))
    def get_conflict_decisions(self, obj) -> list[dict]:
        from ..conflicts import decisions_export

        return decisions_export(obj)


class IncidentCreatedSerializer(serializers.Serializer):
    """The answer to opening a case."""

    id = serializers.IntegerField()
    reference = serializers.CharField()
    url = serializers.URLField(help_text="The case page")
    obligations = ObligationSerializer(many=True)


class NotApplicableSerializer(serializers.Serializer):
    rule = serializers.CharField()
    jurisdiction = serializers.CharField()
    recipient = serializers.CharField()
    why = serializers.CharField()
    displaced_by = serializers.CharField(
        required=False, help_text="Present when another rule displaces this duty (precedence)."
    )
    in_force_from = serializers.DateField(
        required=False, help_text="Present when the rule is not in force yet: the day it starts."
    )


class EvaluationSerializer(serializers.Serializer):
    """What-if: the obligations format for the given facts; nothing is stored."""

    format = serializers.CharField()
    rulebook = serializers.CharField()
    obligations = serializers.ListField(child=serializers.DictField())
    not_applicable = NotApplicableSerializer(many=True)
    conflicts = ConflictSerializer(many=True, required=False)


def _absolute(request, path: str) -> str:
    return request.build_absolute_uri(path) if request is not None else path
