"""Paging through the case list shows every case exactly once, whatever the sort, even when many
cases share the sorted value and the moment they were opened (each sort ends on the id)."""

from __future__ import annotations

import pytest
from django.utils import timezone

from incidents.listing import PAGE_SIZE, page_of_cases
from incidents.models import Incident
from incidents.queries import SORTS, CaseFilters
from tests.factories import IncidentFactory

pytestmark = pytest.mark.django_db


def test_every_sort_pages_through_equal_values_without_repeats_or_gaps(counsel):
    opened = timezone.now()
    for i in range(PAGE_SIZE * 3 - 5):
        # One status, one severity, one title, one moment: only the id tells them apart.
        IncidentFactory(
            owner=counsel,
            title="Same title",
            status="triage",
            severity="high",
            created_at=opened,
            reference=f"SAME-{i:03d}",
        )
    every = set(Incident.objects.visible_to(counsel).values_list("pk", flat=True))
    for sort in SORTS:
        seen = []
        page = page_of_cases(counsel, CaseFilters(sort=sort), 1)
        while True:
            seen += [case.pk for case in page.object_list]
            if not page.has_next():
                break
            page = page_of_cases(counsel, CaseFilters(sort=sort), page.next_page_number())
        assert len(seen) == len(every) and set(seen) == every, sort


@pytest.mark.parametrize("owner", ["²", "٣", "9" * 30, "-1"])
def test_an_owner_that_is_not_a_plain_number_is_a_username_not_an_error(login, counsel, owner):
    IncidentFactory(owner=counsel, title="Mine")
    response = login(counsel).get("/incidents/", {"owner": owner})
    assert response.status_code == 200
    assert "Mine" not in response.content.decode()
