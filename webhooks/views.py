"""The settings page for outgoing webhooks: my hooks, a form for a new one (its secret shown
once), and each hook's delivery log. Changes go through ``webhooks.actions``."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from incidents.queries import can_open_cases

from . import actions
from .forms import WebhookForm


@login_required
def webhook_list(request):
    allowed = can_open_cases(request.user)
    form = WebhookForm(request.POST or None, user=request.user)
    if request.method == "POST" and allowed and form.is_valid():
        try:
            hook, secret = actions.create_from_form(request.user, form.cleaned_data)
        except actions.WebhookError as exc:
            form.add_error(exc.field if exc.field in form.fields else None, exc.message)
        else:
            return render(request, "webhooks/created.html", {"hook": hook, "secret": secret})
    context = {"hooks": actions.hooks_of(request.user), "form": form, "allowed": allowed}
    return render(request, "webhooks/list.html", context, status=400 if form.errors else 200)


@login_required
def webhook_detail(request, pk):
    hook = get_object_or_404(actions.hooks_of(request.user), pk=pk)
    rows = actions.delivery_log(hook, request.user, limit=100)
    return render(request, "webhooks/detail.html", {"hook": hook, "deliveries": rows})


@login_required
@require_POST
def webhook_delete(request, pk):
    hook = get_object_or_404(actions.hooks_of(request.user), pk=pk)
    actions.delete_webhook(hook)
    messages.success(request, f"The hook to {hook.host} was removed.")
    return redirect("webhooks:settings")
