"""Retention pages: the case panel and hold form, the purge preview, an organisation's policy."""

from __future__ import annotations

import pytest

from organisations.models import OrganisationProfile
from retention.models import LegalHold, RetentionPolicy

from .conftest import AS_OF

pytestmark = pytest.mark.django_db


def test_case_page_shows_retention_and_counsel_places_a_hold(client, counsel, three_cases):
    expired, _, _ = three_cases
    client.force_login(counsel)
    page = client.get(f"/incidents/{expired.pk}/").content.decode()
    assert "Retention and legal hold" in page and "Thu 10 Jan 2030" in page
    assert "Fla. Stat. 501.171(4)(c)" in page

    empty = client.post(f"/incidents/{expired.pk}/legal-hold/", {"reason": ""})
    assert empty.status_code == 400 and not LegalHold.objects.filter(incident=expired).exists()
    response = client.post(f"/incidents/{expired.pk}/legal-hold/", {"reason": "Doe v. Shop"})
    assert response.status_code == 302
    page = client.get(f"/incidents/{expired.pk}/").content.decode()
    assert "On legal hold" in page and "Doe v. Shop" in page and "Lift the legal hold" in page

    client.post(f"/incidents/{expired.pk}/legal-hold/lift/", {"reason": "Settled"})
    assert not LegalHold.objects.filter(incident=expired, lifted_at__isnull=True).exists()


def test_a_second_hold_keeps_what_was_typed(client, counsel, three_cases):
    _, _, held = three_cases
    client.force_login(counsel)
    response = client.post(f"/incidents/{held.pk}/legal-hold/", {"reason": "Second matter"})
    body = response.content.decode()
    assert response.status_code == 400
    assert "already on legal hold" in body and "Second matter" in body


def test_responder_may_not_place_a_hold(client, responder, three_cases):
    expired, _, _ = three_cases
    client.force_login(responder)
    assert client.post(f"/incidents/{expired.pk}/legal-hold/", {"reason": "x"}).status_code == 403
    assert "Place on legal hold" not in client.get(f"/incidents/{expired.pk}/").content.decode()


def test_purge_preview_for_the_privacy_office(client, privacy_officer, counsel, three_cases):
    expired, kept, held = three_cases
    client.force_login(privacy_officer)
    page = client.get("/retention/purge/", {"as_of": AS_OF.isoformat()}).content.decode()
    assert expired.reference in page
    assert kept.reference not in page and held.reference not in page
    assert "Kept until" in page and "Thu 10 Jan 2030" in page
    bad = client.get("/retention/purge/", {"as_of": "tomorrow"})
    assert bad.status_code == 400 and "tomorrow" in bad.content.decode()
    client.force_login(counsel)
    assert client.get("/retention/purge/").status_code == 403


def test_privacy_office_sets_the_policy_and_it_lengthens_retention(
    client, privacy_officer, counsel, three_cases
):
    from retention.selectors import case_retention

    expired, _, _ = three_cases
    org = OrganisationProfile.objects.create(name="Acme Retail Inc.")
    expired.organisation_profile = org
    expired.save(update_fields=["organisation_profile"])
    client.force_login(counsel)
    assert client.post(f"/organisations/{org.pk}/retention/", {"years": "8"}).status_code == 403
    client.force_login(privacy_officer)
    bad = client.post(
        f"/organisations/{org.pk}/retention/", {"years": "0", "basis": "Group policy"}
    )
    assert bad.status_code == 400 and "Group policy" in bad.content.decode()
    assert not RetentionPolicy.objects.exists()
    ok = client.post(f"/organisations/{org.pk}/retention/", {"years": "8", "basis": "Group policy"})
    assert ok.status_code == 302
    assert str(case_retention(expired).until) == "2033-01-10"
    assert "8 years" in client.get(f"/organisations/{org.pk}/").content.decode()
    # A policy shorter than the law's five years does not shorten it.
    client.post(f"/organisations/{org.pk}/retention/", {"years": "2"})
    assert str(case_retention(expired).until) == "2030-01-10"


def test_a_note_marked_personal_keeps_its_text_out_of_the_timeline(
    client, counsel, case, client_for
):
    from incidents.models import Activity, Note

    client.force_login(counsel)
    response = client.post(
        f"/incidents/{case.pk}/notes/", {"text": "Ada Lovelace, +1 305 555 0100", "personal": "on"}
    )
    assert response.status_code == 302
    note = Note.objects.get(incident=case)
    assert note.personal and note.text.startswith("Ada")
    entry = Activity.objects.filter(incident=case, kind="note_added").get()
    assert "Ada" not in str(entry.after) and entry.after["personal"] is True
    assert "Personal data" in client.get(f"/incidents/{case.pk}/").content.decode()

    api = client_for(counsel)
    made = api.post(
        f"/api/v1/incidents/{case.pk}/notes",
        {"text": "Bob's address", "personal": True},
        format="json",
    )
    assert made.status_code == 201 and made.json()["personal"] is True
    bad = api.post(
        f"/api/v1/incidents/{case.pk}/notes", {"text": "x", "personal": "yes"}, format="json"
    )
    assert bad.status_code == 400 and "personal" in bad.json()
