"""The case workspace pages.

Reads go through ``Incident.objects.visible_to(user)`` (a case outside it is a 404, never a 403);
every change goes through ``incidents.actions``. Views parse input, call, and render.
"""

from __future__ import annotations

from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Prefetch, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from assessments.forms import lock_assessed_facts
from audit.recording import record_case_export, record_case_view
from config.converters import parse_id
from incidents import actions, timeline
from incidents.choices import IncidentStatus, ObligationStatus
from incidents.conflicts import conflict_rows, hold_rows
from incidents.forms import (
    AffectedCsvForm,
    AffectedForm,
    CaseFilterForm,
    DecisionForm,
    FactsForm,
    IncidentDetailsForm,
    NoteForm,
    NotificationForm,
    StatusForm,
    TargetForm,
    TeamMemberForm,
    TeamRoleForm,
    team_role_choices,
)
from incidents.list_html import filters_html, head_html, rows_html
from incidents.listing import PAGE_SIZE, page_of_cases
from incidents.models import (
    Activity,
    Attachment,
    Incident,
    IncidentEvent,
    Note,
    Obligation,
    TeamMember,
)
from incidents.queries import (
    CaseFilters,
    can_edit,
    can_open_cases,
    due_bucket,
    due_next,
    due_totals,
    further_information_next,
    open_obligation_counts,
    sees_all,
    status_counts,
)
from incidents.web_facts import add_facts_error, readable
from jurisdictions import upcoming
from jurisdictions.engine.facts import FactsError
from jurisdictions.loader import current_rulebook
from jurisdictions.views import may_see_changes_coming
from security.uploads import attachment_response

DASHBOARD_LIMIT = 60
DASHBOARD_COMING = 4  # the next rule changes on the dashboard card
ACTIVITY_ON_PAGE = 100


def visible_cases(request):
    return Incident.objects.visible_to(request.user)


def get_case(request, pk, *, edit: bool = False, queryset=None):
    """The case if the user may see it (404 otherwise); with ``edit``, 403 if they may only read."""
    incident = get_object_or_404(
        queryset if queryset is not None else visible_cases(request).select_related("owner"), pk=pk
    )
    if edit and not can_edit(request.user, incident):
        raise PermissionDenied("Your role on this case is read-only.")
    return incident


# -- Dashboard -------------------------------------------------------------------------------------
@login_required
def dashboard(request):
    """What is due next across my cases: overdue, within 24 hours, this week; counts per status.

    The further information a notice given in phases still owes is listed in the same windows
    by its internal target, as its own row ("Further information due"), never as a deadline.
    """
    now = timezone.now()
    groups = {"overdue": [], "day": [], "week": [], "later": [], "none": []}
    bucket_names = {"24h": "day", "no_deadline": "none"}

    def place(obligation, at):
        obligation.shown_at = at
        bucket = due_bucket(at, now)
        groups[bucket_names.get(bucket, bucket)].append(obligation)

    for obligation in due_next(request.user, limit=DASHBOARD_LIMIT):
        place(obligation, obligation.due_at)
    further = list(further_information_next(request.user, limit=DASHBOARD_LIMIT))
    for obligation in further:
        obligation.further_information = True
        place(obligation, obligation.follow_up_target_at)
    if further:  # each window in time order, deadlines and further information together
        for name in ("overdue", "day", "week", "later"):
            groups[name].sort(key=lambda ob: ob.shown_at)
    totals = due_totals(request.user, now)
    counts = status_counts(request.user)
    book = current_rulebook()  # one small query while the rule book is unchanged
    coming = upcoming.coming(timezone.localdate(), book)
    statuses = [(value, label, counts.get(value, 0)) for value, label in IncidentStatus.choices]
    return render(
        request,
        "incidents/dashboard.html",
        {
            "groups": groups,
            "totals": totals,
            "statuses": statuses,
            "case_total": sum(counts.values()),
            "coming": coming[:DASHBOARD_COMING],
            "coming_total": len(coming),
            "pending_total": len(upcoming.pending(book)),
            "may_see_changes": may_see_changes_coming(request.user),
            "now": now,
            "can_open": can_open_cases(request.user),
        },
    )


