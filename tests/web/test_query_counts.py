"""The dashboard and the case list cost the same number of queries for 3 cases or 30."""

from __future__ import annotations

import html
import re
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.factories import IncidentFactory, ObligationFactory

pytestmark = pytest.mark.django_db

# Session, user, then the page's own reads (the deadlines due next, the further information of
# phased notices owed next, the totals, ...); the same bound holds for the benchmark's 10,000
# cases.
MAX_QUERIES = 9
# The case list (tests/web/test_case_list_speed.py also counts it outside a test transaction,
# with the list cache's version token).
MAX_LIST_QUERIES = 6


def make_cases(owner, n):
    now = timezone.now()
    for i in range(n):
        case = IncidentFactory(owner=owner, affected={"DE": 10 + i, "US-CA": 600})
        ObligationFactory(incident=case, due_at=now + timedelta(hours=i - 2))
        ObligationFactory(incident=case, due_at=now + timedelta(days=i))


@pytest.mark.parametrize("n", [3, 30])
@pytest.mark.parametrize(
    "url",
    [
        reverse("dashboard"),
        reverse("incidents:list"),
        reverse("incidents:list") + "?sort=next_due",
        reverse("incidents:list") + "?status=triage&jurisdiction=US&due_within=7d&q=Incident",
        reverse("incidents:list") + "?page=2",
    ],
)
def test_list_pages_have_a_bounded_query_count(
    login, counsel, django_assert_max_num_queries, n, url
):
    make_cases(counsel, n)
    client = login(counsel)
    client.get(url)  # warm the session's time zone
    limit = MAX_QUERIES if url == reverse("dashboard") else MAX_LIST_QUERIES
    with django_assert_max_num_queries(limit):
        response = client.get(url)
    assert response.status_code == 200


def test_case_detail_query_count_does_not_grow_with_obligations(login, counsel):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = login(counsel)
    counts = []
    for n in (2, 25):
        case = IncidentFactory(owner=counsel)
        for _ in range(n):
            ObligationFactory(incident=case)
        url = reverse("incidents:detail", args=[case.pk])
        client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            assert client.get(url).status_code == 200
        counts.append(len(ctx.captured_queries))
    assert counts[0] == counts[1]
    # Session, user and permissions, the case with its related rows (one query each), the
    # activity, the audit record of the view, the reminders panel, the retention panel
    # (the standing legal hold, the purges, the rule book's revision for the periods), and the
    # obligations' notice drafts and phases (one query each).
    assert counts[1] <= 22


def test_case_list_pages_and_sorts(login, counsel):
    make_cases(counsel, 30)
    client = login(counsel)
    first = client.get(reverse("incidents:list")).content.decode()
    assert "Page 1 of 2" in first
    second = client.get(reverse("incidents:list") + "?page=2").content.decode()
    assert "Page 2 of 2" in second
    by_due = client.get(reverse("incidents:list") + "?sort=next_due").context["page"]
    dues = [case.next_due for case in by_due]
    assert dues == sorted(dues)


def test_case_list_filters_and_says_what_is_wrong(login, counsel, responder):
    make_cases(counsel, 3)
    mine = IncidentFactory(owner=responder, title="Lost laptop", affected={"FR": 5})
    mine.team.create(user=counsel, role="counsel")
    client = login(counsel)
    found = client.get(reverse("incidents:list"), {"q": "laptop"}).context["page"]
    assert [c.pk for c in found] == [mine.pk]
    by_owner = client.get(reverse("incidents:list"), {"owner": responder.username}).context["page"]
    assert [c.pk for c in by_owner] == [mine.pk]
    by_place = client.get(reverse("incidents:list"), {"jurisdiction": "fr"}).context["page"]
    assert [c.pk for c in by_place] == [mine.pk]
    bad = client.get(reverse("incidents:list"), {"jurisdiction": "France!"})
    assert "is not a jurisdiction code" in bad.content.decode()
    assert 'value="France!"' in bad.content.decode()


@pytest.mark.parametrize(
    ("params", "field"),
    [
        ({"status": "bogus"}, "status"),
        ({"due_within": "bogus"}, "due_within"),
        ({"due_within": "9999999999999999999999h"}, "due_within"),
        ({"jurisdiction": "France!"}, "jurisdiction"),
        ({"status": "triage", "due_within": "soon"}, "due_within"),
    ],
)
def test_case_list_with_an_invalid_filter_lists_nothing_and_says_why(login, counsel, params, field):
    make_cases(counsel, 2)
    response = login(counsel).get(reverse("incidents:list"), params)
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="filters_error"' in body and "No cases are listed" in body
    assert f'id="id_{field}_error"' in body
    assert list(response.context["page"]) == []
    # ... while a valid filter still lists the cases.
    assert len(login(counsel).get(reverse("incidents:list"), {"status": "triage"}).context["page"])


@pytest.mark.parametrize(
    ("params", "typed"),
    [
        ({"jurisdiction": "France!"}, "France!"),
        ({"jurisdiction": " de_fr "}, "de_fr"),
        ({"status": "bogus"}, None),
        ({"q": "laptop", "due_within": "soon"}, None),
    ],
)
def test_an_invalid_filter_is_not_reported_as_a_count(login, counsel, params, typed):
    make_cases(counsel, 2)
    body = login(counsel).get(reverse("incidents:list"), params).content.decode()
    subtitle = re.search(r'<p class="subtitle">(.*?)</p>', body, re.S).group(1)
    assert subtitle == "No cases are listed because a filter is not valid."
    assert "match" not in body[: body.index('id="filters_error"')]
    assert "0 cases" not in body
    if typed:
        # The message quotes what was typed, as the field shows it - not upper-cased.
        assert f"“{typed}” is not a jurisdiction code" in html.unescape(body)
        assert typed.upper() not in body


@pytest.mark.parametrize(
    ("params", "subtitle"),
    [
        ({}, "2 cases."),
        ({"status": "triage"}, "2 cases match the filters."),
        ({"status": "closed"}, "0 cases match the filters."),
        ({"jurisdiction": "fr"}, "0 cases match the filters."),
    ],
)
def test_a_valid_filter_still_says_how_many_cases_match(login, counsel, params, subtitle):
    make_cases(counsel, 2)
    body = login(counsel).get(reverse("incidents:list"), params).content.decode()
    assert re.search(r'<p class="subtitle">(.*?)</p>', body, re.S).group(1) == subtitle


@pytest.mark.parametrize(
    ("sort", "field", "expected"),
    [
        ("severity", "severity", ["low", "medium", "high", "critical"]),
        ("-severity", "severity", ["critical", "high", "medium", "low"]),
        ("status", "status", ["triage", "investigating", "notifying", "closed", "reopened"]),
        ("-status", "status", ["reopened", "closed", "notifying", "investigating", "triage"]),
    ],
)
def test_choices_sort_in_their_own_order_not_alphabetically(login, counsel, sort, field, expected):
    for value in reversed(expected):  # opened in the wrong order on purpose
        IncidentFactory(owner=counsel, **{field: value})
    page = login(counsel).get(reverse("incidents:list"), {"sort": sort}).context["page"]
    shown = [getattr(case, field) for case in page]
    assert shown == expected
