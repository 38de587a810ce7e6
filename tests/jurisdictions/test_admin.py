"""The rule console: editing a published version writes a draft, validation names the field,
history records before and after, and only rule administrators can change anything."""

from __future__ import annotations

from datetime import date

import pytest
from django.urls import reverse

from jurisdictions.models import Jurisdiction, Rule, RuleChange, RuleVersion
from jurisdictions.services import publish


def _form_data(version: RuleVersion, **changes) -> dict:
    """The change form's POST data for ``version`` with some fields changed."""
    entry = {
        "kind": version.kind,
        "regime": version.regime_id,
        "regime_name": version.regime_name,
        "recipient": version.recipient,
        "authority": version.authority,
        "stage": version.stage or "",
        "citation": version.citation,
        "timing_standard": version.timing_standard,
        "counterparty": version.counterparty,
        "contact": version.contact,
        "systems_any": "\n".join(version.systems_any),
        "customers_any": "\n".join(version.customers_any),
        "scope": version.scope,
        "obligated_role": version.obligated_role or "",
        "requires_subject_to": "\n".join(version.requires_subject_to),
        "data_condition": __import__("json").dumps(version.data_condition),
        "min_risk": version.min_risk or "",
        "threshold_op": version.threshold_op or "",
        "threshold_value": version.threshold_value or "",
        "threshold_counted": version.threshold_counted or "",
        "clock_start": version.clock_start,
        "deadline_amount": version.deadline_amount or "",
        "deadline_unit": version.deadline_unit or "",
        "deadline_cutoff": version.deadline_cutoff or "",
        "deadline_kind": version.deadline_kind or "",
        "also_not_later_than_event": version.also_not_later_than_event or "",
        "also_not_later_than_amount": version.also_not_later_than_amount or "",
        "also_not_later_than_unit": version.also_not_later_than_unit or "",
        "non_business_day_relief": version.non_business_day_relief or "",
        "holiday_calendar": version.holiday_calendar or "",
        "timezone": version.timezone or "",
        "effective_from": version.effective_from.isoformat() if version.effective_from else "",
        "effective_to": version.effective_to.isoformat() if version.effective_to else "",
        "status": version.status,
        "confidence": version.confidence,
        "last_reviewed": version.last_reviewed.isoformat() if version.last_reviewed else "",
        "sources": "\n".join(version.sources),
        "notes": version.notes,
        "change_note": "",
        "extra": "{}",
    }
    if version.encryption_safe_harbour:
        entry["encryption_safe_harbour"] = "on"
    if version.key_compromise_defeats_safe_harbour:
        entry["key_compromise_defeats_safe_harbour"] = "on"
    entry.update(changes)
    return entry


def _tx(rulebook) -> RuleVersion:
    return RuleVersion.objects.get(rule__code="US-TX-AG", publication="published")


def _change_url(version):
    return reverse("admin:jurisdictions_ruleversion_change", args=[version.pk])


def test_saving_a_published_version_writes_a_draft_and_keeps_history(client, rules_admin, rulebook):
    client.force_login(rules_admin)
    v1 = _tx(rulebook)
    response = client.post(
        _change_url(v1),
        _form_data(v1, deadline_amount=45, effective_from="2027-01-01", change_note="SB 1"),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    v1.refresh_from_db()
    assert (v1.publication, v1.deadline_amount, v1.effective_to) == ("published", 30, None)
    draft = RuleVersion.objects.get(rule__code="US-TX-AG", version=2)
    assert (draft.publication, draft.deadline_amount, draft.replaces_id) == ("draft", 45, v1.pk)
    assert draft.created_by == rules_admin
    assert response["Location"] == reverse(
        "admin:jurisdictions_ruleversion_preview", args=[draft.pk]
    )
    change = RuleChange.objects.get(rule_version=draft, action="drafted")
    assert ("deadline_amount", 30, 45) in change.changed_fields()

    publish([draft], user=rules_admin, recompute=False)
    v1.refresh_from_db()
    draft.refresh_from_db()
    assert v1.effective_to == date(2026, 12, 31)
    assert (draft.publication, draft.published_by) == ("published", rules_admin)
    ended = RuleChange.objects.get(rule_version=v1, action="ended")
    assert ("effective_to", None, "2026-12-31") in ended.changed_fields()


def test_same_start_date_is_a_correction_that_supersedes(client, rules_admin, rulebook):
    client.force_login(rules_admin)
    v1 = _tx(rulebook)
    client.post(
        _change_url(v1), _form_data(v1, citation="Tex. Bus. & Com. Code 521.053(i) (corr.)")
    )
    draft = RuleVersion.objects.get(rule__code="US-TX-AG", version=2)
    publish([draft], user=rules_admin, recompute=False)
    v1.refresh_from_db()
    assert v1.publication == "superseded"
    from jurisdictions.loader import current_rulebook

    assert [r.citation for r in current_rulebook().versions_of("US-TX-AG")] == [
        "Tex. Bus. & Com. Code 521.053(i) (corr.)"
    ]


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"deadline_unit": "business_days"}, "holiday_calendar", "holiday calendar"),
        ({"clock_start": "notice:US-NOPE"}, "clock_start", "missing rule"),
        ({"timezone": "Mars/Olympus"}, "timezone", "unknown time zone"),
        ({"effective_to": "2026-01-01"}, "effective_to", "before"),
        ({"data_condition": '{"any": ["ssn", "shoe_size"]}'}, "data_condition", "shoe_size"),
        ({"deadline_cutoff": "25:99"}, "deadline_cutoff", "HH:MM"),
    ],
)
def test_invalid_rule_is_refused_naming_the_field(
    client, rules_admin, rulebook, changes, field, words
):
    client.force_login(rules_admin)
    v1 = _tx(rulebook)
    if field == "holiday_calendar":
        # A jurisdiction without a holiday calendar cannot count business days.
        Jurisdiction.objects.filter(code="US-TX").update(holiday_country="", holiday_subdivision="")
    before = RuleVersion.objects.count()
    response = client.post(
        _change_url(v1), _form_data(v1, **{"effective_from": "2027-01-01", **changes})
    )
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert field in errors, errors
    assert words in " ".join(errors[field])
    assert RuleVersion.objects.count() == before


