"""Settings shared by every environment, read from the environment with django-environ.

With nothing set, the product runs on SQLite, a file-system Celery broker and a local outbox, all
under ``var/`` in the project. ``DATABASE_URL``, ``CELERY_BROKER_URL`` (or ``REDIS_URL``) and
``EMAIL_URL`` point it at PostgreSQL, Redis and a real SMTP server.
https://django-environ.readthedocs.io/
"""

from datetime import timedelta
from pathlib import Path

import environ
from csp.constants import NONCE, NONE, SELF

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(environ.Env().str("BREACHCLOCK_VAR_DIR", default=str(BASE_DIR / "var")))

env = environ.Env()
# The serverless defaults (SQLite, file broker, outbox) live here; create them on first use.
for _sub in ("", "broker/queue", "broker/processed", "broker/control", "outbox", "media", "static"):
    (VAR_DIR / _sub).mkdir(parents=True, exist_ok=True)
env.read_env(BASE_DIR / ".env", overwrite=False) if (BASE_DIR / ".env").exists() else None

DEBUG = env.bool("DJANGO_DEBUG", default=False)
SECRET_KEY = env.str("DJANGO_SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("DJANGO_ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("DJANGO_CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("BREACHCLOCK_SITE_URL", default="http://127.0.0.1:8000")

# --- Apps ---------------------------------------------------------------------------------------
DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
]
THIRD_PARTY_APPS = [
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "axes",
    "csp",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "drf_spectacular_sidecar",  # Swagger UI / Redoc assets served by us, no CDN
]
LOCAL_APPS = [
    "config.apps.CoreConfig",
    "accounts",
    "jurisdictions",
    "incidents",
    "incidents.drafting",  # notice templates, drafts, versions, approval, phases
    "organisations",  # organisation profiles that cases start from (organisations/)
    "reminders",  # deadline reminder rows, dispatch and sending (reminders/)
    "retention",  # retention periods, legal holds and the purge of expired personal data
    "security",
    "audit",
    "assessments",  # documented risk-of-harm assessments, versioned (assessments/)
    "register",  # the breach register and the team's numbers (register/)
    "webhooks",  # outgoing webhooks to chat and SOAR tools (webhooks/)
]
INSTALLED_APPS = DJANGO_APPS + THIRD_PARTY_APPS + LOCAL_APPS

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Every request gets an id (X-Request-ID) that the audit trail records with each event.
    "audit.middleware.RequestIdMiddleware",
    "csp.middleware.CSPMiddleware",
    "security.middleware.SecurityHeadersMiddleware",
    "security.middleware.NoStoreMiddleware",  # Cache-Control: no-store on NO_STORE_PATHS
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The browser's Accept-Language picks British or American dates (config/formats).
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    # A form post over DATA_UPLOAD_MAX_MEMORY_SIZE gets its page back with a message (it reads
    # the form before the NUL guard and CSRF do, which would answer a bare 400).
    "security.too_large.OversizedFormMiddleware",
    # PostgreSQL cannot hold a NUL character: refuse it with a 400 instead of a 500.
    "security.middleware.NulByteGuardMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "security.middleware.SessionExpiryMiddleware",
    "security.middleware.TwoFactorMiddleware",
    "accounts.middleware.TimeZoneMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # django-axes wants to be last: it turns a lockout raised during login into its response.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reminders.outbox.context",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------------------------
# https://django-environ.readthedocs.io/en/latest/types.html#environ-env-db-url
DATABASES = {
    "default": env.db_url("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'breachclock.sqlite3'}")
}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the web server, worker and beat share the file without
    # "database is locked" errors.
    DATABASES["default"]["OPTIONS"] = {
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
    }
else:
    DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("DJANGO_CONN_MAX_AGE", default=60))
    DATABASES["default"].setdefault("CONN_HEALTH_CHECKS", True)
    # The planner's price of a random page read, 1.1 rather than 4 (spinning disks): on SSDs and
    # with the working set in memory an index read costs about what a sequential one does, and
    # the default makes PostgreSQL scan every case instead of using the search's trigram indexes
    # (incidents 0014). https://www.postgresql.org/docs/current/runtime-config-query.html
    _page_cost = env.str("DJANGO_PG_RANDOM_PAGE_COST", default="1.1")
    if _page_cost:
        _options = DATABASES["default"].setdefault("OPTIONS", {})
        _options["options"] = f"{_options.get('options', '')} -c random_page_cost={_page_cost}"
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Caches -------------------------------------------------------------------------------------
# Case-list pages are kept per process until a database trigger changes their version token
# (incidents.list_cache); an entry is one page of plain values, so a few thousand are small.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "case_list": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "case-list",
        "TIMEOUT": 15 * 60,
        "OPTIONS": {"MAX_ENTRIES": 2000},
    },
}
# A shared cache (e.g. redis://redis:6379/1) so rate limits and API throttles count across every
# web process; without it each process counts on its own.
if env.str("BREACHCLOCK_CACHE_URL", default=""):
    CACHES["default"] = env.cache_url("BREACHCLOCK_CACHE_URL")
