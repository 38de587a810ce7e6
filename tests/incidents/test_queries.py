"""The read door: who sees which case, who may edit, and list queries with flat query counts."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from django.contrib.auth.models import AnonymousUser

from incidents.models import Incident
from incidents.queries import (
    CaseFilters,
    can_edit,
    due_bucket,
    due_next,
    due_totals,
    open_obligation_counts,
    parse_due_within,
    status_counts,
)
from tests.factories import IncidentFactory, ObligationFactory, UserFactory


@pytest.fixture
def other_case(db):
    return IncidentFactory(title="Lost laptop")


@pytest.mark.parametrize(
    ("persona", "sees_case", "sees_other"),
    [
        ("counsel", True, False),
        ("responder", True, False),
        ("viewer", True, False),
        ("outsider", False, False),
        ("privacy_officer", True, True),
    ],
)
def test_visible_to_by_persona(request, case, other_case, persona, sees_case, sees_other):
    user = request.getfixturevalue(persona)
    visible = set(Incident.objects.visible_to(user))
    assert (case in visible) is sees_case
    assert (other_case in visible) is sees_other


def test_superuser_sees_all_and_anonymous_or_inactive_see_nothing(case, other_case, counsel):
    admin = UserFactory(username="root", is_superuser=True, is_staff=True)
    assert Incident.objects.visible_to(admin).count() == 2
    assert not Incident.objects.visible_to(AnonymousUser()).exists()
    assert not Incident.objects.visible_to(None).exists()
    counsel.is_active = False
    counsel.save()
    assert not Incident.objects.visible_to(counsel).exists()


def test_visible_to_gives_each_case_once(case, counsel):
    # Team of three: a join would give the case three times.
    assert Incident.objects.visible_to(counsel).count() == 1


@pytest.mark.parametrize(
    ("persona", "allowed"),
    [
        ("counsel", True),
        ("responder", True),
        ("viewer", False),  # read-only group and role
        ("outsider", False),  # may change cases, but not this one
        ("privacy_officer", False),  # sees every case, read-only
    ],
)
def test_can_edit(request, case, persona, allowed):
    assert can_edit(request.getfixturevalue(persona), case) is allowed


def test_privacy_office_with_a_working_role_may_edit_any_case(case, privacy_officer):
    from tests.conftest import role_group

    privacy_officer.groups.add(role_group("counsel"))
    privacy_officer = type(privacy_officer).objects.get(pk=privacy_officer.pk)  # fresh perm cache
    assert can_edit(privacy_officer, case) is True


def test_only_the_privacy_office_role_sees_every_case(db):
    from django.contrib.auth.models import Group

    holders = set(
        Group.objects.filter(
            permissions__codename="view_all_incidents",
            permissions__content_type__app_label="incidents",
        ).values_list("name", flat=True)
    )
    assert holders == {"Privacy office"}


def test_viewer_role_is_read_only_even_with_change_permission(case, responder):
    from incidents.models import TeamMember

    TeamMember.objects.filter(incident=case, user=responder).update(role="viewer")
    assert can_edit(responder, case) is False


def test_due_next_orders_open_obligations_across_my_cases(counsel, other_case):
    now = datetime.now(UTC)
    mine = IncidentFactory(owner=counsel)
    mine2 = IncidentFactory(owner=counsel)
    closed = IncidentFactory(owner=counsel, status="closed")
    late = ObligationFactory(incident=mine, due_at=now - timedelta(hours=1))
    soon = ObligationFactory(incident=mine2, due_at=now + timedelta(hours=5))
    undated = ObligationFactory(incident=mine, due_at=None, deadline_kind="no_fixed_deadline")
    ObligationFactory(incident=mine, due_at=now, status="notified")
    ObligationFactory(incident=mine, due_at=now, superseded=True)
    # A closed case's open obligation still runs: closing a case does not end a legal deadline.
    still_running = ObligationFactory(incident=closed, due_at=now)
    ObligationFactory(incident=closed, due_at=now, status="waived")
    ObligationFactory(incident=other_case, due_at=now)  # not mine
    assert list(due_next(counsel)) == [late, still_running, soon, undated]


def test_due_next_is_one_query(counsel, django_assert_num_queries):
    for _ in range(5):
        ObligationFactory(incident=IncidentFactory(owner=counsel))
    counsel.get_all_permissions()  # the permission cache is per request, loaded once
    with django_assert_num_queries(1):
        rows = [(o.incident.reference, o.due_at) for o in due_next(counsel)]
    assert len(rows) == 5


@pytest.mark.parametrize("case_status", ["triage", "notifying", "closed", "reopened"])
def test_due_totals_count_open_obligations_whatever_the_case_status(counsel, case_status):
    now = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
    incident = IncidentFactory(owner=counsel, status=case_status)
    for hours in (-3, -1, 5, 30, 24 * 5, 24 * 20, None):
        ObligationFactory(
            incident=incident, due_at=None if hours is None else now + timedelta(hours=hours)
        )
    ObligationFactory(incident=incident, due_at=now - timedelta(hours=2), status="notified")
    ObligationFactory(incident=incident, due_at=now - timedelta(hours=2), superseded=True)
    ObligationFactory(incident=IncidentFactory(), due_at=now - timedelta(hours=2))  # not mine
    assert due_totals(counsel, now) == {"open": 7, "overdue": 2, "day": 1, "week": 2}
    # The dashboard's counts and its rows are the same obligations.
    assert len(due_next(counsel, limit=None)) == 7


@pytest.mark.parametrize(
    ("statuses", "hours", "expected"),
    [
        ([], [], {"open": 0, "overdue": 0}),
        (["open"], [-1], {"open": 1, "overdue": 1}),
        (["open", "open", "open"], [-1, 2, None], {"open": 3, "overdue": 1}),
        (["notified", "waived", "not_required"], [-1, -1, -1], {"open": 0, "overdue": 0}),
        (["open", "notified"], [5, -1], {"open": 1, "overdue": 0}),
    ],
)
def test_open_obligation_counts(case, statuses, hours, expected):
    now = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
    obligations = [
        ObligationFactory(
            incident=case, status=status, due_at=None if h is None else now + timedelta(hours=h)
        )
        for status, h in zip(statuses, hours, strict=True)
    ]
    superseded = ObligationFactory(incident=case, due_at=now - timedelta(hours=1), superseded=True)
    assert open_obligation_counts([*obligations, superseded], now) == expected


@pytest.mark.parametrize(
    ("case_status", "obligation_status", "running"),
    [
        ("triage", None, True),
        ("triage", "notified", True),
        ("reopened", "open", True),
        ("closed", "open", True),  # closing does not end a legal deadline
        ("closed", "notified", False),
        ("closed", "waived", False),
        ("closed", None, False),
    ],
)
def test_deadlines_running(db, case_status, obligation_status, running):
    incident = IncidentFactory(status=case_status)
    if obligation_status:
        ObligationFactory(incident=incident, status=obligation_status)
    ObligationFactory(incident=incident, superseded=True)  # a superseded row never counts
    assert (
        Incident.objects.unrestricted("test").deadlines_running().filter(pk=incident.pk).exists()
        is running
    )


@pytest.mark.parametrize(
    ("hours", "bucket"),
    [(-1, "overdue"), (1, "24h"), (24, "24h"), (25, "week"), (24 * 7, "week"), (24 * 8, "later")],
)
def test_due_bucket(hours, bucket):
    now = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)
    assert due_bucket(now + timedelta(hours=hours), now) == bucket
    assert due_bucket(None, now) == "no_deadline"


def test_status_counts_include_zeroes(counsel, case):
    IncidentFactory(owner=counsel, status="closed")
    counts = status_counts(counsel)
    assert counts == {
        "triage": 1,
        "investigating": 0,
        "notifying": 0,
        "closed": 1,
        "reopened": 0,
    }


def _visible(user, **filters):
    return list(CaseFilters(**filters).apply(Incident.objects.visible_to(user)))


def test_filters(counsel, responder):
    now = datetime.now(UTC)
    a = IncidentFactory(owner=counsel, title="Skimmer", affected={"US-CA": 600}, status="notifying")
    b = IncidentFactory(owner=counsel, title="Ransomware at clinic", affected={"FR": 10})
    c = IncidentFactory(owner=responder, title="Zeta: lost laptop", team=[(counsel, "counsel")])
    ObligationFactory(incident=a, due_at=now + timedelta(hours=10))
    ObligationFactory(incident=b, due_at=now + timedelta(days=20))
    ObligationFactory(incident=c, due_at=now - timedelta(hours=2))  # overdue counts as due
    assert _visible(counsel, status="notifying") == [a]
    assert _visible(counsel, jurisdiction="us") == [a]  # a country finds its states
    assert _visible(counsel, jurisdiction="FR") == [b]
    assert _visible(counsel, owner=responder.pk) == [c]
    assert _visible(counsel, owner=responder.username) == [c]
    assert set(_visible(counsel, due_within=timedelta(hours=24))) == {a, c}
    assert _visible(counsel, q="ransom") == [b]
    assert _visible(counsel, q=b.reference) == [b]
    assert _visible(counsel, sort="next_due") == [c, a, b]
    assert _visible(counsel, sort="-next_due") == [b, a, c]
    assert _visible(counsel, sort="title") == [b, a, c]
    assert _visible(counsel, sort="nonsense") == [c, b, a]  # newest first


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("24h", timedelta(hours=24)),
        ("48", timedelta(hours=48)),
        ("7d", timedelta(days=7)),
        ("2w", timedelta(weeks=2)),
        ("", None),
        (None, None),
    ],
)
def test_parse_due_within(text, expected):
    assert parse_due_within(text) == expected


@pytest.mark.parametrize("text", ["soon", "-5h", "7x", "h"])
def test_parse_due_within_rejects(text):
    with pytest.raises(ValueError, match="number of hours"):
        parse_due_within(text)


def test_list_data_query_count_does_not_grow_with_cases(counsel, django_assert_max_num_queries):
    def page():
        qs = Incident.objects.visible_to(counsel).with_list_data()
        return [
            (
                i.reference,
                i.owner.username,
                i.next_due,
                i.open_obligations,
                [a.jurisdiction for a in i.affected.all()],
            )
            for i in CaseFilters(sort="next_due").apply(qs)[:50]
        ]

    counsel.get_all_permissions()  # the permission cache is per request, loaded once
    for n in range(3):
        ObligationFactory(incident=IncidentFactory(owner=counsel, affected={"DE": n + 1}))
    with django_assert_max_num_queries(2):
        assert len(page()) == 3
    for n in range(20):
        ObligationFactory(incident=IncidentFactory(owner=counsel, affected={"FR": n + 1}))
    with django_assert_max_num_queries(2):
        rows = page()
    assert len(rows) == 23 and all(r[3] == 1 for r in rows)


@pytest.mark.parametrize("text", ["99999999999999999999h", "5000w"])
def test_parse_due_within_refuses_absurd_spans(text):
    with pytest.raises(ValueError, match="ten years"):
        parse_due_within(text)


@pytest.mark.parametrize(
    "filters",
    [
        {"q": "a\x00b"},
        {"jurisdiction": "D\x00E"},
        {"owner": "99999999999999999999999"},
        {"q": "\ud800"},
    ],
)
def test_unsearchable_filter_text_matches_nothing(case, counsel, filters):
    assert _visible(counsel, **filters) == []
