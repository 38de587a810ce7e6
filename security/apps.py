from django.apps import AppConfig


class SecurityConfig(AppConfig):
    """Sign-in hardening (throttling, session expiry, two-factor), response headers, upload
    checks, and API token management."""

    name = "security"
    verbose_name = "Security"

    def ready(self):
        from security import signals  # noqa: F401 - connects the sign-in receiver
