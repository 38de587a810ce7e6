"""The rule console: the Django admin arranged for privacy counsel.

Published rule versions are history: saving one writes a new draft version, which is previewed
(which open cases' deadlines move) and then published. Every change goes through
``jurisdictions.services`` and leaves a ``RuleChange`` row with who, when, before and after.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Prefetch
from django.http import HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join

from jurisdictions import admin_widgets, choices, queries, rule_hygiene, services
from jurisdictions.admin_notice import NoticeContentAdminMixin
from jurisdictions.choices import Publication
from jurisdictions.engine.vocabulary import duration_words
from jurisdictions.forms import JurisdictionForm, RuleVersionForm
from jurisdictions.models import (
    HolidayClosure,
    Jurisdiction,
    PublishJob,
    Regime,
    Rule,
    RuleChange,
    RuleVersion,
    field_label,
)
from jurisdictions.rule_words import difference_words

PUBLISH_PERMISSION = "jurisdictions.publish_rule"


def deadline_text(version: RuleVersion | None) -> str:
    if version is None:
        return "-"
    if version.deadline_amount is None:
        return "no fixed deadline"
    return duration_words(version.deadline_amount, version.deadline_unit)


def current_version(rule: Rule) -> RuleVersion | None:
    """The published version in force today, else the latest published (from the prefetch)."""
    today = timezone.localdate()
    published = getattr(rule, "published", None)
    if published is None:
        published = list(rule.published_versions())
    in_force = [v for v in published if v.in_force_on(today)]
    return (in_force or published or [None])[-1]


# --------------------------------------------------------------------------- filters


class _VersionFilter(admin.SimpleListFilter):
    """Filters on the rule's published versions."""

    field = ""

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        return queries.with_version(queryset, **{self.field: self.value()})


class RegimeFilter(_VersionFilter):
    title = "regime"
    parameter_name = "regime"
    field = "regime__code"

    def lookups(self, request, model_admin):
        return [(r.code, r.name) for r in Regime.objects.all()]


class RecipientFilter(_VersionFilter):
    title = "recipient"
    parameter_name = "recipient"
    field = "recipient"

    def lookups(self, request, model_admin):
        return choices.RECIPIENT_CHOICES


class ConfidenceFilter(_VersionFilter):
    title = "confidence"
    parameter_name = "confidence"
    field = "confidence"

    def lookups(self, request, model_admin):
        return choices.CONFIDENCE_CHOICES


class KindFilter(_VersionFilter):
    title = "kind"
    parameter_name = "kind"
    field = "kind"

    def lookups(self, request, model_admin):
        return choices.Kind.choices


class ReviewFilter(admin.SimpleListFilter):
    title = "last reviewed"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("stale", "Not reviewed in 12 months")]

    def queryset(self, request, queryset):
        if self.value() != "stale":
            return queryset
        return queries.not_reviewed_since(queryset, timezone.localdate())


class InForceFilter(admin.SimpleListFilter):
    title = "in force"
    parameter_name = "in_force"

    def lookups(self, request, model_admin):
        return [
            ("future", "Not yet in force"),
            ("drafts", "Has a draft to publish"),
        ]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "future":
            return queries.not_yet_in_force(queryset, today)
        if self.value() == "drafts":
            drafts = RuleVersion.objects.filter(publication=Publication.DRAFT)
            return queryset.filter(pk__in=drafts.values("rule_id"))
        return queryset


# --------------------------------------------------------------------------- jurisdictions


class HolidayClosureInline(admin.TabularInline):
    model = HolidayClosure
    fields = ("day", "reason", "created_by", "created_at")
    readonly_fields = ("created_by", "created_at")
    extra = 0
    verbose_name = "extra closure day"
    verbose_name_plural = (
        "Extra closure days (skipped by business-day deadlines, as well as public holidays)"
    )