if not env.bool("CASE_LIST_CACHE", default=True):
    # Every case list computed afresh (the benchmark's uncached figure; a way out if needed).
    CACHES["case_list"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

# --- Auth ---------------------------------------------------------------------------------------
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
# django-axes first: it refuses a locked-out account or address before the password is checked.
AUTHENTICATION_BACKENDS = [
    "security.backends.ThrottledBackend",
    # Django's ModelBackend, with a user's permissions read in one query rather than two.
    "accounts.backends.OneQueryModelBackend",
    # Sign-in with the company's identity provider: answers only the provider's callback, and
    # nothing while OIDC_ISSUER is unset (accounts/oidc/backend.py).
    "accounts.oidc.backend.CompanySignInBackend",
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "dashboard"
LOGOUT_REDIRECT_URL = "login"

# --- Sign-in with the company's identity provider (OpenID Connect) -----------------------------
# mozilla-django-oidc (https://mozilla-django-oidc.readthedocs.io/en/stable/settings.html) with
# the endpoints read from the provider's discovery document (accounts/oidc/). Off while
# OIDC_ISSUER is unset; `manage.py check` refuses a half-configured provider.
OIDC_ISSUER = env.str("OIDC_ISSUER", default="").rstrip("/")
OIDC_ENABLED = bool(OIDC_ISSUER)
OIDC_DISCOVERY_URL = env.str("OIDC_DISCOVERY_URL", default="")
OIDC_RP_CLIENT_ID = env.str("OIDC_CLIENT_ID", default="")
OIDC_RP_CLIENT_SECRET = env.str("OIDC_CLIENT_SECRET", default="")
OIDC_PROVIDER_NAME = env.str("OIDC_PROVIDER_NAME", default="your company account")
OIDC_RP_SCOPES = env.str("OIDC_SCOPES", default="openid email profile")
OIDC_GROUPS_CLAIM = env.str("OIDC_GROUPS_CLAIM", default="groups")
OIDC_ROLE_MAP = env.str("OIDC_ROLE_MAP", default="")
OIDC_RP_SIGN_ALGO = env.str("OIDC_SIGN_ALGO", default="RS256")
OIDC_USE_PKCE = True
OIDC_TIMEOUT = env.int("OIDC_TIMEOUT_SECONDS", default=10)
OIDC_AUTHENTICATION_CALLBACK_URL = "oidc:callback"

# --- Security: throttling, sessions, two-factor, headers, uploads -------------------------------
# https://docs.djangoproject.com/en/5.2/topics/security/
# Login throttling (django-axes, https://django-axes.readthedocs.io/en/latest/4_configuration.html):
# N failures lock the pair (account, address) - the guesser's address, not the account for
# everyone: a stranger failing from many addresses must not lock counsel out during an incident.
# Rotating addresses or spraying many accounts is slowed instead (security/login_throttle.py).
AXES_ENABLED = env.bool("BREACHCLOCK_LOGIN_THROTTLING", default=True)
AXES_FAILURE_LIMIT = env.int("BREACHCLOCK_LOGIN_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("BREACHCLOCK_LOGIN_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_USERNAME_CALLABLE = "security.login_throttle.axes_username"  # cut to the longest real name
# Past the failure limit, each attempt on that account or from that address waits 1, 2, 4 ... s.
LOGIN_SLOWDOWN_MAX_SECONDS = env.int("BREACHCLOCK_LOGIN_SLOWDOWN_MAX_SECONDS", default=8)
# Password reset requests (accounts/password_reset.py): per client address and per e-mail address.
PASSWORD_RESET_LIMIT_PER_ADDRESS = env.int("BREACHCLOCK_RESET_LIMIT_PER_ADDRESS", default=5)
PASSWORD_RESET_LIMIT_PER_EMAIL = env.int("BREACHCLOCK_RESET_LIMIT_PER_EMAIL", default=3)
PASSWORD_RESET_LIMIT_WINDOW_SECONDS = 60 * 60
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "security/locked_out.html"
# The client address is REMOTE_ADDR unless the deployment says how many proxies it trusts:
# a header the client can set must never decide whose counter a failure goes to.
AXES_IPWARE_PROXY_COUNT = env.int("BREACHCLOCK_TRUSTED_PROXY_COUNT", default=None)
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ("HTTP_X_FORWARDED_FOR", "REMOTE_ADDR") if AXES_IPWARE_PROXY_COUNT else ("REMOTE_ADDR",)
)

# Sessions: an idle limit and an absolute limit, both enforced on the server
# (security.middleware.SessionExpiryMiddleware); Django's login() already rotates the session key.
SESSION_IDLE_TIMEOUT = env.int("BREACHCLOCK_SESSION_IDLE_SECONDS", default=60 * 60)
SESSION_ABSOLUTE_TIMEOUT = env.int("BREACHCLOCK_SESSION_ABSOLUTE_SECONDS", default=12 * 60 * 60)
SESSION_COOKIE_AGE = SESSION_ABSOLUTE_TIMEOUT
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"

# Two-factor sign-in (django-otp TOTP): optional; a user with a confirmed device must enter a
# code after the password. Set BREACHCLOCK_OTP_REQUIRED_FOR_STAFF to make staff enrol.
OTP_TOTP_ISSUER = "Breachclock"
# The admin never shows a person's TOTP secret or its QR code (an administrator could otherwise
# copy someone's second factor); its config and QR pages answer 403.
OTP_ADMIN_HIDE_SENSITIVE_DATA = True
OTP_REQUIRED_FOR_STAFF = env.bool("BREACHCLOCK_OTP_REQUIRED_FOR_STAFF", default=False)

# Response headers. django-csp 4: https://django-csp.readthedocs.io/en/latest/configuration.html
# Everything is served by us, and no inline script or style runs (no 'unsafe-inline'); a
# template that truly needs an inline block uses the per-request nonce, {{ request.csp_nonce }}.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF, NONCE],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [NONE],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# No page of ours needs a sensor, a camera or payment; say so (security.middleware).
PERMISSIONS_POLICY = (
    "accelerometer=(), camera=(), display-capture=(), geolocation=(), gyroscope=(), "
    "magnetometer=(), microphone=(), midi=(), payment=(), usb=(), xr-spatial-tracking=()"
)

# Uploads: request bodies are capped by Django; each upload kind has its own limit and its
# allowed types (security.uploads). Uploaded files are stored outside any served URL, written
# without execute bits, and only ever returned as attachment downloads.
# Responses under these paths (and "/", the dashboard) carry Cache-Control: no-store
# (security.middleware.NoStoreMiddleware): case pages, exports, feeds, the audit trail, the API.
NO_STORE_PATHS = [
    "/incidents/",
    "/cases/",
    "/calendar/",
    "/what-if/",
    "/outbox/",
    "/feeds/",
    "/audit/",
    "/api/",
    "/admin/",
    "/rules/",
    "/security/",
    "/accounts/",
]
DATA_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_NUMBER_FILES = 10
FILE_UPLOAD_PERMISSIONS = 0o640
FILE_UPLOAD_DIRECTORY_PERMISSIONS = 0o750
UPLOAD_MAX_CSV_BYTES = env.int("BREACHCLOCK_MAX_CSV_BYTES", default=1024 * 1024)
UPLOAD_MAX_ATTACHMENT_BYTES = env.int("BREACHCLOCK_MAX_ATTACHMENT_BYTES", default=20 * 1024 * 1024)

# The audit trail is append-only (a PostgreSQL trigger refuses UPDATE/DELETE/TRUNCATE). Where the
# application connects as its own role, name it here and migrations also revoke those privileges
# from it (see audit/README.md).
AUDIT_DB_APP_ROLE = env.str("BREACHCLOCK_AUDIT_DB_APP_ROLE", default="")

# --- Time and language --------------------------------------------------------------------------
LANGUAGE_CODE = "en-gb"
TIME_ZONE = env.str("TIME_ZONE", default="UTC")
USE_I18N = True
LANGUAGES = [("en-gb", "English (United Kingdom)"), ("en-us", "English (United States)")]
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True

# --- Static files (served by WhiteNoise: no CDN, every asset is ours) ---------------------------
STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_ROOT = VAR_DIR / "media"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
}

# --- Email --------------------------------------------------------------------------------------
# Default: a local outbox of .eml files under var/outbox (one per message) that the product shows
# at /outbox/ to each message's readers.
# EMAIL_URL=smtp://user:pass@host:port (or smtp+tls://) sends real mail.
EMAIL_OUTBOX_DIR = VAR_DIR / "outbox"
_email_url = env.str("EMAIL_URL", default="")
if _email_url:
    vars().update(env.email_url_config(_email_url))
else:
    EMAIL_BACKEND = "reminders.outbox.EmlOutboxBackend"
    EMAIL_FILE_PATH = str(EMAIL_OUTBOX_DIR)
EMAIL_TIMEOUT = env.int("EMAIL_TIMEOUT", default=20)
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="Breachclock <breachclock@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
ESCALATION_EMAIL = env.str("BREACHCLOCK_ESCALATION_EMAIL", default="escalation@localhost")

# --- Celery -------------------------------------------------------------------------------------
# https://docs.celeryq.dev/en/stable/userguide/configuration.html
_broker_url = env.str("CELERY_BROKER_URL", default="") or env.str("REDIS_URL", default="")
CELERY_BROKER_USES_SERVER = bool(_broker_url)
if _broker_url:
    CELERY_BROKER_URL = _broker_url
else:
    # kombu's filesystem transport: a broker that needs no server, for a laptop or a demo. The
    # host is never used; naming one keeps kombu from warning "No hostname was supplied".
    CELERY_BROKER_URL = "filesystem://localhost//"
    _broker_dir = VAR_DIR / "broker"
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(_broker_dir / "queue"),
        "data_folder_out": str(_broker_dir / "queue"),
        "processed_folder": str(_broker_dir / "processed"),
        # Broadcast (worker control) tables; kombu's default is ./control in the working dir.
        "control_folder": str(_broker_dir / "control"),
        "store_processed": False,
    }
