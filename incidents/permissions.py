"""API permissions on top of the read door: visible cases may be read, editors may change them.

A case outside ``visible_to(user)`` is never found (404); one the user can see but not change
answers 403 to a change.
"""

from __future__ import annotations

from rest_framework.permissions import SAFE_METHODS, BasePermission

from .models import Incident, Obligation
from .queries import can_edit, can_open_cases


class CanChangeCase(BasePermission):
    """Safe methods for anyone who can see the case; others for ``can_edit``."""

    message = "You can see this case but not change it (a viewer role or no change permission)."

    def has_object_permission(self, request, view, obj):
        if request.method in SAFE_METHODS:
            return True
        incident = obj.incident if isinstance(obj, Obligation) else obj
        assert isinstance(incident, Incident)  # noqa: S101 - a wiring mistake, not user input
        return can_edit(request.user, incident)


class CanOpenCases(BasePermission):
    """Opening a case: ``queries.can_open_cases``, the same check as the web form's."""

    message = "You may not open cases."

    def has_permission(self, request, view):
        if request.method in SAFE_METHODS:
            return True
        return can_open_cases(request.user)
