"""The snooze page and the local outbox. Reads of a case go through the case's ``visible_to`` door
(``incidents.views.get_case``); the change goes through ``reminders.actions.snooze_reminders``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render

from incidents.views import get_case, get_obligation

from . import outbox as local_outbox
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


@login_required
def outbox(request, key=None):
    """The mail the product wrote to its local outbox, addressed to the reader."""
    if not local_outbox.enabled():
        raise Http404("Mail is sent by SMTP; there is no local outbox.")
    found = local_outbox.messages_for(request.user)
    selected = None
    if key is not None:
        selected = next((m for m in found if m.key == key), None)
        if selected is None:
            raise Http404("No such message in your outbox.")
    return render(
        request,
        "reminders/outbox.html",
        {"outbox_messages": found, "selected": selected, "section": "outbox"},
    )
