"""The drafting pages: start a draft from an obligation, edit it beside its live checklist,
approve it, record it as sent, and its outputs (PDF, Word, filing sheet).

Every page starts from the case through ``visible_to`` (a case outside it is a 404, its drafts
too); changes go through ``incidents.drafting.actions``.
"""

from __future__ import annotations

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from audit.recording import record_case_export, record_case_view
from incidents.actions import ActionError
from incidents.choices import ObligationStatus
from incidents.models import Incident, Obligation
from incidents.queries import can_edit

from . import actions, checklist, filing, outputs
from .choices import RECIPIENT_LABELS, DraftStatus
from .forms import DraftTextForm, FollowUpTargetForm, SentForm
from .models import NoticeDraft, NoticeLetter

CHECK_MAX_BYTES = 200_000


def _case(request, pk):
    return get_object_or_404(Incident.objects.visible_to(request.user), pk=pk)


def _draft(request, pk, draft_pk):
    incident = _case(request, pk)
    draft = get_object_or_404(
        NoticeDraft.objects.filter(incident=incident).select_related(
            "obligation", "approved_version", "approved_by", "template", "letter"
        ),
        pk=draft_pk,
    )
    draft.incident = incident
    return incident, draft


def _refuse(exc: ActionError):
    if exc.field == "acting_user":
        raise PermissionDenied(exc.message)


@login_required
@require_POST
def start(request, pk, ob_pk):
    """ "Draft notice" on an obligation row: a new draft prefilled from the case."""
    incident = _case(request, pk)
    obligation = get_object_or_404(Obligation.objects.filter(incident=incident), pk=ob_pk)
    try:
        draft = actions.start_draft(obligation, acting_user=request.user)
    except ActionError as exc:
        _refuse(exc)
        messages.error(request, exc.message)
        return redirect(f"{incident.get_absolute_url()}#obligation-{obligation.pk}")
    return redirect(draft.get_absolute_url())


@login_required
@require_POST
def start_letter(request, pk):
    """One letter to individuals, with a variant per jurisdiction."""
    incident = _case(request, pk)
    try:
        letter = actions.start_letter(incident, acting_user=request.user)
    except ActionError as exc:
        _refuse(exc)
        messages.error(request, exc.message)
        return redirect(incident.get_absolute_url())
    return redirect("drafting:letter", pk=incident.pk, letter_pk=letter.pk)


@login_required
def letter(request, pk, letter_pk):
    incident = _case(request, pk)
    letter = get_object_or_404(NoticeLetter.objects.filter(incident=incident), pk=letter_pk)
    variants = []
    for draft in letter.variants.select_related("obligation").order_by("rule_code"):
        latest = draft.latest()
        open_items = [i for i in latest.checklist if i["required"] and not i["satisfied"]]
        variants.append({"draft": draft, "latest": latest, "open_items": open_items})
    return render(
        request,
        "drafting/letter.html",
        {"incident": incident, "letter": letter, "variants": variants},
    )


def _version_rows(draft):
    return list(draft.versions.select_related("created_by").order_by("-number"))


@login_required
def draft_page(request, pk, draft_pk):
    """The editor beside its checklist; POST saves the text as a new version."""
    incident, draft = _draft(request, pk, draft_pk)
    versions = _version_rows(draft)
    latest = versions[0]
    editable = actions.may_draft(request.user, incident) and draft.status != DraftStatus.SENT
    form = DraftTextForm(request.POST or None, initial={"text": latest.text})
    items = latest.checklist
    if request.method == "POST":
        if not editable:
            raise PermissionDenied("You may read this draft but not change it.")
        if form.is_valid():
            try:
                version = actions.save_version(
                    draft, form.cleaned_data["text"], acting_user=request.user
                )
            except ActionError as exc:
                form.add_error("text", exc.message)
            else:
                if version.number != latest.number:
                    messages.success(request, f"Saved as version {version.number}.")
                return redirect(draft.get_absolute_url())
        # Nothing typed is lost: the form shows what was sent, with its checklist.
        items = actions.compute_checklist(draft, request.POST.get("text", ""))
    else:
        record_case_view(request, incident)
    sent_form = None
    if draft.status == DraftStatus.APPROVED and editable:
        sent_form = SentForm(initial={"sent_to": draft.obligation.authority})
    return render(
        request,
        "drafting/draft.html",
        {
            "incident": incident,
            "draft": draft,
            "obligation": draft.obligation,
            "recipient_label": RECIPIENT_LABELS.get(draft.obligation.recipient, ""),
            "form": form,
            "items": items,
            "ready": checklist.satisfied(items),
            "versions": versions,
            "latest": latest,
            "editable": editable,
            "may_approve": actions.may_approve(request.user, incident)
            and draft.status != DraftStatus.SENT,
            "sent_form": sent_form,
            "phases": list(draft.obligation.notice_phases.select_related("pdf_attachment")),
        },
    )


@login_required
@require_POST
def check(request, pk, draft_pk):
    """The checklist of a text being edited (not saved): JSON for the editor's live panel."""
    incident, draft = _draft(request, pk, draft_pk)
    if request.content_type != "application/json":
        return JsonResponse({"error": "Send a JSON object with the text."}, status=400)
    if len(request.body) > CHECK_MAX_BYTES:
        return JsonResponse({"error": "The text is too long to check."}, status=413)
    try:
        text = json.loads(request.body or b"{}").get("text", "")
    except (ValueError, AttributeError):
        return JsonResponse({"error": "Send a JSON object with the text."}, status=400)
    if not isinstance(text, str):
        return JsonResponse({"error": "text must be a string"}, status=400)
    items = actions.compute_checklist(draft, text)
    return JsonResponse({"checklist": items, "ready": checklist.satisfied(items)})


