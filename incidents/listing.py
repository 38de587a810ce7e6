"""One page of the case list as plain values: which cases, how many in all, and what each row
shows. Kept in the list cache (``list_cache``) until a committed write changes what it shows;
the view formats times and countdowns afresh for every request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache

from django.core.paginator import Page, Paginator
from django.db import connection
from django.db.models import JSONField
from django.db.models.expressions import RawSQL
from django.utils import timezone

from . import list_cache, list_query, list_sql
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
    # get_page: a case removed between the count and a second statement (a page past the end)
    # can leave ``number`` past the last page; the nearest page then, never an error.
    page = Paginator(range(count), PAGE_SIZE).get_page(number)
    page.object_list = list(listed)
    return page


def _related_list(model, field: str, where: str = "", params=()) -> RawSQL:
    """``field`` of the case's rows in ``model`` as a JSON list (a correlated subquery):
    ``JSONB_AGG`` on PostgreSQL, ``JSON_GROUP_ARRAY`` on SQLite. A page's related rows come
    inside its one query this way, not one query each."""
    q = connection.ops.quote_name
    agg = "JSONB_AGG" if connection.vendor == "postgresql" else "JSON_GROUP_ARRAY"
    meta = model._meta
    case = f"{q(Incident._meta.db_table)}.{q(Incident._meta.pk.column)}"
    sql = (
        f"SELECT {agg}({q(meta.get_field(field).column)}) FROM {q(meta.db_table)}"  # noqa: S608
        f" WHERE {q(meta.get_field('incident').column)} = {case}{where}"
    )
    return RawSQL(f"({sql})", params, output_field=JSONField())  # noqa: S611 - names from models


@cache
def _row_extras():
    # Written once as SQL: built as ORM subqueries, Django resolved and compiled them again for
    # every page, which cost more than running them. The page's rows query reads the case table
    # under its own name (``filter(pk__in=...)`` on ``Incident``), which the subqueries refer to.
    q = connection.ops.quote_name
    return {
        # Open as ``ObligationQuerySet.open()``: status open, not superseded.
        "open_dues": _related_list(
            Obligation,
            "due_at",
            f" AND {q('status')} = %s AND {q('superseded')} = %s",
            ("open", False),
        ),
        "places": _related_list(AffectedPopulation, "jurisdiction"),
    }


def _instant(value) -> datetime | None:
    # JSON has no dates: PostgreSQL writes ISO 8601 with the offset, SQLite its stored UTC text.
    if value is None:
        return None
    parsed = datetime.fromisoformat(value)
    return parsed if parsed.tzinfo else parsed.replace(tzinfo=UTC)


def _compute(user, filters: CaseFilters, number):
    """((count, page number, rows), the token the rows were read under, until when the page
    stays right without a write: None for always, or for a deadline window the moment the next
    case's deadline enters it)."""
    now = timezone.now()
    if connection.vendor == "postgresql":
        # One statement: the count and the page's rows (list_query), the cases as list_sql
        # writes them.
        extras = _row_extras()
        count, number, rows, seen, entering = list_query.fetch(
            list_sql.case_ids(user, filters, now),
            number=number,
            page_size=PAGE_SIZE,
            extras=[extras["open_dues"], extras["places"]],
            token_sql=list_cache.token_in_query().sql,
        )
        if not rows:
            seen = None  # an empty page is not kept
        until = None
        if filters.due_within is not None:
            # A window only gains cases as time passes (a deadline moves only with a write):
            # the page holds until the next one enters it, or for good if none will.
            until = entering - filters.due_within if entering else list_cache.NO_END
        return (count, number, _listed_cases(rows)), seen, until
    ids, counted = case_ids(user, filters, now=now)
    # The ids stay a sliced subquery: the count and the page cost the same on page 1 and 400.
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
    # The token the rows were read under (none for an empty page, which is then not kept).
    seen = rows[0][-1] if rows else None
    # (A deadline window's page is not kept here: its end would cost another query.)
    until = list_cache.NOT_KEPT if filters.due_within is not None else None
    listed = _listed_cases(row[:-1] for row in rows)
    return (page.paginator.count, page.number, listed), seen, until


def _listed_cases(rows) -> tuple[ListedCase, ...]:
    return tuple(
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
             username, first, last, dues, places) in rows
    )  # fmt: skip
