"""Choice lists for the rule book's models, built from the engine's vocabulary.

The engine (``jurisdictions.engine.rules``) is the one place that names recipients, events, units,
scopes and so on; the database offers exactly those values, with labels a lawyer reads.
"""

from __future__ import annotations

from django.db import models

from jurisdictions.engine import rules as engine_rules


def _labelled(values, labels=None):
    labels = labels or {}
    return [(v, labels.get(v, v.replace("_", " ").capitalize())) for v in values]


RECIPIENT_CHOICES = _labelled(
    engine_rules.RECIPIENTS,
    {
        "csirt_or_competent_authority": "CSIRT or competent authority",
        "internal": "Internal (assessment or record-keeping)",
    },
)
EVENT_CHOICES = _labelled(engine_rules.EVENTS)
UNIT_CHOICES = _labelled(engine_rules.UNITS)
SCOPE_CHOICES = _labelled(
    engine_rules.SCOPES,
    {
        "residents": "Residents of the jurisdiction are affected",
        "lead_authority": "Lead authority (one-stop-shop)",
        "establishment": "The organisation is established there",
        "residents_or_establishment": "Residents affected or organisation established there",
        "establishment_or_threshold": "Organisation established (domiciled) there, or the "
        "head-count threshold of residents is met",
        "organisation": "The organisation is subject to the regime (wherever people live)",
        "main_establishment": "EU-wide regime owed in the member state of the main "
        "establishment (authority from the rule's authorities)",
    },
)
RISK_CHOICES = _labelled(
    engine_rules.RISK_LEVELS,
    {
        "none": "None - any breach",
        "unlikely": "Unlikely (notice excused only when there is no likelihood of harm)",
        "risk": "Risk",
        "high": "High risk",
    },
)
CONFIDENCE_CHOICES = _labelled(engine_rules.CONFIDENCE)
LEGAL_STATUS_CHOICES = _labelled(
    engine_rules.STATUSES,
    {
        "in_force": "In force",
        "proposed_not_in_force": "Proposed, not in force",
        "notified_not_yet_in_force": "Enacted, not yet in force",
        "in_force_pending_executive_regulations": "In force, pending implementing regulations",
    },
)
THRESHOLD_OP_CHOICES = [
    (">", "more than (>)"),
    (">=", "at least (>=)"),
    ("<", "fewer than (<)"),
]
THRESHOLD_COUNTED_CHOICES = [
    ("jurisdiction", "People residing in the rule's jurisdiction"),
    ("total", "Everyone affected by the breach"),
    ("per_subdivision", "The largest number residing in any one subdivision (state)"),
]
ROLE_CHOICES = [("controller", "Controller"), ("processor", "Processor")]
DEADLINE_KIND_CHOICES = [("before", "Before the notice that starts the clock")]
RELIEF_CHOICES = [("next_business_day_noon", "Noon of the next business day")]


class Kind(models.TextChoices):
    STATUTE = "statute", "Statute or regulation"
    CONTRACT = "contract", "Contract clause"


class Publication(models.TextChoices):
    """Where a rule version stands in the console's edit -> preview -> publish cycle."""

    DRAFT = "draft", "Draft (not used for any case yet)"
    PUBLISHED = "published", "Published"
    SUPERSEDED = "superseded", "Superseded (corrected by a later version for the same period)"
    DISCARDED = "discarded", "Discarded draft"
