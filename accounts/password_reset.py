"""Password reset that neither tells whether an address has an account nor can be flooded.

Django's form looks the address up and sends the mail while the visitor waits: an address with
an account answers later than one without. Here the request does the same work whatever the
address - validate it, count it against the limits, queue one task - and the worker looks it up
and sends the mail (``accounts.tasks.send_password_reset``). Limits: per client address and per
e-mail address (``PASSWORD_RESET_LIMIT_*``), counted before anything else; over a limit the page
answers 429 with ``Retry-After`` and says when to try again.
"""

from __future__ import annotations

from functools import partial

from django.conf import settings
from django.contrib.auth import views as auth_views
from django.contrib.auth.forms import PasswordResetForm
from django.db import transaction
from django.template.response import TemplateResponse

from security import rate_limits


class QueuedPasswordResetForm(PasswordResetForm):
    """``save()`` queues the lookup and the mail; the request never touches the user table."""

    def save(self, domain_override=None, use_https=False, request=None, **kwargs):
        from accounts.tasks import send_password_reset

        domain = domain_override or (request.get_host() if request is not None else "")
        transaction.on_commit(
            partial(
                send_password_reset.delay,
                email=self.cleaned_data["email"],
                domain=domain,
                use_https=use_https,
            )
        )


def _client_ip(request) -> str | None:
    from audit.recording import client_ip

    return client_ip(request)


class RateLimitedPasswordResetView(auth_views.PasswordResetView):
    form_class = QueuedPasswordResetForm

    def post(self, request, *args, **kwargs):
        window = settings.PASSWORD_RESET_LIMIT_WINDOW_SECONDS
        refusal = rate_limits.hit(
            "reset-ip",
            _client_ip(request),
            limit=settings.PASSWORD_RESET_LIMIT_PER_ADDRESS,
            window=window,
        ) or rate_limits.hit(
            "reset-email",
            str(request.POST.get("email", ""))[:254],
            limit=settings.PASSWORD_RESET_LIMIT_PER_EMAIL,
            window=window,
        )
        if refusal is not None:
            minutes = -(-refusal.retry_after // 60)
            response = TemplateResponse(
                request,
                "registration/password_reset_limited.html",
                {"minutes": minutes, "title": "Too many reset requests"},
                status=429,
            )
            response["Retry-After"] = str(refusal.retry_after)
            return response
        return super().post(request, *args, **kwargs)
