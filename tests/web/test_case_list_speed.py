"""What keeps the case list cheap: a bounded number of queries whatever the page, filter or sort,
and on PostgreSQL a trigram index behind the search.

Committed for real (``transaction=True``) so the list cache is in play as in production: the
first request computes the page (the version token, the permissions, the count and one query
for the rows with their deadlines and places), the next one reads it from memory.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from django.core.cache import caches
from django.db import connection, transaction
from django.urls import reverse
from django.utils import timezone

from incidents.listing import page_of_cases
from incidents.models import Incident
from incidents.queries import CaseFilters
from tests.factories import IncidentFactory, ObligationFactory
from tests.services import require_postgresql

pytestmark = pytest.mark.django_db(transaction=True)

LIST = reverse("incidents:list")
URLS = [
    LIST,
    LIST + "?page=2",
    LIST + "?page=999",  # past the end: the last page, not an extra query
    LIST + "?sort=next_due",
    LIST + "?sort=-title",
    LIST + "?status=triage&jurisdiction=US&q=Incident",
    LIST + "?owner=carla.counsel&sort=severity",
    LIST + "?due_within=7d",
]


@pytest.fixture
def thirty_cases(counsel):
    now = timezone.now()
    for i in range(30):
        case = IncidentFactory(owner=counsel, affected={"US-CA": 600, "DE": 10 + i})
        ObligationFactory(incident=case, due_at=now + timedelta(hours=i - 2))
        ObligationFactory(incident=case, due_at=now + timedelta(days=i))
    caches["case_list"].clear()


@pytest.mark.parametrize("url", URLS)
def test_every_list_page_needs_at_most_six_queries_and_three_when_kept(
    login, counsel, thirty_cases, django_assert_max_num_queries, url
):
    client = login(counsel)
    client.get(url)  # the session's time zone settles on the first request
    caches["case_list"].clear()
    # Session, user, version token, permissions, count, and the page's rows.
    with django_assert_max_num_queries(6):
        assert client.get(url).status_code == 200
    if "due_within" not in url:  # a deadline window follows the clock: never kept
        with django_assert_max_num_queries(3):
            assert client.get(url).status_code == 200


def test_a_row_shows_its_places_in_order_and_its_overdue_deadlines(counsel):
    now = timezone.now()
    case = IncidentFactory(owner=counsel, affected={"US-TX": 5, "DE": 4, "FR": 3})
    ObligationFactory(incident=case, due_at=now - timedelta(hours=1))
    ObligationFactory(incident=case, due_at=now + timedelta(days=2))
    ObligationFactory(incident=case, due_at=None)
    ObligationFactory(incident=case, due_at=now - timedelta(days=1), status="notified")
    IncidentFactory(owner=counsel)  # no deadlines, no places
    rows = {row.pk: row for row in page_of_cases(counsel, CaseFilters(), 1).object_list}
    row = rows[case.pk]
    assert row.jurisdictions == ("DE", "FR", "US-TX")
    assert row.open_obligations == 3
    assert row.overdue_obligations(now) == 1
    assert all(due is None or due.tzinfo is not None for due in row.open_dues)
    assert sorted(d for d in row.open_dues if d) == [
        now - timedelta(hours=1),
        now + timedelta(days=2),
    ]
    empty = next(r for pk, r in rows.items() if pk != case.pk)
    assert (empty.jurisdictions, empty.open_dues) == ((), ())


@pytest.mark.services
def test_search_uses_the_trigram_indexes_on_postgresql(counsel):
    require_postgresql(connection)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT indexname FROM pg_indexes WHERE tablename = 'incidents_incident' "
            "AND indexdef LIKE '%%gin_trgm_ops%%' ORDER BY indexname"
        )
        names = [row[0] for row in cursor.fetchall()]
    assert names == ["incident_description_trgm", "incident_reference_trgm", "incident_title_trgm"]
    for i in range(30):
        IncidentFactory(owner=counsel, title=f"Phishing wave {i}", description="Mailbox access")
    IncidentFactory(owner=counsel, title="Ransomware on the file server")
    qs = CaseFilters(q="ransomware").apply(Incident.objects.unrestricted("test"))
    with transaction.atomic(), connection.cursor() as cursor:
        # A table this small is cheaper to scan: forbid that to show the indexes match the
        # expressions the search compiles to (``UPPER(column::text) LIKE``).
        cursor.execute("SET LOCAL enable_seqscan = off")
        plan = qs.order_by().explain()
    for name in names:
        assert name in plan, plan
    assert [case.title for case in qs] == ["Ransomware on the file server"]


def _pages(client, url: str, pages: int) -> list[list[str]]:
    """The case references on pages 1..``pages`` of ``url``, in order."""
    found = []
    for number in range(1, pages + 1):
        html = client.get(f"{url}&page={number}").content.decode()
        found.append(re.findall(r'class="case-ref">([^<]+)<', html))
    return found


@pytest.mark.parametrize(
    ("sort", "key"),
    [
        ("-created", lambda case: (-case.created_at.timestamp(), -case.pk)),
        ("title", lambda case: (case.title, case.pk)),
        (
            "-next_due",
            lambda case: (case.next_due_at is None, -case.next_due_at.timestamp(), -case.pk),
        ),  # noqa: E501
    ],
)
def test_pages_follow_the_sort_without_gaps_or_repeats(login, counsel, thirty_cases, sort, key):
    cases = Incident.objects.visible_to(counsel)
    expected = [case.reference for case in sorted(cases, key=key)]
    pages = _pages(login(counsel), f"{LIST}?sort={sort}", 3)
    assert [len(page) for page in pages] == [25, 5, 5]  # page 3 is past the end: the last page
    assert pages[0] + pages[1] == expected


@pytest.mark.parametrize("page", ["999", "0", "-2", "abc", "99999999999999999999999999"])
def test_a_page_out_of_range_shows_the_nearest_page_with_the_count(
    login, counsel, thirty_cases, django_assert_max_num_queries, page
):
    client = login(counsel)
    url = f"{LIST}?jurisdiction=DE&page={page}"
    client.get(url)
    caches["case_list"].clear()
    with django_assert_max_num_queries(6):
        html = client.get(url).content.decode()
    assert "30 cases match the filters" in html
    shown = "Page 1 of 2" if page == "abc" else "Page 2 of 2"
    assert shown in html
    assert len(re.findall('class="case-ref"', html)) == (25 if page == "abc" else 5)


@pytest.mark.services
def test_on_postgresql_a_computed_page_is_one_statement_after_the_token(
    login, counsel, thirty_cases, django_assert_num_queries
):
    require_postgresql(connection)
    client = login(counsel)
    client.get(LIST + "?status=triage&page=2")
    caches["case_list"].clear()
    # Session, the user with their permissions (accounts.backends), version token, and the
    # count with the page's rows.
    with django_assert_num_queries(4):
        assert client.get(LIST + "?status=triage&page=2").status_code == 200


def test_someone_else_sees_none_of_my_cases_on_any_page(login, counsel, responder, thirty_cases):
    client = login(responder)
    for url in (LIST, LIST + "?page=2", LIST + "?page=999", LIST + "?q=Incident&sort=title"):
        html = client.get(url).content.decode()
        assert re.findall('class="case-ref"', html) == []
        assert "0 cases" in html


def test_the_filter_form_keeps_what_was_typed_escaped_and_marks_a_field_in_error(login, counsel):
    client = login(counsel)
    html = client.get(LIST, {"q": '"><b>x', "due_within": "soon", "sort": "title"}).content.decode()
    assert 'value="&quot;&gt;&lt;b&gt;x"' in html and "<b>x" not in html
    assert '<div class="field field-error"><label for="id_due_within">' in html
    assert '<ul class="errorlist" id="id_due_within_error"><li>' in html
    assert '<div class="field"><label for="id_q">' in html  # the search itself is fine
    assert '<input type="hidden" name="sort" value="title">' in html
    assert '<option value="" selected>Any status</option>' in html


def test_a_british_and_an_american_reader_each_get_their_own_dates_on_the_list(login, counsel):
    """Rows keep their formatted dates between reloads: per reader's zone and language."""
    case = IncidentFactory(owner=counsel, title="Dated case")
    Incident.objects.unrestricted("test").filter(pk=case.pk).update(
        created_at=datetime(2026, 3, 5, 14, 30, tzinfo=UTC)
    )
    caches["case_list"].clear()
    client = login(counsel)
    british = client.get(LIST, HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    american = client.get(LIST, HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    british_again = client.get(LIST, HTTP_ACCEPT_LANGUAGE="en-GB").content.decode()
    assert "05 Mar 2026" in british and "05 Mar 2026" in british_again
    assert "Mar 5, 2026" in american and "05 Mar 2026" not in american
