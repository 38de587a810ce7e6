"""iCalendar (.ics) feeds of deadlines, reached by a secret revocable address (``FeedToken``).

A feed is "my open deadlines on the cases I can see" or one case's, with the further information
a notice given in phases still owes at its internal target ("Further information due"). The
token stands in for a login (calendar apps cannot sign in), and every read still goes through
``visible_to(user)``: a user taken off a case loses it from their feed. No privileged narrative
leaves in a feed: events carry the reference, the recipient, the deadline and a link - never
notes or the description, and not even the title of a privileged case. Text is escaped by
``icalendar``.
"""

from __future__ import annotations

from datetime import timedelta

from django.conf import settings
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET
from icalendar import Alarm, Calendar, Event

from .models import FeedToken, Incident, Obligation
from .queries import due_next, further_information_next

PRODID = "-//Breachclock//Notification deadlines//EN"
EVENT_LENGTH = timedelta(minutes=30)
# Alarms calendar apps show on their own, before each deadline.
ALARMS = (timedelta(hours=24), timedelta(hours=1))


def _site_url(path: str) -> str:
    return settings.SITE_URL.rstrip("/") + path


def _who(ob: Obligation) -> str:
    who = ob.authority or ob.recipient.replace("_", " ")
    stage = f" ({ob.stage.replace('_', ' ')})" if ob.stage else ""
    return f"{who}{stage}"


def _case_label(incident: Incident) -> str:
    return incident.reference if incident.privileged else f"{incident.reference} {incident.title}"


def event_summary(ob: Obligation) -> str:
    label = _case_label(ob.incident)
    if ob.due_at is None:
        return f"Internal target (not a legal deadline): notify {_who(ob)} - {label}"
    return f"Deadline: notify {_who(ob)} - {label}"


def further_information_summary(ob: Obligation) -> str:
    return f"Further information due: {_who(ob)} - {_case_label(ob.incident)}"


def _case_lines(ob: Obligation) -> list[str]:
    lines = []
    if ob.incident.status == "closed":
        # Closing a case does not end a legal deadline: say why a closed case is still here.
        lines.append("The case is closed; this notification is still open.")
    if ob.incident.privileged:
        lines.append("Privileged & confidential case: details on the case page only.")
    lines.append(f"Case: {_site_url(ob.incident.get_absolute_url())}")
    return lines


def event_description(ob: Obligation) -> str:
    lines = [f"Rule: {ob.rule_code} ({ob.regime})"]
    if ob.due_at is None:
        lines.append(f"Internal target (UTC): {ob.target_at:%Y-%m-%d %H:%M} UTC")
        lines.append("Set by the case team; the law gives no fixed deadline for this notice.")
    else:
        lines.append(f"Deadline (UTC): {ob.due_at:%Y-%m-%d %H:%M} UTC")
    if ob.due_local:
        lines.append(f"Deadline (authority's time): {ob.due_local}")
    if ob.timing_standard:
        lines.append(f"Timing: {ob.timing_standard}")
    if ob.citation:
        lines.append(f"Citation: {ob.citation}")
    return "\n".join(lines + _case_lines(ob))


def further_information_description(ob: Obligation) -> str:
    lines = [
        f"Rule: {ob.rule_code} ({ob.regime})",
        f"Further information due (UTC): {ob.follow_up_target_at:%Y-%m-%d %H:%M} UTC",
        "The notice went out in phases and the rest of its information is still owed. This is "
        "the case team's internal target, not a legal deadline.",
    ]
    if ob.notified_at:
        lines.append(f"Notice sent (UTC): {ob.notified_at:%Y-%m-%d %H:%M} UTC")
    if ob.citation:
        lines.append(f"Citation: {ob.citation}")
    return "\n".join(lines + _case_lines(ob))


