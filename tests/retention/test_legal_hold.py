"""Legal hold: set and lifted with a reason by counsel or the privacy office, through the API
contract; while it stands nothing of the case can be deleted, whoever asks."""

from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from audit.models import AuditEvent
from incidents.models import Activity, Attachment, Incident, Note
from retention.actions import LegalHoldError
from retention.models import LegalHold

from .conftest import AS_OF

pytestmark = pytest.mark.django_db


@pytest.fixture
def api(client_for):
    return client_for


def url(case):
    return f"/api/v1/incidents/{case.pk}/legal-hold"


def test_counsel_sets_and_privacy_office_lifts(case, counsel, privacy_officer, api):
    response = api(counsel).post(url(case), {"reason": "Litigation: Doe v. Shop"}, format="json")
    assert response.status_code == 201, response.content
    assert response.json()["on_hold"] is True
    assert response.json()["reason"] == "Litigation: Doe v. Shop"
    assert api(counsel).get(url(case)).json()["on_hold"] is True

    again = api(counsel).post(url(case), {"reason": "again"}, format="json")
    assert again.status_code == 409 and LegalHold.objects.count() == 1

    lifted = api(privacy_officer).delete(url(case), {"reason": "Settled"}, format="json")
    assert lifted.status_code == 200, lifted.content
    body = lifted.json()
    assert body["on_hold"] is False and body["lift_reason"] == "Settled"
    assert body["lifted_by"] == privacy_officer.username
    assert api(counsel).delete(url(case), {"reason": "x"}, format="json").status_code == 409

    kinds = list(Activity.objects.filter(incident=case).values_list("kind", flat=True))
    assert kinds[-2:] == ["legal_hold_set", "legal_hold_lifted"]
    assert AuditEvent.objects.filter(incident_id=case.pk, action="legal_hold").count() == 2


def test_lift_reason_may_come_in_the_query_string(case, counsel, api):
    api(counsel).post(url(case), {"reason": "Regulator inquiry"}, format="json")
    assert api(counsel).delete(url(case) + "?reason=Closed%20inquiry").status_code == 200


@pytest.mark.parametrize("body", [{}, {"reason": "  "}, {"reason": 5}])
def test_a_reason_is_required_and_nothing_changes(case, counsel, api, body):
    response = api(counsel).post(url(case), body, format="json")
    assert response.status_code == 400 and "reason" in response.json()
    assert not LegalHold.objects.exists()


@pytest.mark.parametrize("who, status", [("responder", 403), ("viewer", 403), ("outsider", 404)])
def test_only_counsel_and_privacy_office(case, api, request, who, status):
    user = request.getfixturevalue(who)
    assert api(user).post(url(case), {"reason": "x"}, format="json").status_code == status
    assert not LegalHold.objects.exists()


def test_outsider_cannot_even_read_it(case, api, outsider):
    assert api(outsider).get(url(case)).status_code == 404


def test_nothing_of_a_held_case_can_be_deleted(three_cases):
    _, _, held = three_cases
    for obj in (
        Note.objects.filter(incident=held).first(),
        Attachment.objects.get(incident=held),
        held,
    ):
        with pytest.raises(LegalHoldError):
            with transaction.atomic():
                obj.delete()
    with pytest.raises(LegalHoldError):
        with transaction.atomic():
            Note.objects.filter(incident=held).delete()  # bulk deletes too
    assert Incident.objects.unrestricted("test").filter(pk=held.pk).exists()
    assert Note.objects.filter(incident=held).count() == 2


def test_after_the_lift_deletion_works_again(three_cases, counsel):
    from retention.actions import lift_legal_hold

    _, _, held = three_cases
    lift_legal_hold(held, reason="Case settled", acting_user=counsel)
    Note.objects.filter(incident=held, personal=False).delete()
    assert Note.objects.filter(incident=held).count() == 1


def test_a_hold_placed_on_an_expired_case_keeps_it_out_of_the_purge(three_cases, counsel):
    from retention.actions import purge_expired, set_legal_hold

    expired, _, _ = three_cases
    set_legal_hold(expired, reason="Subpoena received", acting_user=counsel)
    assert purge_expired(as_of=AS_OF, dry_run=True) == []
    assert purge_expired(as_of=AS_OF) == []
    with pytest.raises(IntegrityError):  # one standing hold per case, in the database too
        with transaction.atomic():
            LegalHold.objects.create(incident=expired, reason="twice", set_by=counsel)