# No results kept by default: tasks report through the database. A backend (e.g. redis://...)
# lets a caller wait for a chunked recompute's counts (incidents.tasks.recompute_across_workers).
CELERY_RESULT_BACKEND = env.str("CELERY_RESULT_BACKEND", default="") or None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_SERIALIZER = "json"
CELERY_RESULT_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TIMEZONE = "UTC"
CELERY_ENABLE_UTC = True
# Reliability, as Celery advises: ack after the task ran, one message at a time, requeue if the
# worker dies mid-task.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=300)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=240)
# Cases per task when a rule-book publish is shared out to the workers (jurisdictions.tasks):
# a few seconds of work each, well inside the time limits above.
RULE_PUBLISH_PART_SIZE = env.int("RULE_PUBLISH_PART_SIZE", default=50)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
if _broker_url.startswith("redis"):
    # Longer than the longest task so a slow task is not redelivered while still running.
    CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_BEAT_SCHEDULE: dict = {}
# Reminders (reminders/tasks.py): the beat claims due reminder rows every minute; the rows in the
# database are the schedule, so a missed run only delays, never loses, a reminder.
REMINDER_DISPATCH_SECONDS = env.float("REMINDER_DISPATCH_SECONDS", default=60.0)
CELERY_BEAT_SCHEDULE["dispatch-due-reminders"] = {
    "task": "reminders.dispatch_due_reminders",
    "schedule": REMINDER_DISPATCH_SECONDS,
    # A run that could not start within one interval is superseded by the next one.
    "options": {"expires": REMINDER_DISPATCH_SECONDS},
}
# Retention (retention/tasks.py): once a day the purge removes the personal data of closed cases
# whose retention period has run, skipping every case on legal hold.
RETENTION_PURGE_SECONDS = env.float("RETENTION_PURGE_SECONDS", default=24 * 60 * 60.0)
CELERY_BEAT_SCHEDULE["purge-expired-personal-data"] = {
    "task": "retention.purge_expired",
    "schedule": RETENTION_PURGE_SECONDS,
    "options": {"expires": RETENTION_PURGE_SECONDS},
}
CELERY_BEAT_SCHEDULE_FILENAME = str(VAR_DIR / "celerybeat-schedule")

