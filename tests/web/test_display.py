"""Pure display helpers: dates in the viewer's zone, countdowns, the clock picture's geometry,
and the facts form's reading of typed times."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django import forms
from django.utils import timezone

from accounts.templatetags.when import countdown, humanize_delta, urgency, wall_time, when
from incidents import timeline
from incidents.forms import localize, parse_counts_text

NOW = datetime(2026, 3, 27, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "0m"), (59 * 60, "59m"), (3600 * 5 + 60 * 7, "5h 07m"), (86400 * 3 + 3600 * 4, "3d 4h"),
     (-(3600 * 8), "8h 00m")],
)  # fmt: skip
def test_humanize_delta(seconds, text):
    assert humanize_delta(seconds) == text


@pytest.mark.parametrize(
    ("offset", "bucket"),
    [(timedelta(minutes=-1), "overdue"), (timedelta(hours=23), "day"), (timedelta(hours=24), "day"),
     (timedelta(days=3), "week"), (timedelta(days=8), "later")],
)  # fmt: skip
def test_urgency(offset, bucket):
    assert urgency(NOW + offset, now=NOW) == bucket
    assert urgency(None, now=NOW) == "none"


@pytest.mark.parametrize(
    ("zone", "local"),
    [("Europe/Berlin", "Fri 27 Mar 2026, 13:00 CET"),
     ("America/New_York", "Fri 27 Mar 2026, 08:00 EDT"),
     ("Asia/Kolkata", "Fri 27 Mar 2026, 17:30 IST"),
     ("UTC", "Fri 27 Mar 2026, 12:00 UTC")],
)  # fmt: skip
def test_when_shows_the_viewers_zone_with_utc_on_hover(zone, local):
    with timezone.override(ZoneInfo(zone)):
        html = when(NOW)
    assert f">{local}</time>" in html
    assert 'title="2026-03-27 12:00 UTC"' in html
    assert 'datetime="2026-03-27T12:00:00Z"' in html


def test_when_accepts_iso_strings_and_nothing():
    with timezone.override(ZoneInfo("Europe/Berlin")):
        # After the spring change (29 March), Berlin is on summer time.
        assert "Mon 30 Mar 2026, 14:00 CEST" in when("2026-03-30T12:00:00Z")
    assert when(None) == "—"


def test_countdown_carries_the_instant_for_the_script():
    html = countdown(timezone.now() - timedelta(hours=2, minutes=5))
    assert "countdown-overdue" in html and "overdue by 2h 0" in html
    assert 'data-due="' in html


def test_wall_time_names_the_authoritys_offset():
    assert wall_time("2026-05-11T23:59:59-07:00", "America/Los_Angeles") == (
        "Mon 11 May 2026, 23:59 (UTC-07:00 America/Los_Angeles)"
    )
    assert wall_time("", "UTC") == ""


def test_timeline_lays_out_lanes_on_one_axis_with_now():
    start = NOW - timedelta(days=1)
    lanes = [
        timeline.Lane("DE · SA", "GDPR", start, start + timedelta(hours=72), "open"),
        timeline.Lane("US-CA · Individuals", "CA", start, start + timedelta(days=30), "open"),
        timeline.Lane("US-CA · AG", "CA-AG", None, start + timedelta(days=45), "open"),
    ]
    drawn = timeline.build(lanes, NOW, ZoneInfo("Europe/Berlin"))
    assert drawn.view_box == f"0 0 1000 {drawn.height}"
    first, second, third = drawn.lanes
    assert first.x_start == second.x_start  # the same clock start, the same x
    assert first.x_start < drawn.now_x < first.x_due < second.x_due < third.x_due
    assert third.x_start == third.x_due  # no clock start: a dot at the deadline
    assert timeline.LABEL_WIDTH <= first.x_start and third.x_due <= drawn.plot_right
    assert [lane.y for lane in drawn.lanes] == sorted({lane.y for lane in drawn.lanes})
    assert 3 <= len(drawn.ticks) <= 12
    assert all(timeline.LABEL_WIDTH <= tick.x <= drawn.plot_right for tick in drawn.ticks)
    assert timeline.build([], NOW, ZoneInfo("UTC")) is None


def test_timeline_ticks_stay_on_local_midnight_across_a_clock_change():
    zone = ZoneInfo("Europe/Berlin")
    start = datetime(2026, 3, 25, 12, 0, tzinfo=UTC)
    lanes = [timeline.Lane("x", "x", start, start + timedelta(days=6), "open")]
    drawn = timeline.build(lanes, start, zone)
    labels = [tick.label for tick in drawn.ticks]
    assert labels == sorted(set(labels), key=labels.index)
    assert "29 Mar" in labels and "30 Mar" in labels  # the day of the change and the next


def test_typed_times_are_read_in_the_chosen_zone():
    wall = datetime(2026, 3, 27, 17, 0)
    assert localize(wall, "Europe/Berlin").astimezone(UTC) == datetime(
        2026, 3, 27, 16, 0, tzinfo=UTC
    )
    with pytest.raises(forms.ValidationError, match="clock change"):
        localize(datetime(2026, 3, 29, 2, 30), "Europe/Berlin")  # skipped hour
    with pytest.raises(forms.ValidationError, match="clock change"):
        localize(datetime(2026, 10, 25, 2, 30), "Europe/Berlin")  # repeated hour


def test_counts_text_names_the_bad_line():
    assert parse_counts_text("de 9000\n\nUS-CA 1,200") == {"DE": 9000, "US-CA": 1200}
    with pytest.raises(forms.ValidationError, match="Line 3: DE .* already on line 1"):
        parse_counts_text("de 9000\n\nDE 1")  # flagged, never summed
    with pytest.raises(forms.ValidationError, match="Line 2"):
        parse_counts_text("DE 9000\nFrance 3000")
    with pytest.raises(forms.ValidationError, match="Line 1"):
        parse_counts_text("DE nine")


@pytest.mark.parametrize(
    ("text", "shown", "hidden"),
    [
        # An instant in a stored summary reads in the viewer's zone (Berlin, CET), UTC on hover.
        ("US-CA-AG: due 2026-12-27T07:59:59Z", ">Sun 27 Dec 2026, 08:59 CET</time>", None),
        ("moved 2026-03-29T00:30:00+00:00", "Sun 29 Mar 2026, 01:30 CET", None),
        ("after the clock change 2026-03-29T01:30:00Z", "Sun 29 Mar 2026, 03:30 CEST", None),
        # Everything around it is escaped; text without an instant is only escaped.
        ("<b>2026-12-27T07:59:59Z</b>", "&lt;b&gt;<time", "<b>"),
        ("a title with <script>", "&lt;script&gt;", "<script>"),
        # Not an instant (no offset), not a real date, or beyond what the zones can show: as typed.
        ("2026-12-27T07:59", "2026-12-27T07:59", "<time"),
        ("see 2024-13-01T00:00Z", "2024-13-01T00:00Z", "<time"),
        ("see 9999-12-31T23:59:00Z", "9999-12-31T23:59:00Z", "<time"),
        ("see 0001-01-01T00:00:00Z", "0001-01-01T00:00:00Z", "<time"),
    ],
)
def test_instants_in_summaries(text, shown, hidden):
    from accounts.templatetags.when import instants

    for zone in ("Europe/Berlin", "Asia/Tokyo", "America/Los_Angeles"):  # east and west of UTC
        with timezone.override(ZoneInfo(zone)):
            html = instants(text)
        if zone == "Europe/Berlin":
            assert shown in html
        if hidden:
            assert hidden not in html


def test_form_messages_keep_what_cannot_be_read_as_a_date():
    from incidents.forms import FactsForm
    from incidents.web_facts import readable

    form = FactsForm()
    for text in ("2024-13-01T00:00Z", "9999-12-31T23:59:00Z", "0001-01-01T00:00:00Z"):
        with timezone.override(ZoneInfo("Asia/Tokyo")):
            assert text in readable(f"bad {text}", form)


@pytest.mark.parametrize(
    ("key", "text"),
    [
        ("ransom_paid_at", "Ransom paid"),
        ("discovered_at", "Discovered"),
        ("new_event", "New event"),
    ],
)
def test_event_label(key, text):
    from incidents.templatetags.casepages import event_label

    assert event_label(key) == text
