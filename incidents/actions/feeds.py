"""Secret calendar-feed addresses (per person, or per person and case)."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ..choices import ActivityKind
from ..models import FeedToken, Incident
from .activity import log_activity
from .common import ActionError, _require_user


@transaction.atomic
def create_feed_token(user, *, incident: Incident | None = None, acting_user) -> FeedToken:
    """A new secret feed address for ``user``: all their deadlines, or one case's."""
    _require_user(acting_user)
    if acting_user.pk != user.pk and not acting_user.is_superuser:
        raise ActionError("user", "feed links are created by their owner")
    if incident is not None and not Incident.objects.visible_to(user).filter(pk=incident.pk):
        raise ActionError("incident", "is not one of this user's cases")
    token = FeedToken.objects.create(user=user, incident=incident)
    if incident is not None:
        log_activity(
            incident,
            ActivityKind.FEED_TOKEN,
            f"Calendar feed link created for {user.get_username()}",
            actor=acting_user,
            after={"feed": token.pk, "user": user.get_username()},
        )
    return token


@transaction.atomic
def revoke_feed_token(token: FeedToken, *, acting_user) -> FeedToken:
    """Close a feed address at once; calendars using it get 404 from now on."""
    _require_user(acting_user)
    if acting_user.pk != token.user_id and not acting_user.is_superuser:
        raise ActionError("token", "feed links are revoked by their owner or an administrator")
    if token.revoked_at is not None:
        return token
    token.revoked_at = timezone.now()
    token.save(update_fields=["revoked_at"])
    if token.incident_id:
        log_activity(
            token.incident,
            ActivityKind.FEED_TOKEN,
            f"Calendar feed link of {token.user.get_username()} revoked",
            actor=acting_user,
            before={"feed": token.pk, "revoked": False},
            after={"feed": token.pk, "revoked": True},
        )
    return token
