"""Who is on a case and in what role, and who owns it. Logged: who can see a case is part of
the record."""

from __future__ import annotations

from django.db import transaction
from django.utils import timezone

from ..choices import ActivityKind, TeamRole
from ..models import Incident, TeamMember
from .activity import log_activity
from .common import ActionError, _choice, _lock, _require_user

# Lower is more senior: a member may step down, never raise their own role.
ROLE_RANK = {TeamRole.OWNER: 0, TeamRole.LEAD: 1, TeamRole.COUNSEL: 2, TeamRole.RESPONDER: 3,
             TeamRole.VIEWER: 4}  # fmt: skip


def may_steer(incident: Incident, user) -> bool:
    """Who may hand a case on or appoint, change and remove its incident leads: its owner, or
    someone above the case team (the privacy office with change rights, a superuser). Anyone
    else who may edit could otherwise make themselves owner and shut the owner out."""
    from ..queries import CHANGE_PERMISSION, sees_all

    return bool(
        user is not None
        and user.is_authenticated
        and (
            user.pk == incident.owner_id
            or user.is_superuser
            or (sees_all(user) and user.has_perm(CHANGE_PERMISSION))
        )
    )


def may_own(user) -> bool:
    """An owner must be able to act on the case (a read-only person could not even hand it on)."""
    from ..queries import CHANGE_PERMISSION

    return bool(user is not None and user.is_active and user.has_perm(CHANGE_PERMISSION))


def _check_role_change(incident, user, role, current, acting_user) -> None:
    if TeamRole.LEAD in (role, current) and not may_steer(incident, acting_user):
        raise ActionError(
            "role",
            "only the case owner or the privacy office may appoint or change an incident lead",
        )
    if current and user.pk == acting_user.pk and ROLE_RANK[role] < ROLE_RANK[current]:
        raise ActionError("role", "you cannot raise your own role; ask the case owner")


@transaction.atomic
def add_team_member(incident: Incident, user, role: str, *, acting_user) -> TeamMember:
    """Put ``user`` on the case with ``role`` (or change their role). Logged: who can see a case
    is part of the record."""
    _require_user(acting_user)
    incident = _lock(incident)
    _choice(role, TeamRole, "role")
    if user is None or not getattr(user, "is_active", False):
        raise ActionError("user", "must be an active user")
    if role == TeamRole.OWNER and user.pk != incident.owner_id:
        raise ActionError("role", "use transfer_ownership to change the owner")
    member = TeamMember.objects.filter(incident=incident, user=user).first()
    if member:
        if member.role == role:
            return member
        if member.role == TeamRole.OWNER:
            raise ActionError("role", "the owner's role changes only by transfer of ownership")
    _check_role_change(incident, user, role, member.role if member else None, acting_user)
    if member:
        before = {"user": user.get_username(), "role": member.role}
        member.role = role
        member.save(update_fields=["role"])
        log_activity(
            incident,
            ActivityKind.TEAM_ROLE_CHANGED,
            f"{user.get_username()} is now {TeamRole(role).label}",
            actor=acting_user,
            before=before,
            after={"user": user.get_username(), "role": role},
        )
        return member
    member = TeamMember.objects.create(
        incident=incident, user=user, role=role, added_by=acting_user
    )
    log_activity(
        incident,
        ActivityKind.TEAM_ADDED,
        f"{user.get_username()} added as {TeamRole(role).label}",
        actor=acting_user,
        after={"user": user.get_username(), "role": role},
    )
    return member


@transaction.atomic
def change_team_role(incident: Incident, user, role: str, *, acting_user) -> TeamMember:
    """Give someone already on the team another role. Unlike ``add_team_member`` it never puts
    a new person on the case: a role form must not widen who can see it."""
    _require_user(acting_user)
    incident = _lock(incident)
    _choice(role, TeamRole, "role")
    if user is None or not TeamMember.objects.filter(incident=incident, user=user).exists():
        raise ActionError("user", "is not on this case")
    return add_team_member(incident, user, role, acting_user=acting_user)


@transaction.atomic
def remove_team_member(incident: Incident, user, *, acting_user) -> None:
    _require_user(acting_user)
    incident = _lock(incident)
    member = TeamMember.objects.filter(incident=incident, user=user).first()
    if member is None:
        raise ActionError("user", "is not on this case")
    if member.role == TeamRole.OWNER or user.pk == incident.owner_id:
        raise ActionError("user", "the owner cannot be removed; transfer ownership first")
    leaving = user.pk == acting_user.pk
    if member.role == TeamRole.LEAD and not leaving and not may_steer(incident, acting_user):
        raise ActionError(
            "user", "only the case owner or the privacy office may remove an incident lead"
        )
    member.delete()
    log_activity(
        incident,
        ActivityKind.TEAM_REMOVED,
        f"{user.get_username()} " + ("left the case" if leaving else "removed from the team"),
        actor=acting_user,
        before={"user": user.get_username(), "role": member.role},
    )


@transaction.atomic
def leave_case(incident: Incident, *, acting_user) -> None:
    """Take ``acting_user`` off the team (any role may); the owner must hand the case on first,
    so a case always has someone answerable for it."""
    _require_user(acting_user)
    incident = _lock(incident)
    if acting_user.pk == incident.owner_id:
        raise ActionError(
            "user", "you own this case; make another member the owner before you leave"
        )
    if not TeamMember.objects.filter(incident=incident, user=acting_user).exists():
        raise ActionError("user", "you are not on this case's team")
    remove_team_member(incident, acting_user, acting_user=acting_user)


@transaction.atomic
def transfer_ownership(incident: Incident, user, *, acting_user) -> Incident:
    """Make ``user`` the owner; the previous owner stays on the team as lead. Only the owner
    (or the privacy office) may hand a case on, and only to someone who may change cases."""
    _require_user(acting_user)
    incident = _lock(incident)
    if user is None or not getattr(user, "is_active", False):
        raise ActionError("user", "must be an active user")
    if user.pk == incident.owner_id:
        return incident
    if not may_steer(incident, acting_user):
        raise ActionError("user", "only the case owner or the privacy office may hand the case on")
    if not may_own(user):
        raise ActionError(
            "user", "has a read-only role and could not act on the case: choose someone who may"
        )
    previous = incident.owner
    team = TeamMember.objects.filter(incident=incident)
    new_role_before = team.filter(user=user).values_list("role", flat=True).first()
    team.filter(user=previous).update(role=TeamRole.LEAD)
    TeamMember.objects.update_or_create(
        incident=incident,
        user=user,
        defaults={"role": TeamRole.OWNER},
        create_defaults={"role": TeamRole.OWNER, "added_by": acting_user},
    )
    incident.owner = user
    incident.updated_at = timezone.now()
    incident.save(update_fields=["owner", "updated_at"])
    log_activity(
        incident,
        ActivityKind.TEAM_ROLE_CHANGED,
        f"Ownership passed from {previous.get_username()} to {user.get_username()}",
        actor=acting_user,
        # Both people's roles, before and after: the record says who could do what.
        before={
            "owner": previous.get_username(),
            "roles": {
                previous.get_username(): TeamRole.OWNER,
                user.get_username(): new_role_before,
            },
        },
        after={
            "owner": user.get_username(),
            "roles": {previous.get_username(): TeamRole.LEAD, user.get_username(): TeamRole.OWNER},
        },
    )
    return incident
