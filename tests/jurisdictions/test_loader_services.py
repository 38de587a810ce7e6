"""The loader (cached per revision), evaluate_facts, closure days, contract clauses and the
jurisdiction form - through the database, as the cases and the API use them."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from jurisdictions.engine.facts import FactsError
from jurisdictions.loader import current_rulebook
from jurisdictions.models import HolidayClosure, Jurisdiction, RuleChange, RuleVersion
from jurisdictions.services import evaluate_facts
from tests.factories import facts

VERMONT = facts(
    events={"discovered_at": "2026-11-02T10:00:00-05:00"},
    data=["name", "ssn"],
    affected={"US-VT": 12},
)


def due(evaluation, code):
    return next(o for o in evaluation.to_dict()["obligations"] if o["rule"] == code)["due_at"]


def test_cached_rulebook_costs_one_query_and_reloads_after_a_change(rulebook):
    first = current_rulebook()
    with CaptureQueriesContext(connection) as queries:
        assert current_rulebook() is first
    assert len(queries) == 1  # the revision counter
    Jurisdiction.objects.filter(code="US-VT").get().save()  # any change bumps the revision
    assert current_rulebook() is not first
    assert {r.code for r in first.rules} == {r.code for r in current_rulebook().rules}


def test_closure_day_moves_a_business_day_deadline(rulebook):
    before = due(evaluate_facts(VERMONT), "US-VT-AG")
    HolidayClosure.objects.create(
        jurisdiction=Jurisdiction.objects.get(code="US-VT"),
        day=date(2026, 11, 5),
        reason="State offices closed: storm",
    )
    after = due(evaluate_facts(VERMONT), "US-VT-AG")
    assert after > before
    # 14 business days after Monday 2 Nov 2026, Veterans Day (11 Nov) skipped: Mon 23 Nov;
    # the closure on Thu 5 Nov pushes it to Tue 24 Nov (end of day, New York time).
    assert (before, after) == ("2026-11-24T04:59:59Z", "2026-11-25T04:59:59Z")


def test_vermont_holidays_come_from_its_subdivision_calendar(rulebook):
    # Town Meeting Day (first Tuesday of March) is a Vermont holiday, not a federal one.
    march = facts(
        events={"discovered_at": "2027-02-26T10:00:00-05:00"},
        data=["name", "ssn"],
        affected={"US-VT": 12},
    )
    with_vt = due(evaluate_facts(march), "US-VT-AG")
    Jurisdiction.objects.filter(code="US-VT").update(holiday_subdivision="")
    Jurisdiction.objects.get(code="US-VT").save()
    assert due(evaluate_facts(march), "US-VT-AG") < with_vt


def test_contract_clause_applies_only_when_its_customer_is_affected(rulebook):
    plain = evaluate_facts(facts(affected={"DE": 10})).to_dict()
    assert "ACME-DPA" not in {o["rule"] for o in plain["obligations"]}
    hit = evaluate_facts(facts(affected={"DE": 10}, customers=["acme-bank"])).to_dict()
    clause = next(o for o in hit["obligations"] if o["rule"] == "ACME-DPA")
    assert clause["recipient"] == "controller"
    # 24 hours from discovery (27 Mar 2026 17:00 CET).
    assert clause["due_at"] == "2026-03-28T16:00:00Z"


def test_unknown_jurisdiction_in_facts_names_the_field(rulebook):
    with pytest.raises(FactsError) as raised:
        evaluate_facts(facts(affected={"US-ZZ": 4}))
    assert "affected" in str(raised.value)


def test_admin_adds_a_contract_clause(client, rules_admin, rulebook):
    client.force_login(rules_admin)
    response = client.post(
        reverse("admin:jurisdictions_rule_add") + "?kind=contract",
        {"code": "CYBER-POLICY", "jurisdiction": Jurisdiction.objects.get(code="US").pk},
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert "kind=contract" in response["Location"]
    form = client.get(response["Location"]).context["adminform"].form
    assert form.initial["kind"] == "contract" and form.initial["scope"] == "organisation"
    regime = RuleVersion.objects.get(rule__code="ACME-DPA").regime
    response = client.post(
        response["Location"],
        {
            "rule": form.initial["rule"],
            "kind": "contract",
            "regime": regime.pk,
            "regime_name": "Cyber insurance policy",
            "recipient": "internal",
            "authority": "Insurer claims hotline",
            "counterparty": "Lloyd's syndicate 1234 (policy s.7)",
            "contact": "claims@insurer.example",
            "citation": "Policy CY-778 section 7.1",
            "timing_standard": "within 48 hours of discovery",
            "clock_start": "discovered_at",
            "deadline_amount": "48",
            "deadline_unit": "hours",
            "scope": "organisation",
            "data_condition": "null",
            "status": "in_force",
            "confidence": "high",
            "extra": "{}",
            "key_compromise_defeats_safe_harbour": "on",
        },
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    draft = RuleVersion.objects.get(rule__code="CYBER-POLICY")
    assert response["Location"] == reverse(
        "admin:jurisdictions_ruleversion_preview", args=[draft.pk]
    )
    client.post(response["Location"])  # publish
    evaluation = evaluate_facts(facts()).to_dict()
    policy = next(o for o in evaluation["obligations"] if o["rule"] == "CYBER-POLICY")
    assert policy["due_at"] == "2026-03-29T16:00:00Z"


@pytest.mark.parametrize(
    ("changes", "field", "words"),
    [
        ({"timezone": "America/Burlington"}, "timezone", "unknown time zone"),
        ({"holiday_subdivision": "ZZ"}, "holiday_subdivision", "no subdivision"),
        ({"holiday_country": "XX"}, "holiday_country", "no calendar"),
    ],
)
def test_jurisdiction_form_refuses_what_cannot_be_counted(
    client, rules_admin, rulebook, changes, field, words
):
    client.force_login(rules_admin)
    vt = Jurisdiction.objects.get(code="US-VT")
    data = {
        "name": vt.name,
        "parent": vt.parent_id,
        "timezone": vt.timezone,
        "holiday_country": vt.holiday_country,
        "holiday_subdivision": vt.holiday_subdivision,
        "closures-TOTAL_FORMS": "0",
        "closures-INITIAL_FORMS": "0",
        "rules-TOTAL_FORMS": "0",
        "rules-INITIAL_FORMS": "0",
        **changes,
    }
    response = client.post(reverse("admin:jurisdictions_jurisdiction_change", args=[vt.pk]), data)
    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert words in " ".join(errors[field])


def test_jurisdiction_change_and_closure_are_in_the_history(client, rules_admin, rulebook):
    client.force_login(rules_admin)
    vt = Jurisdiction.objects.get(code="US-VT")
    response = client.post(
        reverse("admin:jurisdictions_jurisdiction_change", args=[vt.pk]),
        {
            "name": "State of Vermont",
            "parent": vt.parent_id,
            "timezone": vt.timezone,
            "holiday_country": "US",
            "holiday_subdivision": "VT",
            "closures-TOTAL_FORMS": "1",
            "closures-INITIAL_FORMS": "0",
            "closures-0-day": "2026-12-24",
            "closures-0-reason": "Governor's order",
            "rules-TOTAL_FORMS": "0",
            "rules-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302
    changes = RuleChange.objects.filter(jurisdiction=vt, user=rules_admin)
    assert {c.action for c in changes} == {"jurisdiction", "closure"}
    renamed = changes.get(action="jurisdiction")
    assert ("name", "Vermont", "State of Vermont") in renamed.changed_fields()
    assert HolidayClosure.objects.get(jurisdiction=vt).created_by == rules_admin


def test_reader_may_not_open_the_console_for_changes(client, responder, rulebook):
    client.force_login(responder)
    assert client.get(reverse("rules:rule_list")).status_code == 200
    # Not staff: the admin sends them to its login page.
    assert client.get(reverse("admin:jurisdictions_rule_changelist")).status_code == 302


def test_year_end_anchor_and_domicile_scope_survive_the_database(db):
    """The shipped book through the database: deadline_anchor travels in ``extra``, the
    establishment_or_threshold scope and the "<" threshold in their columns."""
    from jurisdictions.engine.serialization import default_rulebook_path, read_rulebook_file
    from jurisdictions.importer import apply_import, plan_import
    from jurisdictions.loader import clear_cache
    from tests.jurisdictions.conftest import clear_rulebook

    clear_rulebook()
    apply_import(plan_import(read_rulebook_file(default_rulebook_path())))
    clear_cache()
    book = current_rulebook()
    log = next(r for r in book.rules if r.code == "US-HIPAA-408-HHS-LOG")
    assert (log.deadline_anchor, log.threshold.op) == ("calendar_year_end", "<")
    hipaa = facts(
        events={
            "occurred_at": "2026-03-01T09:00:00-05:00",
            "discovered_at": "2026-03-10T09:00:00-04:00",
        },
        organisation={"subject_to": ["hipaa_covered_entity"], "established_in": ["US-OH"]},
        data=["name", "medical"],
        affected={"US-OH": 40},
    )
    evaluation = evaluate_facts(hipaa)
    assert due(evaluation, "US-HIPAA-408-HHS-LOG") == "2027-03-02T04:59:59Z"  # 1 Mar 2027 EST
    ohio = facts(
        events={"discovered_at": "2026-05-22T10:00:00-04:00"},
        organisation={"subject_to": ["naic_licensee"], "established_in": ["US-OH"]},
        data=["name", "ssn"],
        affected={"US-OH": 10},
    )
    assert due(evaluate_facts(ohio), "US-OH-INS") == "2026-05-29T03:59:59Z"  # Thu 28 May EDT
