"""The request being served, so that an audit record written deep inside ``incidents.actions`` (or
any code that was not handed the request) still knows its request id, address and user."""

from __future__ import annotations

import contextvars
import re
import uuid

_current_request: contextvars.ContextVar = contextvars.ContextVar("audit_request", default=None)

# An id from a trusted front proxy is kept so logs line up; anything else is replaced.
_SAFE_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,64}$")


def new_request_id(incoming: str | None = None) -> str:
    if incoming and _SAFE_REQUEST_ID.match(incoming):
        return incoming
    return uuid.uuid4().hex


def current_request():
    return _current_request.get()


def set_current_request(request):
    return _current_request.set(request)


def reset_current_request(token) -> None:
    _current_request.reset(token)


def current_request_id() -> str:
    """The id of the request being served, or "" (a Celery task, a management command)."""
    request = _current_request.get()
    return getattr(request, "request_id", "") if request is not None else ""
