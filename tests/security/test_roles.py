"""The roles migration: each group exists with what its people need, and no more."""

import pytest
from django.contrib.auth.models import Group

from audit import roles

pytestmark = pytest.mark.django_db


def perms(name):
    group = Group.objects.get(name=name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_every_role_exists():
    assert set(Group.objects.values_list("name", flat=True)) >= set(roles.ROLES)


@pytest.mark.parametrize("role", [roles.RESPONDER, roles.COUNSEL])
def test_case_workers_may_open_and_change_but_not_delete_cases(role):
    granted = perms(role)
    assert {"incidents.view_incident", "incidents.add_incident", "incidents.change_incident"} <= (
        granted
    )
    assert not any(p.startswith("incidents.delete_") for p in granted)
    assert "incidents.view_all_incidents" not in granted
    assert not any(p.startswith("jurisdictions.change_") for p in granted)


def test_viewer_is_read_only():
    granted = perms(roles.VIEWER)
    assert "incidents.view_incident" in granted
    assert all(p.split(".")[1].startswith("view_") for p in granted)
    assert "incidents.view_all_incidents" not in granted


def test_privacy_office_sees_every_case_but_changes_none():
    granted = perms(roles.PRIVACY_OFFICE)
    assert "incidents.view_all_incidents" in granted
    changes = {p for p in granted if p.split(".")[1].startswith(("add_", "change_", "delete_"))}
    # ... except the organisation profiles and their retention policies, which it keeps (never
    # deletes: cases refer to them).
    assert changes == {
        "organisations.add_organisationprofile",
        "organisations.change_organisationprofile",
        "retention.add_retentionpolicy",
        "retention.change_retentionpolicy",
    }


@pytest.mark.parametrize("role", [r for r in roles.ROLES if r != roles.PRIVACY_OFFICE])
def test_no_other_role_changes_organisation_profiles(role):
    assert not any(
        p.startswith("organisations.") and not p.split(".")[1].startswith("view_")
        for p in perms(role)
    )


def test_rules_administrator_changes_the_rule_book_only():
    granted = perms(roles.RULES_ADMINISTRATOR)
    # Notice templates are rule-book data too (the wording each recipient kind gets).
    rule_perms = {
        p
        for p in granted
        if p.startswith("jurisdictions.") or (p.startswith("drafting.") and "template" in p)
    }
    assert any(p.startswith("jurisdictions.change_") for p in rule_perms)
    assert any(p.startswith("jurisdictions.add_") for p in rule_perms)
    assert "jurisdictions.publish_rule" in rule_perms
    assert not any(
        "publish_rule" in p for r in roles.ROLES if r != roles.RULES_ADMINISTRATOR for p in perms(r)
    )
    assert not any(
        p.split(".")[1].startswith(("add_", "change_", "delete_")) for p in granted - rule_perms
    )


def test_auditor_reads_and_exports_the_trail_and_reads_the_register_and_nothing_else():
    # The register lists only cases visible_to the auditor (register/access.py).
    assert perms(roles.AUDITOR) == {
        "audit.view_auditevent",
        "audit.export_auditevent",
        "register.view_register",
    }


def test_nobody_may_change_the_audit_trail():
    for role in roles.ROLES:
        assert not any(
            p in perms(role) for p in ("audit.add_auditevent", "audit.change_auditevent")
        )


def test_sync_is_idempotent_and_restores_a_tampered_group():
    from django.contrib.auth.models import Permission

    viewer = Group.objects.get(name=roles.VIEWER)
    viewer.permissions.add(Permission.objects.get(codename="change_incident"))
    roles.sync_roles(Group, Permission)
    roles.sync_roles(Group, Permission)
    assert "incidents.change_incident" not in perms(roles.VIEWER)
