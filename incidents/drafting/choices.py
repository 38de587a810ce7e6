"""Enumerations of notice drafting, each with the label a person reads."""

from django.db import models

# How each recipient kind of the rule book reads (the engine's RECIPIENTS, in its order).
RECIPIENT_LABELS = {
    "supervisory_authority": "Supervisory authority (data protection regulator)",
    "attorney_general": "Attorney General",
    "state_agency": "State agency",
    "sector_regulator": "Sector regulator",
    "csirt_or_competent_authority": "CSIRT or competent authority",
    "individuals": "Affected individuals",
    "consumer_reporting_agencies": "Consumer reporting agencies",
    "media": "Media",
    "controller": "Controller (from a processor)",
    "service_recipients": "Service recipients / contract parties",
    "public": "The public",
    "internal": "Internal record",
}


class TemplateKind(models.TextChoices):
    LETTER = "letter", "Letter (a whole notice)"
    INSERT = "insert", "Insert (a paragraph a rule requires)"


class DraftStatus(models.TextChoices):
    DRAFT = "draft", "Draft"
    APPROVED = "approved", "Approved"
    SENT = "sent", "Sent"


class Phase(models.TextChoices):
    """GDPR Art 33(4) and its equivalents: information may be given in phases."""

    COMPLETE = "complete", "Complete notice"
    INITIAL = "initial", "Initial notice - further information to follow"
    FOLLOW_UP = "follow_up", "Further information - more to follow"
    FINAL = "final", "Final information"
