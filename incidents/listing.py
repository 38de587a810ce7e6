"""One page of the case list as plain values: which cases, how many in all, and what each row
shows. Kept in the list cache (``list_cache``) until a committed write changes what it shows;
the view formats times and countdowns afresh for every request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from django.core.paginator import Page, Paginator
from django.db.models import Aggregate, JSONField, OuterRef, Subquery

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


class JSONList(Aggregate):
    """The aggregated values as a JSON array: ``JSONB_AGG`` on PostgreSQL, ``JSON_GROUP_ARRAY``
    on SQLite. A page's related rows come inside its one query this way, not one query each."""

    function = "JSON_GROUP_ARRAY"
    output_field = JSONField()

    def as_postgresql(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, function="JSONB_AGG", **extra_context)


def _listed(related, field: str):
    """``field`` of the case's rows in ``related`` (a correlated subquery), as a JSON list."""
    return Subquery(
        related.filter(incident_id=OuterRef("pk"))
        .order_by()
        .values("incident_id")
        .annotate(items=JSONList(field))
        .values("items")[:1]
    )


@cache
def _row_extras():
    # Built once: Django copies an expression whenever a query uses it, and building these two
    # subqueries costs a page more than running them.
    return {
        "open_dues": _listed(Obligation.objects.open(), "due_at"),
        "places": _listed(AffectedPopulation.objects.all(), "jurisdiction"),
    }


def _instant(value) -> datetime | None:
    # JSON has no dates: PostgreSQL writes ISO 8601 with the offset, SQLite its stored UTC text.
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _compute(user, filters: CaseFilters, number):
    # The ids stay a sliced subquery: the count and the page cost the same on page 1 and 400.
    ids, counted = case_ids(user, filters)
    page = CountingPaginator(ids, PAGE_SIZE, counted).get_page(number)
    sort = filters.sort if filters.sort in SORTS else DEFAULT_SORT
    # One query for the page: its cases with their open deadlines and places alongside.
    # The page ids come from case_ids (visible_to); this reads their columns.
    rows = list(
        Incident.objects.unrestricted("a page of ids already restricted")
        .filter(pk__in=page.object_list)
        .order_by(*SORTS[sort])
        .annotate(**_row_extras(), list_token=list_cache.token_in_query())
        .values_list(*COLUMNS, "open_dues", "places", "list_token")
    )
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
            open_dues=tuple(_instant(due) for due in dues or ()),
            jurisdictions=tuple(sorted(places or ())),
        )
        for (pk, reference, title, privileged, status, severity, created_at, next_due_at,
             username, first, last, dues, places, _) in rows
    )  # fmt: skip
    # The token the rows were read under (none for an empty page, which is then not kept).
    seen = rows[0][-1] if rows else None
    return (page.paginator.count, page.number, listed), seen
