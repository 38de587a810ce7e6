"""``manage.py seed_demo``: a demo login and three realistic cases, safe to run again.

Creates (once) the ``demo`` login (counsel), a responder, a privacy officer and a rules
administrator (staff, so the rules console at ``/admin/`` opens for them), and three cases
whose clocks run relative to now so the dashboard shows live deadlines: a web skimmer at a German
retailer with French and Californian customers, ransomware at a US health-care business
associate, and an intrusion at an SEC registrant. Every case is opened and worked through
``incidents.actions``, so obligations, activity and reminders are the real thing. Prints the login.
"""

from __future__ import annotations

from datetime import timedelta

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from incidents import actions
from incidents.models import Incident, Obligation

DEFAULT_PASSWORD = "breachclock-demo"  # noqa: S105 - a documented demo login, not a secret

PEOPLE = [
    # username, first, last, role group, time zone
    ("demo", "Dana", "Demo", "Counsel", "Europe/Berlin"),
    ("sam.responder", "Sam", "Okafor", "Responder", "America/New_York"),
    ("pat.privacy", "Pat", "Lindqvist", "Privacy office", "Europe/London"),
    ("rita.rules", "Rita", "Moreau", "Rules administrator", "Europe/Paris"),
]
# The rules console is the Django admin: its users must be staff (their group says what they may
# do there). Nobody else gets into /admin/.
STAFF = {"rita.rules"}
# What each demo login is for, as printed after seeding (and in the README).
LOGINS = [
    ("demo", "counsel: opens and works cases, records notices"),
    ("sam.responder", "responder: opens and works cases"),
    ("pat.privacy", "privacy office: sees every case (read-only), keeps organisation profiles"),
    ("rita.rules", "rules administrator: edits and publishes rules at /admin/"),
]


def _iso(moment) -> str:
    return moment.replace(microsecond=0).isoformat()


