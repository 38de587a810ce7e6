from django.contrib import admin
from django.shortcuts import redirect
from django.templatetags.static import static
from django.urls import include, path

from accounts.password_reset import RateLimitedPasswordResetView
from config.health import health
from incidents.views import dashboard

# A lost database answers 503 "try again" rather than a bare 500 (config/errors.py).
handler500 = "config.errors.server_error"


def favicon(request):
    """Browsers ask for /favicon.ico on pages that name no icon (JSON, CSV, calendar files)."""
    return redirect(static("img/favicon.svg"), permanent=True)


urlpatterns = [
    path("health/", health, name="health"),
    path("favicon.ico", favicon, name="favicon"),
    path("admin/", admin.site.urls),
    path("audit/", include("audit.urls")),
    path("security/", include("security.urls")),
    path("api/v1/", include("incidents.api.urls")),
    path("api/v1/", include("register.api_urls")),  # the breach register (register/api.py)
    path("api/v1/", include("assessments.api_urls")),  # a case's assessments (assessments/api.py)
    path("api/v1/", include("webhooks.api_urls")),  # outgoing webhooks
    path("settings/webhooks/", include("webhooks.urls")),
    path("feeds/", include("incidents.feed_urls")),
    path("rules/", include("jurisdictions.urls")),
    path("organisations/", include("organisations.urls")),
    # Before Django's own: password reset queued and rate limited (accounts/password_reset.py).
    path(
        "accounts/password_reset/",
        RateLimitedPasswordResetView.as_view(),
        name="password_reset",
    ),
    path("accounts/oidc/", include("accounts.oidc.urls")),  # sign-in with the company's provider
    path("accounts/", include("django.contrib.auth.urls")),
    path("accounts/", include("accounts.urls")),
    path("", include("reminders.urls")),  # the snooze page (reminders/urls.py)
    path("", include("register.urls")),  # the breach register and the numbers
    path("", include("assessments.urls")),  # a case's risk-of-harm assessment
    path("", include("retention.urls")),  # legal holds, the purge preview, retention policies
    path("", dashboard, name="dashboard"),
    path("", include("incidents.urls")),
    path("", include("incidents.drafting.urls")),  # notice drafts of a case
]