# Webhooks (webhooks/tasks.py): deliveries are sent when the change commits; this sweep sends
# retries whose time has come and anything a lost message or a killed worker left behind.
WEBHOOK_DISPATCH_SECONDS = env.float("WEBHOOK_DISPATCH_SECONDS", default=15.0)
CELERY_BEAT_SCHEDULE["dispatch-due-webhook-deliveries"] = {
    "task": "webhooks.dispatch_due_deliveries",
    "schedule": WEBHOOK_DISPATCH_SECONDS,
    "options": {"expires": WEBHOOK_DISPATCH_SECONDS},
}

# --- Webhooks -----------------------------------------------------------------------------------
# Hosts (names or addresses) a hook may call although they resolve to loopback, a private network
# or link-local: by default none, so a hook cannot reach inside (webhooks/guard.py).
WEBHOOK_ALLOWED_HOSTS = env.list("WEBHOOK_ALLOWED_HOSTS", default=[])
# Short timeouts: a slow receiver is retried later rather than holding a worker.
WEBHOOK_CONNECT_TIMEOUT_SECONDS = env.float("WEBHOOK_CONNECT_TIMEOUT_SECONDS", default=3.0)
WEBHOOK_READ_TIMEOUT_SECONDS = env.float("WEBHOOK_READ_TIMEOUT_SECONDS", default=10.0)
# Retries (5xx, 408, 429, timeouts, refused connections) after base * 2^(attempt-1) seconds,
# capped; a delivery not through after WEBHOOK_GIVE_UP_AFTER_SECONDS is marked failed.
WEBHOOK_RETRY_BASE_SECONDS = env.int("WEBHOOK_RETRY_BASE_SECONDS", default=30)
WEBHOOK_RETRY_MAX_SECONDS = env.int("WEBHOOK_RETRY_MAX_SECONDS", default=3600)
WEBHOOK_GIVE_UP_AFTER_SECONDS = env.int("WEBHOOK_GIVE_UP_AFTER_SECONDS", default=24 * 60 * 60)
# How long a task holds a delivery it is sending; longer than the timeouts above.
WEBHOOK_LEASE_SECONDS = env.int("WEBHOOK_LEASE_SECONDS", default=60)
WEBHOOK_SEND_CHUNK = env.int("WEBHOOK_SEND_CHUNK", default=20)

