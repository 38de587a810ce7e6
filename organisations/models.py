"""Organisation profiles: the facts about the organisation that many cases share.

A profile is a legal entity (and the affiliates it covers) with its establishments, the regimes it
is subject to, its sectors, the role(s) it usually plays and the contract clauses it has agreed
to. Counsel picks one when opening a case: it fills the organisation facts, and the case keeps a
snapshot (``snapshot()``) of what it used, so a later edit of the profile never rewrites a past
case. Changes go through ``organisations.actions`` (audited with before and after).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone

ROLES = ("controller", "processor")


class OrganisationProfile(models.Model):
    """A legal entity whose facts a case can start from."""

    name = models.CharField(
        max_length=200, unique=True, help_text="The legal entity, e.g. 'Acme Retail GmbH'."
    )
    affiliates = models.JSONField(
        default=list, blank=True, help_text="Affiliated entities this profile also covers."
    )
    main_establishment = models.CharField(
        max_length=10, blank=True, help_text="EU/EEA main establishment (ISO 3166), if any."
    )
    established_in = models.JSONField(default=list, blank=True)
    subject_to = models.JSONField(default=list, blank=True)
    sectors = models.JSONField(default=list, blank=True)
    default_roles = models.JSONField(
        default=list, blank=True, help_text="controller, processor, or both."
    )
    contract_clauses = models.ManyToManyField(
        "jurisdictions.Rule",
        blank=True,
        related_name="+",
        help_text="Contract clauses (rules of kind 'contract') this organisation has agreed to.",
    )
    notes = models.TextField(blank=True)
    # What notices say about who is writing and how to reach them (notice drafting prefills
    # these; a notice whose law asks for a contact point shows a gap while they are empty).
    address = models.TextField(blank=True, help_text="Postal address of the legal entity.")
    contact_point = models.TextField(
        blank=True,
        help_text="Who answers questions about a breach (DPO or office): name, telephone, email.",
    )
    toll_free_number = models.CharField(
        max_length=40, blank=True, help_text="A toll-free number for people affected (US notices)."
    )
    signatory = models.CharField(
        max_length=200, blank=True, help_text="Name and title of the person who signs notices."
    )
    active = models.BooleanField(
        default=True, help_text="Only active profiles can be picked for a new case."
    )
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(default=timezone.now)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, related_name="+"
    )

    class Meta:
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("organisations:detail", args=[self.pk])

    @property
    def roles(self) -> list[str]:
        return [r for r in ROLES if r in (self.default_roles or ["controller"])]

    @property
    def needs_format_2(self) -> bool:
        """Both roles at once and sector tokens are facts of ``breachclock.facts/2``."""
        return len(self.roles) > 1 or bool(self.sectors)

    def organisation_facts(self) -> dict:
        """The ``organisation`` object of the facts format this profile gives."""
        org = {
            "main_establishment": self.main_establishment or None,
            "established_in": list(self.established_in),
            "subject_to": list(self.subject_to),
        }
        if self.needs_format_2:
            org.update(roles=self.roles, sectors=list(self.sectors))
        else:
            org["role"] = self.roles[0]
        return org

    def state(self) -> dict:
        """Every field as JSON: the before/after of a change and the body of a snapshot."""
        return {
            "name": self.name,
            "affiliates": list(self.affiliates),
            "main_establishment": self.main_establishment,
            "established_in": list(self.established_in),
            "subject_to": list(self.subject_to),
            "sectors": list(self.sectors),
            "default_roles": self.roles,
            "contract_clauses": sorted(r.code for r in self.contract_clauses.all())
            if self.pk
            else [],
            "notes": self.notes,
            "address": self.address,
            "contact_point": self.contact_point,
            "toll_free_number": self.toll_free_number,
            "signatory": self.signatory,
            "active": self.active,
        }

    def snapshot(self) -> dict:
        """What a case keeps of the profile it was opened with (never re-read later)."""
        return {
            "id": self.pk,
            **self.state(),
            "organisation": self.organisation_facts(),
            "profile_updated_at": self.updated_at.isoformat(),
        }
