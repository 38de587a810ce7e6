"""Hostile input answers a clear 4xx, never a 500: ids that are not numbers or do not fit a
database integer, JSON nested a thousand levels deep, and every form field of every page filled
with deep, long or out-of-range values.

The URLs come from the URL table (``test_url_access``): a pattern added later is fuzzed too.
"""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from incidents.models import FeedToken
from tests.security import test_url_access
from tests.security.test_url_access import ADMIN, CASE, CLASSIFIED, TOKEN, kind_of, url_for

pytestmark = pytest.mark.django_db
world = test_url_access.world  # the same test world as the URL table (a fixture)

DEEP = "[" * 1000 + "]" * 1000
DEEP_OBJECT = '{"a":' * 1000 + "1" + "}" * 1000
BIGINT_PLUS_ONE = str(2**63)


# -- non-numeric and out-of-range ids ------------------------------------------------------------
@pytest.mark.parametrize("page", ["incidents:calendar", "incidents:case_calendar"])
@pytest.mark.parametrize("revoke", ["abc", "1; DROP TABLE x", "9" * 40, "-1", "1.5", "\u0663"])
def test_calendar_revoke_that_is_not_an_id_is_a_404(client, world, counsel, page, revoke):
    client.force_login(counsel)
    kwargs = {"pk": world["case"]} if page == "incidents:case_calendar" else {}
    live = FeedToken.objects.filter(revoked_at__isnull=True).count()
    response = client.post(reverse(page, kwargs=kwargs), {"revoke": revoke})
    assert response.status_code == 404
    assert FeedToken.objects.filter(revoked_at__isnull=True).count() == live


WITH_IDS = [p for p in CLASSIFIED if p[2] and kind_of(p[0]) not in (TOKEN,)]


@pytest.mark.parametrize("name, route, converters", WITH_IDS, ids=[p[1] for p in WITH_IDS])
@pytest.mark.parametrize("big", [BIGINT_PLUS_ONE])
def test_ids_beyond_a_database_integer_are_not_found(
    client, django_user_model, world, name, route, converters, big
):
    """``/audit/cases/<id>/`` and every sibling: an id no row can have is a 404 (or the page's
    usual refusal), for the people who may open the page."""
    superuser = django_user_model.objects.create_superuser("sam.super", "s@example.com", "x" * 16)
    client.force_login(superuser)
    url = url_for(name, world, route, converters)
    values = {
        str(world[k])
        for k in (
            "case", "obligation", "attachment", "insider_id", "member_id", "draft", "letter",
            "webhook", "profile",
        )
        if k in world
    }  # fmt: skip
    for value in values:
        url = re.sub(rf"/{value}(?=/|$|\.)", f"/{big}", url)
    for response in (client.get(url), client.post(url, {})):
        assert response.status_code < 500, f"{url}: {response.status_code}"
        if kind_of(name) == CASE or name.startswith("audit:incident"):
            assert response.status_code in (404, 405), f"{url}: {response.status_code}"


# -- JSON nested too deeply ----------------------------------------------------------------------
API = [p for p in CLASSIFIED if p[0].startswith("api:")]


@pytest.mark.parametrize("name, route, converters", API, ids=[p[1] for p in API])
@pytest.mark.parametrize("body", [DEEP, DEEP_OBJECT, '{"facts": ' + DEEP + "}"])
def test_deeply_nested_json_is_a_400_on_every_api_endpoint(
    api_client, world, counsel, name, route, converters, body
):
    api_client.force_authenticate(counsel)
    url = url_for(name, world, route, converters)
    for method in ("post", "patch", "put"):
        response = getattr(api_client, method)(url, body, content_type="application/json")
        assert response.status_code < 500, f"{method} {url}: {response.status_code}"
        if response.status_code == 400:
            assert "nested" in response.content.decode(), response.content


def test_the_refusal_says_why(api_client, counsel):
    api_client.force_authenticate(counsel)
    response = api_client.post(reverse("api:clocks"), DEEP, content_type="application/json")
    assert response.status_code == 400
    assert "nested more than" in response.json()["detail"]


def test_moderately_nested_json_still_parses(api_client, counsel):
    """The limit refuses abuse, not documents: a shallow nesting reaches the usual validation."""
    api_client.force_authenticate(counsel)
    response = api_client.post(
        reverse("api:clocks"),
        '{"facts": {"events": {"a": [[1]]}}}',
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "nested" not in response.content.decode()


# -- every form field of every page --------------------------------------------------------------
FORM_VALUES = {
    "deep": DEEP,
    "long": "x" * 100_000,
    "huge number": "9" * 40,
    "nul": "a\x00b",
}
PAGES = [
    p for p in CLASSIFIED if kind_of(p[0]) not in (TOKEN, ADMIN) and not p[0].startswith("api:")
]
FIELD = re.compile(rb'<(?:input|textarea|select)[^>]*\bname="([^"]+)"')


@pytest.mark.parametrize("name, route, converters", PAGES, ids=[p[1] for p in PAGES])
def test_form_fields_filled_with_hostile_values_never_500(
    client, world, counsel, name, route, converters
):
    client.force_login(counsel)
    url = url_for(name, world, route, converters)
    page = client.get(url)
    fields = set() if page.streaming else set(FIELD.findall(page.content))
    fields = {f.decode() for f in fields} - {"csrfmiddlewaretoken"}
    fields |= {"revoke", "page", "next", "text", "title"}
    for label, value in FORM_VALUES.items():
        response = client.post(url, dict.fromkeys(fields, value))
        assert response.status_code < 500, f"{label} into {sorted(fields)} at {url}"
        response = client.get(url, dict.fromkeys(fields, value[:5000]))
        assert response.status_code < 500, f"{label} in the query string of {url}"


def test_rule_console_json_fields_refuse_deep_nesting(client, django_user_model):
    """The admin's JSON fields (a rule version's data condition and extras) parse the same way."""
    admin_user = django_user_model.objects.create_superuser("ada.admin", "a@example.com", "x" * 16)
    client.force_login(admin_user)
    url = reverse("admin:jurisdictions_ruleversion_add")
    for field in ("data_condition", "extra"):
        response = client.post(url, {field: DEEP})
        assert response.status_code == 200
        assert "nested more than" in response.content.decode()
