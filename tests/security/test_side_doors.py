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


def _dns_answer(monkeypatch, name: str, addresses: list[str]):
    """The answer an attacker's DNS server gives for a name it controls (no such server here)."""
    import socket

    real = socket.getaddrinfo

    def answer(host, port, *args, **kwargs):
        if host != name:
            return real(host, port, *args, **kwargs)
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in addresses]

    monkeypatch.setattr(socket, "getaddrinfo", answer)


def test_an_allowed_address_does_not_open_the_other_addresses_of_a_name(settings, monkeypatch):
    from webhooks.guard import UnsafeAddress, check_url

    settings.WEBHOOK_ALLOWED_HOSTS = ["192.168.1.5"]  # the operator's own receiver
    _dns_answer(monkeypatch, "hooks.attacker.example", ["192.168.1.5", "127.0.0.1"])
    with pytest.raises(UnsafeAddress, match="loopback"):
        check_url("http://hooks.attacker.example/x")
    _dns_answer(monkeypatch, "meta.attacker.example", ["192.168.1.5", "169.254.169.254"])
    with pytest.raises(UnsafeAddress, match="link-local"):
        check_url("http://meta.attacker.example/x")
    # The allowed address alone still passes, and is what the delivery connects to.
    _dns_answer(monkeypatch, "receiver.example", ["192.168.1.5"])
    assert check_url("http://receiver.example/x").address == "192.168.1.5"