def _event(ob: Obligation, *, uid: str, at, summary: str, description: str, categories, now):
    event = Event()
    event.add("uid", uid)
    event.add("sequence", ob.deadline_version)
    event.add("dtstamp", now)
    event.add("last-modified", ob.updated_at)
    event.add("dtstart", at - EVENT_LENGTH)
    event.add("dtend", at)
    event.add("summary", summary)
    event.add("description", description)
    event.add("url", _site_url(ob.incident.get_absolute_url()))
    event.add("status", "CONFIRMED")
    event.add("transp", "TRANSPARENT")
    event.add("categories", categories)
    for before in ALARMS:
        alarm = Alarm()
        alarm.add("action", "DISPLAY")
        alarm.add("description", summary)
        alarm.add("trigger", EVENT_LENGTH - before)
        event.add_component(alarm)
    return event


def build_calendar(obligations, *, name: str, further_information=()) -> bytes:
    """One VEVENT per open obligation with a deadline or an internal target, in UTC, and one
    per obligation still owing the further information of a notice given in phases, at its
    internal target ("Further information due"). Same UID across deadline moves (SEQUENCE is
    the deadline version) so calendar apps update the event instead of adding one; the
    further information has a UID of its own, so it never stands in for the notice's deadline.
    """
    cal = Calendar()
    cal.add("prodid", PRODID)
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("method", "PUBLISH")
    cal.add("x-wr-calname", name)
    cal.add("x-wr-timezone", "UTC")
    now = timezone.now()
    host = settings.SITE_URL.split("//")[-1].split("/")[0] or "breachclock"
    for ob in obligations:
        at = ob.due_at if ob.due_at is not None else ob.target_at
        if at is None:
            continue  # "without undue delay" and no internal target: nothing to put in a calendar
        categories = [ob.jurisdiction, ob.recipient]
        if ob.due_at is None:
            categories.append("internal target")
        event = _event(
            ob,
            uid=f"obligation-{ob.pk}@{host}",
            at=at,
            summary=event_summary(ob),
            description=event_description(ob),
            categories=categories,
            now=now,
        )
        cal.add_component(event)
    for ob in further_information:
        event = _event(
            ob,
            uid=f"further-information-{ob.pk}@{host}",
            at=ob.follow_up_target_at,
            summary=further_information_summary(ob),
            description=further_information_description(ob),
            categories=[ob.jurisdiction, ob.recipient, "further information", "internal target"],
            now=now,
        )
        cal.add_component(event)
    return cal.to_ical()


def feed_obligations(token: FeedToken):
    """The open obligations a feed shows, through the read door of the token's user."""
    if token.incident_id is None:
        return due_next(token.user, limit=None)
    return (
        Obligation.objects.filter(incident=_feed_case(token), status="open", superseded=False)
        .select_related("incident")
        .order_by("due_at")
    )


def feed_further_information(token: FeedToken):
    """The further information still owed that a feed shows, through the same read door."""
    if token.incident_id is None:
        return further_information_next(token.user, limit=None)
    return (
        Obligation.objects.filter(incident=_feed_case(token))
        .further_information_owed()
        .select_related("incident")
        .order_by("follow_up_target_at")
    )


def _feed_case(token: FeedToken) -> Incident:
    incident = Incident.objects.visible_to(token.user).filter(pk=token.incident_id).first()
    if incident is None:
        raise Http404("No such feed")
    return incident


@require_GET
@cache_control(private=True, max_age=300)
def calendar_feed(request, token: str):
    """``/feeds/<token>.ics``: no session needed; a revoked or unknown token is a 404."""
    feed = (
        FeedToken.objects.select_related("user", "incident")
        .filter(token=token, revoked_at__isnull=True, user__is_active=True)
        .first()
    )
    if feed is None:
        raise Http404("No such feed")
    obligations = feed_obligations(feed)
    name = (
        f"Breachclock: {feed.incident.reference}"
        if feed.incident_id
        else f"Breachclock: deadlines of {feed.user.get_username()}"
    )
    body = build_calendar(
        obligations, name=name, further_information=feed_further_information(feed)
    )
    now = timezone.now()
    if feed.last_used_at is None or now - feed.last_used_at > timedelta(hours=1):
        # Shown on the profile ("last fetched"); at most one write an hour per feed.
        FeedToken.objects.filter(pk=feed.pk).update(last_used_at=now)
    response = HttpResponse(body, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = 'inline; filename="breachclock.ics"'
    response["X-Robots-Tag"] = "noindex"
    return response
