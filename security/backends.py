from axes.backends import AxesStandaloneBackend

from security import login_throttle


class ThrottledBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for sign-ins that come with a request, after the per-account
    and per-address slow-down (``security.login_throttle``).

    Every sign-in over HTTP (the login form, the admin, DRF's basic auth) passes its request and
    is throttled. ``authenticate()`` without a request only happens in-process (management
    commands, the test client's ``login()``); axes would raise there, so this backend abstains and
    the next backend decides, as it would with throttling switched off.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        from audit.recording import client_ip

        # Before the lock and the password check: a slowed account waits either way.
        login_throttle.pause(username, client_ip(request))
        return super().authenticate(request, username=username, password=password, **kwargs)
