"""In a real browser, the Content-Security-Policy (no 'unsafe-inline', nothing remote) blocks
nothing our own pages need: Chromium reports no CSP violation on any page of the journey, the
API docs included, and a sign-in lockout and the two-factor step render."""

from __future__ import annotations

import pytest

from incidents.actions import open_incident
from tests.browser.signing_in import person_who_signs_in, sign_in
from tests.factories import facts

pytestmark = pytest.mark.browser


def test_no_page_trips_the_content_security_policy(page, live_server, rulebook):
    counsel = person_who_signs_in("carla.counsel", "counsel")
    case = open_incident(facts(title="Card skimmer"), acting_user=counsel)
    violations: list[str] = []
    page.on(
        "console",
        lambda message: (
            violations.append(f"{page.url}: {message.text}")
            if "Content Security Policy" in message.text
            else None
        ),
    )

    sign_in(page, "carla.counsel")
    for path in [
        "/",
        "/incidents/",
        f"/incidents/{case.pk}/",
        f"/incidents/{case.pk}/edit/",
        f"/incidents/{case.pk}/affected/",
        f"/incidents/{case.pk}/report/",
        "/what-if/",
        "/calendar/",
        "/rules/",
        "/accounts/profile/",
        "/security/two-factor/",
        "/security/tokens/",
        "/api/v1/docs",
    ]:
        response = page.goto(path)
        assert response.status < 400, path
        page.wait_for_load_state("networkidle")
        assert "unsafe-inline" not in (response.headers.get("content-security-policy") or "")
    # The API docs really rendered (their script came from our own address, not inline).
    page.goto("/api/v1/docs")
    page.wait_for_selector(".swagger-ui .info", timeout=15_000)
    assert not violations, "\n".join(violations)