# -- Case list -------------------------------------------------------------------------------------
@login_required
def case_list(request):
    """Search, filter, sort and page through my cases; a constant number of queries per page."""
    form = CaseFilterForm(request.GET or None)
    if form.is_bound and not form.is_valid():
        # A filter we cannot apply lists nothing, with the reason next to it: listing every case
        # would look like a filtered answer.
        filters = CaseFilters()
        page = Paginator([], PAGE_SIZE).get_page(1)
    else:
        filters = form.filters() if form.is_bound else CaseFilters()
        page = page_of_cases(request.user, filters, request.GET.get("page"))

    current_sort = filters.sort or "-created"
    params = {k: v for k, v in request.GET.items() if k not in ("page", "sort") and v}
    page_params = urlencode({**params, "sort": current_sort})
    return render(
        request,
        "incidents/case_list.html",
        {
            "form": form,
            "page": page,
            "rows": rows_html(page.object_list, timezone.now()),
            "head": head_html(tuple(params.items()), current_sort),
            "filter_fields": filters_html(form),
            "page_params": page_params,
            "filtered": bool(params),
        },
    )


# -- Case detail -----------------------------------------------------------------------------------
def case_with_everything(request):
    return (
        visible_cases(request)
        .select_related("owner", "created_by")
        .prefetch_related(
            Prefetch("team", TeamMember.objects.select_related("user").order_by("role", "id")),
            "affected",
            Prefetch("events", IncidentEvent.objects.select_related("determined_by")),
            Prefetch(
                "obligations",
                # Notice drafts and phases are listed on each obligation row (two queries).
                Obligation.objects.select_related("evidence").prefetch_related(
                    "notice_drafts", "notice_phases"
                ),
            ),
            Prefetch("notes", Note.objects.select_related("author")),
            Prefetch("attachments", Attachment.objects.select_related("uploaded_by")),
        )
    )


def build_timeline(obligations, now):
    lanes = []
    for ob in obligations:
        if ob.due_at is None or ob.superseded:
            continue
        if ob.status != ObligationStatus.OPEN:
            state = "done"
        else:
            bucket = due_bucket(ob.due_at, now)
            state = {"overdue": "overdue", "24h": "day"}.get(bucket, "open")
        who = ob.counterparty if ob.kind == "contract" and ob.counterparty else ob.recipient
        label = who.replace("_", " ").capitalize()
        if ob.stage:
            label += f" ({ob.stage.replace('_', ' ')})"
        lane = timeline.Lane(
            label=f"{ob.jurisdiction} · {label}",
            detail=ob.rule_code,
            start=ob.clock_start_at,
            due=ob.due_at,
            state=state,
        )
        start = timezone.localtime(ob.clock_start_at) if ob.clock_start_at else None
        lane.title = (
            f"{ob.authority or ob.counterparty} — {ob.rule_code}: "
            + (f"clock started {start:%d %b %Y %H:%M %Z}, " if start else "")
            + f"due {timezone.localtime(ob.due_at):%d %b %Y %H:%M %Z} — {ob.get_status_display()}"
        )
        lanes.append(lane)
    return timeline.build(lanes, now, timezone.get_current_timezone())


@login_required
def case_detail(request, pk):
    incident = get_case(request, pk, queryset=case_with_everything(request))
    record_case_view(request, incident)
    now = timezone.now()
    obligations = list(incident.obligations.all())
    activity = list(
        Activity.objects.filter(incident=incident)
        .select_related("actor", "obligation")
        .order_by("-at", "-id")[:ACTIVITY_ON_PAGE]
    )
    return render(
        request,
        "incidents/case_detail.html",
        {
            "incident": incident,
            "obligations": obligations,
            "open_obligations": [ob for ob in obligations if ob.is_open],
            "open_counts": open_obligation_counts(obligations, now),
            "timeline": build_timeline(obligations, now),
            "events": list(incident.events.all()),
            "activity": activity,
            "can_edit": can_edit(request.user, incident),
            "conflict_rows": conflict_rows(incident),
            "holds": hold_rows(incident),
            "status_form": StatusForm(initial={"status": incident.status}),
            "now": now,
        },
    )


