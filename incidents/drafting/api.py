"""The drafting API (``/api/v1/``): start a notice draft from an obligation, read it, save a new
text (PATCH), approve it and record it as sent. JSON bodies only.

Same doors as the rest of the API: the case is read through ``visible_to`` (a draft of a case
outside it is a 404), changes need ``can_edit`` (403 otherwise) and go through
``incidents.drafting.actions``.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from incidents.api.errors import field_error
from incidents.choices import NotificationMethod
from incidents.models import Incident, Obligation
from jurisdictions.engine.facts import parse_time
from security.json_limits import BoundedJSONParser

from . import actions, checklist
from .choices import DraftStatus, Phase
from .models import NoticeDraft


class ChecklistItemSerializer(serializers.Serializer):
    element = serializers.CharField(help_text="What the law requires, in its words.")
    key = serializers.CharField(help_text="The element's vocabulary key (machine-readable).")
    required = serializers.BooleanField(help_text="False when it is owed only sometimes.")
    satisfied = serializers.BooleanField()
    source = serializers.CharField(help_text="The clause it comes from.")
    note = serializers.CharField(help_text="What is missing or was found.")


class VersionSerializer(serializers.Serializer):
    number = serializers.IntegerField()
    created_by = serializers.CharField(source="created_by.username")
    created_at = serializers.DateTimeField()


class DraftSerializer(serializers.Serializer):
    """A notice draft: its latest text (plain text, headings included) and checklist."""

    id = serializers.IntegerField()
    incident = serializers.IntegerField(source="incident_id")
    obligation = serializers.IntegerField(source="obligation_id")
    rule = serializers.CharField(source="rule_code")
    rule_version = serializers.IntegerField()
    status = serializers.ChoiceField(choices=DraftStatus.choices)
    privileged = serializers.BooleanField(source="is_privileged")
    version = serializers.IntegerField(help_text="The latest version's number.")
    text = serializers.CharField(help_text="The whole draft as plain text, headings included.")
    checklist = ChecklistItemSerializer(many=True)
    ready = serializers.BooleanField(help_text="Every required checklist item satisfied.")
    approved_version = serializers.IntegerField(allow_null=True)
    approved_by = serializers.CharField(allow_null=True)
    approved_at = serializers.DateTimeField(allow_null=True)
    sent_at = serializers.DateTimeField(allow_null=True)
    versions = VersionSerializer(many=True)
    pdf = serializers.CharField(help_text="Address of the latest version's PDF.")
    docx = serializers.CharField(help_text="Address of the latest version's Word document.")


class DraftCreateSerializer(serializers.Serializer):
    language = serializers.CharField(required=False, max_length=10, default="en")


class DraftPatchSerializer(serializers.Serializer):
    text = serializers.CharField(trim_whitespace=False, max_length=actions.TEXT_MAX_LENGTH)


class ApproveSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        required=False, help_text="The version read (must be the latest)."
    )


class SentSerializer(serializers.Serializer):
    sent_at = serializers.DateTimeField(help_text="When it went out, with a UTC offset.")
    method = serializers.ChoiceField(choices=NotificationMethod.choices)
    sent_to = serializers.CharField(max_length=300)
    reference = serializers.CharField(max_length=200, required=False, allow_blank=True)
    phase = serializers.ChoiceField(choices=Phase.choices, required=False, default="complete")
    follow_up_target_at = serializers.DateTimeField(required=False, allow_null=True)


def draft_data(draft: NoticeDraft) -> dict:
    versions = list(draft.versions.select_related("created_by").order_by("number"))
    latest = versions[-1]
    base = reverse("drafting:draft", args=[draft.incident_id, draft.pk])
    return {
        "id": draft.pk,
        "incident": draft.incident_id,
        "obligation": draft.obligation_id,
        "rule": draft.rule_code,
        "rule_version": draft.rule_version,
        "status": draft.status,
        "privileged": draft.is_privileged,
        "version": latest.number,
        "text": latest.text,
        "checklist": latest.checklist,
        "ready": checklist.satisfied(latest.checklist),
        "approved_version": draft.approved_version.number if draft.approved_version_id else None,
        "approved_by": draft.approved_by.username if draft.approved_by_id else None,
        "approved_at": draft.approved_at,
        "sent_at": draft.sent_at,
        "versions": VersionSerializer(versions, many=True).data,
        "pdf": f"{base}pdf/?version={latest.number}",
        "docx": f"{base}docx/?version={latest.number}",
    }


def _visible_draft(request, pk) -> NoticeDraft:
    return get_object_or_404(
        NoticeDraft.objects.filter(
            incident__in=Incident.objects.visible_to(request.user)
        ).select_related("incident", "obligation", "approved_version", "approved_by"),
        pk=pk,
    )


def _json_object(request) -> dict:
    if not isinstance(request.data, dict):
        raise field_error("(document)", "the body must be a JSON object")
    return request.data


class ObligationDraftsView(APIView):
    """Start a notice draft for an obligation, prefilled from the case."""

    permission_classes = [IsAuthenticated]
    parser_classes = [BoundedJSONParser]

    @extend_schema(
        operation_id="drafts_create",
        request=DraftCreateSerializer,
        responses={201: DraftSerializer},
    )
    def post(self, request, pk):
        obligation = get_object_or_404(
            Obligation.objects.visible_to(request.user).select_related("incident"), pk=pk
        )
        if not actions.may_draft(request.user, obligation.incident):
            raise PermissionDenied("You can see this case but not draft its notices.")
        body = DraftCreateSerializer(data=_json_object(request) if request.data else {})
        body.is_valid(raise_exception=True)
        draft = actions.start_draft(
            obligation, acting_user=request.user, language=body.validated_data["language"]
        )
        return Response(draft_data(draft), status=status.HTTP_201_CREATED)


class DraftView(APIView):
    """One notice draft: GET its latest text and checklist; PATCH ``text`` saves a new version
    and recomputes the checklist."""

    permission_classes = [IsAuthenticated]
    parser_classes = [BoundedJSONParser]

    @extend_schema(operation_id="drafts_retrieve", responses=DraftSerializer)
    def get(self, request, pk):
        return Response(draft_data(_visible_draft(request, pk)))

    @extend_schema(
        operation_id="drafts_update", request=DraftPatchSerializer, responses=DraftSerializer
    )
    def patch(self, request, pk):
        draft = _visible_draft(request, pk)
        if not actions.may_draft(request.user, draft.incident):
            raise PermissionDenied("You can see this case but not change its notices.")
        data = _json_object(request)
        unknown = sorted(set(data) - {"text"})
        if unknown:
            raise field_error(unknown[0], "unknown field")
        body = DraftPatchSerializer(data=data)
        body.is_valid(raise_exception=True)
        actions.save_version(draft, body.validated_data["text"], acting_user=request.user)
        draft.refresh_from_db()
        return Response(draft_data(draft))


class DraftApproveView(APIView):
    """Counsel approves the latest version (a viewer cannot: 403)."""

    permission_classes = [IsAuthenticated]
    parser_classes = [BoundedJSONParser]

    @extend_schema(
        operation_id="drafts_approve", request=ApproveSerializer, responses=DraftSerializer
    )
    def post(self, request, pk):
        draft = _visible_draft(request, pk)
        if not actions.may_approve(request.user, draft.incident):
            raise PermissionDenied("Only counsel on the case may approve a notice.")
        body = ApproveSerializer(data=_json_object(request) if request.data else {})
        body.is_valid(raise_exception=True)
        actions.approve(
            draft, acting_user=request.user, version_number=body.validated_data.get("version")
        )
        draft.refresh_from_db()
        return Response(draft_data(draft))


class DraftSentView(APIView):
    """Record the approved version as sent (its text and PDF become the case's evidence)."""

    permission_classes = [IsAuthenticated]
    parser_classes = [BoundedJSONParser]

    @extend_schema(
        operation_id="drafts_record_sent", request=SentSerializer, responses=DraftSerializer
    )
    def post(self, request, pk):
        draft = _visible_draft(request, pk)
        if not actions.may_draft(request.user, draft.incident):
            raise PermissionDenied("You can see this case but not record its notices.")
        data = _json_object(request)
        for name in ("sent_at", "follow_up_target_at"):
            if data.get(name) not in (None, ""):
                parse_time(data[name], name)  # refuses a time without its UTC offset
        body = SentSerializer(data=data)
        body.is_valid(raise_exception=True)
        values = body.validated_data
        actions.record_sent(
            draft,
            sent_at=values["sent_at"],
            method=values["method"],
            sent_to=values["sent_to"],
            reference=values.get("reference", ""),
            phase=values["phase"],
            follow_up_target_at=values.get("follow_up_target_at"),
            acting_user=request.user,
        )
        draft.refresh_from_db()
        return Response(draft_data(draft))
