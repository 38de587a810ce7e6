"""The read-only rule book in the workspace: every signed-in user may read it.

Changing rules happens in the rule console (the admin), for rule administrators only.
"""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.template.loader import select_template
from django.utils import timezone

from jurisdictions import choices
from jurisdictions.admin import current_version, deadline_text
from jurisdictions.choices import Publication
from jurisdictions.loader import current_rulebook
from jurisdictions.models import Jurisdiction, Regime, Rule, RuleChange, RuleVersion
from jurisdictions.queries import filter_rules
from jurisdictions.rule_words import clock_start_words
from jurisdictions.rule_words import version_reading as rule_reading


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


def clock_start_text(clock_start: str) -> str:
    """'discovered_at' -> 'discovery of the incident'; 'notice:US-CA-IND' -> the notice is sent."""
    return clock_start_words(clock_start)


def jurisdiction_groups() -> list[tuple[Jurisdiction, list[Jurisdiction]]]:
    """Countries and regions, each with its states or provinces (those with rules of their own),
    for the rule book's filter: a Californian rule is found under California, not only under
    the United States."""
    with_rules = set(Rule.objects.values_list("jurisdiction_id", flat=True))
    rows = list(Jurisdiction.objects.select_related("parent").order_by("name"))
    children: dict[int, list[Jurisdiction]] = {}
    for j in rows:
        if j.parent_id and j.pk in with_rules:
            children.setdefault(j.parent_id, []).append(j)
    return [(j, children.get(j.pk, [])) for j in rows if j.parent_id is None]


@login_required
def rule_list(request):
    rules = (
        filter_rules(request.GET, timezone.localdate())
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
            "jurisdictions": jurisdiction_groups(),
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
            "clock_start": clock_start_text(current.clock_start) if current else "",
            "reading": rule_reading(current) if current else [],
            "versions": [(v, deadline_text(v)) for v in versions],
            "history": history,
            "can_edit": can_edit,
        },
    )


def may_see_changes_coming(user) -> bool:
    """Rules administrators, counsel and the privacy office (the people who act on what the law
    will say): the roles table (``audit.roles``) gives them the permission."""
    return user.is_authenticated and user.has_perm("jurisdictions.view_changes_coming")


@login_required
def changes_coming(request):
    """Every rule or rule version taking effect in the next 180 days, with the open cases it
    would change (named if the reader may see them, counted otherwise), and the laws adopted but
    not yet dated."""
    from django.core.exceptions import PermissionDenied

    from jurisdictions import upcoming

    if not may_see_changes_coming(request.user):
        raise PermissionDenied("The changes coming are for rules administrators and counsel.")
    today = timezone.localdate()
    book = current_rulebook()
    return render(
        request,
        "jurisdictions/changes_coming.html",
        {
            "base_template": _base_template(),
            "today": today,
            "horizon": upcoming.HORIZON_DAYS,
            "coming": upcoming.changes_coming(request.user, today, book),
            "pending": upcoming.pending(book),
            "can_edit": request.user.has_perm("jurisdictions.change_ruleversion"),
        },
    )