# --- Reminders ----------------------------------------------------------------------------------
# How long a claimed reminder is reserved for the task sending it; a worker that dies frees its
# rows when the lease runs out.
REMINDER_LEASE_SECONDS = env.int("REMINDER_LEASE_SECONDS", default=300)
REMINDER_BATCH_SIZE = env.int("REMINDER_BATCH_SIZE", default=100)
# Claimed reminders are sent this many per task, over one SMTP connection.
REMINDER_SEND_CHUNK = env.int("REMINDER_SEND_CHUNK", default=10)
# A reminder whose moment passed longer ago than this is not sent stale: it is folded into one
# catch-up (or overdue) notice saying where the deadline stands now.
REMINDER_STALE_AFTER_MINUTES = env.int("REMINDER_STALE_AFTER_MINUTES", default=30)
# Temporary SMTP failures (4xx, refused connection): retried after base * 2^(attempt-1) seconds,
# capped, up to a number of attempts; then the reminder counts as undeliverable.
REMINDER_RETRY_BASE_SECONDS = env.int("REMINDER_RETRY_BASE_SECONDS", default=60)
REMINDER_RETRY_MAX_SECONDS = env.int("REMINDER_RETRY_MAX_SECONDS", default=1800)
REMINDER_MAX_ATTEMPTS = env.int("REMINDER_MAX_ATTEMPTS", default=10)
# /health/ reports "degraded" when a due reminder or the last beat run is older than this.
REMINDER_HEALTH_MAX_AGE_SECONDS = env.int("REMINDER_HEALTH_MAX_AGE_SECONDS", default=300)
HEALTH_CHECKS = [
    "reminders.health.check_reminders",  # oldest due unsent reminder, last beat run, failures
]

