"""Every URL the project routes, tried by an anonymous visitor and by a signed-in user who is not
on the case: nothing opens that should not.

The table below classifies each named URL pattern. A pattern that is not in it makes
``test_every_url_pattern_is_classified`` fail: whoever adds a URL decides here who may reach it.

* PUBLIC      open to anyone (sign-in, password reset, health probe).
* TOKEN       opened by a secret in the URL (calendar feeds): a wrong secret is a 404.
* SIGNED_IN   any signed-in user; not about one case. The outsider may load it, but the case
              they are not on must not appear in it.
* CASE        about one case (or something on it): the outsider gets 404, as if it did not exist.
* OWNER       about one user's own thing (an API token): another user gets 404.
* AUDITOR     the audit trail: people without the Auditor role get 403.
* ADMIN       the Django admin (every ``admin:`` pattern): staff only.
"""

from __future__ import annotations

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail import send_mail
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from rest_framework.authtoken.models import Token

from incidents import actions
from incidents.models import FeedToken
from reminders import outbox as local_outbox
from tests.factories import IncidentFactory, ObligationFactory

PUBLIC, TOKEN, SIGNED_IN, CASE, OWNER, AUDITOR, ADMIN = (
    "public",
    "token",
    "signed-in",
    "case",
    "owner",
    "auditor",
    "admin",
)

SECRET_TITLE = "Zanzibar pipeline exfiltration"

