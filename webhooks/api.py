"""``/api/v1/webhooks``: a person's outgoing hooks and their delivery log.

A hook is its creator's: others get 404. Creating one needs a role that may open cases; the
secret is in the 201 answer only. Changes go through ``webhooks.actions``.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from incidents.api.errors import field_error

from . import actions
from .choices import DeliveryStatus, EventName, Format


class WebhookCreateSerializer(serializers.Serializer):
    url = serializers.URLField(max_length=2000, help_text="A public http(s) address.")
    events = serializers.ListField(child=serializers.ChoiceField(choices=EventName.choices))
    team = serializers.CharField(
        required=False,
        allow_null=True,
        help_text="Only the events of this case (id or reference): its team's channel.",
    )
    format = serializers.ChoiceField(choices=Format.choices, default=Format.JSON)


class WebhookSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    url = serializers.CharField()
    events = serializers.ListField(child=serializers.CharField())
    team = serializers.CharField(source="team.reference", allow_null=True, default=None)
    format = serializers.CharField()
    created_at = serializers.DateTimeField()


class WebhookCreatedSerializer(WebhookSerializer):
    secret = serializers.CharField(
        help_text="Signs every delivery (Breachclock-Signature). Shown only in this answer."
    )


class DeliverySerializer(serializers.Serializer):
    delivery_id = serializers.UUIDField(help_text="The Breachclock-Delivery header.")
    event = serializers.CharField(source="event.name")
    case = serializers.SerializerMethodField()
    status = serializers.ChoiceField(choices=DeliveryStatus.choices)
    attempts = serializers.IntegerField()
    response_status = serializers.IntegerField(allow_null=True)
    latency_ms = serializers.IntegerField(allow_null=True)
    last_error = serializers.CharField()
    created_at = serializers.DateTimeField()
    next_attempt_at = serializers.DateTimeField()
    finished_at = serializers.DateTimeField(allow_null=True)

    def get_case(self, row) -> str | None:
        return row.case_reference  # None for a case the reader can no longer see


def _body(hook, secret: str | None = None) -> dict:
    body = {
        "id": hook.pk,
        "url": hook.url,
        "events": hook.events,
        "team": hook.team.reference if hook.team_id else None,
        "format": hook.format,
        "created_at": hook.created_at,
    }
    if secret is not None:
        body["secret"] = secret
    return body


class WebhookListView(APIView):
    """``GET``: my hooks (no secrets). ``POST``: a new hook; its secret is shown once."""

    @extend_schema(
        operation_id="webhooks_list",
        tags=["webhooks"],
        responses=WebhookSerializer(many=True),
    )
    def get(self, request):
        return Response([_body(h) for h in actions.hooks_of(request.user)])

    @extend_schema(
        operation_id="webhooks_create",
        tags=["webhooks"],
        request=WebhookCreateSerializer,
        responses={201: WebhookCreatedSerializer},
    )
    def post(self, request):
        data = request.data
        if not isinstance(data, dict):
            raise field_error("(document)", "the body must be a JSON object")
        unknown = sorted(set(data) - {"url", "events", "team", "format"})
        if unknown:
            raise field_error(unknown[0], "unknown field")
        try:
            hook, secret = actions.create_webhook(
                request.user,
                url=data.get("url"),
                events=data.get("events"),
                team=data.get("team"),
                format=data.get("format", Format.JSON),
            )
        except actions.WebhookError as exc:
            if exc.field == "(permission)":
                raise PermissionDenied(exc.message) from None
            raise field_error(exc.field, exc.message) from None
        return Response(_body(hook, secret), status=status.HTTP_201_CREATED)


class WebhookDetailView(APIView):
    """``GET``: one of my hooks. ``DELETE``: remove it (and its delivery log)."""

    def get_object(self, request, pk):
        return get_object_or_404(actions.hooks_of(request.user), pk=pk)

    @extend_schema(operation_id="webhooks_retrieve", tags=["webhooks"], responses=WebhookSerializer)
    def get(self, request, pk):
        return Response(_body(self.get_object(request, pk)))

    @extend_schema(operation_id="webhooks_destroy", tags=["webhooks"], responses={204: None})
    def delete(self, request, pk):
        actions.delete_webhook(self.get_object(request, pk))
        return Response(status=status.HTTP_204_NO_CONTENT)


class WebhookDeliveriesView(APIView):
    """The delivery log of one of my hooks, newest first (the latest 200)."""

    @extend_schema(
        operation_id="webhooks_deliveries_list",
        tags=["webhooks"],
        responses=DeliverySerializer(many=True),
    )
    def get(self, request, pk):
        hook = get_object_or_404(actions.hooks_of(request.user), pk=pk)
        rows = actions.delivery_log(hook, request.user, limit=200)
        data = DeliverySerializer(rows, many=True).data
        return Response(data)
