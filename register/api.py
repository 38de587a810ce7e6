"""``GET /api/v1/register`` (JSON list) and ``/api/v1/register.csv``: one entry per case the
caller may see, for the privacy office and auditors; filters as on the page (``organisation``,
``from``, ``to``, ``regime``)."""

from __future__ import annotations

from datetime import date

from django.http import HttpResponse
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from . import exports, selectors
from .access import may_read_register
from .views import record_export

PARAMS = [
    OpenApiParameter("organisation", int, description="Organisation profile id"),
    OpenApiParameter("from", date, description="Discovered on or after (YYYY-MM-DD)"),
    OpenApiParameter("to", date, description="Discovered on or before (YYYY-MM-DD)"),
    OpenApiParameter("regime", str, description="Only cases with a duty under this regime"),
]


def _date(params, key):
    value = params.get(key)
    if not value:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ValidationError({key: f"{value!r} is not a date (YYYY-MM-DD)"}) from None


def _filters(request) -> selectors.Filters:
    if not may_read_register(request.user):
        raise PermissionDenied("The register is for the privacy office and auditors.")
    params = request.query_params
    org = params.get("organisation")
    if org and not org.isdigit():
        raise ValidationError({"organisation": "must be an organisation profile id"})
    return selectors.Filters(
        int(org) if org else None, _date(params, "from"), _date(params, "to"),
        params.get("regime", ""),
    )  # fmt: skip


class RegisterView(APIView):
    """The breach register: every case the caller may see, notified or not, with the decision
    and its reasons and the notifications made."""

    permission_classes = [IsAuthenticated]
    as_csv = False

    @extend_schema(operation_id="register_list", parameters=PARAMS, responses={200: dict})
    def get(self, request):
        entries = selectors.entries(request.user, _filters(request))
        if self.as_csv:
            record_export(request, f"breach register CSV ({len(entries)} cases)")
            response = HttpResponse(
                exports.register_csv(entries, machine=True), content_type="text/csv; charset=utf-8"
            )
            response["Content-Disposition"] = 'attachment; filename="breach-register.csv"'
            return response
        return Response([entry.as_dict() for entry in entries])


class RegisterCSVView(RegisterView):
    """The same entries as CSV: the JSON keys as the header, ``notified`` as true/false."""

    as_csv = True

    @extend_schema(
        operation_id="register_csv", parameters=PARAMS, responses={(200, "text/csv"): str}
    )
    def get(self, request):
        return super().get(request)