# name -> (kind, {url kwarg: object of the test world it takes its value from})
ACCESS: dict[str, tuple[str, dict[str, str]]] = {
    "health": (PUBLIC, {}),
    "favicon": (PUBLIC, {}),
    "api:root": (PUBLIC, {}),
    "login": (PUBLIC, {}),
    "logout": (PUBLIC, {}),
    "password_reset": (PUBLIC, {}),
    "password_reset_done": (PUBLIC, {}),
    "password_reset_confirm": (PUBLIC, {"uidb64": "uid", "token": "reset_token"}),
    "password_reset_complete": (PUBLIC, {}),
    "oidc:start": (PUBLIC, {}),  # 404 while no identity provider is configured
    "oidc:callback": (PUBLIC, {}),
    "feeds:ics": (TOKEN, {"token": "feed_token"}),
    "password_change": (SIGNED_IN, {}),
    "password_change_done": (SIGNED_IN, {}),
    "accounts:profile": (SIGNED_IN, {}),
    "dashboard": (SIGNED_IN, {}),
    "incidents:list": (SIGNED_IN, {}),
    "incidents:create": (SIGNED_IN, {}),
    "incidents:create_guided": (SIGNED_IN, {}),
    "incidents:calendar": (SIGNED_IN, {}),
    "incidents:what_if": (SIGNED_IN, {}),
    "rules:rule_list": (SIGNED_IN, {}),
    "rules:places": (SIGNED_IN, {}),
    "rules:rule_detail": (SIGNED_IN, {"code": "rule_code"}),
    # Organisation profiles: read by the roles that open cases, changed by the privacy office
    # (403 for everyone else; tests/organisations).
    "organisations:list": (SIGNED_IN, {}),
    "organisations:detail": (SIGNED_IN, {"pk": "profile"}),
    "organisations:create": (SIGNED_IN, {}),
    "organisations:edit": (SIGNED_IN, {"pk": "profile"}),
    # Retention: the purge preview (privacy office) and an organisation's policy (403 for the
    # rest; tests/retention).
    "retention:purge_preview": (SIGNED_IN, {}),
    "retention:policy": (SIGNED_IN, {"pk": "profile"}),
    "rules:changes_coming": (SIGNED_IN, {}),
    "rules:contract_templates": (SIGNED_IN, {}),  # lists templates; enabling needs publish_rule
    "security:otp_setup": (SIGNED_IN, {}),
    "security:otp_verify": (SIGNED_IN, {}),
    "security:tokens": (SIGNED_IN, {}),
    "security:token_create": (SIGNED_IN, {}),
    "api:incidents": (SIGNED_IN, {}),
    "api:clocks": (SIGNED_IN, {}),
    "api:schema": (SIGNED_IN, {}),
    "api:docs": (SIGNED_IN, {}),
    "security:token_revoke": (OWNER, {"user_id": "insider_id"}),
    "incidents:detail": (CASE, {"pk": "case"}),
    "incidents:edit": (CASE, {"pk": "case"}),
    "incidents:status": (CASE, {"pk": "case"}),
    "incidents:affected": (CASE, {"pk": "case"}),
    "incidents:team": (CASE, {"pk": "case"}),
    "incidents:team_role": (CASE, {"pk": "case", "user_id": "member_id"}),
    "incidents:team_remove": (CASE, {"pk": "case", "user_id": "member_id"}),
    "incidents:team_owner": (CASE, {"pk": "case", "user_id": "member_id"}),
    "incidents:leave": (CASE, {"pk": "case"}),
    "incidents:note": (CASE, {"pk": "case"}),
    "incidents:report": (CASE, {"pk": "case"}),
    "incidents:evidence_pack": (CASE, {"pk": "case"}),
    "retention:hold_set": (CASE, {"pk": "case"}),
    "retention:hold_lift": (CASE, {"pk": "case"}),
    "incidents:report_pages": (CASE, {"pk": "case"}),
    "incidents:case_calendar": (CASE, {"pk": "case"}),
    "incidents:attachment": (CASE, {"pk": "case", "attachment_pk": "attachment"}),
    "incidents:notify": (CASE, {"pk": "case", "ob_pk": "obligation"}),
    "incidents:decide": (CASE, {"pk": "case", "ob_pk": "obligation"}),
    "incidents:target": (CASE, {"pk": "case", "ob_pk": "obligation"}),
    "incidents:hold": (CASE, {"pk": "case", "key": "hold_key"}),
    "incidents:hold_lift": (CASE, {"pk": "case", "key": "hold_key"}),
    "incidents:decide_conflict": (CASE, {"pk": "case"}),
    "reminders:snooze": (CASE, {"pk": "case", "ob_pk": "obligation"}),
    "reminders:outbox": (SIGNED_IN, {}),
    "reminders:outbox_message": (OWNER, {"key": "outbox_key"}),
    "api:incident": (CASE, {"pk": "case"}),
    "api:incident-obligations": (CASE, {"pk": "case"}),
    "api:incident-activity": (CASE, {"pk": "case"}),
    "api:incident-activity-csv": (CASE, {"pk": "case"}),
    "api:incident-notes": (CASE, {"pk": "case"}),
    "api:incident-team": (CASE, {"pk": "case"}),
    "api:incident-conflict-decisions": (CASE, {"pk": "case"}),
    "api:incident-legal-hold": (CASE, {"pk": "case"}),
    "api:incident-evidence-pack": (CASE, {"pk": "case"}),
    "api:obligation-notified": (CASE, {"pk": "obligation"}),
    "api:obligation-not-required": (CASE, {"pk": "obligation"}),
    "api:obligation-waived": (CASE, {"pk": "obligation"}),
    "api:obligation-target": (CASE, {"pk": "obligation"}),
    "api:obligation-follow-up-target": (CASE, {"pk": "obligation"}),
    "api:obligation-drafts": (CASE, {"pk": "obligation"}),
    "api:draft": (CASE, {"pk": "draft"}),
    "api:draft-approve": (CASE, {"pk": "draft"}),
    "api:draft-sent": (CASE, {"pk": "draft"}),
    "drafting:start": (CASE, {"pk": "case", "ob_pk": "obligation"}),
    "drafting:follow_up_target": (CASE, {"pk": "case", "ob_pk": "obligation"}),
    "drafting:start_letter": (CASE, {"pk": "case"}),
    "drafting:letter": (CASE, {"pk": "case", "letter_pk": "letter"}),
    "drafting:draft": (CASE, {"pk": "case", "draft_pk": "draft"}),
    "drafting:check": (CASE, {"pk": "case", "draft_pk": "draft"}),
    "drafting:approve": (CASE, {"pk": "case", "draft_pk": "draft"}),
    "drafting:sent": (CASE, {"pk": "case", "draft_pk": "draft"}),
    "drafting:pdf": (CASE, {"pk": "case", "draft_pk": "draft"}),
    "drafting:docx": (CASE, {"pk": "case", "draft_pk": "draft"}),
    "drafting:filing": (CASE, {"pk": "case", "draft_pk": "draft"}),
    "assessments:case": (CASE, {"pk": "case"}),
    "assessments_api:assessments": (CASE, {"pk": "case"}),
    "register:entry": (CASE, {"pk": "case"}),
    # The register and the numbers: the privacy office and auditors (register/access.py).
    "register:index": (AUDITOR, {}),
    "register:csv": (AUDITOR, {}),
    "register:pdf": (AUDITOR, {}),
    "register:numbers": (AUDITOR, {}),
    "register:numbers_csv": (AUDITOR, {}),
    "register_api:register": (AUDITOR, {}),
    "register_api:register-csv": (AUDITOR, {}),
    # Outgoing hooks belong to their creator; another user's hook is a 404.
    "webhooks:settings": (SIGNED_IN, {}),
    "webhooks:deliveries": (OWNER, {"pk": "webhook"}),
    "webhooks:delete": (OWNER, {"pk": "webhook"}),
    "webhooks_api:list": (SIGNED_IN, {}),
    "webhooks_api:detail": (OWNER, {"pk": "webhook"}),
    "webhooks_api:deliveries": (OWNER, {"pk": "webhook"}),
    "audit:list": (AUDITOR, {}),
    "audit:export_csv": (AUDITOR, {}),
    "audit:export_json": (AUDITOR, {}),
    "audit:incident": (AUDITOR, {"incident_id": "case"}),
    "audit:incident_export_csv": (AUDITOR, {"incident_id": "case"}),
    "audit:incident_export_json": (AUDITOR, {"incident_id": "case"}),
}