class RuleInline(admin.TabularInline):
    model = Rule
    fields = ("rule_link", "authority", "deadline", "confidence", "in_force_from")
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = False
    verbose_name_plural = "Rules (notification duties owed to this jurisdiction)"

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "versions",
                    RuleVersion.objects.filter(publication=Publication.PUBLISHED).order_by(
                        "version"
                    ),
                    to_attr="published",
                )
            )
        )

    @admin.display(description="rule")
    def rule_link(self, obj):
        url = reverse("admin:jurisdictions_rule_change", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, obj.code)

    @admin.display(description="authority")
    def authority(self, obj):
        version = current_version(obj)
        return f"{version.recipient.replace('_', ' ')}: {version.authority}" if version else "-"

    @admin.display(description="deadline")
    def deadline(self, obj):
        return deadline_text(current_version(obj))

    @admin.display(description="confidence")
    def confidence(self, obj):
        version = current_version(obj)
        return version.confidence if version else "-"

    @admin.display(description="current version from")
    def in_force_from(self, obj):
        version = current_version(obj)
        return (version.effective_from or "the beginning") if version else "-"


def _log_jurisdiction(request, obj, before, after, summary):
    RuleChange.objects.create(
        user=request.user,
        action=RuleChange.Action.JURISDICTION,
        jurisdiction=obj,
        summary=summary,
        before=before,
        after=after,
    )


@admin.register(Jurisdiction)
class JurisdictionAdmin(admin.ModelAdmin):
    form = JurisdictionForm
    list_display = ("code", "name", "parent", "timezone", "holidays", "eu", "eea")
    list_filter = ("eu", "eea", ("parent", admin.RelatedOnlyFieldListFilter))
    search_fields = ("code", "name")
    list_select_related = ("parent",)
    inlines = [HolidayClosureInline, RuleInline]
    fieldsets = [
        (None, {"fields": ("code", "name", "parent", "eu", "eea", "members")}),
        (
            "Counting days",
            {"fields": ("timezone", "holiday_country", "holiday_subdivision")},
        ),
    ]

    @admin.display(description="holiday calendar")
    def holidays(self, obj):
        if not obj.holiday_country:
            return "-"
        sub = f"-{obj.holiday_subdivision}" if obj.holiday_subdivision else ""
        return f"{obj.holiday_country}{sub}"

    def get_readonly_fields(self, request, obj=None):
        return ("code",) if obj else ()

    def save_model(self, request, obj, form, change):
        before = Jurisdiction.objects.get(pk=obj.pk).to_engine_dict() if change else None
        super().save_model(request, obj, form, change)
        after = obj.to_engine_dict()
        if before != after:
            verb = "changed" if change else "added"
            _log_jurisdiction(request, obj, before, after, f"Jurisdiction {obj.code} {verb}")

    def save_formset(self, request, form, formset, change):
        if formset.model is not HolidayClosure:
            return super().save_formset(request, form, formset, change)
        closures = formset.save(commit=False)
        for closure in formset.deleted_objects:
            RuleChange.objects.create(
                user=request.user,
                action=RuleChange.Action.CLOSURE,
                jurisdiction=form.instance,
                summary=f"{form.instance.code}: closure day {closure.day} removed",
                before={"day": closure.day.isoformat(), "reason": closure.reason},
            )
            closure.delete()
        for closure in closures:
            adding = closure.pk is None
            if adding:
                closure.created_by = request.user
            closure.save()
            RuleChange.objects.create(
                user=request.user,
                action=RuleChange.Action.CLOSURE,
                jurisdiction=form.instance,
                summary=f"{form.instance.code}: closure day {closure.day} "
                + ("added" if adding else "changed"),
                after={"day": closure.day.isoformat(), "reason": closure.reason},
            )


@admin.register(Regime)
class RegimeAdmin(admin.ModelAdmin):
    list_display = ("code", "name")
    search_fields = ("code", "name")


# --------------------------------------------------------------------------- rules


class VersionInline(admin.TabularInline):
    model = RuleVersion
    fk_name = "rule"
    fields = (
        "version_link",
        "publication",
        "effective_from",
        "effective_to",
        "deadline",
        "citation",
        "confidence",
        "created_by",
        "created_at",
    )
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("-version",)
    verbose_name_plural = "Versions (published versions are never rewritten)"

    def has_add_permission(self, request, obj=None):
        return False

    @admin.display(description="version")
    def version_link(self, obj):
        url = reverse("admin:jurisdictions_ruleversion_change", args=[obj.pk])
        return format_html('<a href="{}">version {}</a>', url, obj.version)

    @admin.display(description="deadline")
    def deadline(self, obj):
        return deadline_text(obj)


