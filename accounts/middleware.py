"""Activate the signed-in person's time zone and date style for the whole request.

Both are kept in the session (set at login and whenever the profile is saved) so that a page
costs no extra query for them; a session without them falls back to one lookup, then remembers.
The date style is a language whose formats write dates (``config/formats``): chosen on the
profile, it wins over the browser's Accept-Language, which ``LocaleMiddleware`` read before.
"""

from django.utils import timezone, translation

from accounts import timezones


def remember_zone(request, name: str, style: str | None = None) -> None:
    request.session[timezones.SESSION_KEY] = name
    timezone.activate(timezones.zone(name))
    if style is not None:
        request.session[timezones.STYLE_SESSION_KEY] = style
        _activate_style(request, style)


def _activate_style(request, style: str) -> None:
    if style:
        translation.activate(style)
        request.LANGUAGE_CODE = translation.get_language()


class TimeZoneMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            name = request.session.get(timezones.SESSION_KEY)
            style = request.session.get(timezones.STYLE_SESSION_KEY)
            if name is None or style is None:
                from accounts.models import UserProfile

                name, style = (
                    UserProfile.objects.filter(user_id=user.pk)
                    .values_list("time_zone", "date_style")
                    .first()
                ) or (timezones.DEFAULT, "")
                request.session[timezones.SESSION_KEY] = name
                request.session[timezones.STYLE_SESSION_KEY] = style
            timezone.activate(timezones.zone(name))
            _activate_style(request, style)
        else:
            timezone.deactivate()
        try:
            response = self.get_response(request)
            # Said here: LocaleMiddleware would read the language after it is reset below.
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        finally:
            # Neither the zone nor the date style outlives the request: whatever runs next on
            # this thread (an email written outside a request, another person's request
            # before its own middleware) starts from the defaults, not this reader's choice.
            timezone.deactivate()
            translation.deactivate()
