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

    def __str__(self) -> str:
        return f"{self.user} ({self.time_zone})"

    @classmethod
    def for_user(cls, user) -> "UserProfile":
        profile, _ = cls.objects.get_or_create(user=user)
        return profile
