"""Deadline arithmetic: hours, calendar days, business days, months; zones and holidays.

Counting conventions (``breachclock.facts/1``):

1. Hours are elapsed time from the trigger instant, in UTC: a DST change inside the window moves
   the local wall time of the deadline, not the instant.
2. Days: the trigger day is not counted; the deadline is 23:59:59 local time on the Nth calendar
   day, counted from the local calendar date of the trigger in the authority's zone.
3. Business days: as days, skipping weekends and the calendar's holidays; the deadline is the end
   of the Nth business day or the rule's cut-off time.
4. Months: the same local day and time N months later, clamped to the month's last day.
5. Year-end anchor (a report "not later than 60 days after the end of each calendar year" for the
   breaches discovered during it): the count starts at the end of 31 December of the calendar year
   of the trigger, in the authority's zone; that day is not counted.

Every function returns the deadline and the human-readable steps that produced it, because a
lawyer must be able to check the date by hand.
"""

from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from functools import cache, lru_cache
from zoneinfo import ZoneInfo

END_OF_DAY = time(23, 59, 59)
NOON = time(12, 0)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@cache
def zone(name: str) -> ZoneInfo:
    return ZoneInfo(name)


@lru_cache(maxsize=4096)
def _holidays_for(kind: str, code: str, subdivision: str | None, year: int) -> dict[date, str]:
    """Holidays of one calendar and year, as a plain dict (cached: building them is slow)."""
    import holidays

    if kind == "market":
        found = holidays.financial_holidays(code, years=year)
    else:
        found = holidays.country_holidays(code, subdiv=subdivision, years=year)
    return dict(found.items())


@dataclass(frozen=True)
class BusinessCalendar:
    """Weekends plus a holidays-package calendar (a country with an optional subdivision, or a
    financial market such as NYSE) plus closure days an administrator added."""

    label: str  # shown in the computation steps, e.g. "US-NY holidays" or "NYSE"
    kind: str  # "country" | "market"
    code: str
    subdivision: str | None = None
    extra_closures: tuple[date, ...] = ()

    def holiday_name(self, day: date) -> str | None:
        if day in self.extra_closures:
            return "closure day"
        return _holidays_for(self.kind, self.code, self.subdivision, day.year).get(day)

    def is_business_day(self, day: date) -> bool:
        return day.weekday() < 5 and self.holiday_name(day) is None


_DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_MONTH_ABBR = (
    "",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "May",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Oct",
    "Nov",
    "Dec",
)


def fmt_local(dt: datetime) -> str:
    """'Fri 27 Mar 2026 17:00 CET (UTC+01:00)' - the form shown in computation steps.

    Built by hand rather than with strftime: it runs for every step of every obligation.
    """
    offset = dt.utcoffset()
    label = "UTC" if offset is None else f"UTC{_offset(offset)}"
    name = dt.tzname() or ""
    if name == "UTC" or not offset:
        label = name or "UTC"
    elif name and not name.startswith(("+", "-")):
        label = f"{name} ({label})"
    clock = f"{dt.hour:02d}:{dt.minute:02d}" + (f":{dt.second:02d}" if dt.second else "")
    return f"{_DAY_ABBR[dt.weekday()]} {dt.day} {_MONTH_ABBR[dt.month]} {dt.year} {clock} {label}"


def fmt_utc(dt: datetime) -> str:
    u = dt.astimezone(UTC)
    return f"{u.year:04d}-{u.month:02d}-{u.day:02d} {u.hour:02d}:{u.minute:02d}:{u.second:02d} UTC"


def _dst_note(start_local: datetime, due_local: datetime) -> str | None:
    before, after = start_local.utcoffset(), due_local.utcoffset()
    if before == after:
        return None
    direction = "forward" if after > before else "back"
    return (
        f"clocks in {due_local.tzinfo} went {direction} inside the window "
        f"(UTC offset {_offset(before)} -> {_offset(after)})"
    )


