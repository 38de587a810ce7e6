"""The groups claim -> roles mapping (accounts.oidc.role_map): pure functions, no database."""

from __future__ import annotations

import pytest

from accounts.oidc.role_map import (
    RoleMapError,
    groups_in,
    managed_roles,
    parse_role_map,
    roles_granted,
)

COUNSEL, RESPONDER, VIEWER, PRIVACY = "Counsel", "Responder", "Viewer", "Privacy office"

PARSE = [
    # (OIDC_ROLE_MAP, expected mapping)
    ("", {}),
    ("  ", {}),
    ("breachclock-counsel=Counsel", {"breachclock-counsel": {COUNSEL}}),
    (
        "breachclock-counsel=Counsel,breachclock-responders=Responder",
        {"breachclock-counsel": {COUNSEL}, "breachclock-responders": {RESPONDER}},
    ),
    # spaces around entries and "=", a trailing separator
    (" legal = Counsel , ", {"legal": {COUNSEL}}),
    # role names without regard to case, stored as the roles table spells them
    ("privacy=privacy OFFICE", {"privacy": {PRIVACY}}),
    # one group, two roles; two groups, one role
    ("legal=Counsel,legal=Viewer,dpo=Viewer", {"legal": {COUNSEL, VIEWER}, "dpo": {VIEWER}}),
    # LDAP distinguished names hold commas and "=": semicolons separate the entries then
    (
        "cn=counsel,ou=legal,dc=example=Counsel; cn=soc,ou=it=Responder",
        {"cn=counsel,ou=legal,dc=example": {COUNSEL}, "cn=soc,ou=it": {RESPONDER}},
    ),
    # Azure AD sends group object ids
    (
        "0b6c1c3e-6f0c-4a0e-9d47-1b0f5b7c2d11=Counsel",
        {"0b6c1c3e-6f0c-4a0e-9d47-1b0f5b7c2d11": {COUNSEL}},
    ),
]


@pytest.mark.parametrize(("text", "expected"), PARSE)
def test_role_map_is_read(text, expected):
    assert parse_role_map(text) == {group: frozenset(roles) for group, roles in expected.items()}


BAD = [
    ("breachclock-counsel", "not of the form group=Role"),
    ("=Counsel", "not of the form group=Role"),
    ("legal=", "not of the form group=Role"),
    ("legal=Counsle", "'Counsle', which does not exist"),
    ("legal=Counsel,it=Admin", "'Admin', which does not exist"),
    ("legal=superuser", "the roles are: Responder, Counsel"),
]


@pytest.mark.parametrize(("text", "message"), BAD)
def test_a_bad_role_map_is_named(text, message):
    with pytest.raises(RoleMapError, match=message.replace("(", r"\(")):
        parse_role_map(text)


CLAIMS = [
    # (claims, claim name, groups found; None = the claim is absent)
    ({"groups": ["a", "b"]}, "groups", ["a", "b"]),
    ({"groups": []}, "groups", []),
    ({"sub": "1"}, "groups", None),
    ({"groups": "a b"}, "groups", ["a", "b"]),  # one string, space-separated
    ({"groups": "a"}, "groups", ["a"]),
    ({"roles": ["a"]}, "roles", ["a"]),
    ({"realm_access": {"roles": ["a", "c"]}}, "realm_access.roles", ["a", "c"]),  # Keycloak
    ({"realm_access": {}}, "realm_access.roles", None),
    ({"groups": {"a": 1}}, "groups", []),  # not a list of names: nothing
    ({"groups": ["a", None, {"x": 1}, 7]}, "groups", ["a", "7"]),
    ({"groups": None}, "groups", []),
]


@pytest.mark.parametrize(("claims", "name", "expected"), CLAIMS)
def test_groups_are_read_from_the_claim(claims, name, expected):
    assert groups_in(claims, name) == expected


MAPPING = parse_role_map("breachclock-counsel=Counsel,breachclock-responders=Responder,dpo=Viewer")

GRANTS = [
    # (groups in the claim, roles granted)
    (["breachclock-counsel"], {COUNSEL}),
    (["breachclock-counsel", "breachclock-responders"], {COUNSEL, RESPONDER}),
    (["marketing", "all-staff"], set()),
    ([], set()),
    (None, set()),  # no claim at all: no role (fail closed)
    (["Breachclock-Counsel"], set()),  # group names match exactly
    (["breachclock-counsel", "breachclock-counsel"], {COUNSEL}),
]


@pytest.mark.parametrize(("groups", "roles"), GRANTS)
def test_roles_granted_by_groups(groups, roles):
    assert roles_granted(groups, MAPPING) == roles


def test_the_map_manages_only_the_roles_it_names():
    assert managed_roles(MAPPING) == {COUNSEL, RESPONDER, VIEWER}
    assert managed_roles({}) == frozenset()
