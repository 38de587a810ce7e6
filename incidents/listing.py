"""One page of the case list as plain values: which cases, how many in all, and what each row
shows. Kept in the list cache (``list_cache``) until a committed write changes what it shows;
the view formats times and countdowns afresh for every request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.core.paginator import Page, Paginator

from . import list_cache
from .models import AffectedPopulation, Incident, Obligation
from .queries import DEFAULT_SORT, SORTS, CaseFilters, CountingPaginator, case_ids

PAGE_SIZE = 25

# The only columns a row shows: the others are not worth reading for every row of every page.
COLUMNS = (
    "pk",
    "reference",
    "title",
    "privileged",
    "status",
    "severity",
    "created_at",
    "next_due_at",
    "owner__username",
    "owner__first_name",
    "owner__last_name",
)


@dataclass(frozen=True)
class ListedCase:
    pk: int
    reference: str
    title: str
    privileged: bool
    owner: str  # full name, else username
    status: str
    severity: str
    created_at: datetime
    next_due: datetime | None  # the earliest open deadline
    open_dues: tuple[datetime | None, ...]  # every open obligation's deadline (None: no fixed one)
    jurisdictions: tuple[str, ...]  # where affected people live, alphabetical

    @property
    def open_obligations(self) -> int:
        return len(self.open_dues)

    def overdue_obligations(self, now: datetime) -> int:
        return sum(1 for due in self.open_dues if due is not None and due < now)


def page_of_cases(user, filters: CaseFilters, number) -> Page:
    """The requested page (a bad or out-of-range number gives the nearest page, as
    ``Paginator.get_page``), its ``object_list`` the page's ``ListedCase`` rows."""
    count, number, listed = list_cache.cached_page(
        user, filters, number, lambda: _compute(user, filters, number)
    )
    page = Paginator(range(count), PAGE_SIZE).page(number)
    page.object_list = list(listed)
    return page


def _compute(user, filters: CaseFilters, number):
    # The ids stay a sliced subquery: the count and the page cost the same on page 1 and 400.
    ids, counted = case_ids(user, filters)
    page = CountingPaginator(ids, PAGE_SIZE, counted).get_page(number)
    sort = filters.sort if filters.sort in SORTS else DEFAULT_SORT
    rows = list(
        Incident.objects.filter(pk__in=page.object_list)
        .order_by(*SORTS[sort])
        .values_list(*COLUMNS)
    )
    page_ids = [row[0] for row in rows]
    dues: dict[int, list] = {pk: [] for pk in page_ids}
    for incident_id, due_at in (
        Obligation.objects.open()
        .filter(incident_id__in=page_ids)
        .order_by()
        .values_list("incident_id", "due_at")
    ):
        dues[incident_id].append(due_at)
    codes: dict[int, list[str]] = {pk: [] for pk in page_ids}
    for incident_id, code in (
        AffectedPopulation.objects.filter(incident_id__in=page_ids)
        .order_by("jurisdiction")
        .values_list("incident_id", "jurisdiction")
    ):
        codes[incident_id].append(code)
    listed = tuple(
        ListedCase(
            pk=pk,
            reference=reference,
            title=title,
            privileged=privileged,
            owner=f"{first} {last}".strip() or username,
            status=status,
            severity=severity,
            created_at=created_at,
            next_due=next_due_at,
            open_dues=tuple(dues[pk]),
            jurisdictions=tuple(codes[pk]),
        )
        for (pk, reference, title, privileged, status, severity, created_at, next_due_at,
             username, first, last) in rows
    )  # fmt: skip
    return page.paginator.count, page.number, listed