# --- REST framework -----------------------------------------------------------------------------
REST_FRAMEWORK = {
    # Token first: an unauthenticated call then gets 401 with "WWW-Authenticate: Token".
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    # JSON only, with a bound on nesting (security.json_limits): a 1,000-deep body is a 400, not
    # a 500, and a form body is a 415. Each write then has one request body in the schema, which
    # generated clients need (tests/api/test_schema_contract.py). Only a view that really takes a
    # file adds MultiPartParser itself (parser_classes), with the file typed as binary.
    "DEFAULT_PARSER_CLASSES": ["security.json_limits.BoundedJSONParser"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": 50,
    # Engine and action errors become 400s naming the field.
    "EXCEPTION_HANDLER": "incidents.api.errors.exception_handler",
    # Per signed-in user and per address for anonymous callers; a 429 says when to retry
    # (Retry-After and the message, incidents.api.errors).
    "DEFAULT_THROTTLE_CLASSES": [
        "security.api_throttles.UserThrottle",
        "security.api_throttles.AnonThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "user": env.str("BREACHCLOCK_API_RATE_USER", default="600/minute"),
        "anon": env.str("BREACHCLOCK_API_RATE_ANON", default="30/minute"),
    },
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Breachclock API",
    "DESCRIPTION": "Incidents, facts and the disclosure clocks they start.",
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # https://drf-spectacular.readthedocs.io/en/latest/settings.html - the docs pages load their
    # JavaScript from our static files (drf-spectacular-sidecar), never from a CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "SERVE_PERMISSIONS": ["rest_framework.permissions.IsAuthenticated"],
    "ENUM_NAME_OVERRIDES": {
        "IncidentStatusEnum": "incidents.choices.IncidentStatus",
        "ObligationStatusEnum": "incidents.choices.ObligationStatus",
        # organisation.role, organisation.roles and a data set's role share one vocabulary
        "OrganisationRoleEnum": "incidents.api.serializers.ROLES",
        # Names a generated client's code uses: a collision would give a hashed name
        # ("Method1f9Enum") that changes when another field is added
        # (tests/api/test_schema_contract.py refuses those).
        "NotificationMethodEnum": "incidents.choices.NotificationMethod",
        "WebhookFormatEnum": "webhooks.choices.Format",
        "WebhookEventEnum": "webhooks.choices.EventName",
        "FactsFormatEnum": ["breachclock.facts/1", "breachclock.facts/2"],
    },
}

# --- Logging ------------------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
    # axes announces itself on every start at INFO; lockouts are WARNING and still shown.
    "loggers": {"axes": {"level": "WARNING"}},
}
