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
    assert "Demo logins (password breachclock-demo)" in output
    assert "  demo " in output
    assert Incident.objects.unrestricted("test").count() == 3
    counts = (Obligation.objects.count(), Activity.objects.count())
    assert counts[0] >= 6
    assert "already present" in seed()
    assert (
        Incident.objects.unrestricted("test").count(),
        Obligation.objects.count(),
        Activity.objects.count(),
    ) == (
        3,
        *counts,
    )
    assert client.login(username="demo", password="breachclock-demo")
    demo_cases = Incident.objects.unrestricted("test").filter(team__user__username="demo")
    assert demo_cases.count() == 3
    skimmer = Incident.objects.unrestricted("test").get(title__startswith="Web skimmer")
    assert skimmer.obligations.filter(status="notified").exists()  # a notice on record
    assert Incident.objects.unrestricted("test").filter(privileged=True).count() == 1


def test_password_option(db, client):
    seed("--password", "another-long-demo-pass")
    assert client.login(username="sam.responder", password="another-long-demo-pass")


def test_the_demo_rules_administrator_reaches_the_rules_console(db, client):
    """A newcomer reaches the rules console with a printed login; the other demo people do not
    get into /admin/ (their pages are the product's)."""
    output = seed()
    assert "rita.rules" in output and "/admin/" in output
    assert client.login(username="rita.rules", password="breachclock-demo")
    assert client.get("/admin/").status_code == 200
    rules = client.get("/admin/jurisdictions/rule/")
    assert rules.status_code == 200 and b"GDPR-33" in rules.content
    from django.contrib.auth import get_user_model

    rita = get_user_model().objects.get(username="rita.rules")
    assert rita.has_perm("jurisdictions.change_rule") and rita.has_perm(
        "jurisdictions.publish_rule"
    )
    for other in ("demo", "sam.responder", "pat.privacy"):
        client.logout()
        assert client.login(username=other, password="breachclock-demo")
        assert client.get("/admin/").status_code == 302, other