def _offset(delta: timedelta) -> str:
    minutes = int(delta.total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"{sign}{minutes // 60:02d}:{minutes % 60:02d}"


def _local_end(day: date, at: time, tz: ZoneInfo) -> datetime:
    # Build the wall time in the zone; round-trip through UTC so a time that does not exist on a
    # spring-forward day resolves to a real instant.
    return datetime.combine(day, at, tzinfo=tz).astimezone(UTC).astimezone(tz)


def add_hours(start: datetime, hours: int, tz: ZoneInfo) -> tuple[datetime, list[str]]:
    return _add_elapsed(start, timedelta(hours=hours), f"{hours} hours", tz)


def add_minutes(start: datetime, minutes: int, tz: ZoneInfo) -> tuple[datetime, list[str]]:
    """Elapsed minutes, like hours (Chile RAN 20-8: an operational incident within 30 minutes)."""
    return _add_elapsed(start, timedelta(minutes=minutes), f"{minutes} minutes", tz)


def _add_elapsed(
    start: datetime, span: timedelta, words: str, tz: ZoneInfo
) -> tuple[datetime, list[str]]:
    due = (start.astimezone(UTC) + span).astimezone(tz)
    start_local = start.astimezone(tz)
    steps = [
        f"{words} elapsed from {fmt_utc(start)} ({fmt_local(start_local)}) "
        f"= {fmt_utc(due)}, {fmt_local(due)} local time",
    ]
    note = _dst_note(start_local, due)
    if note:
        steps.append(f"{note}: the instant is {words} later, the wall time shifts")
    return due, steps


def add_calendar_days(
    start: datetime, days: int, tz: ZoneInfo, cutoff: time | None = None
) -> tuple[datetime, list[str]]:
    start_local = start.astimezone(tz)
    first = start_local.date()
    last = first + timedelta(days=days)
    due = _local_end(last, cutoff or END_OF_DAY, tz)
    steps = [
        f"trigger on {fmt_local(start_local)}: local date {first.isoformat()} in {tz.key}, "
        "not counted",
        f"day {days} after it is {WEEKDAYS[last.weekday()]} {last.isoformat()}; deadline "
        f"{(cutoff or END_OF_DAY).isoformat()} local time = {fmt_utc(due)}",
    ]
    note = _dst_note(start_local, due)
    if note:
        steps.append(f"{note}; days are counted on the local calendar, so the date is unaffected")
    return due, steps


def add_business_days(
    start: datetime,
    days: int,
    tz: ZoneInfo,
    cal: BusinessCalendar,
    cutoff: time | None = None,
) -> tuple[datetime, list[str]]:
    start_local = start.astimezone(tz)
    day = start_local.date()
    skipped: list[str] = []
    counted = 0
    while counted < days:
        day += timedelta(days=1)
        if day.weekday() >= 5:
            continue
        name = cal.holiday_name(day)
        if name:
            skipped.append(f"{day.isoformat()} ({name})")
            continue
        counted += 1
    due = _local_end(day, cutoff or END_OF_DAY, tz)
    steps = [
        f"trigger on {fmt_local(start_local)}: local date {start_local.date().isoformat()} in "
        f"{tz.key}, not counted",
        f"counting {days} business days (weekends and {cal.label} skipped)"
        + (f"; holidays skipped: {', '.join(skipped)}" if skipped else "; no holidays in the way"),
        f"business day {days} is {WEEKDAYS[day.weekday()]} {day.isoformat()}; deadline "
        f"{(cutoff or END_OF_DAY).isoformat()} local time = {fmt_utc(due)}",
    ]
    note = _dst_note(start_local, due)
    if note:
        steps.append(f"{note}; the date is counted on the local calendar")
    return due, steps


def add_months(start: datetime, months: int, tz: ZoneInfo) -> tuple[datetime, list[str]]:
    start_local = start.astimezone(tz)
    index = start_local.month - 1 + months
    year, month = start_local.year + index // 12, index % 12 + 1
    last_day = _calendar.monthrange(year, month)[1]
    day = min(start_local.day, last_day)
    wall = start_local.replace(tzinfo=None).replace(year=year, month=month, day=day)
    due = wall.replace(tzinfo=tz).astimezone(UTC).astimezone(tz)
    steps = [
        f"{months} month(s) after {fmt_local(start_local)} = {fmt_local(due)} "
        f"({fmt_utc(due)})"
        + (
            f"; day {start_local.day} does not exist in {year}-{month:02d}, clamped to day "
            f"{last_day}"
            if day != start_local.day
            else ""
        )
    ]
    return due, steps


def add(
    start: datetime,
    amount: int,
    unit: str,
    tz: ZoneInfo,
    cal: BusinessCalendar | None = None,
    cutoff: time | None = None,
) -> tuple[datetime, list[str]]:
    """Dispatch on ``unit``; ``cal`` is required for business days."""
    if unit == "minutes":
        return add_minutes(start, amount, tz)
    if unit == "hours":
        return add_hours(start, amount, tz)
    if unit == "calendar_days":
        return add_calendar_days(start, amount, tz, cutoff)
    if unit == "business_days":
        if cal is None:
            raise ValueError("business days need a holiday calendar")
        return add_business_days(start, amount, tz, cal, cutoff)
    if unit == "months":
        return add_months(start, amount, tz)
    raise ValueError(f"unknown unit {unit!r}")


def end_of_calendar_year(start: datetime, tz: ZoneInfo) -> tuple[datetime, list[str]]:
    """The end (23:59:59 local) of 31 December of the trigger's local calendar year."""
    start_local = start.astimezone(tz)
    year_end = _local_end(date(start_local.year, 12, 31), END_OF_DAY, tz)
    return year_end, [
        f"trigger on {fmt_local(start_local)}: calendar year {start_local.year} in {tz.key}; "
        f"the count starts at the end of that year, {fmt_local(year_end)} ({fmt_utc(year_end)})"
    ]


def next_business_day_noon(
    due_local: datetime, cal: BusinessCalendar
) -> tuple[datetime, list[str]]:
    """Relief rule: a deadline on a weekend or holiday moves to noon of the next business day."""
    day = due_local.date()
    if cal.is_business_day(day):
        return due_local, []
    reason = cal.holiday_name(day) or WEEKDAYS[day.weekday()]
    nxt = day + timedelta(days=1)
    while not cal.is_business_day(nxt):
        nxt += timedelta(days=1)
    tz = due_local.tzinfo
    moved = _local_end(nxt, NOON, tz)
    return moved, [
        f"{day.isoformat()} is not a working day ({reason}, {cal.label}): relief moves the "
        f"deadline to noon of the next working day, {WEEKDAYS[nxt.weekday()]} {nxt.isoformat()} "
        f"12:00 = {fmt_utc(moved)}"
    ]
