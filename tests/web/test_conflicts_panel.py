"""The "Conflicts and precedence" panel on the case page: above the obligations, each conflict in
words with its rules linked, counsel's decision form (not for viewers; 404 outside the case), the
report and the JSON export carrying the decisions."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils.html import escape

from incidents import actions
from incidents.models import ConflictDecision, Incident, TeamMember
from tests.factories import facts
from tests.incidents.test_conflicts import GDPR_KEEPS_RUNNING, recompute_with


@pytest.fixture
def conflicted(counsel, viewer, open_case):
    incident = open_case(counsel, facts())
    TeamMember.objects.create(incident=incident, user=viewer, role="viewer")
    recompute_with(incident, [GDPR_KEEPS_RUNNING])
    return Incident.objects.unrestricted("test").get(pk=incident.pk)


def decide_url(incident):
    return reverse("incidents:decide_conflict", args=[incident.pk])


def test_panel_sits_above_the_obligations_with_the_conflict_in_words(login, counsel, conflicted):
    html = login(counsel).get(conflicted.get_absolute_url()).content.decode()
    assert html.index('id="conflicts"') < html.index('id="obligations"')
    panel = html[html.index('id="conflicts"') : html.index('id="obligations"')]
    assert "Conflicts and precedence" in panel
    assert "A hold that some duties do not allow" in panel
    assert reverse("rules:rule_detail", args=["EU-GDPR-33-SA"]) in panel
    assert escape(GDPR_KEEPS_RUNNING["why"]) in panel and "GDPR Art 33(1)" in panel
    assert "No decision recorded yet." in panel and "Record decision" in panel


def test_no_conflict_says_so(login, counsel, open_case):
    incident = open_case(counsel, facts())
    html = login(counsel).get(incident.get_absolute_url()).content.decode()
    assert "No conflict between the rules in play" in html


def test_counsel_records_a_decision_shown_on_the_page(login, counsel, conflicted):
    client = login(counsel)
    url = decide_url(conflicted) + "?key=" + GDPR_KEEPS_RUNNING["key"]
    assert client.get(url).status_code == 200
    response = client.post(
        decide_url(conflicted),
        {"key": GDPR_KEEPS_RUNNING["key"], "decision": "Notify the BfDI on time."},
    )
    assert response.status_code == 302 and response["Location"].endswith("#conflicts")
    html = client.get(conflicted.get_absolute_url()).content.decode()
    assert "Notify the BfDI on time." in html and "Decision by Carla Counsel" in html
    assert "Decision on a conflict recorded" in html  # the activity timeline


def test_an_empty_decision_is_refused_with_nothing_saved(login, counsel, conflicted):
    response = login(counsel).post(
        decide_url(conflicted), {"key": GDPR_KEEPS_RUNNING["key"], "decision": ""}
    )
    assert response.status_code == 200 and "This field is required" in response.content.decode()
    assert not ConflictDecision.objects.exists()


@pytest.mark.parametrize(
    ("who", "status"), [("viewer", 403), ("outsider", 404), ("privacy_officer", 403)]
)
def test_who_may_not_decide(request, login, conflicted, who, status):
    client = login(request.getfixturevalue(who))
    body = {"key": GDPR_KEEPS_RUNNING["key"], "decision": "Mine."}
    assert client.post(decide_url(conflicted), body).status_code == status
    assert not ConflictDecision.objects.exists()


def test_viewer_sees_the_panel_without_the_forms(login, viewer, conflicted):
    html = login(viewer).get(conflicted.get_absolute_url()).content.decode()
    assert "Conflicts and precedence" in html
    assert decide_url(conflicted) not in html
    assert reverse("incidents:hold", args=[conflicted.pk, "law_enforcement_hold"]) not in html


def test_a_stale_key_leads_back_to_the_case_saying_so(login, counsel, conflicted):
    client = login(counsel)
    response = client.get(decide_url(conflicted) + "?key=nope", follow=True)
    assert response.redirect_chain[-1][0].endswith("#conflicts")
    assert "does not arise on the case" in response.content.decode()


def test_report_and_export_carry_decisions_also_when_no_longer_current(login, counsel, conflicted):
    actions.decide_conflict(
        conflicted, GDPR_KEEPS_RUNNING["key"], decision="Notify anyway.", acting_user=counsel
    )
    recompute_with(conflicted, [], reason="hold withdrawn")
    client = login(counsel)
    report = client.get(reverse("incidents:report", args=[conflicted.pk])).content.decode()
    assert "Conflicts and precedence" in report and "Notify anyway." in report
    assert "no longer current" in report
    page = client.get(conflicted.get_absolute_url()).content.decode()
    assert "no longer current" in page and "Notify anyway." in page
    exported = client.get(reverse("api:incident-activity", args=[conflicted.pk]))
    body = json.loads(
        b"".join(exported.streaming_content) if exported.streaming else exported.content
    )
    assert body["conflicts"] == []
    [decision] = body["conflict_decisions"]
    assert decision["decision"] == "Notify anyway." and decision["current"] is False
    assert any(a["kind"] == "conflict_decided" for a in body["activity"])


def test_a_place_without_rules_is_named_without_an_empty_rule_list(login, counsel, open_case):
    incident = open_case(counsel, facts())
    no_rule = {
        "kind": "no_rule",
        "key": "no_rule:JM",
        "rules": [],
        "jurisdiction": "JM",
        "why": "500 residents of Jamaica (JM) affected, but the rule book has no rule",
    }
    recompute_with(incident, [no_rule])
    html = login(counsel).get(incident.get_absolute_url()).content.decode()
    panel = html[html.index('id="conflicts"') : html.index('id="obligations"')]
    assert "People where the rule book has no rule" in panel and "JM" in panel
    assert "· rules" not in panel
