"""``/api/v1/incidents/{id}/assessments``: a case's risk-of-harm assessments, newest first
(GET), and a new version (POST: ``method``, ``answers``, ``reasons``, ``rationale``, optional
``risk_of_harm`` with ``override_reason``, ``reason_for_change`` from the second version on,
``determined_at``). Same auth and visibility as the case: outside it, 404."""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.utils import extend_schema
from rest_framework import serializers, status
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from incidents.models import Incident
from incidents.permissions import CanChangeCase

from . import actions, scales
from .models import RiskAssessment


def _iso(value):
    return value.isoformat().replace("+00:00", "Z") if value else None


def as_dict(a: RiskAssessment) -> dict:
    return {
        "version": a.version,
        "method": a.method,
        "method_label": scales.METHOD_LABELS[a.method],
        "answers": a.answers,
        "reasons": a.reasons,
        "result": a.result,
        "computed_risk": a.computed_risk,
        "score": a.score,
        "risk_of_harm": a.risk_of_harm,
        "override_reason": a.override_reason or None,
        "rationale": a.rationale,
        "reason_for_change": a.reason_for_change or None,
        "determined_at": _iso(a.determined_at),
        "assessed_by": a.created_by.get_username(),
        "assessed_at": _iso(a.created_at),
    }


class AssessmentInput(serializers.Serializer):
    method = serializers.ChoiceField(choices=list(scales.METHODS))
    answers = serializers.DictField()
    reasons = serializers.DictField(child=serializers.CharField(allow_blank=True), required=False)
    rationale = serializers.CharField(allow_blank=True)
    risk_of_harm = serializers.ChoiceField(
        choices=list(scales.RISK_LEVELS), required=False, allow_null=True
    )
    override_reason = serializers.CharField(required=False, allow_blank=True)
    reason_for_change = serializers.CharField(required=False, allow_blank=True)
    determined_at = serializers.DateTimeField(required=False, allow_null=True)


class AssessmentsView(APIView):
    permission_classes = [IsAuthenticated, CanChangeCase]

    def _case(self, request, pk):
        incident = get_object_or_404(Incident.objects.visible_to(request.user), pk=pk)
        self.check_object_permissions(request, incident)
        return incident

    @extend_schema(operation_id="incidents_assessments_list", responses={200: dict})
    def get(self, request, pk):
        incident = self._case(request, pk)
        rows = incident.assessments.select_related("created_by").order_by("-version")
        return Response([as_dict(a) for a in rows])

    @extend_schema(
        operation_id="incidents_assessments_create",
        request=AssessmentInput,
        responses={201: dict},
    )
    def post(self, request, pk):
        incident = self._case(request, pk)
        body = AssessmentInput(data=request.data)
        body.is_valid(raise_exception=True)
        d = body.validated_data
        assessment = actions.record_assessment(
            incident,
            method=d["method"],
            answers=d["answers"],
            reasons=d.get("reasons") or {},
            risk_of_harm=d.get("risk_of_harm"),
            override_reason=d.get("override_reason", ""),
            rationale=d["rationale"],
            reason_for_change=d.get("reason_for_change", ""),
            determined_at=d.get("determined_at"),
            acting_user=request.user,
        )
        return Response(as_dict(assessment), status=status.HTTP_201_CREATED)