@login_required
def case_report(request, pk):
    """The evidence pack: facts, obligations and status, team, notes and the full timeline."""
    incident = get_case(request, pk, queryset=case_with_everything(request))
    record_case_export(request, incident, "case report")
    obligations = list(incident.obligations.all())
    activity = list(
        Activity.objects.filter(incident=incident)
        .select_related("actor", "obligation")
        .order_by("at", "id")
    )
    return render(
        request,
        "incidents/case_report.html",
        {
            "incident": incident,
            "obligations": obligations,
            "events": list(incident.events.all()),
            "activity": activity,
            "conflict_rows": conflict_rows(incident),
            "holds": hold_rows(incident),
            "generated_at": timezone.now(),
            "generated_by": request.user,
        },
    )


@login_required
def case_report_pages(request, pk):
    """The printed report's page margins as a stylesheet of the case (its reference and privilege
    are in the margin of every page; the pages carry no inline style)."""
    incident = get_case(request, pk)
    return render(
        request, "incidents/report_pages.css", {"incident": incident}, content_type="text/css"
    )


@login_required
def attachment_download(request, pk, attachment_pk):
    """A case file, as a download only (never rendered inline), to people who can see the case."""
    incident = get_case(request, pk)
    attachment = get_object_or_404(Attachment, incident=incident, pk=attachment_pk)
    record_case_export(request, incident, f"file {attachment.name}")
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("The file is missing from storage.") from None
    # A download only: opaque type, nosniff, and a sandboxing CSP should it be opened anyway.
    return attachment_response(handle, attachment.name)


# -- What-if ---------------------------------------------------------------------------------------
def evaluate(facts: dict):
    from jurisdictions.services import evaluate_facts

    return evaluate_facts(facts)


@login_required
def what_if(request):
    """Facts in, obligations out, nothing stored: for counsel before a case exists."""
    form = FactsForm(request.POST or None, affected=True)
    context = {"form": form, "evaluation": None}
    if request.method == "POST" and form.is_valid():
        try:
            evaluation = evaluate(form.facts())
        except FactsError as exc:
            add_facts_error(form, exc)
        else:
            result = evaluation.to_dict()
            context.update(
                evaluation=evaluation,
                obligations=result.get("obligations", []),
                not_applicable=result.get("not_applicable", []),
                rulebook=result.get("rulebook"),
                data_given=form.cleaned_data.get("data") or form.cleaned_data.get("data_sets"),
            )
    return render(request, "incidents/what_if.html", context)


# -- Changes: each form calls one action ----------------------------------------------------------
def show_error(form, exc) -> None:
    """Put an ``ActionError`` / ``FactsError`` next to the field it names, or above the form."""
    field = getattr(exc, "field", "") or ""
    message = readable(getattr(exc, "message", str(exc)), form)
    if field in form.fields:
        form.add_error(field, message)
    elif isinstance(form, FactsForm):
        add_facts_error(form, exc)
    else:
        form.add_error(None, f"{field.replace('_', ' ')}: {message}" if field else message)


@login_required
def case_create(request, guided: bool = False):
    """Open an incident: its details and facts; obligations are computed as it is saved.

    ``guided``: the first-hour intake - the same form and the same case, asked in four short
    steps (what happened, when you knew, whose data, where they live)."""
    if not can_open_cases(request.user):  # the API's CanOpenCases asks the same question
        raise PermissionDenied("Your role may not open cases.")
    from organisations.actions import may_pick
    from organisations.models import OrganisationProfile

    pickable = may_pick(request.user)
    profiles = list(OrganisationProfile.objects.filter(active=True)) if pickable else []
    picked = _picked_profile(request, profiles)
    details = IncidentDetailsForm(request.POST or None)
    facts = FactsForm(
        request.POST or None,
        affected=True,
        initial=profile_initial(picked) if picked and request.method != "POST" else None,
    )
    if request.method == "POST" and details.is_valid() & facts.is_valid():
        try:
            incident = actions.open_incident(
                facts.facts(),
                acting_user=request.user,
                title=details.cleaned_data["title"],
                description=details.cleaned_data["description"],
                severity=details.cleaned_data["severity"],
                privileged=details.cleaned_data["privileged"],
                risk_rationale=facts.cleaned_data.get("risk_rationale", ""),
                event_basis=facts.event_basis_map(),
                organisation_profile=picked,
            )
        except FactsError as exc:
            show_error(facts, exc)
        except actions.ActionError as exc:
            if exc.field == "organisation_profile":
                facts.add_error(None, f"Organisation profile: {exc.message}")
            else:
                show_error(details if exc.field in details.fields else facts, exc)
        else:
            messages.success(request, f"{incident.reference} opened; its deadlines are below.")
            return redirect("incidents:detail", pk=incident.pk)
    return render(
        request,
        "incidents/intake.html" if guided else "incidents/case_form.html",
        {
            "details": details,
            "facts": facts,
            "incident": None,
            "profiles": profiles,
            "picked": picked,
            "pickable": pickable,
        },
    )