def walk(patterns, namespace="", prefix=""):
    """Every URL pattern under the root resolver: (namespaced name, full route, kwarg names).

    Unnamed patterns (the admin's redirects and catch-all) are named "<namespace>:<unnamed>".
    """
    for entry in patterns:
        route = prefix + str(entry.pattern).lstrip("^").rstrip("$")
        if isinstance(entry, URLResolver):
            inner = namespace + (f"{entry.namespace}:" if entry.namespace else "")
            yield from walk(entry.url_patterns, inner, route)
        elif isinstance(entry, URLPattern):
            kwargs = list(entry.pattern.converters) or list(entry.pattern.regex.groupindex)
            name = namespace + (entry.name or "<unnamed>")
            yield name, route, kwargs


PATTERNS = list(walk(get_resolver().url_patterns))
CLASSIFIED = [p for p in PATTERNS if p[0] in ACCESS or p[0].startswith("admin:")]

# The admin's own sign-in and sign-out pages are open, like the site's.
ADMIN_PUBLIC = {"admin:login", "admin:logout"}


def kind_of(name: str) -> str:
    if name in ADMIN_PUBLIC:
        return PUBLIC
    return ADMIN if name.startswith("admin:") else ACCESS[name][0]


def test_every_url_pattern_is_classified():
    names = {name for name, _, _ in PATTERNS}
    missing = sorted(name for name in names - set(ACCESS) if not name.startswith("admin:"))
    assert not missing, (
        f"URL patterns {missing} are not in ACCESS (tests/security/test_url_access.py): "
        "add each, named, with who may reach it"
    )
    assert not sorted(set(ACCESS) - names), "stale ACCESS entries"
    assert len(CLASSIFIED) == len(PATTERNS)


