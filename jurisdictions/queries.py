"""Reads of the rule book shared by the console's filters and the workspace's rule pages."""

from __future__ import annotations

from datetime import date, timedelta

from django.db.models import Q, QuerySet

from jurisdictions.choices import Publication
from jurisdictions.models import Rule, RuleVersion

NOT_YET_IN_FORCE_STATUSES = ("proposed_not_in_force", "notified_not_yet_in_force")


def published() -> QuerySet:
    return RuleVersion.objects.filter(publication=Publication.PUBLISHED)


def not_reviewed_since(rules: QuerySet, today: date, days: int = 365) -> QuerySet:
    """Rules whose current or coming text nobody checked in ``days`` days (or ever).

    A rule counts as reviewed when a published version that is in force today or later was
    reviewed within the period; a rule whose every version has expired counts as not reviewed.
    """
    fresh = published().filter(
        Q(effective_to__isnull=True) | Q(effective_to__gte=today),
        last_reviewed__gte=today - timedelta(days=days),
    )
    return rules.exclude(pk__in=fresh.values("rule_id"))


def not_yet_in_force(rules: QuerySet, today: date) -> QuerySet:
    """Rules with a published version that starts later, or a law enacted but not in force."""
    upcoming = published().filter(
        Q(effective_from__gt=today) | Q(status__in=NOT_YET_IN_FORCE_STATUSES)
    )
    return rules.filter(pk__in=upcoming.values("rule_id"))


def with_version(rules: QuerySet, **conditions) -> QuerySet:
    """Rules that have a published version matching ``conditions`` (regime, recipient...)."""
    return rules.filter(pk__in=published().filter(**conditions).values("rule_id"))


def search(rules: QuerySet, q: str) -> QuerySet:
    """By code, jurisdiction (code or name), citation, authority, regime or counterparty."""
    matching = published().filter(
        Q(citation__icontains=q)
        | Q(authority__icontains=q)
        | Q(regime_name__icontains=q)
        | Q(counterparty__icontains=q)
    )
    return rules.filter(
        Q(code__icontains=q)
        | Q(jurisdiction__code__iexact=q)
        | Q(jurisdiction__name__icontains=q)
        | Q(pk__in=matching.values("rule_id"))
    )


def filter_rules(params, today: date, rules: QuerySet | None = None) -> QuerySet:
    """The rule page's search and filters, from GET parameters."""
    rules = rules if rules is not None else Rule.objects.all()
    q = (params.get("q") or "").strip()
    if q:
        rules = search(rules, q)
    for param, field in (
        ("regime", "regime__code"),
        ("recipient", "recipient"),
        ("confidence", "confidence"),
        ("kind", "kind"),
    ):
        if params.get(param):
            rules = with_version(rules, **{field: params[param]})
    if params.get("jurisdiction"):
        code = params["jurisdiction"]
        rules = rules.filter(Q(jurisdiction__code=code) | Q(jurisdiction__parent__code=code))
    if params.get("review") == "stale":
        rules = not_reviewed_since(rules, today)
    if params.get("in_force") == "future":
        rules = not_yet_in_force(rules, today)
    return rules