class HistoryInline(admin.TabularInline):
    model = RuleChange
    fk_name = "rule"
    fields = ("at", "user", "action", "summary", "differences")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("-at", "-id")
    verbose_name_plural = "History (who changed what, when: before -> after)"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    @admin.display(description="before -> after")
    def differences(self, obj):
        return format_diff(obj)


def format_diff(change: RuleChange):
    rows = change.changed_labels()
    if not change.before and change.after:
        return "-"
    items = format_html_join(
        "",
        "<li><b>{}</b>: {} &rarr; {}</li>",
        ((name, _short(before), _short(after)) for name, before, after in rows),
    )
    return format_html("<ul class='rule-diff'>{}</ul>", items)


def _short(value) -> str:
    text = "(empty)" if value in (None, "", [], {}) else str(value)
    return text if len(text) <= 120 else text[:117] + "..."


@admin.register(Rule)
class RuleAdmin(admin.ModelAdmin):
    list_display = (
        "code",
        "jurisdiction",
        "regime",
        "recipient",
        "deadline",
        "confidence",
        "last_reviewed",
        "state",
    )
    list_select_related = ("jurisdiction",)
    search_fields = (
        "code",
        "jurisdiction__code",
        "jurisdiction__name",
        "versions__citation",
        "versions__authority",
        "versions__regime_name",
        "versions__counterparty",
    )
    list_filter = (
        RegimeFilter,
        RecipientFilter,
        ConfidenceFilter,
        KindFilter,
        ReviewFilter,
        InForceFilter,
        ("jurisdiction", admin.RelatedOnlyFieldListFilter),
    )
    inlines = [VersionInline, HistoryInline]
    list_per_page = 100

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .prefetch_related(
                Prefetch(
                    "versions",
                    RuleVersion.objects.filter(publication=Publication.PUBLISHED)
                    .select_related("regime")
                    .order_by("version"),
                    to_attr="published",
                )
            )
        )

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else []  # a new rule has no versions yet

    def get_search_results(self, request, queryset, search_term):
        results, _dupes = super().get_search_results(request, queryset, search_term)
        return results.distinct(), False

    def get_fields(self, request, obj=None):
        return ("code", "jurisdiction", "edit_link") if obj else ("code", "jurisdiction")

    def get_readonly_fields(self, request, obj=None):
        return ("code", "jurisdiction", "edit_link") if obj else ()

    @admin.display(description="change this rule")
    def edit_link(self, obj):
        version = current_version(obj)
        draft = obj.versions.filter(publication=Publication.DRAFT).order_by("version").last()
        if draft:
            url = reverse("admin:jurisdictions_ruleversion_change", args=[draft.pk])
            return format_html('<a href="{}">Continue draft version {}</a>', url, draft.version)
        if version is None:
            url = reverse("admin:jurisdictions_ruleversion_add") + f"?rule={obj.pk}"
            return format_html('<a href="{}">Write the first version</a>', url)
        url = reverse("admin:jurisdictions_ruleversion_change", args=[version.pk])
        return format_html(
            '<a href="{}">Edit version {} (saving writes a new draft version)</a>',
            url,
            version.version,
        )

    def _v(self, obj):
        return current_version(obj)

    @admin.display(description="regime")
    def regime(self, obj):
        v = self._v(obj)
        return v.regime_name if v else "-"

    @admin.display(description="recipient")
    def recipient(self, obj):
        v = self._v(obj)
        return f"{v.get_recipient_display()}: {v.authority}" if v else "-"

    @admin.display(description="deadline")
    def deadline(self, obj):
        return deadline_text(self._v(obj))

    @admin.display(description="confidence")
    def confidence(self, obj):
        v = self._v(obj)
        return v.confidence if v else "-"

    @admin.display(description="last reviewed")
    def last_reviewed(self, obj):
        v = self._v(obj)
        return v.last_reviewed if v and v.last_reviewed else "never"

    @admin.display(description="in force")
    def state(self, obj):
        v = self._v(obj)
        if v is None:
            return "draft only"
        today = timezone.localdate()
        if v.effective_from and v.effective_from > today:
            return f"from {v.effective_from}"
        return v.get_status_display()

    def has_delete_permission(self, request, obj=None):
        return False  # a rule cases refer to is never deleted; end it with an effective date

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if not change:
            RuleChange.objects.create(
                user=request.user,
                action=RuleChange.Action.CREATED,
                rule=obj,
                summary=f"Rule {obj.code} created for {obj.jurisdiction.code}",
                after={"code": obj.code, "jurisdiction": obj.jurisdiction.code},
            )

    def response_add(self, request, obj, post_url_continue=None):
        # A new rule has no text yet: continue straight to its first version.
        url = reverse("admin:jurisdictions_ruleversion_add") + f"?rule={obj.pk}"
        if request.GET.get("kind") == "contract" or request.POST.get("kind") == "contract":
            url += "&kind=contract&recipient=controller&scope=organisation"
        self.message_user(request, f"Rule {obj.code} created. Now write its first version.")
        return HttpResponseRedirect(url)


