"""Charts drawn on the server as SVG (as the case clock is): no script, no outside fetch.

Each function takes plain figures and returns SVG markup with every label escaped; the page
shows the same figures beside the chart in a table, so nothing is only in the picture.
"""

from __future__ import annotations

from django.utils.html import escape
from django.utils.safestring import mark_safe

WIDTH = 560
ROW = 26
LABEL_W = 250


def _fmt(value: float) -> str:
    return f"{value:,.1f}".rstrip("0").rstrip(".") if isinstance(value, float) else f"{value:,}"


def _short(text: str, n: int) -> str:
    return text if len(text) <= n else text[: n - 1] + "…"


def bars(title: str, items: list[tuple[str, float]], *, unit: str = "") -> str:
    """Horizontal bars, one per (label, value), longest value full width."""
    height = 30 + ROW * max(1, len(items))
    top = max((v for _, v in items), default=0) or 1
    plot = WIDTH - LABEL_W - 70
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
    ]
    if not items:
        parts.append('<text class="chart-empty" x="8" y="40">Nothing in this period.</text>')
    for i, (label, value) in enumerate(items):
        y = 20 + i * ROW
        w = max(1, round(plot * value / top)) if value else 0
        parts.append(
            f'<text class="chart-label" x="{LABEL_W - 8}" y="{y + 14}" text-anchor="end">'
            f"{escape(_short(label, 36))}</text>"
            f'<rect class="chart-bar" x="{LABEL_W}" y="{y + 2}" width="{w}" height="16" rx="2">'
            f"<title>{escape(label)}: {_fmt(value)}{escape(unit)}</title></rect>"
            f'<text class="chart-value" x="{LABEL_W + w + 6}" y="{y + 14}">'
            f"{_fmt(value)}{escape(unit)}</text>"
        )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def columns(title: str, items: list[tuple[str, float]]) -> str:
    """Vertical columns over time (one per week), labelled under each column."""
    height = 200
    n = max(1, len(items))
    slot = (WIDTH - 40) / n
    top = max((v for _, v in items), default=0) or 1
    step = -(-n // 7)  # at most seven labels under the axis: more would overlap
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height + 40}" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f'<line class="chart-axis" x1="30" y1="{height}" x2="{WIDTH - 10}" y2="{height}"></line>'
    ]
    for i, (label, value) in enumerate(items):
        h = round((height - 30) * value / top)
        x = 30 + i * slot + slot * 0.15
        w = max(2, slot * 0.7)
        parts.append(
            f'<rect class="chart-bar" x="{x:.1f}" y="{height - h}" width="{w:.1f}" height="{h}">'
            f"<title>{escape(label)}: {_fmt(value)}</title></rect>"
            f'<text class="chart-value" x="{x + w / 2:.1f}" y="{height - h - 4}" '
            f'text-anchor="middle">{_fmt(value)}</text>'
        )
        if i % step == 0:
            parts.append(
                f'<text class="chart-label" x="{x + w / 2:.1f}" y="{height + 16}" '
                f'text-anchor="middle">{escape(label)}</text>'
            )
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text above is escaped


def share(title: str, met: int, missed: int) -> str:
    """One bar split into deadlines met and missed, with the share met."""
    total = met + missed
    plot = WIDTH - 20
    w_met = round(plot * met / total) if total else 0
    pct = f"{100 * met / total:.0f}% met" if total else "No deadline fell in this period"
    rest = "chart-missed" if total else "chart-none"
    return mark_safe(  # noqa: S308 - only numbers and the escaped title
        f'<svg class="chart" viewBox="0 0 {WIDTH} 70" role="img" '
        f'xmlns="http://www.w3.org/2000/svg"><title>{escape(title)}</title>'
        f'<rect class="chart-bar chart-met" x="10" y="10" width="{w_met}" height="24"></rect>'
        f'<rect class="chart-bar {rest}" x="{10 + w_met}" y="10" width="{plot - w_met}" '
        f'height="24"></rect>'
        f'<text class="chart-value" x="10" y="56">{pct} ({met} met, {missed} missed)</text></svg>'
    )
