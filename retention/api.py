"""``/api/v1/incidents/{id}/legal-hold``: read, set (``POST``) and lift (``DELETE``) a legal hold.

The case is read through ``visible_to`` (404 outside it); setting or lifting needs counsel or
the privacy office (403 otherwise). Both take ``{"reason": "..."}``; ``DELETE`` also accepts
``?reason=`` for clients that cannot send a body with it. A hold already set (or none to lift)
answers 409 and changes nothing.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from incidents.actions import ActionError
from incidents.api.errors import field_error
from incidents.models import Incident
from security.json_limits import BoundedJSONParser

from . import actions
from .selectors import active_hold

ReasonSerializer = inline_serializer("LegalHoldReason", {"reason": serializers.CharField()})
HoldSerializer = inline_serializer(
    "LegalHold",
    {
        "incident": serializers.IntegerField(),
        "reference": serializers.CharField(),
        "on_hold": serializers.BooleanField(),
        "reason": serializers.CharField(allow_null=True),
        "set_by": serializers.CharField(allow_null=True),
        "set_at": serializers.DateTimeField(allow_null=True),
        "lifted_by": serializers.CharField(allow_null=True),
        "lifted_at": serializers.DateTimeField(allow_null=True),
        "lift_reason": serializers.CharField(allow_null=True),
    },
)


def hold_body(incident, hold) -> dict:
    lifted = hold is not None and hold.lifted_at is not None
    return {
        "incident": incident.pk,
        "reference": incident.reference,
        "on_hold": hold is not None and not lifted,
        "reason": hold.reason if hold else None,
        "set_by": hold.set_by.get_username() if hold else None,
        "set_at": hold.set_at if hold else None,
        "lifted_by": hold.lifted_by.get_username() if lifted else None,
        "lifted_at": hold.lifted_at if lifted else None,
        "lift_reason": hold.lift_reason if lifted else None,
    }


class LegalHoldView(APIView):
    permission_classes = [IsAuthenticated]
    parser_classes = [BoundedJSONParser]

    def _incident(self, request, pk):
        return get_object_or_404(Incident.objects.visible_to(request.user), pk=pk)

    def _reason(self, request):
        data = request.data if isinstance(request.data, dict) else None
        if data is None:
            raise field_error("reason", "send a JSON object with the reason")
        unknown = sorted(set(data) - {"reason"})
        if unknown:
            raise field_error(unknown[0], "unknown field")
        return data.get("reason", request.query_params.get("reason"))

    @extend_schema(summary="Whether the case is on legal hold", responses=HoldSerializer)
    def get(self, request, pk):
        incident = self._incident(request, pk)
        return Response(hold_body(incident, active_hold(incident)))

    @extend_schema(
        summary="Place the case on legal hold (nothing of it may then be deleted or purged)",
        request=ReasonSerializer,
        responses={201: HoldSerializer},
    )
    def post(self, request, pk):
        incident = self._incident(request, pk)
        return self._act(actions.set_legal_hold, incident, request, status.HTTP_201_CREATED)

    @extend_schema(
        summary="Lift the legal hold, with a reason",
        request=ReasonSerializer,
        responses=HoldSerializer,
    )
    def delete(self, request, pk):
        incident = self._incident(request, pk)
        return self._act(actions.lift_legal_hold, incident, request, status.HTTP_200_OK)

    def _act(self, action, incident, request, ok_status):
        # Checked after the case is found: someone outside the case gets 404, not 403.
        if not actions.may_manage_holds(request.user, incident):
            self.permission_denied(
                request, message="Only counsel or the privacy office may set or lift a legal hold."
            )
        try:
            hold = action(incident, reason=self._reason(request), acting_user=request.user)
        except ActionError as exc:
            if exc.field == "legal_hold":
                return Response({exc.field: [exc.message]}, status=status.HTTP_409_CONFLICT)
            raise
        return Response(hold_body(incident, hold), status=ok_status)