def _picked_profile(request, profiles):
    """The profile chosen with ``?profile=`` (GET) or carried in the form (POST), if any.

    Only active profiles the user may pick; anything else is ignored on GET and refused by the
    action on POST (so a stale or forged id cannot open a case silently without its snapshot).
    """
    raw = request.POST.get("organisation_profile") if request.method == "POST" else None
    raw = raw if raw is not None else request.GET.get("profile", "")
    if not raw:
        return None
    by_id = {str(p.pk): p for p in profiles}
    if raw in by_id:
        return by_id[raw]
    if request.method == "POST":
        raise PermissionDenied("That organisation profile cannot be picked.")
    return None


def profile_initial(profile) -> dict:
    """The facts form's organisation answers as the profile gives them."""
    initial = FactsForm.initial_from_facts(
        {"format": "breachclock.facts/2" if profile.needs_format_2 else None,
         "organisation": profile.organisation_facts()}
    )  # fmt: skip
    keys = ("facts_format", "role", "main_establishment", "established_in", "subject_to",
            "subject_to_other", "sectors")  # fmt: skip
    return {key: initial[key] for key in keys}


@login_required
def case_edit(request, pk):
    """Change the facts (obligations are recomputed) and the details of a case."""
    incident = get_case(request, pk, edit=True)
    stored = incident.facts_dict()
    details_initial = {
        "title": incident.title,
        "description": incident.description,
        "severity": incident.severity,
        "privileged": incident.privileged,
    }
    facts_initial = FactsForm.initial_from_facts(stored)
    facts_initial["risk_rationale"] = incident.risk_rationale
    details = IncidentDetailsForm(request.POST or None, initial=details_initial, editing=True)
    facts = FactsForm(request.POST or None, initial=facts_initial)
    lock_assessed_facts(facts, incident)  # the assessment's record owns them once there is one
    if request.method == "POST" and details.is_valid() & facts.is_valid():
        reason = details.cleaned_data.get("change_reason", "")
        changed_details = {
            name: details.cleaned_data[name]
            for name in details_initial
            if details.cleaned_data[name] != details_initial[name]
        }
        if facts.cleaned_data.get("risk_rationale", "") != incident.risk_rationale:
            changed_details["risk_rationale"] = facts.cleaned_data.get("risk_rationale", "")
        try:
            # Both changes or neither: a refused fact must not leave a changed title behind.
            with transaction.atomic():
                result = actions.update_facts(
                    incident,
                    facts.facts(),
                    acting_user=request.user,
                    reason=reason,
                    event_basis=facts.event_basis_map(),
                )
                if changed_details:
                    actions.update_details(incident, acting_user=request.user, **changed_details)
        except FactsError as exc:
            show_error(facts, exc)
        except actions.ActionError as exc:
            show_error(details if exc.field in details.fields else facts, exc)
        else:
            summary = getattr(result, "summary", None) if result else None
            messages.success(
                request, f"Saved. {summary() if callable(summary) else summary or ''}".strip()
            )
            return redirect("incidents:detail", pk=incident.pk)
    return render(
        request,
        "incidents/case_form.html",
        {"details": details, "facts": facts, "incident": incident},
    )


@login_required
def case_affected(request, pk):
    """Affected people per jurisdiction: typed, or from a CSV file of counts."""
    incident = get_case(request, pk, edit=True)
    rows = list(incident.affected.all())
    uploading = request.method == "POST" and "upload" in request.POST
    typed = AffectedForm(
        request.POST if request.method == "POST" and not uploading else None,
        initial={"counts": AffectedForm.initial_text(rows)},
    )
    upload = AffectedCsvForm(
        request.POST if uploading else None, request.FILES if uploading else None
    )
    if request.method == "POST":
        form = upload if uploading else typed
        if form.is_valid():
            try:
                if uploading:
                    actions.set_affected(
                        incident,
                        upload.counts,
                        acting_user=request.user,
                        replace=upload.cleaned_data["replace"],
                        source=f"CSV file {upload.cleaned_data['file'].name}",
                    )
                else:
                    actions.set_affected(
                        incident,
                        typed.cleaned_data["counts"],
                        acting_user=request.user,
                        replace=True,
                        source="the affected-people form",
                    )
            except (FactsError, actions.ActionError) as exc:
                message = getattr(exc, "message", str(exc))
                form.add_error("file" if uploading else "counts", message)
            else:
                messages.success(request, "Affected people saved; deadlines recomputed.")
                return redirect("incidents:detail", pk=incident.pk)
    return render(
        request,
        "incidents/affected_form.html",
        {"incident": incident, "typed": typed, "upload": upload, "rows": rows},
    )


