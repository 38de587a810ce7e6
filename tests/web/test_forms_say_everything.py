"""The forms name every mistake in one answer, in the user's words, and keep what was typed."""

from __future__ import annotations

import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from incidents.models import Incident
from tests.web.test_forms import GOOD_CASE, field_error

pytestmark = pytest.mark.django_db


@pytest.fixture
def team_case(open_case, counsel, responder):
    from incidents.actions import add_team_member

    incident = open_case(counsel)
    add_team_member(incident, responder, "responder", acting_user=counsel)
    return incident


def test_every_bad_line_of_the_affected_box_at_once(login, counsel):
    typed = "DE 9000\nUK 40\nUS-CA 1,200\nde 5\nXX 3\nFR many"
    bad = {**GOOD_CASE, "affected": typed, "established_in": "DE, UK, Germany"}
    body = html.unescape(login(counsel).post(reverse("incidents:create"), bad).content.decode())
    errors = field_error(body, "affected")
    assert "Line 2" in errors and "did you mean GB (United Kingdom)?" in errors
    assert "Line 3" not in errors  # "1,200" is a count
    assert "Line 4: DE (Germany) is already on line 1" in errors  # flagged, not summed
    assert "Line 5" in errors and "Line 6" in errors
    established = field_error(body, "established_in")
    assert "“Germany” is not a jurisdiction code" in established
    assert typed in body  # nothing typed is lost
    assert not Incident.objects.unrestricted("test").exists()


def test_thousands_separators_are_counts(login, counsel):
    good = {**GOOD_CASE, "affected": "DE 9,000\nUS-CA 1 200"}
    assert login(counsel).post(reverse("incidents:create"), good).status_code == 302
    counts = {
        a.jurisdiction: a.count for a in Incident.objects.unrestricted("test").get().affected.all()
    }
    assert counts == {"DE": 9000, "US-CA": 1200}


def test_main_establishment_uk_suggests_gb_and_regime_typo_its_key(login, counsel):
    bad = {**GOOD_CASE, "main_establishment": "UK", "subject_to_other": "sec_registrnt, qq"}
    body = html.unescape(login(counsel).post(reverse("incidents:create"), bad).content.decode())
    assert "did you mean GB (United Kingdom)?" in field_error(body, "main_establishment")
    regimes = field_error(body, "subject_to_other")
    assert "did you mean sec_registrant (SEC registrant)?" in regimes
    assert "'qq'" in regimes
    assert not Incident.objects.unrestricted("test").exists()


def test_csv_upload_names_every_unknown_code(login, responder, team_case):
    url = reverse("incidents:affected", args=[team_case.pk])
    before = {a.jurisdiction: a.count for a in team_case.affected.all()}
    upload = SimpleUploadedFile("counts.csv", b'jurisdiction,count\nUK,5\nXX,7\nFR,"3,000"\n')
    body = html.unescape(
        login(responder).post(url, {"upload": "1", "file": upload}).content.decode()
    )
    errors = field_error(body, "file")
    assert "UK" in errors and "did you mean GB" in errors and "XX" in errors
    assert {a.jurisdiction: a.count for a in team_case.affected.all()} == before


def test_a_too_large_post_gives_the_form_back_with_a_message(login, counsel, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 1024 * 1024
    big = {**GOOD_CASE, "description": "x" * (10 * 1024 * 1024)}
    response = login(counsel).post(reverse("incidents:create"), big)
    assert response.status_code == 413
    body = html.unescape(response.content.decode())
    assert "larger than the 1.0 MB a form may hold" in body and "nothing was saved" in body
    assert 'name="discovered_at"' in body  # the form itself, not a bare error page
    assert not Incident.objects.unrestricted("test").exists()


def test_notification_errors_name_events_in_words(login, responder, team_case):
    ob = team_case.obligations.filter(status="open").first()
    url = reverse("incidents:notify", args=[team_case.pk, ob.pk])
    body = login(responder).post(
        url,
        {"sent_at": "2000-01-01T10:00", "times_zone": "UTC", "method": "portal",
         "sent_to": "BfDI portal"},
    ).content.decode()  # fmt: skip
    errors = html.unescape(field_error(body, "sent_at"))
    assert "before the incident itself" in errors
    assert "occurred_at" not in errors and "discovered_at" not in errors
    assert "“Occurred”" in errors or "“Discovered”" in errors


def test_a_case_without_data_categories_warns(login, counsel):
    no_data = {**GOOD_CASE}
    no_data.pop("data")
    response = login(counsel).post(reverse("incidents:create"), no_data)
    page = login(counsel).get(response["Location"]).content.decode()
    assert "No data categories recorded." in page and "cannot be judged" in page
    with_data = login(counsel).post(reverse("incidents:create"), GOOD_CASE)
    assert (
        "No data categories recorded."
        not in login(counsel).get(with_data["Location"]).content.decode()
    )


def test_what_if_without_data_categories_warns(login, counsel):
    no_data = {k: v for k, v in GOOD_CASE.items() if k != "data"}
    body = login(counsel).post(reverse("incidents:what_if"), no_data).content.decode()
    assert "No data categories recorded." in body


def test_place_names_are_served_for_the_typing_help(login, counsel):
    data = login(counsel).get(reverse("rules:places")).json()
    assert data["names"]["CA"] == "Canada"
    assert data["names"]["US-CA"] == "California (United States)"
    assert data["mistakes"]["UK"] == "GB"
    page = login(counsel).get(reverse("incidents:create")).content.decode()
    assert 'data-place-names="/rules/places.json"' in page and "js/place_names.js" in page
