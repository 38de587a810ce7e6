"""Every URL refuses a state-changing request without the CSRF token, from a signed-in user with
full rights to the case, and nothing changes.

A cross-site page can make the browser send the session cookie, never the token.
"""

import pytest
from django.test import Client

from audit.models import AuditEvent
from incidents.models import Activity, Incident
from tests.factories import UserFactory
from tests.security.test_url_access import CLASSIFIED, url_for
from tests.security.test_url_access import world as world  # noqa: F401 - fixture

UNSAFE = ("post", "put", "patch", "delete")


@pytest.fixture
def csrf_client():
    return Client(enforce_csrf_checks=True)


@pytest.mark.parametrize("name, route, converters", CLASSIFIED, ids=[p[1] for p in CLASSIFIED])
def test_unsafe_methods_without_a_csrf_token_are_refused(
    csrf_client, world, counsel, name, route, converters
):
    url = url_for(name, world, route, converters)
    if name.startswith("admin:"):
        csrf_client.force_login(UserFactory(username="root", is_staff=True, is_superuser=True))
    else:
        csrf_client.force_login(counsel)
    before = (
        Activity.objects.count(),
        AuditEvent.objects.count(),
        Incident.objects.unrestricted("test").count(),
    )
    for method in UNSAFE:
        response = getattr(csrf_client, method)(
            url, {"title": "forged", "status": "closed", "text": "forged"}
        )
        assert response.status_code == 403, f"{method.upper()} {url}: {response.status_code}"
    assert (Activity.objects.count(), Incident.objects.unrestricted("test").count()) == before[0::2]
    assert not Incident.objects.unrestricted("test").filter(title="forged").exists()


def test_the_same_post_with_the_token_goes_through(csrf_client, world, counsel):
    """The 403s above are the CSRF check, not a broken form: with the token, a note is added."""
    csrf_client.force_login(counsel)
    url = f"/incidents/{world['case']}/notes/"
    page = csrf_client.get(url)
    token = page.cookies["csrftoken"].value if "csrftoken" in page.cookies else None
    token = token or csrf_client.cookies["csrftoken"].value
    response = csrf_client.post(
        url, {"text": "Counsel reviewed the logs.", "csrfmiddlewaretoken": token}
    )
    assert response.status_code in (200, 302)
    assert Activity.objects.filter(incident_id=world["case"], kind="note_added").exists()
