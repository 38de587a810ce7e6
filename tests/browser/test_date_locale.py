"""The browser's language picks the date style: an American and a British reader see the case
page and the admin's rule version in their own style, the two pages agreeing.

Screenshots go to ``/tmp/shots-dates/`` for a person to look at (not in the repository).
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation

from accounts.dateformat import local_text
from accounts.models import UserProfile
from jurisdictions.models import RuleVersion
from tests.browser.signing_in import person_who_signs_in, sign_in
from tests.factories import IncidentFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SHOTS = Path("/tmp/shots-dates")


@pytest.mark.parametrize(
    ("locale", "opened"),
    [("en-US", "Sun, Dec 6, 2026, 9:05 AM EST"), ("en-GB", "Sun 06 Dec 2026, 09:05 EST")],
)
def test_case_page_and_admin_follow_the_browsers_language(
    chromium, live_server, rulebook, locale, opened
):
    SHOTS.mkdir(parents=True, exist_ok=True)
    user = person_who_signs_in("carla.counsel", "counsel", first_name="Carla", last_name="Counsel")
    user.is_staff = user.is_superuser = True
    user.save()
    profile = UserProfile.for_user(user)
    profile.time_zone = "America/New_York"
    profile.save()
    case = IncidentFactory(owner=user, title="Web skimmer on checkout")
    case.created_at = datetime(2026, 12, 6, 14, 5, tzinfo=UTC)
    case.save(update_fields=["created_at"])
    version = RuleVersion.objects.filter(rule__code="US-TX-AG").first()
    with translation.override(locale.lower()), timezone.override(ZoneInfo("America/New_York")):
        created = local_text(version.created_at)

    context = chromium.new_context(
        base_url=live_server.url, viewport={"width": 1366, "height": 900}, locale=locale
    )
    page = context.new_page()
    sign_in(page, "carla.counsel")
    page.goto(f"/incidents/{case.pk}/")
    assert opened in page.inner_text("body")
    page.screenshot(path=str(SHOTS / f"case-{locale}.png"))
    page.goto(f"/admin/jurisdictions/ruleversion/{version.pk}/change/")
    assert created in page.inner_text("body")
    page.screenshot(path=str(SHOTS / f"admin-rule-{locale}.png"), full_page=True)
    context.close()
