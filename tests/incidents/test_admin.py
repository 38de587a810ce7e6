"""The admin reads cases through visible_to and changes nothing."""

from __future__ import annotations

import pytest

from tests.factories import IncidentFactory, ObligationFactory


@pytest.fixture
def staff_outsider(outsider):
    outsider.is_staff = True
    outsider.save()
    return outsider


def test_admin_lists_only_visible_cases(client, case, staff_outsider, counsel):
    other = IncidentFactory(title="Somebody else's breach")
    ObligationFactory(incident=other)
    counsel.is_staff = True
    counsel.save()
    client.force_login(counsel)
    page = client.get("/admin/incidents/incident/").content.decode()
    assert case.reference in page and other.reference not in page
    assert client.get(f"/admin/incidents/incident/{other.pk}/change/").status_code in (302, 404)
    obligations = client.get("/admin/incidents/obligation/").content.decode()
    assert other.reference not in obligations
    client.force_login(staff_outsider)
    assert case.reference not in client.get("/admin/incidents/incident/").content.decode()


def test_admin_cannot_add_or_delete_cases(admin_client, case):
    assert admin_client.get("/admin/incidents/incident/add/").status_code == 403
    page = admin_client.get(f"/admin/incidents/incident/{case.pk}/change/")
    assert page.status_code == 200 and b'name="_save"' not in page.content
    assert (
        admin_client.post(
            f"/admin/incidents/incident/{case.pk}/delete/", {"post": "yes"}
        ).status_code
        == 403
    )
