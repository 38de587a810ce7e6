"""The numbers, counted by hand: time to notify, deadlines met or missed, open by week, causes."""

from datetime import UTC, date, datetime, timedelta

import pytest

from register.numbers import compute
from register.selectors import Filters
from tests.factories import IncidentFactory, ObligationFactory

pytestmark = pytest.mark.django_db

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)  # Monday 2 March 2026: discovery and awareness


@pytest.fixture
def cases(counsel):
    a = IncidentFactory(owner=counsel, cause="ransomware", discovered_at=T0)
    b = IncidentFactory(owner=counsel, cause="ransomware", discovered_at=T0 + timedelta(days=1))
    c = IncidentFactory(owner=counsel, cause="", discovered_at=T0 + timedelta(days=2))
    make = ObligationFactory
    rows = {
        # notified 24 h after awareness, before its deadline: met
        "met": make(incident=a, created_at=T0, status="notified",
                    notified_at=T0 + timedelta(hours=24), due_at=T0 + timedelta(hours=72),
                    status_changed_at=T0 + timedelta(hours=24)),
        # notified 96 h after awareness, a day late: missed
        "late": make(incident=a, created_at=T0, recipient="individuals", status="notified",
                     notified_at=T0 + timedelta(hours=96), due_at=T0 + timedelta(hours=72),
                     status_changed_at=T0 + timedelta(hours=96)),
        # still open after its deadline: missed
        "overdue": make(incident=b, created_at=T0, due_at=T0 + timedelta(days=5)),
        # open, due after the period: not counted as met or missed
        "later": make(incident=c, created_at=T0 + timedelta(days=2),
                      due_at=T0 + timedelta(days=60)),
    }  # fmt: skip
    return rows


def test_numbers_by_hand(cases, privacy_officer):
    n = compute(
        privacy_officer,
        Filters(start=date(2026, 3, 1), end=date(2026, 3, 31)),
        now=T0 + timedelta(days=10),
    )
    assert n.cases == 3
    assert (n.met, n.missed, n.share_met) == (1, 2, 33.3)
    assert sorted(x["hours"] for x in n.notices) == [24.0, 96.0]
    assert ("Supervisory authorities", 24.0, 1) in n.by_recipient
    assert ("Individuals", 96.0, 1) in n.by_recipient
    assert n.by_cause == [("Ransomware", 2), ("Not recorded", 1)]
    weeks = dict(n.weeks)
    # End of Sunday 8 March: "met" and "late" were closed (2 and 4 days in), the other two open.
    assert weeks[date(2026, 3, 8)] == 2
    # End of Sunday 1 March: nothing existed yet.
    assert weeks[date(2026, 3, 1)] == 0


def test_numbers_see_only_visible_cases(cases, outsider):
    n = compute(outsider, Filters(start=date(2026, 3, 1), end=date(2026, 3, 31)))
    assert (n.cases, n.met, n.missed, n.notices) == (0, 0, 0, [])
