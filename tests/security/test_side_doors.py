"""Side doors found on review: a role on the case decides what a person may change there,
whatever their groups give them elsewhere (a viewer on the case is read-only)."""

from __future__ import annotations

import pytest

from retention.models import LegalHold
from tests.conftest import make_person
from tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def counsel_as_viewer(counsel):
    """Counsel by group, but only a viewer on this case."""
    other = make_person("cora.counsel", "counsel")
    case = IncidentFactory(owner=counsel, title="Held", team=[(other, "viewer")])
    return other, case


@pytest.fixture
def api(db):
    from tests.api.conftest import client_for as make

    return make.__wrapped__(db)


def test_a_viewer_on_the_case_cannot_lift_its_legal_hold_by_api(counsel_as_viewer, counsel, api):
    person, case = counsel_as_viewer
    hold = LegalHold.objects.create(incident=case, reason="Litigation", set_by=counsel)
    url = f"/api/v1/incidents/{case.pk}/legal-hold"
    assert api(person).get(url).status_code == 200  # may read it
    response = api(person).delete(url, {"reason": "Lifting it"}, format="json")
    assert response.status_code == 403, response.content
    hold.refresh_from_db()
    assert hold.lifted_at is None


def test_a_viewer_on_the_case_cannot_set_a_legal_hold_on_the_page(counsel_as_viewer, client):
    person, case = counsel_as_viewer
    client.force_login(person)
    response = client.post(f"/incidents/{case.pk}/legal-hold/", {"reason": "Hold it"})
    assert response.status_code == 403
    assert not LegalHold.objects.exists()