@pytest.fixture
def world(db, counsel, responder, viewer, settings, tmp_path):
    """One case with an obligation, an attachment, a calendar feed, a reminder in the local
    outbox addressed to its owner, and its team."""
    case = IncidentFactory(
        owner=counsel,
        title=SECRET_TITLE,
        team=[(responder, "responder"), (viewer, "viewer")],
    )
    obligation = ObligationFactory(incident=case)
    attachment = actions.add_attachment(
        case,
        SimpleUploadedFile("letter.pdf", b"%PDF-1.7\n%%EOF\n", content_type="application/pdf"),
        acting_user=counsel,
    )
    from incidents.drafting.actions import start_draft
    from incidents.drafting.models import NoticeLetter

    draft = start_draft(obligation, acting_user=counsel)
    letter = NoticeLetter.objects.create(incident=case, created_by=counsel)
    feed = FeedToken.objects.create(user=counsel, incident=case)
    from webhooks.models import Webhook

    hook = Webhook.objects.create(
        created_by=counsel, url="https://hooks.example.com/in", events=["case.opened"]
    )
    Token.objects.create(user=counsel)
    from jurisdictions.models import Rule

    rule = Rule.objects.order_by("pk").first()
    from organisations.models import OrganisationProfile

    profile = OrganisationProfile.objects.create(name="Northwind Cloud GmbH")
    settings.EMAIL_BACKEND = "reminders.outbox.EmlOutboxBackend"
    settings.EMAIL_FILE_PATH = str(tmp_path / "outbox")
    send_mail(f"Reminder: {SECRET_TITLE}", case.reference, None, [counsel.email])
    (outbox_message,) = local_outbox.messages_for(counsel)
    return {
        "case": case.pk,
        "reference": case.reference,
        "obligation": obligation.pk,
        "attachment": attachment.pk,
        "feed_token": feed.token,
        "insider_id": counsel.pk,
        "member_id": responder.pk,
        "rule_code": getattr(rule, "code", "GDPR-33"),
        "uid": "MQ",
        "reset_token": "set-password",
        "outbox_key": outbox_message.key,
        "profile": profile.pk,
        "hold_key": "law_enforcement_hold",
        "draft": draft.pk,
        "letter": letter.pk,
        "webhook": hook.pk,
    }


def url_for(name: str, world: dict, route: str, converters: list[str]) -> str:
    if name.endswith("<unnamed>"):
        # Fill the route by hand: "<path:object_id>/" -> "1/", "(?P<url>.*)" -> "no-such-page/"
        path = re.sub(r"\(\?P<\w+>[^)]*\)", "no-such-page/", route)
        return "/" + re.sub(r"<[^>]+>", "1", path)
    if name.startswith("admin:"):
        kwargs = {k: "1" for k in converters}
        if "app_label" in kwargs:
            kwargs["app_label"] = "incidents"
    else:
        kwargs = {k: world[src] for k, src in ACCESS[name][1].items()}
    return reverse(name, kwargs=kwargs)


def signed_in_denied(response) -> bool:
    if response.status_code == 302:
        return "/accounts/login/" in response["Location"] or "/admin/login/" in response["Location"]
    return response.status_code in (401, 403, 405)


@pytest.mark.parametrize("name, route, converters", CLASSIFIED, ids=[p[1] for p in CLASSIFIED])
def test_anonymous_visitor(client, world, name, route, converters):
    url = url_for(name, world, route, converters)
    kind = kind_of(name)
    get, post = client.get(url), client.post(url, {})
    if kind == PUBLIC:
        assert get.status_code < 500 and post.status_code < 500
        return
    if kind == TOKEN:
        assert get.status_code == 200  # the secret is the credential, by design
        wrong = url.replace(world["feed_token"], "not-the-secret-token")
        assert client.get(wrong).status_code == 404
        return
    if kind == ADMIN:
        for response in (get, post):
            assert response.status_code in (302, 405), response.status_code
            if response.status_code == 302:
                assert "/admin/login/" in response["Location"]
        return
    for method, response in (("GET", get), ("POST", post)):
        assert signed_in_denied(response), f"{method} {url}: {response.status_code}"
        assert SECRET_TITLE.encode() not in response.content


