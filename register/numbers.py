"""The numbers leaders ask for, over a chosen period, from the cases the reader may see.

* time from awareness (``aware_at``, else discovery) to each notification recorded;
* the share of deadlines met: a deadline in the period counts as met when the notice was
  recorded by then, missed when it was recorded later or is still open after it;
* open obligations at the end of each week;
* breaches by cause and by regime (cases discovered in the period).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from statistics import median

from django.utils import timezone

from incidents.choices import Cause, ObligationStatus
from incidents.models import Obligation

from .selectors import Filters, cases

MAX_WEEKS = 53
RECIPIENT_LABELS = {
    "supervisory_authority": "Supervisory authorities",
    "attorney_general": "Attorneys general",
    "state_agency": "State agencies",
    "sector_regulator": "Sector regulators",
    "csirt_or_competent_authority": "CSIRTs and competent authorities",
    "individuals": "Individuals",
    "consumer_reporting_agencies": "Consumer reporting agencies",
    "media": "Media",
    "controller": "Controllers",
    "service_recipients": "Service recipients",
    "public": "The public",
    "internal": "Internal",
}


@dataclass
class Numbers:
    start: date
    end: date
    notices: list[dict] = field(default_factory=list)  # one per notification, with hours
    by_recipient: list[tuple[str, float, int]] = field(default_factory=list)  # median hours, n
    met: int = 0
    missed: int = 0
    weeks: list[tuple[date, int]] = field(default_factory=list)
    by_cause: list[tuple[str, int]] = field(default_factory=list)
    by_regime: list[tuple[str, int]] = field(default_factory=list)
    cases: int = 0

    @property
    def share_met(self) -> float | None:
        total = self.met + self.missed
        return round(100 * self.met / total, 1) if total else None


def default_period(today: date) -> tuple[date, date]:
    return today - timedelta(days=89), today


def compute(user, filters: Filters, *, now: datetime | None = None) -> Numbers:
    now = now or timezone.now()
    zone = timezone.get_current_timezone()
    start, end = filters.start, filters.end
    if start is None or end is None:
        start, end = default_period(timezone.localdate(now))
        filters = Filters(filters.organisation, start, end, filters.regime)
    lo = datetime.combine(start, time.min, zone)
    hi = datetime.combine(end, time.max, zone)
    out = Numbers(start=start, end=end)
    # Cases discovered in the period (the register's filter), through visible_to.
    incidents = list(cases(user, filters))
    out.cases = len(incidents)
    causes = Counter(inc.cause or "" for inc in incidents)
    out.by_cause = sorted(
        ((Cause(c).label if c else "Not recorded", n) for c, n in causes.items()),
        key=lambda pair: (-pair[1], pair[0]),
    )
    regimes: Counter = Counter()
    per_recipient: dict[str, list[float]] = defaultdict(list)
    # Obligations of every visible case (the filters but not the period): a deadline or a
    # notice in the period counts even if the case was discovered before it.
    all_filters = Filters(filters.organisation, None, None, filters.regime)
    ids = [inc.pk for inc in incidents]
    for inc in cases(user, all_filters):
        aware = getattr(inc, "aware", None) or getattr(inc, "discovered", None)
        obligations = list(inc.obligations.all())
        if inc.pk in ids:
            regimes.update({ob.regime for ob in obligations})
        for ob in obligations:
            if filters.regime and ob.regime != filters.regime:
                continue
            _count_notice(out, per_recipient, inc, ob, aware, lo, hi)
            _count_deadline(out, ob, lo, hi, now)
    out.by_regime = sorted(regimes.items(), key=lambda pair: (-pair[1], pair[0]))
    out.by_recipient = sorted(
        (
            (RECIPIENT_LABELS.get(r, r), round(median(h), 1), len(h))
            for r, h in per_recipient.items()
        ),
        key=lambda t: t[0],
    )
    out.weeks = _open_by_week(user, all_filters, filters.regime, start, end, zone)
    return out


def _count_notice(out, per_recipient, inc, ob, aware, lo, hi) -> None:
    if ob.status != ObligationStatus.NOTIFIED or not ob.notified_at or aware is None:
        return
    if not lo <= ob.notified_at <= hi:
        return
    hours = round((ob.notified_at - aware).total_seconds() / 3600, 1)
    per_recipient[ob.recipient].append(hours)
    out.notices.append(
        {
            "reference": inc.reference,
            "recipient": ob.authority or RECIPIENT_LABELS.get(ob.recipient, ob.recipient),
            "regime": ob.regime,
            "hours": hours,
            "on_time": ob.due_at is None or ob.notified_at <= ob.due_at,
        }
    )


def _count_deadline(out, ob, lo, hi, now) -> None:
    if ob.due_at is None or not lo <= ob.due_at <= hi or ob.superseded:
        return
    if ob.status == ObligationStatus.NOTIFIED and ob.notified_at:
        if ob.notified_at <= ob.due_at:
            out.met += 1
        else:
            out.missed += 1
    elif ob.status == ObligationStatus.OPEN and ob.due_at < now:
        out.missed += 1


def _open_by_week(user, filters, regime, start, end, zone) -> list[tuple[date, int]]:
    """Obligations open at the end of each week (Sunday 23:59:59 local) of the period."""
    from incidents.models import Incident

    visible = Incident.objects.visible_to(user)
    if filters.organisation:
        visible = visible.filter(organisation_profile_id=filters.organisation)
    obs = Obligation.objects.filter(incident__in=visible.values("pk"), superseded=False)
    if regime:
        obs = obs.filter(regime=regime)
    rows = list(obs.values_list("created_at", "status", "notified_at", "status_changed_at"))
    first_sunday = start + timedelta(days=(6 - start.weekday()))
    out = []
    day = first_sunday
    while day <= end + timedelta(days=6) and len(out) < MAX_WEEKS:
        t = datetime.combine(day, time.max, zone)
        n = 0
        for created, status, notified, changed in rows:
            if created > t:
                continue
            closed_at = notified if status == ObligationStatus.NOTIFIED else changed
            if status == ObligationStatus.OPEN or (closed_at is not None and closed_at > t):
                n += 1
        out.append((day, n))
        day += timedelta(days=7)
    return out


def numbers_csv(numbers: Numbers) -> str:
    import csv
    import io

    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(["Figure", "Label", "Value", "Count"])
    w.writerow(["Period", f"{numbers.start} to {numbers.end}", "", numbers.cases])
    for label, hours, n in numbers.by_recipient:
        w.writerow(["Median hours from awareness to notification", label, hours, n])
    w.writerow(["Deadlines met", "", numbers.met, numbers.met + numbers.missed])
    w.writerow(["Deadlines missed", "", numbers.missed, numbers.met + numbers.missed])
    for day, n in numbers.weeks:
        w.writerow(["Open obligations at end of week", day.isoformat(), n, ""])
    for label, n in numbers.by_cause:
        w.writerow(["Breaches by cause", label, n, ""])
    for label, n in numbers.by_regime:
        w.writerow(["Breaches by regime", label, n, ""])
    for notice in numbers.notices:
        w.writerow(
            ["Hours to notify", f"{notice['reference']} {notice['recipient']}", notice["hours"], ""]
        )
    return buf.getvalue()
