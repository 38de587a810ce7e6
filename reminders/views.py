"""The snooze page. Reads go through the case's ``visible_to`` door (``incidents.views.get_case``);
the change goes through ``reminders.actions.snooze_reminders``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render

from incidents.views import get_case, get_obligation

from .actions import snooze_reminders
from .forms import SnoozeForm


@login_required
def snooze(request, pk, ob_pk):
    incident = get_case(request, pk, edit=True)
    obligation = get_obligation(incident, ob_pk)
    form = SnoozeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            snooze_reminders(
                obligation,
                until=form.cleaned_data["until"],
                reason=form.cleaned_data["reason"],
                acting_user=request.user,
            )
        except ValidationError as exc:
            for field, errors in exc.message_dict.items():
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "Reminders snoozed.")
            return redirect(f"{incident.get_absolute_url()}#reminders")
    return render(
        request,
        "reminders/snooze_form.html",
        {"incident": incident, "obligation": obligation, "form": form},
    )
