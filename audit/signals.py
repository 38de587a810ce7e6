"""Sign-in, sign-out and lockouts go to the audit trail as they happen."""

import time

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_save
from django.dispatch import receiver

from audit.choices import Action
from audit.recording import record

# Session keys read by security.middleware.SessionExpiryMiddleware.
SESSION_AUTH_AT = "breachclock_auth_at"
SESSION_SEEN_AT = "breachclock_seen_at"


@receiver(user_logged_in, dispatch_uid="audit_login")
def on_login(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        now = int(time.time())
        request.session[SESSION_AUTH_AT] = now
        request.session[SESSION_SEEN_AT] = now
    # A sign-in through the identity provider says so, and which identity it came through.
    detail = getattr(user, "sign_in_detail", None)
    summary = f"signed in with {detail['via']}" if detail else ""
    record(Action.LOGIN, request=request, actor=user, obj=user, summary=summary, after=detail)


@receiver(user_login_failed, dispatch_uid="audit_login_failed")
def on_login_failed(sender, credentials, request=None, **kwargs):
    # Django has already masked the password in ``credentials``; keep only the name tried.
    username = str(credentials.get("username") or "")[:150]
    # The identity provider's callback authenticates with the nonce it kept, not a name.
    how = "with the identity provider" if "nonce" in credentials else f"as {username!r}"
    record(
        Action.LOGIN_FAILED,
        request=request,
        actor=None,
        actor_username=username,
        summary=f"failed sign-in {how}",
    )


@receiver(user_logged_out, dispatch_uid="audit_logout")
def on_logout(sender, request, user, **kwargs):
    if user is not None:
        record(Action.LOGOUT, request=request, actor=user, obj=user)


@receiver(user_locked_out, dispatch_uid="audit_locked_out")
def on_locked_out(sender, request, username=None, ip_address=None, **kwargs):
    record(
        Action.LOCKED_OUT,
        request=request,
        actor=None,
        actor_username=str(username or "")[:150],
        summary=f"locked out: account {username!r}, address {ip_address}",
    )


@receiver(post_save, sender="jurisdictions.RuleChange", dispatch_uid="audit_rule_change")
def on_rule_change(sender, instance, created, raw=False, **kwargs):
    """Mirror the rule book's own history (written explicitly, in the change's transaction, by
    jurisdictions.services, the importer and the admin) into the one audit trail."""
    if not created or raw:
        return
    target = instance.rule_version or instance.rule or instance.jurisdiction
    record(
        Action.RULE_CHANGED,
        actor=instance.user,
        obj=target,
        summary=f"{instance.action}: {instance.summary}",
        before=instance.before,
        after=instance.after,
    )
