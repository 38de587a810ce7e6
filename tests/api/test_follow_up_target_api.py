"""The further information of a notice given in phases (GDPR Art 33(4)) through the API: every
obligation shows ``follow_up_target_at``, and ``POST /api/v1/obligations/{id}/follow-up-target``
moves it through the same door as the case page's "Move target" (same checks, timeline entry,
reminders moved). A refusal changes nothing."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from django.utils import timezone

from incidents.choices import ActivityKind
from incidents.drafting.choices import Phase
from tests.drafting.conftest import obligation, profile, three_places  # noqa: F401 - fixtures
from tests.drafting.test_follow_up_reminders import GDPR, _sent

pytestmark = pytest.mark.django_db


def _url(ob):
    return f"/api/v1/obligations/{ob.pk}/follow-up-target"


def _z(moment):
    return moment.astimezone(UTC).isoformat().replace("+00:00", "Z")


@pytest.fixture
def owed(three_places, counsel):  # noqa: F811 - the fixture imported above
    ob = obligation(three_places, GDPR)
    target = (timezone.now() + timedelta(days=10)).replace(microsecond=0)
    _sent(ob, counsel, Phase.INITIAL, target)
    ob.refresh_from_db()
    return ob


def _state(ob):
    ob.refresh_from_db()
    return (
        ob.follow_up_target_at,
        ob.deadline_version,
        sorted(ob.reminders.filter(status="pending").values_list("pk", flat=True)),
        ob.incident.activity.filter(kind=ActivityKind.TARGET_SET).count(),
    )


def _later(days=20):
    return (timezone.now() + timedelta(days=days)).replace(microsecond=0)


def test_every_obligation_shows_the_further_information_target(client_for, counsel, owed):
    client = client_for(counsel)
    rows = client.get(f"/api/v1/incidents/{owed.incident_id}/obligations").json()
    by_id = {row["id"]: row for row in rows}
    assert by_id[owed.pk]["follow_up_target_at"] == _z(owed.follow_up_target_at)
    # Every other obligation carries the key too, null while no further information is owed.
    assert all("follow_up_target_at" in row for row in rows)
    assert {row["follow_up_target_at"] for row in rows if row["id"] != owed.pk} == {None}
    detail = client.get(f"/api/v1/incidents/{owed.incident_id}").json()
    assert {o["id"]: o for o in detail["obligations"]}[owed.pk]["follow_up_target_at"] == _z(
        owed.follow_up_target_at
    )


def test_counsel_moves_the_target_and_the_reminders_and_timeline_follow(client_for, counsel, owed):
    old_target, old_version, old_rows, _ = _state(owed)
    new = _later().astimezone(timezone.get_fixed_timezone(60))  # sent with a +01:00 offset
    response = client_for(counsel).post(
        _url(owed),
        {"target_at": new.isoformat(), "reason": "BfDI agreed to wait for the forensic report"},
        format="json",
    )
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["follow_up_target_at"] == _z(new)
    assert body["status"] == "notified" and body["id"] == owed.pk
    owed.refresh_from_db()
    assert owed.follow_up_target_at == new
    assert owed.deadline_version == old_version + 1
    pending = list(owed.reminders.filter(status="pending"))
    assert pending and {(r.deadline_at, r.owed) for r in pending} == {(new, "further_information")}
    assert set(owed.reminders.filter(pk__in=old_rows).values_list("status", flat=True)) == {
        "cancelled"
    }
    entry = owed.incident.activity.get(kind=ActivityKind.TARGET_SET)
    assert entry.actor == counsel and entry.obligation_id == owed.pk
    assert "BfDI agreed" in entry.summary and "further information" in entry.summary
    assert entry.before["follow_up_target_at"] == _z(old_target)
    assert entry.after["follow_up_target_at"] == _z(new)


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"reason": "x"}, "target_at"),
        ({"target_at": None, "reason": "x"}, "target_at"),  # cannot be cleared here
        ({"target_at": "2030-01-15T09:00:00", "reason": "x"}, "target_at"),  # no offset
        ({"target_at": "soon", "reason": "x"}, "target_at"),
        ({"target_at": "2020-01-15T09:00:00Z", "reason": "x"}, "target_at"),  # passed
        ({"target_at": "2030-01-15T09:00:00Z"}, "reason"),
        ({"target_at": "2030-01-15T09:00:00Z", "reason": ""}, "reason"),
        ({"target_at": "2030-01-15T09:00:00Z", "reason": "x" * 2001}, "reason"),
    ],
    ids=["missing", "null", "no offset", "words", "passed", "no reason", "empty", "huge"],
)
def test_bad_input_is_a_400_naming_the_field_and_changes_nothing(
    client_for, counsel, owed, payload, field
):
    before = _state(owed)
    response = client_for(counsel).post(_url(owed), payload, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    assert _state(owed) == before


def test_the_same_target_again_is_refused(client_for, counsel, owed):
    before = _state(owed)
    body = {"target_at": _z(owed.follow_up_target_at), "reason": "again"}
    response = client_for(counsel).post(_url(owed), body, format="json")
    assert response.status_code == 400 and "already set" in str(response.json()["target_at"])
    assert _state(owed) == before


def test_an_obligation_owing_no_further_information_has_no_target_to_move(
    client_for,
    counsel,
    three_places,  # noqa: F811 - the fixture imported above
):
    ob = obligation(three_places, GDPR)  # open: nothing was sent in phases
    before = _state(ob)
    body = {"target_at": _z(_later()), "reason": "x"}
    response = client_for(counsel).post(_url(ob), body, format="json")
    assert response.status_code == 400
    assert "no further information is owed" in str(response.json()["target_at"])
    assert _state(ob) == before


def test_who_may_move_it(client_for, viewer, outsider, responder, owed):
    body = {"target_at": _z(_later()), "reason": "x"}
    before = _state(owed)
    assert client_for(viewer).post(_url(owed), body, format="json").status_code == 403
    assert client_for(outsider).post(_url(owed), body, format="json").status_code == 404
    assert _state(owed) == before
    # A responder on the case may change it, here as on the case page.
    assert client_for(responder).post(_url(owed), body, format="json").status_code == 200


def test_the_schema_lists_the_operation_and_the_field(client_for, counsel):
    schema = client_for(counsel).get("/api/v1/schema", HTTP_ACCEPT="application/json").json()
    operation = schema["paths"]["/api/v1/obligations/{id}/follow-up-target"]["post"]
    assert operation["operationId"] == "obligations_follow_up_target"
    field = schema["components"]["schemas"]["Obligation"]["properties"]["follow_up_target_at"]
    assert field["readOnly"] is True and field["nullable"] is True