@login_required
@require_POST
def approve(request, pk, draft_pk):
    incident, draft = _draft(request, pk, draft_pk)
    number = request.POST.get("version")
    try:
        actions.approve(
            draft,
            acting_user=request.user,
            version_number=int(number) if number and number.isdigit() else None,
        )
    except ActionError as exc:
        _refuse(exc)
        messages.error(request, exc.message)
    else:
        messages.success(request, "Approved. This version can now be recorded as sent.")
    return redirect(draft.get_absolute_url())


@login_required
def record_sent(request, pk, draft_pk):
    incident, draft = _draft(request, pk, draft_pk)
    if not can_edit(request.user, incident):
        raise PermissionDenied("Your role on this case is read-only.")
    form = SentForm(request.POST or None, initial={"sent_to": draft.obligation.authority})
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            actions.record_sent(
                draft,
                sent_at=data["sent_at"],
                method=data["method"],
                sent_to=data["sent_to"],
                reference=data["reference"],
                phase=data["phase"],
                follow_up_target_at=data.get("follow_up_target_at"),
                acting_user=request.user,
            )
        except ActionError as exc:
            _refuse(exc)
            field = exc.field if exc.field in form.fields else None
            form.add_error(field, exc.message)
        else:
            messages.success(
                request,
                "Recorded as sent; the approved text and its PDF are on the case as evidence.",
            )
            return redirect(f"{incident.get_absolute_url()}#obligation-{draft.obligation_id}")
    return render(
        request, "drafting/sent_form.html", {"incident": incident, "draft": draft, "form": form}
    )


@login_required
def follow_up_target(request, pk, ob_pk):
    """Move the internal target for the further information a phased notice still owes."""
    incident = _case(request, pk)
    if not can_edit(request.user, incident):
        raise PermissionDenied("Your role on this case is read-only.")
    obligation = get_object_or_404(Obligation.objects.filter(incident=incident), pk=ob_pk)
    current = obligation.follow_up_target_at
    if current is None or obligation.status != ObligationStatus.NOTIFIED or obligation.superseded:
        # Nothing sent in phases, the final part recorded, or reopened: no target to move.
        messages.error(
            request,
            "This obligation owes no further information: its notice was not given in phases, "
            "or the final part was recorded. Nothing was changed.",
        )
        return redirect(f"{incident.get_absolute_url()}#obligation-{obligation.pk}")
    form = FollowUpTargetForm(
        request.POST or None, initial={"target_at": current} if current else None
    )
    if request.method == "POST" and form.is_valid():
        try:
            actions.set_follow_up_target(
                obligation,
                target_at=form.cleaned_data["target_at"],
                reason=form.cleaned_data["reason"],
                acting_user=request.user,
            )
        except ActionError as exc:
            _refuse(exc)
            form.add_error("target_at" if exc.field == "target_at" else None, exc.message)
        else:
            messages.success(
                request, "Target for the further information saved; reminders rescheduled."
            )
            return redirect(f"{incident.get_absolute_url()}#obligation-{obligation.pk}")
    return render(
        request,
        "incidents/obligation_form.html",
        {
            "incident": incident,
            "obligation": obligation,
            "form": form,
            "action": "follow_up_target",
        },
    )


def _version(draft, request):
    number = request.GET.get("version", "")
    versions = draft.versions
    if number.isdigit():
        return get_object_or_404(versions, number=int(number))
    return draft.latest()


def _download(data: bytes, name: str, content_type: str, *, inline: bool = False):
    response = HttpResponse(data, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{name}"'
    return response


@login_required
def draft_pdf(request, pk, draft_pk):
    incident, draft = _draft(request, pk, draft_pk)
    version = _version(draft, request)
    record_case_export(request, incident, f"notice draft {draft.pk} v{version.number} (PDF)")
    data = outputs.draft_pdf(draft, version)
    return _download(
        data,
        f"{incident.reference}-{draft.rule_code}-v{version.number}.pdf",
        "application/pdf",
        inline=True,
    )


@login_required
def draft_docx(request, pk, draft_pk):
    incident, draft = _draft(request, pk, draft_pk)
    version = _version(draft, request)
    record_case_export(request, incident, f"notice draft {draft.pk} v{version.number} (Word)")
    return _download(
        outputs.draft_docx(draft, version),
        f"{incident.reference}-{draft.rule_code}-v{version.number}.docx",
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    )


@login_required
def filing_sheet(request, pk, draft_pk):
    """The answers the recipient's notification form asks for, prefilled, gaps flagged."""
    incident, draft = _draft(request, pk, draft_pk)
    sheet = filing.sheet_for(draft)
    if request.GET.get("format") == "pdf":
        record_case_export(request, incident, f"filing sheet of notice draft {draft.pk} (PDF)")
        return _download(
            filing.sheet_pdf(draft, sheet),
            f"{incident.reference}-{draft.rule_code}-filing-sheet.pdf",
            "application/pdf",
            inline=True,
        )
    record_case_view(request, incident)
    return render(
        request,
        "drafting/filing_sheet.html",
        {"incident": incident, "draft": draft, "sheet": sheet},
    )
