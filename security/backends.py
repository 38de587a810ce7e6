from axes.backends import AxesStandaloneBackend


class ThrottledBackend(AxesStandaloneBackend):
    """django-axes' lockout check, for sign-ins that come with a request.

    Every sign-in over HTTP (the login form, the admin, DRF's basic auth) passes its request and
    is throttled. ``authenticate()`` without a request only happens in-process (management
    commands, the test client's ``login()``); axes would raise there, so this backend abstains and
    the next backend decides, as it would with throttling switched off.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)
