"""The rule history table is headed "When (UTC)" and shows UTC whatever the reader's zone."""

from __future__ import annotations

import re

from django.urls import reverse


def test_rule_history_is_shown_in_utc(client, responder, rulebook):
    from accounts.models import UserProfile

    UserProfile.objects.update_or_create(user=responder, defaults={"time_zone": "America/New_York"})
    client.force_login(responder)
    page = client.get(reverse("rules:rule_detail", args=["US-CA-IND"])).content.decode()
    history = page.split('id="rule-history"', 1)[1].split("</table>", 1)[0]
    assert "When (UTC)" in history
    cells = re.findall(r"<td><time datetime=\"([^\"]+)\">([^<]+)</time></td>", history)
    assert cells
    for iso, shown in cells:
        assert iso.endswith("Z") and shown.endswith(" UTC")
        assert shown.startswith(iso[:10] + " " + iso[11:16])