def test_overlapping_effective_range_is_refused(client, rules_admin, rulebook):
    client.force_login(rules_admin)
    v1 = _tx(rulebook)
    client.post(_change_url(v1), _form_data(v1, deadline_amount=45, effective_from="2027-01-01"))
    publish(
        [RuleVersion.objects.get(rule__code="US-TX-AG", version=2)],
        user=rules_admin,
        recompute=False,
    )
    v2 = RuleVersion.objects.get(rule__code="US-TX-AG", version=2)
    # A new draft from version 2 starting before version 2 overlaps it.
    response = client.post(_change_url(v2), _form_data(v2, effective_from="2026-06-01"))
    errors = response.context["adminform"].form.errors
    assert "overlaps" in " ".join(errors["effective_from"])


def test_threshold_without_counted_population_is_refused(client, rules_admin, rulebook):
    client.force_login(rules_admin)
    v1 = _tx(rulebook)
    response = client.post(_change_url(v1), _form_data(v1, threshold_op="", threshold_value="250"))
    errors = response.context["adminform"].form.errors
    assert any(k.startswith("threshold") for k in errors), errors


def test_contract_clause_needs_a_counterparty(client, rules_admin, rulebook):
    client.force_login(rules_admin)
    clause = RuleVersion.objects.get(rule__code="ACME-DPA")
    response = client.post(_change_url(clause), _form_data(clause, counterparty=""))
    assert "counterparty" in response.context["adminform"].form.errors


def test_responder_cannot_change_rules(client, responder, rulebook):
    responder.is_staff = True
    responder.save()
    client.force_login(responder)
    v1 = _tx(rulebook)
    response = client.post(_change_url(v1), _form_data(v1, deadline_amount=1))
    assert response.status_code == 403
    assert RuleVersion.objects.filter(rule__code="US-TX-AG").count() == 1


def test_publishing_needs_the_publish_permission(client, rules_admin, rulebook, django_user_model):
    from django.contrib.auth.models import Permission

    editor = django_user_model.objects.create_user("editor", is_staff=True)
    editor.user_permissions.set(
        Permission.objects.filter(codename__in=["view_ruleversion", "change_ruleversion"])
    )
    client.force_login(rules_admin)
    v1 = _tx(rulebook)
    client.post(_change_url(v1), _form_data(v1, deadline_amount=45, effective_from="2027-01-01"))
    draft = RuleVersion.objects.get(rule__code="US-TX-AG", version=2)
    client.force_login(editor)
    url = reverse("admin:jurisdictions_ruleversion_preview", args=[draft.pk])
    assert client.post(url).status_code == 403
    draft.refresh_from_db()
    assert draft.publication == "draft"


def test_rule_list_search_and_filters(client, rules_admin, rulebook):
    client.force_login(rules_admin)
    url = reverse("admin:jurisdictions_rule_changelist")

    def codes(**params):
        response = client.get(url, params)
        assert response.status_code == 200
        return sorted(r.code for r in response.context["cl"].result_list)

    assert codes(q="521.053") == ["US-TX-AG"]
    assert codes(q="Vermont") == ["US-VT-AG"]
    assert codes(recipient="controller") == ["ACME-DPA"]
    assert codes(kind="contract") == ["ACME-DPA"]
    assert codes(confidence="medium") == ["US-CA-AG"]
    assert codes(regime="gdpr") == ["DE-SA"]
    # CA-AG was last reviewed in 2024; ACME-DPA and CA-IND never.
    assert "US-CA-AG" in codes(review="stale") and "US-TX-AG" not in codes(review="stale")
    assert codes(in_force="future") == []


def test_rule_history_is_shown_on_the_rule_page(client, rules_admin, rulebook):
    client.force_login(rules_admin)
    v1 = _tx(rulebook)
    client.post(_change_url(v1), _form_data(v1, deadline_amount=45, effective_from="2027-01-01"))
    rule = Rule.objects.get(code="US-TX-AG")
    page = client.get(reverse("admin:jurisdictions_rule_change", args=[rule.pk])).content.decode()
    assert "draft version 2 written from version 1" in page
    assert "deadline amount" in page and "30" in page and "45" in page
