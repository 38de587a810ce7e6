"""Reads of cases: the one door (``visible_to``), who may edit, the dashboard and list queries.

Pages, the API, feeds, exports and the admin all start from ``Incident.objects.visible_to(user)``;
a case outside it does not exist for that user (404, never 403). Query counts stay flat whatever
the number of cases: related rows come by ``select_related`` / ``prefetch_related`` / subqueries.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.core.paginator import Paginator
from django.db import connection, models
from django.db.models import (
    Case,
    Count,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property

from .choices import IncidentStatus, Severity

VIEW_ALL_PERMISSION = "incidents.view_all_incidents"
CHANGE_PERMISSION = "incidents.change_incident"
# Opening a case: responders and counsel (audit.roles). The web form, the API and the buttons
# that lead to them all ask ``can_open_cases``; there is no other check to keep in step.
OPEN_PERMISSION = "incidents.add_incident"


def sees_all(user) -> bool:
    """The privacy office (and superusers) see every case."""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and (user.is_superuser or user.has_perm(VIEW_ALL_PERMISSION))
    )


def _open_obligations(model):
    return model.objects.filter(status="open", superseded=False)


class UnrestrictedReadError(RuntimeError):
    """``Incident.objects`` was read without saying whose cases: a side door to every case."""


class IncidentQuerySet(models.QuerySet):
    """Cases, restricted by default: ``Incident.objects`` hands out no case until the read says
    whose cases it wants - ``visible_to(user)`` (a person's) or ``unrestricted(why)`` (every case,
    for a system job such as a worker, a beat task or a management command, with the reason).

    Reading (iterating, ``get``, ``count``, ``exists``, ``update``...) a queryset that said
    neither raises ``UnrestrictedReadError``, so a forgotten ``visible_to`` fails in the first
    test that reaches it instead of showing someone cases they are not on. Writing a new case
    (``create``, ``bulk_create``) and the empty queryset (``none()``) need neither.
    ``tests/security/test_restricted_reads.py`` lists every ``unrestricted`` read in the code.
    """

    # None until the read is scoped; then "visible_to" or "unrestricted: <why>". Kept by _clone.
    _scope: str | None = None

    def _clone(self):
        clone = super()._clone()
        clone._scope = self._scope
        return clone

    def _scoped(self, scope: str):
        clone = self._chain()
        clone._scope = scope
        return clone

    def visible_to(self, user):
        """Cases ``user`` may see: all for the privacy office, else those whose team has them."""
        if user is None or not user.is_authenticated or not user.is_active:
            return self._scoped("visible_to").none()
        if sees_all(user):
            return self._scoped("visible_to")
        from .models import TeamMember

        # A subquery rather than a join: no duplicate rows, and other team filters stay separate.
        return self._scoped("visible_to").filter(
            pk__in=TeamMember.objects.filter(user_id=user.pk).values("incident_id")
        )

    def visibility_sql(self, user) -> tuple[str, tuple]:
        """``visible_to(user)`` as a condition on the case table, for a statement written by hand
        (the case list on PostgreSQL, ``list_sql``): ``(sql, params)``. The same cases as
        ``visible_to`` (``tests/web/test_list_sql.py`` checks it user by user)."""
        if user is None or not user.is_authenticated or not user.is_active:
            return "FALSE", ()
        if sees_all(user):
            return "TRUE", ()
        return self.team_visibility_sql(user)

    def team_visibility_sql(self, user) -> tuple[str, tuple]:
        """On the case's team, as SQL: what ``visibility_sql`` answers for a person who sees
        their team's cases. ``list_sql`` reads such a person's cases from the team table alone
        only while ``visibility_sql`` answers exactly this: a rule added to ``visibility_sql``
        around it turns that path off rather than being bypassed by it (a rule added here
        would be bypassed: being on the team is what the team table records)."""
        from .models import TeamMember

        q, team = connection.ops.quote_name, TeamMember._meta
        return (
            f"{q(self.model._meta.db_table)}.{q(self.model._meta.pk.column)} IN"  # noqa: S608 - names from models
            f" (SELECT {q(team.get_field('incident').column)} FROM {q(team.db_table)}"
            f" WHERE {q(team.get_field('user').column)} = %s)",
            (user.pk,),
        )

    def unrestricted(self, why: str):
        """Every case, for code that acts for no one person (workers, beat tasks, commands, the
        case's own door locking its row). ``why`` says why no restriction applies."""
        if not isinstance(why, str) or not why.strip():
            raise ValueError("say why this read may see every case")
        return self._scoped(f"unrestricted: {why.strip()}")

    def _check_scope(self) -> None:
        if self._scope is None and not self.query.is_empty():
            raise UnrestrictedReadError(
                "Incident.objects read without visible_to(user) or unrestricted(why)"
            )

    # Every way a queryset reaches the database for rows or counts goes through one of these.
    def _fetch_all(self):
        self._check_scope()
        super()._fetch_all()

    def _iterator(self, use_chunked_fetch, chunk_size):
        self._check_scope()
        return super()._iterator(use_chunked_fetch, chunk_size)

    def count(self):
        self._check_scope()
        return super().count()

    def exists(self):
        self._check_scope()
        return super().exists()

    def aggregate(self, *args, **kwargs):
        self._check_scope()
        return super().aggregate(*args, **kwargs)

    def update(self, **kwargs):
        self._check_scope()
        return super().update(**kwargs)

    def delete(self):
        self._check_scope()
        return super().delete()

    def deadlines_running(self):
        """Cases whose deadlines still run: every case not closed, and a closed case while one of
        its obligations is open. Closing does not end a legal deadline (its reminders go on), so
        a rule-book change must move such a deadline too; a closed case with nothing open is the
        record and is left alone."""
        from .models import Obligation

        return self.filter(
            ~Q(status="closed") | Q(pk__in=_open_obligations(Obligation).values("incident_id"))
        )

    def refresh_next_due(self):
        """Recompute ``next_due_at`` of these cases from their open obligations (one UPDATE).

        ``Obligation.save()`` / ``delete()`` call it; bulk writes that bypass them
        (``bulk_create``, ``QuerySet.update``) must call it themselves.
        """
        from .models import Obligation

        earliest = (
            _open_obligations(Obligation)
            .filter(incident=OuterRef("pk"), due_at__isnull=False)
            .order_by("due_at")
            .values("due_at")[:1]
        )
        return self.update(next_due_at=Subquery(earliest))

    def with_list_data(self):
        """What a case list row shows, in a constant number of queries for any page size.

        ``next_due``: the earliest open deadline (the maintained ``next_due_at``);
        ``open_obligations`` / ``overdue``: counts.
        Owner by join; affected populations by one prefetch.
        """
        from .models import AffectedPopulation, Obligation

        open_obs = _open_obligations(Obligation).filter(incident=OuterRef("pk"))
        now = timezone.now()
        return (
            self.select_related("owner")
            .annotate(
                next_due=F("next_due_at"),
                open_obligations=Coalesce(
                    Subquery(
                        open_obs.order_by()
                        .values("incident")
                        .annotate(n=Count("pk"))
                        .values("n")[:1]
                    ),
                    Value(0),
                ),
                overdue_obligations=Coalesce(
                    Subquery(
                        open_obs.filter(due_at__lt=now)
                        .order_by()
                        .values("incident")
                        .annotate(n=Count("pk"))
                        .values("n")[:1]
                    ),
                    Value(0),
                ),
            )
            .prefetch_related(
                Prefetch("affected", queryset=AffectedPopulation.objects.order_by("jurisdiction"))
            )
        )


def _rank(field: str, choices) -> Case:
    """A choice field ordered as its choices are declared (the workflow for status, low to
    critical for severity), not alphabetically ("critical, high, low, medium")."""
    return Case(
        *(When(**{field: value}, then=Value(i)) for i, value in enumerate(choices.values)),
        default=Value(len(choices.values)),
        output_field=IntegerField(),
    )


# Sort keys the list page and the API accept (anything else falls back to the default). Each
# ends on a unique column, so paging through equal values never shows a case twice or skips one.
SORTS = {
    "reference": ("reference",),
    "-reference": ("-reference",),
    "title": ("title", "id"),
    "-title": ("-title", "-id"),
    "status": (_rank("status", IncidentStatus).asc(), "-created_at", "-id"),
    "-status": (_rank("status", IncidentStatus).desc(), "-created_at", "-id"),
    "severity": (_rank("severity", Severity).asc(), "-created_at", "-id"),
    "-severity": (_rank("severity", Severity).desc(), "-created_at", "-id"),
    "created": ("created_at", "id"),
    "-created": ("-created_at", "-id"),
    "next_due": (F("next_due_at").asc(nulls_last=True), "-id"),
    "-next_due": (F("next_due_at").desc(nulls_last=True), "-id"),
}
DEFAULT_SORT = "-created"


@dataclass(frozen=True)
class CaseFilters:
    """The list filters shared by the case list page and ``GET /api/v1/incidents``."""

    status: str | None = None
    jurisdiction: str | None = None
    owner: int | str | None = None  # a user id or a username
    due_within: timedelta | None = None  # an open deadline before now + this (overdue included)
    q: str | None = None  # reference, title or description contains
    sort: str | None = None

    def apply(self, qs, *, now: datetime | None = None):
        from .models import Obligation

        # Text a database cannot compare (NUL, lone surrogates) matches nothing, never errors.
        for value in (self.jurisdiction, self.owner, self.q):
            if isinstance(value, str) and not searchable(value):
                return qs.none()

        if self.status:
            qs = qs.filter(status=self.status)
        if self.jurisdiction:
            from .models import AffectedPopulation

            code = self.jurisdiction.strip().upper()
            # "US" also finds cases with US-CA people; obligations count too (e.g. the lead
            # authority). Subqueries, not joins: each case once, no DISTINCT.
            place = Q(jurisdiction=code) | Q(jurisdiction__startswith=f"{code}-")
            qs = qs.filter(
                Q(pk__in=AffectedPopulation.objects.filter(place).values("incident_id"))
                | Q(pk__in=Obligation.objects.filter(place).values("incident_id"))
            )
        if self.owner not in (None, ""):
            if (user_id := owner_id(self.owner)) is not None:
                qs = qs.filter(owner_id=user_id)
            else:
                qs = qs.filter(owner__username=self.owner)
        if self.due_within is not None:
            # An open deadline before the limit exists exactly when the earliest one is before it.
            qs = qs.filter(next_due_at__lte=(now or timezone.now()) + self.due_within)
        if self.q:
            term = self.q.strip()
            qs = qs.filter(
                Q(reference__icontains=term)
                | Q(title__icontains=term)
                | Q(description__icontains=term)
            )
        sort = self.sort if self.sort in SORTS else DEFAULT_SORT
        return qs.order_by(*SORTS[sort])


def owner_id(owner) -> int | None:
    """The user id the owner filter names, or None when it names a username: ASCII digits that
    fit a bigint (``str.isdigit`` also accepts "²", which ``int`` cannot read)."""
    text = str(owner)
    if text.isascii() and text.isdigit() and len(text) < 19:
        return int(text)
    return None


def searchable(text: str) -> bool:
    """Can a database compare ``text``? (No NUL, no lone surrogate.)"""
    if "\x00" in text:
        return False
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_due_within(value) -> timedelta | None:
    """``"24h"``, ``"7d"``, ``"48"`` (hours) -> timedelta; raises ValueError with a reason."""
    if value in (None, ""):
        return None
    if isinstance(value, timedelta):
        return value
    text = str(value).strip().lower()
    unit = "h"
    if text[-1:] in ("h", "d", "w"):
        text, unit = text[:-1], text[-1]
    # ASCII only: str.isdigit() also accepts digits int() cannot read ("²").
    if not (text.isascii() and text.isdigit()):
        raise ValueError("use a number of hours, or a number followed by h, d or w (e.g. 24h, 7d)")
    hours = int(text[-9:]) * {"h": 1, "d": 24, "w": 24 * 7}[unit]
    if len(text.lstrip("0")) > 9 or hours > 24 * 3660:
        raise ValueError("must be at most ten years (e.g. 24h, 7d, 2w)")
    return timedelta(hours=hours)


def can_open_cases(user) -> bool:
    """May ``user`` open a new case (through the web form or the API)?"""
    return bool(
        user is not None
        and user.is_authenticated
        and user.is_active
        and user.has_perm(OPEN_PERMISSION)
    )


def can_view(user, incident) -> bool:
    from .models import Incident

    return Incident.objects.visible_to(user).filter(pk=incident.pk).exists()


def can_edit(user, incident) -> bool:
    """On the case (or the privacy office) with a role that may change it, and the permission.

    Groups give ``incidents.change_incident`` to responders and counsel, not to viewers; a
    ``viewer`` role on the case is read-only whatever the user's groups.
    """
    if user is None or not user.is_authenticated or not user.is_active:
        return False
    if user.is_superuser:
        return True
    if not user.has_perm(CHANGE_PERMISSION):
        return False
    if sees_all(user):
        return True
    from .choices import TeamRole

    role = _team_role(user, incident)
    return role is not None and role != TeamRole.VIEWER


def _team_role(user, incident):
    # Use a prefetched team when the caller has one (the case page does), else one query.
    cache = getattr(incident, "_prefetched_objects_cache", {})
    if "team" in cache:
        for member in cache["team"]:
            if member.user_id == user.pk:
                return member.role
        return None
    from .models import TeamMember

    return (
        TeamMember.objects.filter(incident_id=incident.pk, user_id=user.pk)
        .values_list("role", flat=True)
        .first()
    )


class ObligationQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status="open", superseded=False)

    def visible_to(self, user):
        from .models import Incident

        return self.filter(incident__in=Incident.objects.visible_to(user))

    def further_information_owed(self):
        """Notified in phases (GDPR Art 33(4)) with the final part still owed: what the
        reminders count down to ``follow_up_target_at`` for (reminders.schedule), and what the
        "Move target" door accepts (not superseded)."""
        return self.filter(status="notified", superseded=False, follow_up_target_at__isnull=False)


