"""The read-only rule book in the workspace: every signed-in user may read it.

Changing rules happens in the rule console (the admin), for rule administrators only.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.template.loader import select_template
from django.utils import timezone

from jurisdictions import choices
from jurisdictions.admin import current_version, deadline_text
from jurisdictions.choices import Publication
from jurisdictions.models import Jurisdiction, Regime, Rule, RuleChange, RuleVersion


def _base_template() -> str:
    """The site layout when the workspace has one, else a minimal page of our own."""
    return select_template(["base.html", "jurisdictions/_standalone.html"]).template.name


def _published_prefetch():
    return Prefetch(
        "versions",
        RuleVersion.objects.filter(publication=Publication.PUBLISHED)
        .select_related("regime")
        .order_by("version"),
        to_attr="published",
    )


def filter_rules(params, queryset=None):
    """The rule list's search and filters, from GET parameters."""
    rules = queryset if queryset is not None else Rule.objects.all()
    published = RuleVersion.objects.filter(publication=Publication.PUBLISHED)
    today = timezone.localdate()
    q = (params.get("q") or "").strip()
    if q:
        matching = published.filter(
            Q(citation__icontains=q)
            | Q(authority__icontains=q)
            | Q(regime_name__icontains=q)
            | Q(counterparty__icontains=q)
        ).values("rule_id")
        rules = rules.filter(
            Q(code__icontains=q)
            | Q(jurisdiction__code__iexact=q)
            | Q(jurisdiction__name__icontains=q)
            | Q(pk__in=matching)
        )
    for param, field in (
        ("regime", "regime__code"),
        ("recipient", "recipient"),
        ("confidence", "confidence"),
        ("kind", "kind"),
    ):
        value = params.get(param)
        if value:
            rules = rules.filter(pk__in=published.filter(**{field: value}).values("rule_id"))
    if params.get("jurisdiction"):
        code = params["jurisdiction"]
        rules = rules.filter(Q(jurisdiction__code=code) | Q(jurisdiction__parent__code=code))
    if params.get("review") == "stale":
        current = published.filter(
            (Q(effective_from__isnull=True) | Q(effective_from__lte=today))
            & (Q(effective_to__isnull=True) | Q(effective_to__gte=today))
        )
        fresh = current.filter(last_reviewed__gte=today - timedelta(days=365))
        rules = rules.exclude(pk__in=fresh.values("rule_id"))
    if params.get("in_force") == "future":
        upcoming = published.filter(
            Q(effective_from__gt=today)
            | Q(status__in=["proposed_not_in_force", "notified_not_yet_in_force"])
        )
        rules = rules.filter(pk__in=upcoming.values("rule_id"))
    return rules


@login_required
def rule_list(request):
    rules = (
        filter_rules(request.GET)
        .select_related("jurisdiction")
        .prefetch_related(_published_prefetch())
        .order_by("jurisdiction__code", "code")
    )
    page = Paginator(rules, 100).get_page(request.GET.get("page"))
    rows = [(rule, current_version(rule)) for rule in page.object_list]
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "jurisdictions/rule_list.html",
        {
            "base_template": _base_template(),
            "page": page,
            "rows": [(r, v, deadline_text(v)) for r, v in rows],
            "params": request.GET,
            "querystring": query.urlencode(),
            "regimes": Regime.objects.all(),
            "jurisdictions": Jurisdiction.objects.filter(parent__isnull=True),
            "recipients": choices.RECIPIENT_CHOICES,
            "confidences": choices.CONFIDENCE_CHOICES,
            "kinds": choices.Kind.choices,
            "today": timezone.localdate(),
            "can_edit": request.user.has_perm("jurisdictions.change_ruleversion"),
        },
    )


@login_required
def rule_detail(request, code):
    rule = get_object_or_404(
        Rule.objects.select_related("jurisdiction__parent").prefetch_related(_published_prefetch()),
        code=code,
    )
    can_edit = request.user.has_perm("jurisdictions.change_ruleversion")
    versions = rule.versions.select_related("created_by", "published_by", "regime").order_by(
        "-version"
    )
    if not can_edit:
        versions = versions.exclude(publication__in=[Publication.DRAFT, Publication.DISCARDED])
    history = RuleChange.objects.filter(rule=rule).select_related("user", "rule_version")
    if not can_edit:
        history = history.exclude(
            action__in=[
                RuleChange.Action.DRAFTED,
                RuleChange.Action.DRAFT_EDITED,
                RuleChange.Action.DISCARDED,
            ]
        )
    current = current_version(rule)
    return render(
        request,
        "jurisdictions/rule_detail.html",
        {
            "base_template": _base_template(),
            "rule": rule,
            "current": current,
            "deadline": deadline_text(current),
            "versions": [(v, deadline_text(v)) for v in versions],
            "history": history,
            "can_edit": can_edit,
        },
    )