@admin.register(RuleVersion)
class RuleVersionAdmin(NoticeContentAdminMixin, admin.ModelAdmin):
    form = RuleVersionForm
    list_display = (
        "__str__",
        "publication",
        "effective_from",
        "effective_to",
        "deadline",
        "citation",
        "created_by",
        "created_at",
    )
    list_filter = ("publication", "kind", "confidence", "recipient")
    search_fields = ("rule__code", "citation", "authority", "regime_name", "counterparty")
    list_select_related = ("rule", "created_by")
    autocomplete_fields = ("rule", "regime")
    change_form_template = "admin/jurisdictions/ruleversion/change_form.html"
    fieldsets = [
        (
            "The duty",
            {
                "fields": (
                    "rule",
                    "kind",
                    ("regime", "regime_name"),
                    ("recipient", "authority"),
                    "stage",
                    "citation",
                    "timing_standard",
                )
            },
        ),
        (
            "Contract clauses",
            {
                "fields": ("counterparty", "contact", "systems_any", "customers_any"),
                "description": "For a customer DPA, vendor agreement or insurance policy: whom "
                "to tell and which incidents the clause covers. Leave blank for a statute.",
            },
        ),
        (
            "When the rule applies",
            {
                "fields": (
                    "scope",
                    "authorities",
                    "obligated_role",
                    "requires_subject_to",
                    "requires_facts",
                    "data_condition",
                    "min_risk",
                    ("encryption_safe_harbour", "key_compromise_defeats_safe_harbour"),
                    ("threshold_op", "threshold_value", "threshold_counted"),
                )
            },
        ),
        (
            "The deadline",
            {
                "fields": (
                    "clock_start",
                    ("deadline_amount", "deadline_unit"),
                    "deadline_cutoff",
                    "deadline_kind",
                    (
                        "also_not_later_than_event",
                        "also_not_later_than_amount",
                        "also_not_later_than_unit",
                    ),
                    "non_business_day_relief",
                    ("holiday_calendar", "timezone"),
                )
            },
        ),
        (
            "Precedence and delay",
            {
                "fields": ("displaces", "delay"),
                "description": "Which other rules' duties this rule displaces (lex specialis, "
                "exemption, deemed compliance, substantially similar law), and whether the law "
                "lets this notice wait for law enforcement or a national-security determination. "
                "Both are JSON checked by the engine on save; the error names the entry at fault.",
            },
        ),
        (
            "Validity and sources",
            {
                "fields": (
                    ("effective_from", "effective_to"),
                    "status",
                    "confidence",
                    "last_reviewed",
                    "sources",
                    "notes",
                    "change_note",
                    "extra",
                )
            },
        ),
        (
            "Record",
            {
                "fields": (
                    "version",
                    "publication",
                    "replaces",
                    ("created_by", "created_at"),
                    ("published_by", "published_at"),
                )
            },
        ),
    ]
    readonly_fields = (
        "version",
        "publication",
        "replaces",
        "created_by",
        "created_at",
        "published_by",
        "published_at",
    )

    @admin.display(description="deadline")
    def deadline(self, obj):
        return deadline_text(obj)

    def get_readonly_fields(self, request, obj=None):
        fields = list(super().get_readonly_fields(request, obj))
        if obj is not None:
            fields.append("rule")
        return fields

    def has_change_permission(self, request, obj=None):
        if obj is not None and obj.publication in (Publication.SUPERSEDED, Publication.DISCARDED):
            return False  # history: shown read-only
        return super().has_change_permission(request, obj)

    def has_delete_permission(self, request, obj=None):
        return False

    def get_changeform_initial_data(self, request):
        initial = super().get_changeform_initial_data(request)
        if initial.get("kind") == "contract":
            initial["data_condition"] = None
        rule_id = request.GET.get("rule")
        if rule_id:
            # Start from the rule's latest version, if any, so nothing has to be typed twice.
            latest = RuleVersion.objects.filter(rule_id=rule_id).order_by("version").last()
            if latest and "kind" not in request.GET:
                for field in RuleVersionForm.base_fields:
                    if field not in ("rule",) and hasattr(latest, field):
                        initial.setdefault(field, getattr(latest, field))
                initial["regime"] = latest.regime_id
        return initial

    def save_model(self, request, obj, form, change):
        if change and obj.publication != Publication.DRAFT:
            # Never rewrite a published version: the edits become a new draft version.
            base = RuleVersion.objects.get(pk=obj.pk)
            obj.pk = obj.id = None
            obj._state.adding = True
            services.save_draft(obj, user=request.user, base=base)
            self.message_user(
                request,
                f"Your changes were saved as draft version {obj.version} of {obj.rule.code}; "
                f"version {base.version} stays in force until you preview and publish.",
                messages.WARNING,
            )
        else:
            services.save_draft(obj, user=request.user)
        for problem in rule_hygiene.rule_problems(obj):
            self.message_user(request, f"Check this version: {problem}.", messages.WARNING)

    def response_add(self, request, obj, post_url_continue=None):
        return HttpResponseRedirect(self._preview_url(obj))

    def response_change(self, request, obj):
        if "_continue" in request.POST:
            return HttpResponseRedirect(
                reverse("admin:jurisdictions_ruleversion_change", args=[obj.pk])
            )
        return HttpResponseRedirect(self._preview_url(obj))

    def _preview_url(self, obj):
        return reverse("admin:jurisdictions_ruleversion_preview", args=[obj.pk])

    def get_urls(self):
        extra = [
            path(
                "reading/",
                self.admin_site.admin_view(admin_widgets.reading_view),
                name="jurisdictions_ruleversion_reading",
            ),
            path(
                "<id:pk>/preview/",
                self.admin_site.admin_view(self.preview_view),
                name="jurisdictions_ruleversion_preview",
            ),
            path(
                "<id:pk>/discard/",
                self.admin_site.admin_view(self.discard_view),
                name="jurisdictions_ruleversion_discard",
            ),
            path(
                "publish-jobs/<id:pk>/",
                self.admin_site.admin_view(self.job_view),
                name="jurisdictions_publishjob_progress",
            ),
            path(
                "publish-jobs/<id:pk>/status/",
                self.admin_site.admin_view(self.job_status),
                name="jurisdictions_publishjob_status",
            ),
        ]
        return extra + super().get_urls()

    def preview_view(self, request, pk):
        from jurisdictions import impact

        draft = get_object_or_404(
            RuleVersion.objects.select_related("rule__jurisdiction", "regime", "replaces"), pk=pk
        )
        if not self.has_view_permission(request, draft):
            raise PermissionDenied
        can_publish = request.user.has_perm(PUBLISH_PERMISSION)
        if request.method == "POST":
            if not can_publish:
                raise PermissionDenied
            if draft.publication != Publication.DRAFT:
                self.message_user(request, "This version is not a draft.", messages.ERROR)
                return HttpResponseRedirect(request.path)
            try:
                job = services.publish([draft], user=request.user)
            except ValidationError as error:
                self.message_user(request, "; ".join(error.messages), messages.ERROR)
                return HttpResponseRedirect(request.path)
            self.message_user(request, f"{draft} published.", messages.SUCCESS)
            return HttpResponseRedirect(
                reverse("admin:jurisdictions_publishjob_progress", args=[job.pk])
            )
        problems = []
        cases = []
        if draft.publication == Publication.DRAFT:
            try:
                services.validate_version(draft)
            except ValidationError as error:
                problems = error.messages
            if not problems:
                old = services.current_rulebook()
                new = services.proposed_rulebook([draft])
                cases = list(impact.case_impacts(old, new))
        effects = (
            services.publication_effects(draft) if draft.publication == Publication.DRAFT else []
        )
        base = services.base_version(draft)
        before = base.to_rule_dict() if base else {}
        after = draft.to_rule_dict()
        differences = [
            (field_label(k), *difference_words(k, before.get(k), after.get(k)))
            for k in after
            if k != "version" and before.get(k) != after.get(k)
        ]
        # Publishing recomputes every case; the page names only those the reader may see.
        shown, hidden = impact.as_seen_by(request.user, cases)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": f"Preview {draft}",
            "draft": draft,
            "base": base,
            "differences": differences,
            "effects": effects,
            "cases": shown,
            "hidden": hidden,
            "total_cases": len(cases),
            "moved": sum(len(c.changes) for c in shown),
            "needs_decision": [c for c in shown if c.needs_decision],
            "problems": problems,
            "can_publish": can_publish and draft.publication == Publication.DRAFT and not problems,
        }
        return TemplateResponse(request, "admin/jurisdictions/ruleversion/preview.html", context)

    def discard_view(self, request, pk):
        draft = get_object_or_404(RuleVersion, pk=pk)
        if request.method != "POST" or not self.has_change_permission(request, draft):
            raise PermissionDenied
        try:
            services.discard_draft(draft, user=request.user)
        except ValidationError as error:
            self.message_user(request, "; ".join(error.messages), messages.ERROR)
        else:
            self.message_user(request, f"{draft} discarded.", messages.SUCCESS)
        return HttpResponseRedirect(
            reverse("admin:jurisdictions_rule_change", args=[draft.rule_id])
        )

    def job_view(self, request, pk):
        from jurisdictions import impact

        if not self.has_view_permission(request):
            raise PermissionDenied
        job = get_object_or_404(PublishJob, pk=pk)
        incidents = _incidents(request.user, job.incident_ids)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": "Publishing",
            "job": job,
            "status_url": reverse("admin:jurisdictions_publishjob_status", args=[job.pk]),
            "incidents": incidents,
            "hidden": impact.HiddenCases(cases=len(set(job.incident_ids)) - len(incidents)),
        }
        return TemplateResponse(request, "admin/jurisdictions/publishjob/progress.html", context)

    def job_status(self, request, pk):
        if not self.has_view_permission(request):
            raise PermissionDenied
        job = get_object_or_404(PublishJob, pk=pk)
        return JsonResponse(
            {
                "state": job.state,
                "state_label": job.get_state_display(),
                "done": job.done,
                "total": job.total,
                "error": job.error,
            }
        )


def _incidents(user, ids):
    from incidents.models import Incident  # lazily, as in jurisdictions.impact

    # Only the cases the reader may see; the page counts the others.
    return list(Incident.objects.visible_to(user).filter(pk__in=ids).order_by("pk"))


@admin.register(RuleChange)
class RuleChangeAdmin(admin.ModelAdmin):
    """The rule book's history, read-only."""

    list_display = ("at", "user", "action", "summary")
    list_filter = ("action", ("user", admin.RelatedOnlyFieldListFilter))
    search_fields = ("summary", "rule__code", "jurisdiction__code")
    list_select_related = ("user",)
    fields = ("at", "user", "action", "rule", "rule_version", "jurisdiction", "summary", "diff")
    readonly_fields = fields

    @admin.display(description="before -> after")
    def diff(self, obj):
        return format_diff(obj)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PublishJob)
class PublishJobAdmin(admin.ModelAdmin):
    list_display = ("created_at", "user", "summary", "done", "total", "state")
    readonly_fields = [f.name for f in PublishJob._meta.fields] + ["rule_versions"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
