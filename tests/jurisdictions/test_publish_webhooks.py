"""A rule-book publish that moves a deadline reaches the hooks of the case's team as
``obligations.changed`` (through the recompute the worker runs after publishing)."""

from __future__ import annotations

from jurisdictions import services
from jurisdictions.tasks import recompute_after_publish
from tests.jurisdictions.test_impact import TEXAS, _draft_texas_45_days
from webhooks.actions import create_webhook
from webhooks.models import Delivery
from webhooks.tasks import deliver


def test_a_publish_tells_the_hooks_which_obligations_changed(
    rulebook, rules_admin, open_case, counsel, receiver
):
    texas = open_case(counsel, TEXAS)
    hook, secret = create_webhook(counsel, url=receiver.url, events=["obligations.changed"])
    receiver.secrets.append(secret)
    assert not Delivery.objects.exists()  # opening the case is not a change of its obligations

    job = services.publish([_draft_texas_45_days(rules_admin)], user=rules_admin)
    recompute_after_publish(job.pk)  # what the worker runs
    deliver(list(Delivery.objects.values_list("pk", flat=True)))

    [request] = receiver.requests
    body = request.json
    moved = texas.obligations.get(rule_code="US-TX-AG")
    assert body["event"] == "obligations.changed" and body["case"]["reference"] == texas.reference
    assert moved.pk in body["data"]["obligations"]
    assert receiver.bad_signatures == 0
    assert Delivery.objects.get().status == "delivered"
