"""The Content-Security-Policy has no 'unsafe-inline': every page must work within it.

For every HTML page of the URL table (read by the case owner), the markup may not contain what
the policy would block: inline scripts or styles without the request's nonce, event-handler
attributes, style attributes, javascript: URLs, or anything loaded from another origin.
"""

from __future__ import annotations

from html.parser import HTMLParser

import pytest

from tests.security.test_url_access import CLASSIFIED, kind_of, url_for
from tests.security.test_url_access import world as world  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db

DATA_SCRIPT_TYPES = {"application/json", "application/ld+json", "text/template"}


class PolicyAudit(HTMLParser):
    def __init__(self, nonce: str | None):
        super().__init__()
        self.nonce = nonce
        self.problems: list[str] = []
        self.open_inline = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}=...> event handler")
            if name == "style":
                self.problems.append(f"<{tag} style=...> inline style")
            if name in ("href", "src", "action", "formaction") and value:
                lowered = value.strip().lower()
                if lowered.startswith("javascript:"):
                    self.problems.append(f"<{tag} {name}=javascript:...>")
                if tag in ("script", "link", "img", "iframe") and lowered.startswith(
                    ("http:", "https:", "//")
                ):
                    self.problems.append(f"<{tag} {name}={value}> loads from another origin")
        if tag == "script" and not attrs.get("src"):
            if (attrs.get("type") or "").lower() not in DATA_SCRIPT_TYPES and (
                not self.nonce or attrs.get("nonce") != self.nonce
            ):
                self.problems.append("inline <script> without the nonce")
        if tag == "style" and (not self.nonce or attrs.get("nonce") != self.nonce):
            self.problems.append("inline <style> without the nonce")


def nonce_of(policy: str) -> str | None:
    for part in policy.replace(";", " ").split():
        if part.startswith("'nonce-"):
            return part[len("'nonce-") :].rstrip("'")
    return None


PAGES = [p for p in CLASSIFIED if kind_of(p[0]) not in ("admin", "auditor")]


@pytest.mark.parametrize("name, route, converters", PAGES, ids=[p[1] for p in PAGES])
def test_page_works_under_the_policy(client, world, counsel, name, route, converters):
    if kind_of(name) != "public":
        client.force_login(counsel)
    response = client.get(url_for(name, world, route, converters))
    if "html" not in response.get("Content-Type", "") or response.status_code != 200:
        return
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert "default-src 'self'" in policy
    audit = PolicyAudit(nonce_of(policy))
    audit.feed(response.content.decode())
    assert not audit.problems, f"{route}: {sorted(set(audit.problems))}"