@pytest.mark.parametrize("name, route, converters", CLASSIFIED, ids=[p[1] for p in CLASSIFIED])
def test_user_outside_the_case(client, world, outsider, name, route, converters):
    url = url_for(name, world, route, converters)
    kind = kind_of(name)
    if kind in (PUBLIC, TOKEN):
        return  # open to anyone (a feed's secret is its credential, whoever holds it)
    client.force_login(outsider)
    get, post = client.get(url), client.post(url, {})
    for method, response in (("GET", get), ("POST", post)):
        body = b"" if response.streaming else response.content
        assert response.status_code < 500, f"{method} {url}: {response.status_code}"
        assert SECRET_TITLE.encode() not in body, f"{method} {url} shows the case"
        assert world["reference"].encode() not in body, f"{method} {url} shows the case"
        if kind in (CASE, OWNER):
            assert response.status_code in (404, 405), f"{method} {url}: {response.status_code}"
        elif kind == AUDITOR:
            # A read-only address may refuse the method before the role (405): nothing shown.
            allowed = (403,) if method == "GET" else (403, 405)
            assert response.status_code in allowed, f"{method} {url}: {response.status_code}"
        elif kind == ADMIN:
            assert response.status_code in (302, 405) and (
                response.status_code == 405 or "/admin/login/" in response["Location"]
            )


CASE_PATTERNS = [p for p in CLASSIFIED if kind_of(p[0]) in (CASE, OWNER)]


@pytest.mark.parametrize(
    "name, route, converters", CASE_PATTERNS, ids=[p[1] for p in CASE_PATTERNS]
)
def test_the_same_url_opens_for_the_case_owner(client, world, counsel, name, route, converters):
    """The 404s above mean "outside your reach", not "wrong address": the owner gets in."""
    url = url_for(name, world, route, converters)
    client.force_login(counsel)
    statuses = {client.get(url).status_code}
    if 404 in statuses or 405 in statuses:
        statuses.add(client.post(url, {}).status_code)
    assert statuses - {404, 405}, f"{url}: {statuses}"


ADMIN_PATTERNS = [p for p in CLASSIFIED if kind_of(p[0]) == ADMIN]


@pytest.mark.parametrize(
    "name, route, converters", ADMIN_PATTERNS, ids=[p[1] for p in ADMIN_PATTERNS]
)
def test_staff_member_outside_the_case(client, world, outsider, name, route, converters):
    """The admin's add and change forms, its previews and its lists, for a staff member with a
    working role who is not on the case: nothing of the case, whatever the id in the address,
    and a form posted with the case's ids is refused (test_admin_foreign_keys for each key)."""
    outsider.is_staff = True
    outsider.save()
    client.force_login(outsider)
    url = url_for(name, world, route, converters)
    ids = {k: world[k] for k in ("case", "obligation", "attachment")}
    posted = {
        "incident": ids["case"],
        "obligation": ids["obligation"],
        "addresses": "x@example.com",
    }
    for method, response in (("GET", client.get(url)), ("POST", client.post(url, posted))):
        body = b"" if response.streaming else response.content
        assert response.status_code < 500, f"{method} {url}: {response.status_code}"
        assert SECRET_TITLE.encode() not in body, f"{method} {url} shows the case"
        assert world["reference"].encode() not in body, f"{method} {url} shows the case"
    from reminders.models import DistributionList

    assert not DistributionList.objects.filter(incident_id=ids["case"]).exists()
