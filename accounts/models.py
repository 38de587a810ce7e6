from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models

from accounts import timezones


def validate_time_zone(value: str) -> None:
    if not timezones.is_valid(value):
        raise ValidationError(f"“{value}” is not an IANA time zone such as Europe/Berlin.")


class UserProfile(models.Model):
    """A person's preferences: the IANA time zone every date on every page is shown in.

    Deadlines are stored in UTC; this zone only changes how they are displayed (UTC stays on hover).
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    time_zone = models.CharField(
        max_length=64,
        default=timezones.DEFAULT,
        validators=[validate_time_zone],
        help_text="IANA time zone, e.g. Europe/Berlin or America/New_York.",
    )

    date_style = models.CharField(
        max_length=5,
        choices=[
            ("", "As my browser's language asks"),
            ("en-gb", "Day first, 24-hour clock: Sun 06 Dec 2026, 14:05 CET"),
            ("en-us", "Month first, 12-hour clock: Sun, Dec 6, 2026, 2:05 PM EST"),
        ],
        blank=True,
        default="",
        help_text="How dates and times are written on every page.",
    )

    def __str__(self) -> str:
        return f"{self.user} ({self.time_zone})"

    @classmethod
    def for_user(cls, user) -> "UserProfile":
        profile, _ = cls.objects.get_or_create(user=user)
        return profile


class ExternalIdentity(models.Model):
    """A person's account at the company's identity provider and the user it signs in as.

    Matched by the provider's issuer and subject (``sub``: stable, never re-assigned), not by
    e-mail (accounts.oidc.users). Written at the first sign-in with the provider.
    """

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="external_identities"
    )
    issuer = models.CharField(max_length=255)
    subject = models.CharField(max_length=255)
    created_at = models.DateTimeField(auto_now_add=True)
    last_sign_in_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            # One user per identity: the sign-in looks it up by these two (and locks the row).
            models.UniqueConstraint(
                fields=["issuer", "subject"], name="accounts_external_identity_unique"
            )
        ]
        verbose_name_plural = "external identities"

    def __str__(self) -> str:
        return f"{self.user} ({self.issuer} {self.subject})"
