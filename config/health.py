"""``/health/``: is the database reachable, is the broker reachable? JSON for probes and monitoring.

Anyone gets ``{"status": "ok"}`` (200) or ``{"status": "not ok"}`` (503): enough for a load
balancer. The details (database vendor, broker transport, reminder backlog, error names) describe
the deployment, so they are for signed-in staff only.

Other apps add their own lines (e.g. reminder dispatch) through ``HEALTH_CHECKS`` in settings:
dotted paths to callables returning ``(name, ok, details_dict)``.
"""

from django.conf import settings
from django.db import DatabaseError, connection
from django.http import JsonResponse
from django.utils.module_loading import import_string
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET


def check_database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as exc:  # noqa: BLE001 - any failure means "not reachable"
        return "database", False, {"error": type(exc).__name__, "vendor": connection.vendor}
    return "database", True, {"vendor": connection.vendor}


def check_broker():
    # A fresh connection from the settings (not Celery's pool) so the answer is about now.
    from kombu import Connection

    options = getattr(settings, "CELERY_BROKER_TRANSPORT_OPTIONS", {})
    try:
        with Connection(settings.CELERY_BROKER_URL, transport_options=options) as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
            transport = conn.transport_cls
    except Exception as exc:  # noqa: BLE001
        return "broker", False, {"error": type(exc).__name__}
    return "broker", True, {"transport": str(transport)}


def _staff(request) -> bool:
    # The signed-in user comes from the database: while it is away, everyone is anonymous here
    # (and gets the short answer) rather than the check itself failing.
    user = getattr(request, "user", None)
    try:
        return bool(user is not None and user.is_authenticated and user.is_active and user.is_staff)
    except DatabaseError:
        return False


@never_cache
@require_GET
def health(request):
    checks = [check_database, check_broker] + [
        import_string(path) for path in getattr(settings, "HEALTH_CHECKS", [])
    ]
    body = {}
    healthy = True
    for check in checks:
        try:
            name, ok, details = check()
        except DatabaseError as exc:
            # A check reading the database while it is away: that check is not ok, the others
            # still answer (e.g. reminder dispatch, whose figures live in the database).
            name = check.__name__.removeprefix("check_")
            ok, details = False, {"error": type(exc).__name__}
        body[name] = {"ok": ok, **details}
        healthy = healthy and ok
    status = 200 if healthy else 503
    if not _staff(request):
        return JsonResponse({"status": "ok" if healthy else "not ok"}, status=status)
    body["status"] = "ok" if healthy else "degraded"
    return JsonResponse(body, status=status)
