"""Activate the signed-in person's time zone for the whole request.

The zone is kept in the session (set at login and whenever the profile is saved) so that a page
costs no extra query for it; a session without it falls back to one lookup, then remembers.
"""

from django.utils import timezone

from accounts import timezones


def remember_zone(request, name: str) -> None:
    request.session[timezones.SESSION_KEY] = name
    timezone.activate(timezones.zone(name))


class TimeZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            name = request.session.get(timezones.SESSION_KEY)
            if name is None:
                from accounts.models import UserProfile

                name = (
                    UserProfile.objects.filter(user_id=user.pk)
                    .values_list("time_zone", flat=True)
                    .first()
                ) or timezones.DEFAULT
                request.session[timezones.SESSION_KEY] = name
            timezone.activate(timezones.zone(name))
        else:
            timezone.deactivate()
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
