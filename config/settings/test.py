"""Settings for the test suite: fast hashing, in-memory mail, the same database choice as local."""

from .base import *  # noqa: F403
from .base import SECRET_KEY, env

DEBUG = False
SECRET_KEY = SECRET_KEY or "test-only-not-secret"  # noqa: S105
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = env.str(
    "TEST_EMAIL_BACKEND", default="django.core.mail.backends.locmem.EmailBackend"
)
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# When set (CI does), a test that needs PostgreSQL, Redis, a worker or an SMTP server fails
# instead of skipping when the service is missing.
REQUIRE_SERVICES = env.bool("BREACHCLOCK_REQUIRE_SERVICES", default=False)
# The suite sends thousands of API requests as the same few users within a minute (the schema
# fuzz above all); throttling has its own test with low rates (tests/security/test_hardening.py).
REST_FRAMEWORK = {
    **REST_FRAMEWORK,  # noqa: F405
    "DEFAULT_THROTTLE_RATES": {"user": "1000000/minute", "anon": "1000000/minute"},
}
# The webhook tests post to a receiver on loopback (tests/webhooks/receiver.py); by default a
# hook may only call public addresses, which tests/webhooks/test_guard.py checks with this empty.
WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
WEBHOOK_RETRY_BASE_SECONDS = 1
WEBHOOK_RETRY_MAX_SECONDS = 2
