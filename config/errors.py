"""Server errors as people should meet them.

Django calls ``server_error`` (``handler500`` in ``config.urls``) for any exception a view or a
middleware did not handle. When the database is away (restarting, failing over, unreachable) the
person gets a 503 "try again in a minute" page, or JSON on the API, with ``Retry-After``: the
request changed nothing and the same click will work once the database is back (connections are
re-opened per request: ``CONN_HEALTH_CHECKS``). Any other error keeps Django's plain 500 page.
Neither shows a stack trace (``DEBUG`` is off in production).

Nothing here may touch the database: the pages are rendered without a request context (no
session, no user).
"""

from __future__ import annotations

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponseServerError, JsonResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error as django_server_error

RETRY_AFTER_SECONDS = 30
TRY_AGAIN = (
    "The database is not reachable at the moment. Nothing was changed; "
    "please try again in a minute."
)


def database_unavailable(exc: BaseException | None) -> bool:
    """Is ``exc`` (or what caused it) a lost or refused database connection?"""
    while exc is not None:
        if isinstance(exc, OperationalError | InterfaceError):
            return True
        exc = exc.__cause__ or exc.__context__
    return False


@requires_csrf_token
def server_error(request, template_name="500.html"):
    if not database_unavailable(sys.exc_info()[1]):
        return django_server_error(request, template_name)
    if request.path.startswith("/api/"):
        response = JsonResponse({"detail": TRY_AGAIN, "code": "database_unavailable"}, status=503)
    else:
        body = loader.get_template("503.html").render({"message": TRY_AGAIN})
        response = HttpResponseServerError(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