def due_next(user, *, limit: int | None = 50):
    """Open obligations on the user's visible cases, earliest deadline first, case joined.

    Closed cases count too: closing a case (with a reason) does not end a legal deadline, and
    reminders keep running until each obligation is notified, not required or waived - so the
    dashboard and the calendar feeds show them like the case list does.
    Deadline-less obligations ("without undue delay", waiting for an event) come last.
    One query.
    """
    from .models import Obligation

    qs = (
        Obligation.objects.visible_to(user)
        .open()
        .select_related("incident")
        .order_by(F("due_at").asc(nulls_last=True), "incident_id", "rule_code")
    )
    return qs[:limit] if limit else qs


def further_information_next(user, *, limit: int | None = 50):
    """The further information still owed on the user's visible cases (a notice given in
    phases), earliest internal target first, case joined: the dashboard and the calendar feeds
    list it beside the deadlines, as the team's target and never as a legal deadline. Closed
    cases count too, as in ``due_next``. One query."""
    from .models import Obligation

    qs = (
        Obligation.objects.visible_to(user)
        .further_information_owed()
        .select_related("incident")
        .order_by("follow_up_target_at", "incident_id", "rule_code")
    )
    return qs[:limit] if limit else qs


def due_totals(user, now: datetime | None = None) -> dict[str, int]:
    """Dashboard counts of the open obligations ``due_next`` lists (closed cases included).

    ``open``, ``overdue``, ``day`` (due within 24 hours) and ``week`` (after that, within 7 days),
    the same windows as ``due_bucket``. One query.
    """
    from .models import Obligation

    now = now or timezone.now()
    day, week = now + timedelta(hours=24), now + timedelta(days=7)
    return (
        Obligation.objects.visible_to(user)
        .open()
        .aggregate(
            open=Count("pk"),
            overdue=Count("pk", filter=Q(due_at__lt=now)),
            day=Count("pk", filter=Q(due_at__gte=now, due_at__lte=day)),
            week=Count("pk", filter=Q(due_at__gt=day, due_at__lte=week)),
        )
    )


