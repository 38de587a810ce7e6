"""The provider's groups claim -> Breachclock roles (``audit.roles``), as plain functions.

``OIDC_ROLE_MAP`` is ``group=Role`` pairs separated by commas, or by semicolons when a group name
itself holds commas (an LDAP distinguished name such as ``cn=counsel,ou=legal``). A group may map
to several roles and several groups to one role. Role names are matched without regard to case
and stored as ``audit.roles`` spells them.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from audit.roles import ROLES


class RoleMapError(ValueError):
    """``OIDC_ROLE_MAP`` cannot be read; the message names the entry."""


def parse_role_map(text: str) -> dict[str, frozenset[str]]:
    """``"g1=Counsel, g2=Responder"`` -> ``{"g1": {"Counsel"}, "g2": {"Responder"}}``."""
    by_name = {role.casefold(): role for role in ROLES}
    separator = ";" if ";" in text else ","
    mapping: dict[str, set[str]] = {}
    for raw in text.split(separator):
        entry = raw.strip()
        if not entry:
            continue
        # The role is after the last "=": role names hold none, a group name may.
        group, equals, role = entry.rpartition("=")
        group, role = group.strip(), role.strip()
        if not equals or not group or not role:
            raise RoleMapError(f"OIDC_ROLE_MAP entry {entry!r} is not of the form group=Role.")
        if role.casefold() not in by_name:
            raise RoleMapError(
                f"OIDC_ROLE_MAP entry {entry!r} names the role {role!r}, which does not exist; "
                f"the roles are: {', '.join(ROLES)}."
            )
        mapping.setdefault(group, set()).add(by_name[role.casefold()])
    return {group: frozenset(roles) for group, roles in mapping.items()}


def managed_roles(mapping: Mapping[str, frozenset[str]]) -> frozenset[str]:
    """The roles the provider decides: every role the map names (others are set by hand)."""
    return frozenset(role for roles in mapping.values() for role in roles)


def groups_in(claims: Mapping, claim_name: str) -> list[str] | None:
    """The group names in ``claims[claim_name]``; ``None`` when the claim is absent.

    A dotted name reaches into nested claims (Keycloak's ``realm_access.roles``). A list is the
    usual shape; a single string is taken as one group, or as several separated by spaces.
    """
    value: object = claims
    for part in claim_name.split("."):
        if not isinstance(value, Mapping) or part not in value:
            return None
        value = value[part]
    if isinstance(value, str):
        return value.split()
    if isinstance(value, Iterable) and not isinstance(value, Mapping | bytes):
        return [str(item) for item in value if isinstance(item, str | int)]
    return []


def roles_granted(groups: Iterable[str] | None, mapping: Mapping[str, frozenset[str]]) -> set[str]:
    """The roles that ``groups`` grant under ``mapping``; group names match exactly."""
    granted: set[str] = set()
    for group in groups or ():
        granted |= mapping.get(group, frozenset())
    return granted
