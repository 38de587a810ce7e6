"""The one door for changes to organisation profiles: who may, what is valid, and the record.

Only the privacy office (``organisations.change_organisationprofile``) and administrators edit
profiles; each save writes an audit event with the acting user and the before and after state,
in the same transaction. Picking a profile for a case is ``incidents.actions.open_incident``'s.
"""

from __future__ import annotations

import re

from django.db import transaction
from django.utils import timezone

from audit.choices import Action
from audit.recording import record
from incidents.actions import ActionError
from jurisdictions.engine.facts import FactsError, check_jurisdiction

from .models import ROLES, OrganisationProfile

TOKEN = re.compile(r"^[a-z0-9_]+(:[a-z0-9_]+)?$")
FIELDS = (
    "name",
    "affiliates",
    "main_establishment",
    "established_in",
    "subject_to",
    "sectors",
    "default_roles",
    "contract_clauses",
    "notes",
    "address",
    "contact_point",
    "toll_free_number",
    "signatory",
    "active",
)


def may_edit(user) -> bool:
    return bool(user and user.is_authenticated and user.has_perm(
        "organisations.change_organisationprofile"
    ))  # fmt: skip


def may_pick(user) -> bool:
    """Picking a profile happens when opening a case: the same people may do both."""
    return bool(user and user.is_authenticated and user.has_perm("incidents.add_incident"))


def _names(value, field: str) -> list[str]:
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ActionError(field, "must be a list of names")
    out = [v.strip() for v in value if v.strip()]
    if any(len(v) > 200 for v in out):
        raise ActionError(field, "each name must be at most 200 characters")
    return out


def _codes(value, field: str) -> list[str]:
    codes = _names(value, field)
    for code in codes:
        try:
            check_jurisdiction(code, field)
        except FactsError as exc:
            raise ActionError(field, exc.message) from None
    return codes


def _tokens(value, field: str) -> list[str]:
    tokens = _names(value, field)
    for token in tokens:
        if not TOKEN.match(token):
            raise ActionError(field, f"{token!r} is not a key (lower case, e.g. health)")
    return tokens


def check_values(values: dict) -> dict:
    """The values cleaned, or ``ActionError`` naming the first bad one (forms check early)."""
    return _clean(values)


def _clean(values: dict) -> dict:
    unknown = sorted(set(values) - set(FIELDS))
    if unknown:
        raise ActionError(unknown[0], "unknown field")
    out = dict(values)
    if "name" in out:
        name = out["name"]
        if not isinstance(name, str) or not name.strip():
            raise ActionError("name", "is required")
        out["name"] = name.strip()[:200]
    if "affiliates" in out:
        out["affiliates"] = _names(out["affiliates"], "affiliates")
    if "main_establishment" in out:
        main = out["main_establishment"] or ""
        out["main_establishment"] = _codes([main], "main_establishment")[0] if main else ""
    if "established_in" in out:
        out["established_in"] = _codes(out["established_in"], "established_in")
    for field in ("subject_to", "sectors"):
        if field in out:
            out[field] = _tokens(out[field], field)
    if "default_roles" in out:
        roles = _names(out["default_roles"], "default_roles")
        if not roles or any(r not in ROLES for r in roles):
            raise ActionError("default_roles", "must be controller, processor or both")
        out["default_roles"] = [r for r in ROLES if r in roles]
    for field in ("notes", "address", "contact_point", "toll_free_number", "signatory"):
        if field in out and not isinstance(out[field], str):
            raise ActionError(field, "must be text")
    if "active" in out and not isinstance(out["active"], bool):
        raise ActionError("active", "must be true or false")
    return out


@transaction.atomic
def save_profile(profile: OrganisationProfile | None, values: dict, *, acting_user):
    """Create (``profile`` None) or change a profile; returns it. Refused with ``ActionError``
    (nothing stored) for a user who may not edit profiles or for a bad value."""
    if not may_edit(acting_user):
        raise ActionError("acting_user", "only the privacy office may change organisation profiles")
    values = _clean(values)
    clauses = values.pop("contract_clauses", None)
    creating = profile is None
    if creating:
        profile = OrganisationProfile(created_by=acting_user, default_roles=["controller"])
        before = None
    else:
        profile = OrganisationProfile.objects.select_for_update().get(pk=profile.pk)
        before = profile.state()
    name = values.get("name", profile.name)
    if OrganisationProfile.objects.filter(name=name).exclude(pk=profile.pk).exists():
        raise ActionError("name", f"a profile named {name!r} exists already")
    if creating and not name:
        raise ActionError("name", "is required")
    for key, value in values.items():
        setattr(profile, key, value)
    profile.updated_at = timezone.now()
    profile.updated_by = acting_user
    profile.save()
    if clauses is not None:
        profile.contract_clauses.set(_contract_rules(clauses))
    after = profile.state()
    if before == after:
        return profile
    changed = [k for k in after if before is None or before.get(k) != after[k]]
    record(
        Action.CHANGE,
        actor=acting_user,
        obj=profile,
        summary=f"organisation profile {'created' if creating else 'changed'}: "
        + ", ".join(changed),
        before=before,
        after=after,
    )
    return profile


def _contract_rules(clauses):
    """Rules of kind ``contract`` by code or instance; any other rule is refused by name."""
    from jurisdictions.models import Rule

    codes = [getattr(c, "code", c) for c in clauses]
    rules = list(Rule.objects.filter(code__in=codes, versions__kind="contract").distinct())
    missing = sorted(set(codes) - {r.code for r in rules})
    if missing:
        raise ActionError(
            "contract_clauses", f"not contract clauses of the rule book: {', '.join(missing)}"
        )
    return rules
