"""One date format for the admin and the app, following the reader's locale and zone."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from accounts.dateformat import local_text, wall_text
from accounts.models import UserProfile
from accounts.templatetags.when import day, wall_time


def at(*parts) -> datetime:
    return datetime(*parts, tzinfo=UTC)


# Instants either side of the 2026 clock changes (Europe 29 Mar / 25 Oct; US 8 Mar / 1 Nov).
TABLE = [
    ("en-gb", "Europe/London", at(2026, 3, 29, 0, 59), "Sun 29 Mar 2026, 00:59 GMT"),
    ("en-gb", "Europe/London", at(2026, 3, 29, 1, 0), "Sun 29 Mar 2026, 02:00 BST"),
    ("en-gb", "Europe/Berlin", at(2026, 10, 25, 0, 59), "Sun 25 Oct 2026, 02:59 CEST"),
    ("en-gb", "Europe/Berlin", at(2026, 10, 25, 1, 0), "Sun 25 Oct 2026, 02:00 CET"),
    ("en-gb", "UTC", at(2026, 12, 6, 14, 5), "Sun 06 Dec 2026, 14:05 UTC"),
    ("en-us", "America/New_York", at(2026, 3, 8, 6, 59), "Sun, Mar 8, 2026, 1:59 AM EST"),
    ("en-us", "America/New_York", at(2026, 3, 8, 7, 0), "Sun, Mar 8, 2026, 3:00 AM EDT"),
    ("en-us", "America/Los_Angeles", at(2026, 11, 1, 8, 30), "Sun, Nov 1, 2026, 1:30 AM PDT"),
    ("en-us", "America/Los_Angeles", at(2026, 11, 1, 9, 30), "Sun, Nov 1, 2026, 1:30 AM PST"),
    ("en-us", "UTC", at(2026, 12, 6, 14, 5), "Sun, Dec 6, 2026, 2:05 PM UTC"),
    ("en-us", "UTC", at(2026, 12, 6, 0, 5), "Sun, Dec 6, 2026, 12:05 AM UTC"),
]  # fmt: skip


@pytest.mark.parametrize(("language", "zone", "instant", "text"), TABLE)
def test_instants_read_in_the_readers_locale_and_zone(language, zone, instant, text):
    with translation.override(language), timezone.override(ZoneInfo(zone)):
        assert local_text(instant) == text


@pytest.mark.parametrize(
    ("language", "text"),
    [("en-gb", "Sat 28 Nov 2026, 23:59 (UTC+01:00 Europe/Berlin)"),
     ("en-us", "Sat, Nov 28, 2026, 11:59 PM (UTC+01:00 Europe/Berlin)")],
)  # fmt: skip
def test_wall_times_follow_the_locale(language, text):
    with translation.override(language):
        assert wall_time("2026-11-28T23:59:00+01:00", "Europe/Berlin") == text
        assert wall_text(datetime(2026, 11, 28, 23, 59)) == text.split(" (")[0]


@pytest.mark.parametrize(
    ("accept", "text"),
    [("en-US,en;q=0.8", "Sun, Dec 6, 2026, 9:05 AM EST"),
     ("en-GB,en;q=0.8", "Sun 06 Dec 2026, 09:05 EST"),
     ("fr-FR,fr;q=0.8", "Sun 06 Dec 2026, 09:05 EST")],
)  # fmt: skip
def test_admin_and_case_page_show_the_same_format(client, case, counsel, accept, text):
    """The admin's list of cases and the case page write the same instant the same way."""
    case.created_at = datetime(2026, 12, 6, 14, 5, tzinfo=UTC)
    case.save(update_fields=["created_at"])
    counsel.is_staff = True
    counsel.save()
    profile = UserProfile.for_user(counsel)
    profile.time_zone = "America/New_York"
    profile.save()
    client.force_login(counsel)
    admin_page = client.get("/admin/incidents/incident/", HTTP_ACCEPT_LANGUAGE=accept)
    case_page = client.get(f"/incidents/{case.pk}/", HTTP_ACCEPT_LANGUAGE=accept)
    assert case_page.status_code == 200 and admin_page.status_code == 200
    assert text in admin_page.content.decode()
    assert text in case_page.content.decode()