class Command(BaseCommand):
    help = "Create the demo login and demo cases (idempotent)."

    def add_arguments(self, parser):
        parser.add_argument(
            "--password",
            default=None,
            help=f"password for every demo login (default: {DEFAULT_PASSWORD}, "
            "or BREACHCLOCK_DEMO_PASSWORD)",
        )

    def handle(self, *args, password=None, **options):
        import os

        password = password or os.environ.get("BREACHCLOCK_DEMO_PASSWORD") or DEFAULT_PASSWORD
        with transaction.atomic():
            people = {
                username: self._person(username, *rest, password) for username, *rest in PEOPLE
            }
        self._profile(people["pat.privacy"])
        created = []
        for builder in (self._skimmer, self._ransomware, self._sec):
            incident = builder(people)
            if incident is not None:
                created.append(incident.reference)
        if created:
            self.stdout.write(f"Demo cases opened: {', '.join(created)}")
        else:
            self.stdout.write("Demo cases already present.")
        self.stdout.write(self.style.SUCCESS(f"Demo logins (password {password}):"))
        for username, what in LOGINS:
            self.stdout.write(f"  {username:<14} {what}")

    # --- people --------------------------------------------------------------------------------
    def _person(self, username, first, last, group_name, zone, password):
        User = get_user_model()
        user, _ = User.objects.get_or_create(
            username=username,
            defaults={"first_name": first, "last_name": last, "email": f"{username}@example.com"},
        )
        user.set_password(password)
        user.is_active = True
        user.is_staff = username in STAFF
        user.save()
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            user.groups.add(group)
        if apps.is_installed("accounts"):
            from accounts.models import UserProfile

            profile = UserProfile.for_user(user)
            profile.time_zone = zone
            profile.save()
        return user

    # --- organisation profile ------------------------------------------------------------------
    def _profile(self, privacy_officer):
        """One profile to pick when opening a case: a SaaS company that is controller for its own
        customers' admins and processor for its customers' end users. Saved by the privacy
        officer through the profile actions, so its creation is in the audit trail."""
        from organisations.actions import save_profile
        from organisations.models import OrganisationProfile

        name = "Northwind Cloud GmbH"
        if OrganisationProfile.objects.filter(name=name).exists():
            return
        if not privacy_officer.has_perm("organisations.change_organisationprofile"):
            return  # the roles are not set up (no migrate yet): nothing to attribute it to
        save_profile(
            None,
            {
                "name": name,
                "affiliates": ["Northwind Cloud Ltd (UK)", "Northwind Cloud Inc. (US)"],
                "main_establishment": "DE",
                "established_in": ["DE", "GB", "US-NY"],
                "subject_to": ["nis2_important_entity"],
                "sectors": ["saas"],
                "default_roles": ["controller", "processor"],
                "notes": "Controller for its own staff and customers' administrators; processor "
                "for its customers' end users (customer DPAs).",
            },
            acting_user=privacy_officer,
        )

    def _exists(self, title):
        return Incident.objects.unrestricted("the demo seeds once").filter(title=title).exists()

    # --- cases ---------------------------------------------------------------------------------
    @transaction.atomic
    def _skimmer(self, people):
        title = "Web skimmer on the checkout page"
        if self._exists(title):
            return None
        demo, sam = people["demo"], people["sam.responder"]
        now = timezone.now()
        # Aware 66 hours ago: the GDPR 72-hour clock has six hours left.
        aware = now - timedelta(hours=66)
        incident = actions.open_incident(
            {
                "events": {
                    "occurred_at": _iso(aware - timedelta(days=9)),
                    "discovered_at": _iso(aware - timedelta(hours=3)),
                    "aware_at": _iso(aware),
                },
                "organisation": {
                    "role": "controller",
                    "main_establishment": "DE",
                    "established_in": ["DE"],
                    "subject_to": [],
                },
                "data": ["name", "contact", "payment_card"],
                "encryption": {"encrypted": False, "key_compromised": False},
                "risk_of_harm": "high",
                "cause": "external_attack",
                "affected": {"DE": 9000, "FR": 3000, "US-CA": 600},
                "systems": ["shop-web"],
            },
            title=title,
            description=(
                "A malicious script injected through a compromised tag manager copied card "
                "details typed on the checkout page for nine days."
            ),
            severity="critical",
            risk_rationale="Full card numbers with CVV and names: fraud is likely.",
            acting_user=demo,
        )
        actions.add_team_member(incident, sam, "lead", acting_user=demo)
        actions.add_note(
            incident,
            "Script removed, tag manager credentials rotated. Card brands informed.",
            acting_user=sam,
        )
        actions.change_status(incident, "investigating", acting_user=demo)
        actions.change_status(incident, "notifying", acting_user=demo)
        notice = Obligation.objects.filter(incident=incident, rule_code="US-CA-IND").first()
        if notice is not None and notice.is_open:
            actions.record_notification(
                notice,
                sent_at=now - timedelta(hours=2),
                method="letter",
                sent_to="600 California customers (mail merge batch 1)",
                reference="MAIL-2026-11-CA",
                acting_user=demo,
            )
        return incident

    @transaction.atomic
    def _ransomware(self, people):
        title = "Ransomware at the claims-processing vendor"
        if self._exists(title):
            return None
        demo, sam = people["demo"], people["sam.responder"]
        now = timezone.now()
        discovered = now - timedelta(days=5, hours=4)
        incident = actions.open_incident(
            {
                "events": {
                    "occurred_at": _iso(discovered - timedelta(days=2)),
                    "discovered_at": _iso(discovered),
                    "determined_at": _iso(discovered + timedelta(days=1)),
                    "ransom_paid_at": None,
                },
                "organisation": {
                    "role": "processor",
                    "main_establishment": None,
                    "established_in": ["US"],
                    "subject_to": ["hipaa_business_associate"],
                },
                "data": ["name", "date_of_birth", "ssn", "medical", "health_insurance"],
                "encryption": {"encrypted": False, "key_compromised": False},
                "risk_of_harm": "high",
                "cause": "ransomware",
                "affected": {"US-NY": 1200, "US-TX": 800, "US-CA": 300},
                "customers": ["Lakeside Health Plan"],
            },
            title=title,
            description=(
                "File servers of the claims platform encrypted; exfiltration of claim files "
                "confirmed by the forensic firm."
            ),
            severity="high",
            acting_user=sam,
        )
        actions.add_team_member(incident, demo, "counsel", acting_user=sam)
        actions.change_status(incident, "investigating", acting_user=sam)
        actions.add_note(
            incident,
            "Business associate agreement s.7: notify the covered entity within 10 days.",
            acting_user=demo,
        )
        return incident

    @transaction.atomic
    def _sec(self, people):
        title = "Intrusion into the brokerage platform"
        if self._exists(title):
            return None
        demo, sam = people["demo"], people["sam.responder"]
        now = timezone.now()
        discovered = now - timedelta(hours=60)  # NYDFS 72 hours: twelve hours left
        incident = actions.open_incident(
            {
                "events": {
                    "discovered_at": _iso(discovered),
                    "materiality_determined_at": _iso(now - timedelta(hours=20)),
                },
                "organisation": {
                    "role": "controller",
                    "main_establishment": None,
                    "established_in": ["US"],
                    "subject_to": ["sec_registrant", "nydfs_covered_entity"],
                },
                "data": ["name", "financial_account", "account_credentials"],
                "encryption": {"encrypted": False, "key_compromised": False},
                "risk_of_harm": "risk",
                "cause": "external_attack",
                "affected": {"US-NY": 5000, "US-NJ": 900},
            },
            title=title,
            description="Credential-stuffing followed by access to customer account records.",
            severity="critical",
            privileged=True,
            acting_user=demo,
        )
        actions.add_team_member(incident, sam, "responder", acting_user=demo)
        actions.add_note(
            incident,
            "Materiality analysis prepared at the direction of counsel; see memo of today.",
            privileged=True,
            acting_user=demo,
        )
        return incident
