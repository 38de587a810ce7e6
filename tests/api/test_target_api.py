"""POST /api/v1/obligations/{id}/target: the internal target of a "without undue delay" notice."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from incidents.models import Activity
from tests.factories import ObligationFactory


def url(ob):
    return f"/api/v1/obligations/{ob.pk}/target"


@pytest.fixture
def undue(case):
    return ObligationFactory(
        incident=case, rule_code="EU-GDPR-34-DS", due_at=None, deadline_kind="no_fixed_deadline"
    )


def test_sets_and_clears_the_target(client_for, counsel, undue):
    client = client_for(counsel)
    response = client.post(
        url(undue), {"target_at": "2027-01-15T09:00:00+01:00", "reason": "DPO plan"}, format="json"
    )
    assert response.status_code == 200, response.content
    assert response.json()["target_at"] == "2027-01-15T08:00:00Z"
    assert response.json()["due_at"] is None
    undue.refresh_from_db()
    assert undue.target_at == datetime(2027, 1, 15, 8, 0, tzinfo=UTC)
    assert Activity.objects.filter(obligation=undue, kind="target_set").count() == 1
    cleared = client.post(url(undue), {"target_at": None, "reason": "done"}, format="json")
    assert cleared.status_code == 200 and cleared.json()["target_at"] is None


@pytest.mark.parametrize(
    ("payload", "field"),
    [
        ({"reason": "x"}, "target_at"),
        ({"target_at": "2027-01-15T09:00:00", "reason": "x"}, "target_at"),  # no offset
        ({"target_at": "soon", "reason": "x"}, "target_at"),
        ({"target_at": "2027-01-15T09:00:00Z"}, "reason"),
    ],
)
def test_bad_input_is_400_naming_the_field(client_for, counsel, undue, payload, field):
    response = client_for(counsel).post(url(undue), payload, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    undue.refresh_from_db()
    assert undue.target_at is None


def test_reach_and_fixed_deadline(client_for, counsel, viewer, outsider, case, undue):
    body = {"target_at": "2027-01-15T09:00:00Z", "reason": "x"}
    assert client_for(viewer).post(url(undue), body, format="json").status_code == 403
    assert client_for(outsider).post(url(undue), body, format="json").status_code == 404
    fixed = ObligationFactory(incident=case)
    response = client_for(counsel).post(url(fixed), body, format="json")
    assert response.status_code == 400 and "target_at" in response.json()