def open_obligation_counts(obligations, now: datetime | None = None) -> dict[str, int]:
    """``open`` and ``overdue`` among already-loaded obligations (no query): the case page warns
    with them before a case is closed while deadlines still run."""
    now = now or timezone.now()
    live = [ob for ob in obligations if ob.is_open]
    return {
        "open": len(live),
        "overdue": sum(1 for ob in live if ob.due_at is not None and ob.due_at < now),
    }


def due_bucket(due_at: datetime | None, now: datetime | None = None) -> str:
    """Dashboard grouping: ``overdue``, ``24h``, ``week``, ``later`` or ``no_deadline``."""
    if due_at is None:
        return "no_deadline"
    now = now or timezone.now()
    if due_at < now:
        return "overdue"
    if due_at <= now + timedelta(hours=24):
        return "24h"
    if due_at <= now + timedelta(days=7):
        return "week"
    return "later"


def status_counts(user) -> dict[str, int]:
    """Number of visible cases per status (every status present, zero included). One query."""
    from .models import Incident

    counts = dict.fromkeys(IncidentStatus.values, 0)
    rows = Incident.objects.visible_to(user).order_by().values("status").annotate(n=Count("pk"))
    for row in rows:
        counts[row["status"]] = row["n"]
    return counts


# --- paging a case list at a cost that does not grow with the page number ----------------------
class CountingPaginator(Paginator):
    """Counts a cheaper query than the one it pages (the ordering annotation is not needed to
    know how many cases match)."""

    def __init__(self, object_list, per_page, counted, **kwargs):
        super().__init__(object_list, per_page, **kwargs)
        self.counted = counted

    @cached_property
    def count(self):
        return self.counted.count()


