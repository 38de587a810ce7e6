"""Deadline arithmetic on its own: properties over random instants, zones and amounts."""

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from jurisdictions.engine import calendars as cal

ZONES = [
    "America/Los_Angeles",
    "America/New_York",
    "Europe/Berlin",
    "Australia/Sydney",
    "Asia/Kolkata",
    "Pacific/Honolulu",
    "Atlantic/Reykjavik",
    "UTC",
]
NY = cal.BusinessCalendar("US public holidays", "country", "US", "NY")
starts = st.datetimes(min_value=datetime(2018, 1, 1), max_value=datetime(2032, 1, 1)).map(
    lambda d: d.replace(tzinfo=UTC)
)


@settings(max_examples=300, deadline=None)
@given(starts, st.integers(1, 120), st.sampled_from(ZONES))
def test_calendar_days_end_on_the_nth_local_date(start, days, zone_name):
    tz = cal.zone(zone_name)
    due, steps = cal.add_calendar_days(start, days, tz)
    local = due.astimezone(tz)
    assert local.date() == start.astimezone(tz).date() + timedelta(days=days)
    assert local.time() == time(23, 59, 59)
    assert due > start and steps


@settings(max_examples=200, deadline=None)
@given(starts, st.integers(1, 20), st.sampled_from(ZONES))
def test_business_days_skip_weekends_and_holidays(start, days, zone_name):
    tz = cal.zone(zone_name)
    due, _ = cal.add_business_days(start, days, tz, NY)
    first, last = start.astimezone(tz).date(), due.astimezone(tz).date()
    counted = [
        first + timedelta(days=i)
        for i in range(1, (last - first).days + 1)
        if NY.is_business_day(first + timedelta(days=i))
    ]
    assert len(counted) == days and counted[-1] == last


@settings(max_examples=300, deadline=None)
@given(starts, st.integers(1, 36), st.sampled_from(ZONES))
def test_months_never_run_backwards_and_clamp(start, months, zone_name):
    tz = cal.zone(zone_name)
    due, _ = cal.add_months(start, months, tz)
    assert due > start
    s, d = start.astimezone(tz), due.astimezone(tz)
    assert (d.year * 12 + d.month) - (s.year * 12 + s.month) == months
    assert d.day == s.day or d.day < s.day  # clamped to a shorter month


@given(starts, st.integers(1, 200))
def test_hours_are_elapsed_time(start, hours):
    due, _ = cal.add_hours(start, hours, cal.zone("Europe/Berlin"))
    assert due - start == timedelta(hours=hours)


def test_relief_moves_a_holiday_deadline_to_noon_of_the_next_business_day():
    tz = cal.zone("America/New_York")
    christmas = datetime(2026, 12, 25, 15, 0, tzinfo=tz)
    moved, steps = cal.next_business_day_noon(christmas, NY)
    assert moved == datetime(2026, 12, 28, 12, 0, tzinfo=tz)
    assert "Christmas Day" in steps[0]
    monday = datetime(2026, 12, 28, 15, 0, tzinfo=tz)
    assert cal.next_business_day_noon(monday, NY) == (monday, [])


def test_holiday_lookups_are_cached_per_calendar_and_year():
    cal._holidays_for.cache_clear()
    for _ in range(3):
        NY.is_business_day(date(2026, 7, 3))
    info = cal._holidays_for.cache_info()
    assert (info.misses, info.hits) == (1, 2)


@pytest.mark.parametrize(
    ("start", "zone_name", "year_end_utc", "due_local"),
    [
        # 10 March 2026 -> end of 2026 in New York (EST); 60 days after 31 Dec 2026 = 1 Mar 2027
        (
            "2026-03-10T12:00:00-05:00",
            "America/New_York",
            "2027-01-01T04:59:59+00:00",
            "2027-03-01T23:59:59-05:00",
        ),
        # 1 January 02:00 UTC is still 31 December in New York: the year of 2025 counts
        (
            "2026-01-01T02:00:00+00:00",
            "America/New_York",
            "2026-01-01T04:59:59+00:00",
            "2026-03-01T23:59:59-05:00",
        ),
        # a leap year follows: 31 Dec 2027 + 60 days = 29 Feb 2028
        (
            "2027-12-31T20:00:00-05:00",
            "America/New_York",
            "2028-01-01T04:59:59+00:00",
            "2028-02-29T23:59:59-05:00",
        ),
    ],
)
def test_year_end_anchor_then_days(start, zone_name, year_end_utc, due_local):
    tz = cal.zone(zone_name)
    year_end, steps = cal.end_of_calendar_year(datetime.fromisoformat(start), tz)
    assert year_end.astimezone(UTC).isoformat() == year_end_utc
    assert "the count starts at the end of that year" in steps[0]
    due, _ = cal.add_calendar_days(year_end, 60, tz)
    assert due.isoformat() == due_local
