"""POST /api/v1/obligations/{id}/notified: record a notice, with the filing attached."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime, timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from incidents.models import Activity, Attachment, Obligation
from tests.factories import ObligationFactory


def url(ob):
    return f"/api/v1/obligations/{ob.pk}/notified"


@pytest.fixture
def obligation(case):
    return ObligationFactory(incident=case, rule_code="DE-GDPR-33-SA")


@pytest.fixture(autouse=True)
def pinned_engine(monkeypatch):
    """Notices trigger a recompute; pin the engine's answer to the obligation already stored."""
    from incidents import actions

    def answer(facts):
        return {
            "obligations": [o.to_dict() for o in Obligation.objects.all()],
            "not_applicable": [],
        }

    monkeypatch.setattr(actions.hooks, "evaluate", answer)


GOOD = {
    "sent_at": "2026-03-29T10:15:00+02:00",
    "method": "portal",
    "sent_to": "LfDI online form",
    "reference": "LfDI-2026-0042",
}


def test_records_the_notice(client_for, responder, obligation):
    response = client_for(responder).post(url(obligation), GOOD, format="json")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "notified"
    assert body["notification"]["sent_at"] == "2026-03-29T08:15:00Z"
    assert body["notification"]["reference"] == "LfDI-2026-0042"
    obligation.refresh_from_db()
    assert obligation.notified_at == datetime(2026, 3, 29, 8, 15, tzinfo=UTC)
    entry = Activity.objects.get(kind="notification_recorded")
    assert entry.actor == responder and entry.obligation == obligation
    assert "(on time)" in entry.summary


def test_multipart_with_evidence(client_for, counsel, obligation):
    letter = SimpleUploadedFile("notice.pdf", b"%PDF-1.4 notice", content_type="application/pdf")
    response = client_for(counsel).post(
        url(obligation), {**GOOD, "evidence": letter}, format="multipart"
    )
    assert response.status_code == 200, response.content
    attachment = Attachment.objects.get()
    assert response.json()["notification"]["evidence"] == attachment.pk
    assert attachment.kind == "notification"
    assert attachment.sha256 == hashlib.sha256(b"%PDF-1.4 notice").hexdigest()


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"sent_at": None}, "sent_at"),
        ({"sent_at": "2026-03-29T10:15:00"}, "sent_at"),  # no offset
        ({"sent_at": "tuesday"}, "sent_at"),
        ({"sent_at": (datetime.now(UTC) + timedelta(days=2)).isoformat()}, "sent_at"),
        ({"sent_at": "1990-01-01T10:00:00+01:00"}, "sent_at"),  # before the incident
        ({"sent_at": "2026-03-27T15:59:59Z"}, "sent_at"),  # a second before discovery
        ({"sent_at": "0001-01-01T00:00:00Z"}, "sent_at"),
        ({"method": "pigeon"}, "method"),
        ({"sent_to": ""}, "sent_to"),
    ],
)
def test_bad_input_is_400_and_changes_nothing(client_for, counsel, obligation, change, field):
    payload = {k: v for k, v in {**GOOD, **change}.items() if v is not None}
    response = client_for(counsel).post(url(obligation), payload, format="json")
    assert response.status_code == 400, response.content
    assert field in response.json()
    obligation.refresh_from_db()
    assert obligation.status == "open"


def test_twice_is_400(client_for, counsel, obligation):
    client = client_for(counsel)
    assert client.post(url(obligation), GOOD, format="json").status_code == 200
    second = client.post(url(obligation), GOOD, format="json")
    assert second.status_code == 400 and "status" in second.json()


def test_reach(client_for, viewer, outsider, obligation):
    assert client_for(viewer).post(url(obligation), GOOD, format="json").status_code == 403
    assert client_for(outsider).post(url(obligation), GOOD, format="json").status_code == 404
    obligation.refresh_from_db()
    assert obligation.status == "open"


def test_obligations_list(client_for, counsel, case, obligation):
    body = client_for(counsel).get(f"/api/v1/incidents/{case.pk}/obligations").json()
    assert [o["id"] for o in body] == [obligation.pk]


@pytest.mark.parametrize(
    ("path", "status"), [("not-required", "not_required"), ("waived", "waived")]
)
def test_decisions(client_for, counsel, obligation, path, status):
    client = client_for(counsel)
    endpoint = f"/api/v1/obligations/{obligation.pk}/{path}"
    missing = client.post(endpoint, {}, format="json")
    assert missing.status_code == 400 and "reason" in missing.json()
    response = client.post(endpoint, {"reason": "risk assessed as unlikely"}, format="json")
    assert response.status_code == 200, response.content
    assert response.json()["status"] == status
    assert response.json()["reason"] == "risk assessed as unlikely"
    again = client.post(endpoint, {"reason": "again"}, format="json")
    assert again.status_code == 400 and "status" in again.json()


def test_decisions_reach(client_for, viewer, outsider, obligation):
    endpoint = f"/api/v1/obligations/{obligation.pk}/waived"
    assert client_for(viewer).post(endpoint, {"reason": "x"}, format="json").status_code == 403
    assert client_for(outsider).post(endpoint, {"reason": "x"}, format="json").status_code == 404


def test_a_notice_at_the_moment_of_discovery_is_accepted(client_for, counsel, obligation):
    payload = {**GOOD, "sent_at": "2026-03-27T16:00:00Z"}  # the case's discovered_at
    response = client_for(counsel).post(url(obligation), payload, format="json")
    assert response.status_code == 200, response.content