def get_obligation(incident, ob_pk):
    return get_object_or_404(Obligation.objects.filter(incident=incident), pk=ob_pk)


@login_required
def obligation_notify(request, pk, ob_pk):
    """Record a notification that was sent: when, how, to whom, reference, letter or filing."""
    incident = get_case(request, pk, edit=True)
    obligation = get_obligation(incident, ob_pk)
    form = NotificationForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.record_notification(
                obligation,
                sent_at=data["sent_at"],
                method=data["method"],
                sent_to=data["sent_to"],
                reference=data["reference"],
                evidence=data.get("evidence"),
                acting_user=request.user,
            )
        except (FactsError, actions.ActionError) as exc:
            show_error(form, exc)
        else:
            messages.success(request, "Notification recorded.")
            return redirect(f"{incident.get_absolute_url()}#obligation-{obligation.pk}")
    return render(
        request,
        "incidents/obligation_form.html",
        {"incident": incident, "obligation": obligation, "form": form, "action": "notify"},
    )


@login_required
def obligation_decide(request, pk, ob_pk):
    """Mark an obligation not required, or waive it, with the reason."""
    incident = get_case(request, pk, edit=True)
    obligation = get_obligation(incident, ob_pk)
    form = DecisionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        decide = (
            actions.mark_not_required
            if form.cleaned_data["decision"] == "not_required"
            else actions.waive
        )
        try:
            decide(obligation, reason=form.cleaned_data["reason"], acting_user=request.user)
        except actions.ActionError as exc:
            show_error(form, exc)
        else:
            messages.success(request, "Decision recorded.")
            return redirect(f"{incident.get_absolute_url()}#obligation-{obligation.pk}")
    return render(
        request,
        "incidents/obligation_form.html",
        {"incident": incident, "obligation": obligation, "form": form, "action": "decide"},
    )


