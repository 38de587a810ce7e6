"""seed_demo: a demo login and three worked cases, and running it twice changes nothing."""

from __future__ import annotations

from io import StringIO

from django.core.management import call_command

from incidents.models import Activity, Incident, Obligation


def seed(*args):
    out = StringIO()
    call_command("seed_demo", *args, stdout=out)
    return out.getvalue()


def test_seed_demo_is_idempotent_and_prints_the_login(db, client):
    output = seed()
    assert "username demo, password breachclock-demo" in output
    assert Incident.objects.count() == 3
    counts = (Obligation.objects.count(), Activity.objects.count())
    assert counts[0] >= 6
    assert "already present" in seed()
    assert (Incident.objects.count(), Obligation.objects.count(), Activity.objects.count()) == (
        3,
        *counts,
    )
    assert client.login(username="demo", password="breachclock-demo")
    demo_cases = Incident.objects.filter(team__user__username="demo")
    assert demo_cases.count() == 3
    skimmer = Incident.objects.get(title__startswith="Web skimmer")
    assert skimmer.obligations.filter(status="notified").exists()  # a notice on record
    assert Incident.objects.filter(privileged=True).count() == 1


def test_password_option(db, client):
    seed("--password", "another-long-demo-pass")
    assert client.login(username="sam.responder", password="another-long-demo-pass")