def case_ids(user, filters: CaseFilters, *, now: datetime | None = None):
    """The ordered ids of the cases ``user`` may see that match ``filters``, and the cheapest
    queryset that counts them.

    Only indexed columns are filtered and ordered here (the deadline too: ``next_due_at`` is kept
    on the case). Slice the ids for a page,
    then ``case_rows`` computes the list's costly columns for that page alone.
    """
    from .models import Incident, TeamMember

    ids = filters.apply(Incident.objects.visible_to(user), now=now)
    counted = ids
    if filters == CaseFilters(sort=filters.sort) and user.is_active and not sees_all(user):
        # "How many cases am I on" is answered by the team index alone (a deactivated account
        # sees none, whatever teams it is still on).
        counted = TeamMember.objects.filter(user_id=user.pk)
    return ids.values_list("pk", flat=True), counted


def case_rows(page_ids, filters: CaseFilters):
    """The list rows (``with_list_data``) for one page of ids, in the page's order."""
    from .models import Incident

    sort = filters.sort if filters.sort in SORTS else DEFAULT_SORT
    return list(
        # The ids come from case_ids (visible_to); this reads their list columns.
        Incident.objects.unrestricted("a page of ids already restricted")
        .filter(pk__in=list(page_ids))
        .with_list_data()
        .order_by(*SORTS[sort])
    )
