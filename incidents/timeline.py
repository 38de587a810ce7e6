"""The clocks of one case as an SVG picture: a lane per deadline, from clock start to due, and now.

Pure geometry (no Django import): ``build(lanes, now, zone)`` returns the coordinates the template
``incidents/_timeline.svg`` draws, so the drawing is testable without rendering HTML.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

WIDTH = 1000
LABEL_WIDTH = 250
RIGHT_PAD = 20
TOP = 28
LANE_HEIGHT = 26
BOTTOM = 16


@dataclass
class Lane:
    label: str
    detail: str
    start: datetime | None
    due: datetime
    state: str  # "open", "overdue", "day", "done"
    # computed by build()
    y: int = 0
    x_start: float = 0
    x_due: float = 0
    title: str = ""

    @property
    def width(self) -> float:
        return round(max(self.x_due - self.x_start, 1.0), 1)


@dataclass
class Tick:
    x: float
    label: str


@dataclass
class Timeline:
    lanes: list[Lane]
    ticks: list[Tick]
    now_x: float | None
    width: int
    height: int
    label_width: int
    plot_right: int
    axis_y: float

    @property
    def view_box(self) -> str:
        return f"0 0 {self.width} {self.height}"


_STEPS = [
    (timedelta(hours=6), "%d %b %H:%M"),
    (timedelta(hours=12), "%d %b %H:%M"),
    (timedelta(days=1), "%d %b"),
    (timedelta(days=2), "%d %b"),
    (timedelta(days=7), "%d %b"),
    (timedelta(days=14), "%d %b"),
    (timedelta(days=30), "%b %Y"),
    (timedelta(days=91), "%b %Y"),
    (timedelta(days=365), "%Y"),
]


def _ticks(t0: datetime, t1: datetime, zone: ZoneInfo, scale) -> list[Tick]:
    span = t1 - t0
    step, fmt = next(((s, f) for s, f in _STEPS if span / s <= 8), _STEPS[-1])
    # Ticks at local midnights (or whole hours) so labels read naturally in the viewer's zone.
    local = t0.astimezone(zone)
    if step < timedelta(days=1):
        hours = int(step.total_seconds() // 3600)
        first = local.replace(minute=0, second=0, microsecond=0)
        first = first.replace(hour=(first.hour // hours) * hours)
    else:
        first = local.replace(hour=0, minute=0, second=0, microsecond=0)
    ticks = []
    current = first
    for _ in range(40):  # bounded: never more than a few dozen ticks
        if current > t1:
            break
        if current >= t0:
            ticks.append(Tick(scale(current), current.strftime(fmt)))
        # Step in local wall time for whole days so a DST change does not skew the grid.
        if step >= timedelta(days=1):
            current = (current.replace(tzinfo=None) + step).replace(tzinfo=zone)
        else:
            current = (current + step).astimezone(zone)
    return ticks


def build(lanes: list[Lane], now: datetime, zone: ZoneInfo) -> Timeline | None:
    """Lay out the lanes on a shared time axis from the earliest clock start to the last deadline.

    Returns None when no obligation has a fixed deadline (nothing to draw).
    """
    if not lanes:
        return None
    starts = [lane.start for lane in lanes if lane.start] + [lane.due for lane in lanes]
    t0 = min(starts + [now])
    t1 = max([lane.due for lane in lanes] + [now])
    span = t1 - t0 or timedelta(hours=1)
    t0 -= span * 0.03
    t1 += span * 0.05
    plot_right = WIDTH - RIGHT_PAD
    plot_width = plot_right - LABEL_WIDTH

    def scale(at: datetime) -> float:
        return round(LABEL_WIDTH + plot_width * ((at - t0) / (t1 - t0)), 1)

    for index, lane in enumerate(lanes):
        lane.y = TOP + index * LANE_HEIGHT
        lane.x_due = scale(lane.due)
        lane.x_start = scale(lane.start) if lane.start else lane.x_due
    height = TOP + len(lanes) * LANE_HEIGHT + BOTTOM
    return Timeline(
        lanes=lanes,
        ticks=_ticks(t0, t1, zone, scale),
        now_x=scale(now),
        width=WIDTH,
        height=height,
        label_width=LABEL_WIDTH,
        plot_right=plot_right,
        axis_y=TOP - 8,
    )
