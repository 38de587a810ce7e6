"""Organisation profiles for the privacy office and counsel: a list, one profile with its
history, and the form (privacy office only). Changes go through ``organisations.actions``."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render

from audit.models import AuditEvent
from incidents.actions import ActionError

from . import actions
from .forms import ProfileForm
from .models import OrganisationProfile


def _require_view(request):
    if not request.user.has_perm("organisations.view_organisationprofile"):
        raise PermissionDenied("Your role does not show organisation profiles.")


@login_required
def profile_list(request):
    _require_view(request)
    profiles = OrganisationProfile.objects.all()
    return render(
        request,
        "organisations/profile_list.html",
        {"profiles": profiles, "can_edit": actions.may_edit(request.user), "section": "orgs"},
    )


@login_required
def profile_detail(request, pk):
    _require_view(request)
    profile = get_object_or_404(OrganisationProfile, pk=pk)
    # The profile's own history: audit events about this row (who, when, before, after).
    history = AuditEvent.objects.filter(
        object_type="organisations.organisationprofile", object_id=str(profile.pk)
    )[:50]
    return render(
        request,
        "organisations/profile_detail.html",
        {
            "profile": profile,
            "history": history,
            "can_edit": actions.may_edit(request.user),
            "section": "orgs",
        },
    )


@login_required
def profile_edit(request, pk=None):
    if not actions.may_edit(request.user):
        raise PermissionDenied("Only the privacy office may change organisation profiles.")
    profile = get_object_or_404(OrganisationProfile, pk=pk) if pk else None
    initial = ProfileForm.initial_from(profile) if profile else None
    form = ProfileForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            saved = actions.save_profile(profile, form.values(), acting_user=request.user)
        except ActionError as exc:
            field = exc.field if exc.field in form.fields else None
            form.add_error(field, exc.message)
        else:
            messages.success(request, f"Profile “{saved.name}” saved.")
            return redirect(saved.get_absolute_url())
    return render(
        request,
        "organisations/profile_form.html",
        {"form": form, "profile": profile, "section": "orgs"},
    )