@pytest.mark.parametrize(
    ("language", "text"), [("en-gb", "Mon 04 Mar 2024"), ("en-us", "Mon, Mar 4, 2024")]
)
def test_calendar_days_follow_the_locale(language, text):
    with translation.override(language):
        assert day(date(2024, 3, 4)) == text


@pytest.mark.parametrize(
    ("style", "accept", "text"),
    [("en-us", "en-GB,en;q=0.8", "Sun, Dec 6, 2026, 9:05 AM EST"),
     ("en-gb", "en-US,en;q=0.8", "Sun 06 Dec 2026, 09:05 EST"),
     ("", "en-US,en;q=0.8", "Sun, Dec 6, 2026, 9:05 AM EST"),
     ("", "en-GB,en;q=0.8", "Sun 06 Dec 2026, 09:05 EST")],
)  # fmt: skip
def test_a_date_style_chosen_on_the_profile_wins_over_the_browser(
    client, case, counsel, style, accept, text
):
    """Counsel in London working with a US team may want US dates whatever their browser says;
    "" keeps following the browser."""
    case.created_at = datetime(2026, 12, 6, 14, 5, tzinfo=UTC)
    case.save(update_fields=["created_at"])
    client.force_login(counsel)
    response = client.post(
        "/accounts/profile/",
        {"time_zone": "America/New_York", "date_style": style},
        HTTP_ACCEPT_LANGUAGE=accept,
    )
    assert response.status_code == 302
    assert UserProfile.for_user(counsel).date_style == style
    page = client.get(f"/incidents/{case.pk}/", HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    assert text in page
    # A new session (the next sign-in) reads the choice from the profile.
    client.logout()
    client.force_login(counsel)
    page = client.get(f"/incidents/{case.pk}/", HTTP_ACCEPT_LANGUAGE=accept).content.decode()
    assert text in page


def test_an_unknown_date_style_is_refused_and_changes_nothing(client, counsel):
    client.force_login(counsel)
    response = client.post("/accounts/profile/", {"time_zone": "Europe/Berlin", "date_style": "fr"})
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    profile = UserProfile.for_user(counsel)
    assert (profile.time_zone, profile.date_style) == ("UTC", "")


def test_the_admin_follows_the_date_style_chosen_on_the_profile(client, case, counsel):
    case.created_at = datetime(2026, 12, 6, 14, 5, tzinfo=UTC)
    case.save(update_fields=["created_at"])
    counsel.is_staff = True
    counsel.save()
    profile = UserProfile.for_user(counsel)
    profile.time_zone, profile.date_style = "America/New_York", "en-us"
    profile.save()
    client.force_login(counsel)
    admin_page = client.get("/admin/incidents/incident/", HTTP_ACCEPT_LANGUAGE="en-GB")
    assert "Sun, Dec 6, 2026, 9:05 AM EST" in admin_page.content.decode()


def test_one_persons_date_style_does_not_outlive_their_request(client, case, counsel):
    """The style is active for the request only, like the zone: whatever runs next on the same
    thread (another person's request before its middleware, an email written outside a
    request) starts from the default, not from the last reader's choice."""
    instant = datetime(2026, 12, 6, 14, 5, tzinfo=UTC)
    profile = UserProfile.for_user(counsel)
    profile.date_style = "en-us"
    profile.save()
    client.force_login(counsel)
    response = client.get(f"/incidents/{case.pk}/", HTTP_ACCEPT_LANGUAGE="en-GB")
    assert response.status_code == 200
    assert response["Content-Language"] == "en-us"
    assert translation.get_language() == "en-gb"
    with timezone.override(UTC):
        assert local_text(instant) == "Sun 06 Dec 2026, 14:05 UTC"
