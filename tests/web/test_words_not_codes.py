"""No raw vocabulary key or boolean formula on any page, report, email or API ``why`` of the demo
cases, as each demo person sees them. (The machine-readable codes stay in their own fields.)"""

from __future__ import annotations

import html
import re

import pytest
from django.core.management import call_command
from django.utils import timezone

from incidents.choices import CAUSES, DATA_CATEGORIES
from incidents.models import Incident
from jurisdictions.engine.rules import EVENTS, RECIPIENTS
from jurisdictions.engine.vocabulary import STAGE_LABELS, UNIT_WORDS, known_regimes
from jurisdictions.loader import current_rulebook

pytestmark = pytest.mark.django_db

DEMO_PEOPLE = ("demo", "sam.responder", "pat.privacy")
# Keys of one word ("name", "media") are plain English; the ones that give themselves away have
# an underscore or a colon.
_TAG = re.compile(r"<(script|style)\b.*?</\1>|<[^>]+>", re.S)
_FORMULA = re.compile(r"\((?:[a-z_]+ (?:and|or) )+[a-z_]+\)|\b[a-z]+_[a-z_]+ \+ [a-z]")
_PLURAL_ONE = re.compile(r"\b1 (?:months|days|hours|business days)\b")


def vocabulary() -> set[str]:
    keys = {*DATA_CATEGORIES, *RECIPIENTS, *EVENTS, *CAUSES, *STAGE_LABELS, *UNIT_WORDS}
    keys |= known_regimes(current_rulebook().rules)
    return {k for k in keys if "_" in k or ":" in k}


# Rule administrators' notes document how a statute is encoded, in the encoding's own keys: they
# are for the people who maintain the rule, and the page reads the rule in words above them.
_ADMIN_NOTES = re.compile(r'<dd id="rule-notes">.*?</dd>', re.S)


def visible_text(page: str) -> str:
    return html.unescape(_TAG.sub(" ", _ADMIN_NOTES.sub(" ", page)))


def problems_in(text: str, keys: set[str]) -> list[str]:
    words = set(re.findall(r"[a-z0-9_]+(?::[a-z0-9_]+)?", text))
    found = sorted(words & keys)
    found += _FORMULA.findall(text) + _PLURAL_ONE.findall(text)
    return found


def pages_of(incident) -> list[str]:
    base = f"/incidents/{incident.pk}/"
    return [base, f"{base}report/", f"{base}affected/", f"{base}team/", f"{base}edit/"]


@pytest.fixture
def demo(db):
    call_command("seed_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115, PTH123
    return list(Incident.objects.unrestricted("test").order_by("pk"))


def test_pages_reports_and_api_of_the_demo_cases_speak_words(client, demo):
    from organisations.models import OrganisationProfile

    keys = vocabulary()
    profiles = list(OrganisationProfile.objects.values_list("pk", flat=True))
    assert profiles  # the demo's profile lists regimes and sectors
    found: dict[str, list[str]] = {}
    for username in DEMO_PEOPLE:
        assert client.login(username=username, password="breachclock-demo")
        urls = ["/", "/incidents/", "/incidents/what-if/", "/rules/", "/outbox/", "/organisations/"]
        urls += [f"/organisations/{pk}/" for pk in profiles]
        for incident in demo:
            urls += pages_of(incident)
            urls += [f"/rules/{code}/" for code in incident.obligations.values_list(
                "rule_code", flat=True)[:6]]  # fmt: skip
        for url in urls:
            response = client.get(url)
            if response.status_code != 200:
                continue  # not this person's case: the 404 is the access rules' business
            bad = problems_in(visible_text(response.content.decode()), keys)
            if bad:
                found[f"{username} {url}"] = bad
        for incident in demo:
            response = client.get(f"/api/v1/incidents/{incident.pk}")
            if response.status_code != 200:
                continue
            for ob in response.json()["obligations"]:
                why = " ".join(ob["why"]) if isinstance(ob["why"], list) else ob["why"]
                bad = problems_in(why, keys)
                if bad:
                    found[f"{username} API why {ob['rule']}"] = bad
        client.logout()
    assert not found, found


def test_reminder_emails_of_the_demo_cases_speak_words(demo):
    from reminders.emails import recipients_for, render_reminder
    from reminders.models import Reminder

    keys = vocabulary()
    found = {}
    reminders = Reminder.objects.filter(obligation__incident__in=demo).select_related(
        "obligation__incident"
    )
    assert reminders.exists()
    for reminder in reminders[:40]:
        ob = reminder.obligation
        for recipient in recipients_for(reminder, ob, ob.incident)[:1]:
            message = render_reminder(reminder, ob, ob.incident, recipient, timezone.now())
            text = message.subject + "\n" + message.body
            text += visible_text(message.alternatives[0][0])
            bad = problems_in(text, keys)
            if bad:
                found[f"reminder {reminder.pk} {ob.rule_code}"] = bad
    assert not found, found
