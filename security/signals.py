from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver

# Set at sign-in: does this user have a confirmed two-factor device (read by TwoFactorMiddleware).
SESSION_HAS_DEVICE = "breachclock_otp_device"


@receiver(user_logged_in, dispatch_uid="security_note_otp_device")
def note_otp_device(sender, request, user, **kwargs):
    if request is not None and hasattr(request, "session"):
        from django_otp import user_has_device

        request.session[SESSION_HAS_DEVICE] = user_has_device(user)
