"""Background work of accounts: the password-reset mail, sent by the worker (see
``accounts.password_reset`` for why not in the request)."""

from __future__ import annotations

from celery import shared_task


@shared_task(acks_late=True)
def send_password_reset(*, email: str, domain: str, use_https: bool) -> None:
    """Look the address up and send Django's reset mail to each active account with it.

    Nothing happens for an address without an account; the visitor was told the same either way.
    """
    from django.contrib.auth.forms import PasswordResetForm

    form = PasswordResetForm({"email": email})
    if form.is_valid():
        form.save(domain_override=domain, use_https=use_https)