@login_required
def obligation_target(request, pk, ob_pk):
    """Set or clear the internal target of an obligation without a fixed legal deadline."""
    incident = get_case(request, pk, edit=True)
    obligation = get_obligation(incident, ob_pk)
    form = TargetForm(
        request.POST or None,
        initial={"target_at": obligation.target_at} if obligation.target_at else None,
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_internal_target(
                obligation,
                target_at=form.cleaned_data["target_at"],
                reason=form.cleaned_data["reason"],
                acting_user=request.user,
            )
        except actions.ActionError as exc:
            show_error(form, exc)
        else:
            messages.success(request, "Internal target saved; reminders rescheduled.")
            return redirect(f"{incident.get_absolute_url()}#obligation-{obligation.pk}")
    return render(
        request,
        "incidents/obligation_form.html",
        {"incident": incident, "obligation": obligation, "form": form, "action": "target"},
    )


@login_required
def case_team(request, pk):
    """Add a person to the case team (or change their role)."""
    incident = get_case(request, pk, edit=True)
    form = TeamMemberForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            actions.add_team_member(
                incident, form.user, form.cleaned_data["role"], acting_user=request.user
            )
        except actions.ActionError as exc:
            show_error(form, exc)
        else:
            messages.success(request, f"{form.user.get_username()} is on the team.")
            return redirect(f"{incident.get_absolute_url()}#team")
    team = TeamMember.objects.filter(incident=incident).select_related("user")
    return render(
        request,
        "incidents/team_form.html",
        {
            "incident": incident,
            "form": form,
            "team": team,
            "role_choices": team_role_choices(),
            "can_steer": actions.may_steer(incident, request.user),
        },
    )


def team_member(incident, user_id):
    """The member ``user_id`` of the case's team (their user joined), or None."""
    if user_id >= 2**63:  # a foreign-key lookup does not guard the range (SQLite raises)
        return None
    return (
        TeamMember.objects.select_related("user").filter(incident=incident, user_id=user_id).first()
    )


def not_on_team(request, incident):
    # An id from a stale page or a crafted form: say so rather than 404, the case is visible.
    messages.error(request, "Nothing changed: that person is not on this case's team.")
    return redirect("incidents:team", pk=incident.pk)


def after_team_change(request, incident):
    """Back to the team page, or to the case if the change took away the right to edit it."""
    if can_edit(request.user, incident):
        return redirect("incidents:team", pk=incident.pk)
    return redirect(f"{incident.get_absolute_url()}#team")


def after_leaving(request, incident):
    """Once off the team the case answers 404 (unless the privacy office): go to the list."""
    if sees_all(request.user):
        messages.success(
            request, f"You left the team of {incident.reference}; the privacy office still sees it."
        )
        return redirect("incidents:detail", pk=incident.pk)
    messages.success(
        request,
        f"You left {incident.reference}: it is no longer in your cases or your calendar feed.",
    )
    return redirect("incidents:list")


@login_required
@require_POST
def team_role(request, pk, user_id):
    """Change a member's role (a small form per member on the team page)."""
    incident = get_case(request, pk, edit=True)
    member = team_member(incident, user_id)
    if member is None:
        return not_on_team(request, incident)
    name = member.user.get_username()
    form = TeamRoleForm(request.POST)
    if not form.is_valid():
        messages.error(request, f"Role of {name} not changed: {form.errors['role'][0]}")
        return redirect("incidents:team", pk=incident.pk)
    role = form.cleaned_data["role"]
    if role == member.role:
        messages.info(request, f"{name} already is {member.get_role_display()}; nothing changed.")
        return redirect("incidents:team", pk=incident.pk)
    try:
        changed = actions.change_team_role(incident, member.user, role, acting_user=request.user)
    except actions.ActionError as exc:
        reason = f"{name} {exc.message}" if exc.field == "user" else exc.message
        messages.error(request, f"Role of {name} not changed: {reason}.")
        return redirect("incidents:team", pk=incident.pk)
    messages.success(request, f"{name} is now {changed.get_role_display()}.")
    return after_team_change(request, incident)


@login_required
def team_remove(request, pk, user_id):
    """Take someone off the team: a confirmation page, then a POST."""
    incident = get_case(request, pk, edit=True)
    member = team_member(incident, user_id)
    if member is None:
        return not_on_team(request, incident)
    if request.method == "POST":
        try:
            actions.remove_team_member(incident, member.user, acting_user=request.user)
        except actions.ActionError as exc:
            messages.error(request, f"Nobody removed: {exc.message}.")
            return redirect("incidents:team", pk=incident.pk)
        if member.user_id == request.user.pk:
            return after_leaving(request, incident)
        messages.success(request, f"{member.user.get_username()} is no longer on the team.")
        return redirect("incidents:team", pk=incident.pk)
    return render(
        request,
        "incidents/team_confirm.html",
        {"incident": incident, "member": member, "action": "remove"},
    )


@login_required
def team_owner(request, pk, user_id):
    """Make a member the owner (the previous owner stays as lead): confirmation, then a POST."""
    incident = get_case(request, pk, edit=True)
    member = team_member(incident, user_id)
    if member is None:
        return not_on_team(request, incident)
    if request.method == "POST":
        name = member.user.get_username()
        if member.user_id == incident.owner_id:
            messages.info(request, f"{name} already owns the case; nothing changed.")
            return redirect("incidents:team", pk=incident.pk)
        try:
            actions.transfer_ownership(incident, member.user, acting_user=request.user)
        except actions.ActionError as exc:
            reason = f"{name} {exc.message}" if exc.field == "user" else exc.message
            messages.error(request, f"Ownership not transferred: {reason}.")
        else:
            messages.success(request, f"{name} now owns the case.")
        return redirect("incidents:team", pk=incident.pk)
    return render(
        request,
        "incidents/team_confirm.html",
        {"incident": incident, "member": member, "action": "owner"},
    )


@login_required
def case_leave(request, pk):
    """Leave the case, whatever one's role (a viewer too); the owner hands it on first."""
    incident = get_case(request, pk)
    member = team_member(incident, request.user.pk)
    if member is None:
        messages.error(request, "You are not on this case's team, so there is nothing to leave.")
        return redirect("incidents:detail", pk=incident.pk)
    if request.method == "POST":
        try:
            actions.leave_case(incident, acting_user=request.user)
        except actions.ActionError as exc:
            messages.error(request, f"You are still on the case: {exc.message}.")
            return redirect(f"{incident.get_absolute_url()}#team")
        return after_leaving(request, incident)
    return render(
        request,
        "incidents/team_confirm.html",
        {"incident": incident, "member": member, "action": "leave"},
    )


@login_required
def case_note(request, pk):
    """A note, a file, or both."""
    incident = get_case(request, pk, edit=True)
    form = NoteForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            with transaction.atomic():
                if data["text"].strip():
                    actions.add_note(
                        incident, data["text"], acting_user=request.user,
                        privileged=data["privileged"], personal=data["personal"],
                    )  # fmt: skip
                if data.get("file"):
                    actions.add_attachment(
                        incident,
                        data["file"],
                        acting_user=request.user,
                        kind=data.get("kind") or "evidence",
                        privileged=data["privileged"],
                    )
        except actions.ActionError as exc:
            show_error(form, exc)
        else:
            messages.success(request, "Added to the case.")
            return redirect(f"{incident.get_absolute_url()}#notes")
    return render(request, "incidents/note_form.html", {"incident": incident, "form": form})


@login_required
@require_POST
def case_status(request, pk):
    incident = get_case(request, pk, edit=True)
    form = StatusForm(request.POST)
    if form.is_valid():
        try:
            actions.change_status(
                incident,
                form.cleaned_data["status"],
                acting_user=request.user,
                reason=form.cleaned_data["reason"],
            )
        except actions.ActionError as exc:
            messages.error(request, f"Status not changed: {exc.message}")
        else:
            messages.success(request, "Status changed.")
    else:
        messages.error(request, "Status not changed: choose a status from the list.")
    return redirect("incidents:detail", pk=incident.pk)


# -- Calendar feeds ------------------------------------------------------------------------------
def feed_url(request, token) -> str:
    return request.build_absolute_uri(token.get_absolute_url())


def _feed_rows(request, tokens):
    return [{"token": t, "url": feed_url(request, t)} for t in tokens]


def _feed_post(request, incident=None):
    """Create or revoke one of the user's own feed links (through the actions door)."""
    from incidents.models import FeedToken

    if request.POST.get("revoke"):
        # Not an id (letters, a number beyond any row): no such feed link, as for a wrong id.
        token_id = parse_id(request.POST["revoke"])
        if token_id is None:
            raise Http404("No such feed link.")
        token = get_object_or_404(
            FeedToken.objects.filter(user=request.user, revoked_at__isnull=True), pk=token_id
        )
        actions.revoke_feed_token(token, acting_user=request.user)
        messages.success(request, "Feed link revoked: calendars using it stop updating.")
    else:
        actions.create_feed_token(request.user, incident=incident, acting_user=request.user)
        messages.success(request, "New feed link created.")


@login_required
def my_calendar(request):
    """The secret addresses of my deadline feeds: all my cases, and per case."""
    from incidents.models import FeedToken

    if request.method == "POST":
        _feed_post(request)
        return redirect("incidents:calendar")
    tokens = (
        FeedToken.objects.filter(user=request.user, revoked_at__isnull=True)
        .filter(Q(incident__isnull=True) | Q(incident__in=visible_cases(request)))
        .select_related("incident")
        .order_by("incident_id", "-created_at")
    )
    return render(request, "incidents/calendar.html", {"feeds": _feed_rows(request, tokens)})


@login_required
def case_calendar(request, pk):
    """This case's deadlines as a calendar feed, with a secret revocable address."""
    from incidents.models import FeedToken

    incident = get_case(request, pk)
    if request.method == "POST":
        _feed_post(request, incident)
        return redirect("incidents:case_calendar", pk=incident.pk)
    tokens = FeedToken.objects.filter(
        user=request.user, incident=incident, revoked_at__isnull=True
    ).order_by("-created_at")
    return render(
        request,
        "incidents/calendar.html",
        {"feeds": _feed_rows(request, tokens), "incident": incident},
    )
