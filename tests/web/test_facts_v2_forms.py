"""The case form speaks facts format 2 when an answer needs it: both roles, sectors, encryption
per category, data sets by role. A format-2 case stays format 2 through an edit."""

from __future__ import annotations

import html
import json

import pytest
from django.urls import reverse

from incidents.models import Activity, Incident
from tests.web.test_forms import GOOD_CASE, field_error

pytestmark = pytest.mark.django_db

DATA_SETS = [
    {"name": "staff", "role": "controller", "data": ["name", "payment_card"],
     "affected": {"US-CA": 600}},
    {"name": "end users", "role": "processor", "data": ["name", "contact"],
     "affected": {"DE": 9000}, "controller": "Acme GmbH"},
]  # fmt: skip


def test_a_saas_case_opens_from_the_form_with_both_sets_of_duties(login, counsel):
    post = {
        **GOOD_CASE,
        "role": "both",
        "main_establishment": "",
        "data": [],
        "affected": "",
        "sectors": "saas",
        "data_sets": json.dumps(DATA_SETS),
        "encrypted_categories": ["name", "payment_card"],
    }
    response = login(counsel).post(reverse("incidents:create"), post)
    assert response.status_code == 302, response.content.decode()[:3000]
    incident = Incident.objects.unrestricted("test").get()
    facts = incident.facts_dict()
    assert facts["format"] == "breachclock.facts/2"
    assert facts["organisation"]["roles"] == ["controller", "processor"]
    assert facts["data_sets"] == DATA_SETS
    assert facts["encryption"]["by_category"] == {
        "name": {"encrypted": True, "key_compromised": False},
        "payment_card": {"encrypted": True, "key_compromised": False},
    }
    rules = {o.rule_code: o for o in incident.obligations.all()}
    assert "EU-GDPR-33-2-PROC" in rules
    # Staff names and card numbers were encrypted (key safe): California's safe harbour holds.
    assert "US-CA-IND" not in rules
    assert any(
        "safe harbour" in n["why"] for n in incident.not_applicable if n["rule"] == "US-CA-IND"
    )
    page = html.unescape(login(counsel).get(response["Location"]).content.decode())
    assert "Controller and processor" in page and "Acme GmbH" in page


def test_editing_a_format_2_case_keeps_format_2(login, counsel):
    post = {**GOOD_CASE, "role": "both", "sectors": "saas"}
    login(counsel).post(reverse("incidents:create"), post)
    incident = Incident.objects.unrestricted("test").get()
    edit = reverse("incidents:edit", args=[incident.pk])
    page = login(counsel).get(edit).content.decode()
    assert 'value="breachclock.facts/2"' in page
    form = {k: v for k, v in post.items() if k != "affected"}
    form.update(facts_format="breachclock.facts/2", role="controller", sectors="")
    response = login(counsel).post(edit, form)
    assert response.status_code == 302, response.content.decode()[:3000]
    incident.refresh_from_db()
    facts = incident.facts_dict()
    assert facts["format"] == "breachclock.facts/2"
    assert facts["organisation"]["roles"] == ["controller"]
    change = Activity.objects.filter(incident=incident, kind="facts_changed").last()
    assert change.before["organisation"]["roles"] == ["controller", "processor"]
    assert change.actor == counsel


def test_a_plain_case_stays_format_1(login, counsel):
    login(counsel).post(reverse("incidents:create"), GOOD_CASE)
    assert (
        Incident.objects.unrestricted("test").get().facts_dict()["format"] == "breachclock.facts/1"
    )


@pytest.mark.parametrize(
    ("change", "field", "words"),
    [
        ({"data_sets": "[{"}, "data_sets", "Not valid JSON"),
        ({"data_sets": '{"name": "x"}'}, "data_sets", "Write a list"),
        ({"data_sets": '[{"name": "x", "role": "boss"}]'}, "data_sets", "must be one of"),
        ({"sectors": "Health Care"}, "sectors", "not a sector key"),
        (
            {"encrypted": "on", "encrypted_categories": ["ssn"]},
            "encrypted_categories",
            "not both",
        ),
        ({"key_lost_categories": ["ssn"]}, "key_lost_categories", "ssn"),
    ],
)
def test_bad_format_2_answers_are_named_next_to_their_field(login, counsel, change, field, words):
    body = login(counsel).post(reverse("incidents:create"), {**GOOD_CASE, **change})
    assert body.status_code == 200
    assert words in html.unescape(field_error(body.content.decode(), field))
    assert not Incident.objects.unrestricted("test").exists()
