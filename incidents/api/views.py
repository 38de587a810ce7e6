"""The JSON API (``/api/v1/``): for SIEM and SOAR tools opening and following cases.

Reads start from ``visible_to(request.user)`` (a case outside it is a 404); changes go through
``incidents.actions``. Bad input is a 400 naming the field (see ``errors.exception_handler``).
"""

from __future__ import annotations

from functools import partial

from django.db import transaction
from django.db.models import Prefetch
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import generics, status
from rest_framework.pagination import PageNumberPagination
from rest_framework.parsers import MultiPartParser
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from jurisdictions.engine.facts import FactsError, Problems, parse_time
from security.json_limits import BoundedJSONParser

from .. import actions, client_impact, exports
from ..choices import IncidentStatus
from ..drafting import actions as drafting_actions
from ..facts_review import review_changes, review_facts
from ..forms import JURISDICTION_RE
from ..holds import HOLD_KEYS
from ..models import Incident, Note, Obligation, TeamMember
from ..permissions import CanChangeCase, CanOpenCases
from ..queries import (
    SORTS,
    CaseFilters,
    CountingPaginator,
    case_ids,
    case_rows,
    parse_due_within,
)
from .errors import field_error
from .serializers import (
    ConflictDecisionInSerializer,
    ConflictDecisionOutSerializer,
    DecisionSerializer,
    EvaluationSerializer,
    FactsSerializer,
    FollowUpTargetSerializer,
    IncidentCreatedSerializer,
    IncidentCreateSerializer,
    IncidentDetailSerializer,
    IncidentListSerializer,
    IncidentPatchSerializer,
    NoteCreateSerializer,
    NoteOutSerializer,
    NotifiedWithEvidenceSerializer,
    ObligationSerializer,
    TargetSerializer,
    TeamMemberListSerializer,
)

DETAIL_KEYS = ("description", "severity", "privileged", "risk_rationale")


class CasePagination(PageNumberPagination):
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def _json_object(data) -> dict:
    if not isinstance(data, dict):
        raise FactsError("(document)", "the body must be a JSON object")
    return dict(data)


def _only_keys(data: dict, allowed: tuple[str, ...]) -> None:
    unknown = sorted(set(data) - set(allowed))
    if unknown:
        raise field_error(unknown[0], "unknown field")


def _filters(params) -> CaseFilters:
    status_value = params.get("status") or None
    if status_value and status_value not in IncidentStatus.values:
        raise field_error("status", f"must be one of: {', '.join(IncidentStatus.values)}")
    try:
        due_within = parse_due_within(params.get("due_within"))
    except ValueError as exc:
        raise field_error("due_within", str(exc)) from None
    jurisdiction = (params.get("jurisdiction") or "").strip().upper() or None
    if jurisdiction and not JURISDICTION_RE.match(jurisdiction):
        raise field_error("jurisdiction", "must be a jurisdiction code such as DE, US or US-CA")
    sort = params.get("sort") or None
    if sort and sort not in SORTS:
        raise field_error("sort", f"must be one of: {', '.join(SORTS)}")
    return CaseFilters(
        status=status_value,
        jurisdiction=jurisdiction,
        owner=params.get("owner") or None,
        due_within=due_within,
        q=params.get("q") or None,
        sort=sort,
    )


def _detail_queryset(user):
    return (
        Incident.objects.visible_to(user)
        .with_list_data()
        .prefetch_related(
            "events__determined_by",
            Prefetch("team", queryset=TeamMember.objects.select_related("user")),
            "obligations",
            Prefetch("notes", queryset=Note.objects.select_related("author")),
        )
    )


LIST_PARAMETERS = [
    OpenApiParameter("status", str, enum=IncidentStatus.values, description="Case status"),
    OpenApiParameter(
        "jurisdiction", str, description="People affected or a notice owed there (US finds US-CA)"
    ),
    OpenApiParameter("owner", str, description="Owner's user id or username"),
    OpenApiParameter(
        "due_within", str, description="An open deadline within this time: 24h, 7d, 2w"
    ),
    OpenApiParameter("q", str, description="Reference, title or description contains"),
    OpenApiParameter("sort", str, enum=list(SORTS), description="Order (default -created)"),
]


class IncidentListView(generics.GenericAPIView):
    """``GET``: the cases I may see, filtered and paginated. ``POST``: open a case from facts."""

    permission_classes = [IsAuthenticated, CanOpenCases]
    serializer_class = IncidentListSerializer
    pagination_class = CasePagination
    queryset = Incident.objects.none()

    @extend_schema(parameters=LIST_PARAMETERS, responses=IncidentListSerializer(many=True))
    def get(self, request):
        filters = _filters(request.query_params)
        ids, counted = case_ids(request.user, filters)
        # Page over ids (cheap, indexed), then compute the row columns for this page only.
        self.paginator.django_paginator_class = partial(CountingPaginator, counted=counted)
        page_ids = self.paginate_queryset(ids)
        rows = case_rows(page_ids, filters)
        data = IncidentListSerializer(rows, many=True, context={"request": request}).data
        return self.get_paginated_response(data)

    @extend_schema(request=IncidentCreateSerializer, responses={201: IncidentCreatedSerializer})
    def post(self, request):
        data = _json_object(request.data)
        details = {key: data.pop(key) for key in DETAIL_KEYS if key in data}
        if "privileged" in details and not isinstance(details["privileged"], bool):
            raise field_error("privileged", "must be true or false")
        profile = data.pop("organisation_profile", None)
        data = client_impact.with_format(data)  # the key exists in format 2 only
        # Every mistake in one answer (the action would stop at its first).
        problems = Problems()
        with problems:
            review_facts(data)
        title = data.get("title")
        if not isinstance(title, str) or not title.strip():
            problems.add(FactsError("title", "is required"))
        problems.raise_any()
        incident = actions.open_incident(
            data,
            acting_user=request.user,
            title=data.get("title"),
            organisation_profile=profile,
            **details,
        )
        obligations = Obligation.objects.filter(incident=incident)
        body = {
            "id": incident.pk,
            "reference": incident.reference,
            "url": request.build_absolute_uri(incident.get_absolute_url()),
            "obligations": ObligationSerializer(obligations, many=True).data,
        }
        location = request.build_absolute_uri(reverse("api:incident", args=[incident.pk]))
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": location})


class IncidentDetailView(APIView):
    """``GET``: one case. ``PATCH``: change facts (obligations recomputed), details or status."""

    permission_classes = [IsAuthenticated, CanChangeCase]

    def get_object(self, request, pk):
        incident = get_object_or_404(_detail_queryset(request.user), pk=pk)
        self.check_object_permissions(request, incident)
        return incident

    def _render(self, request, pk):
        incident = self.get_object(request, pk)
        return Response(IncidentDetailSerializer(incident, context={"request": request}).data)

    @extend_schema(responses=IncidentDetailSerializer)
    def get(self, request, pk):
        from audit.recording import record_case_view

        incident = self.get_object(request, pk)
        record_case_view(request, incident)  # case views are audited
        return Response(IncidentDetailSerializer(incident, context={"request": request}).data)

    @extend_schema(request=IncidentPatchSerializer, responses=IncidentDetailSerializer)
    def patch(self, request, pk):
        incident = self.get_object(request, pk)
        data = _json_object(request.data)
        details = {key: data.pop(key) for key in DETAIL_KEYS if key in data}
        new_status = data.pop("status", None)
        reason = data.pop("reason", "")
        held = {key: data.pop(key) for key in HOLD_KEYS if key in data}
        review_changes(data)
        with transaction.atomic():  # all of the PATCH or none of it
            if data:
                actions.update_facts(incident, data, acting_user=request.user, reason=reason)
            for key, value in held.items():
                # A hold merges with the stored one ({"lifted_at": ...} lifts it); null removes.
                stored = (
                    Incident.objects.unrestricted("re-read of the case in hand")
                    .get(pk=incident.pk)
                    .holds.get(key)
                )
                if isinstance(value, dict) and stored:
                    value = {**stored, **value}
                actions.record_hold(incident, key, value, acting_user=request.user, reason=reason)
            if details:
                actions.update_details(incident, acting_user=request.user, **details)
            if new_status is not None:
                if not isinstance(new_status, str):
                    raise field_error("status", "must be a string")
                actions.change_status(incident, new_status, acting_user=request.user, reason=reason)
        return self._render(request, pk)


class IncidentObligationsView(APIView):
    """The obligations of one case, earliest deadline first (including decided ones)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(responses=ObligationSerializer(many=True))
    def get(self, request, pk):
        incident = get_object_or_404(Incident.objects.visible_to(request.user), pk=pk)
        obligations = Obligation.objects.filter(incident=incident)
        return Response(ObligationSerializer(obligations, many=True).data)


class ObligationNotifiedView(APIView):
    """Record that the notice under this obligation was given (JSON, or multipart with the
    letter or filing as ``evidence``)."""

    permission_classes = [IsAuthenticated, CanChangeCase]
    # The one write that takes a file: JSON, or multipart when the evidence is attached.
    parser_classes = [BoundedJSONParser, MultiPartParser]

    @extend_schema(
        operation_id="obligations_notified",
        summary="Record that the notice was given",
        description=(
            "Multipart, so that the letter or filing can go with it as `evidence`. A JSON body "
            "with the same fields (no file) is accepted as well; the schema names one body type "
            "because generated clients cannot handle two."
        ),
        request={"multipart/form-data": NotifiedWithEvidenceSerializer},
        responses=ObligationSerializer,
    )
    def post(self, request, pk):
        obligation = get_object_or_404(
            Obligation.objects.visible_to(request.user).select_related("incident"), pk=pk
        )
        self.check_object_permissions(request, obligation)
        if not hasattr(request.data, "get"):
            raise FactsError("(document)", "the body must be a JSON object")
        raw_sent_at = request.data.get("sent_at")
        if raw_sent_at in (None, ""):
            raise field_error("sent_at", "This field is required.")
        sent_at = parse_time(raw_sent_at, "sent_at")  # refuses a time without its UTC offset
        serializer = NotifiedWithEvidenceSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        values = serializer.validated_data
        obligation = actions.record_notification(
            obligation,
            sent_at=sent_at,
            method=values["method"],
            sent_to=values["sent_to"],
            reference=values.get("reference", ""),
            evidence=values.get("evidence"),
            acting_user=request.user,
        )
        return Response(ObligationSerializer(obligation).data)


class ClocksView(APIView):
    """What-if: the obligations the facts would give, under today's rule book or ``rules_as_of``.
    Creates nothing."""

    permission_classes = [IsAuthenticated]

    @extend_schema(
        operation_id="clocks_evaluate",
        summary="What-if: the obligations these facts would give",
        request=FactsSerializer,
        responses=EvaluationSerializer,
    )
    def post(self, request):
        from jurisdictions.services import evaluate_facts

        evaluation = evaluate_facts(_json_object(request.data))
        return Response(evaluation.to_dict())


class IncidentActivityView(APIView):
    """The case timeline, oldest first: ``/activity`` as JSON, ``/activity.csv`` as CSV.
    Each download is recorded in the audit trail."""

    permission_classes = [IsAuthenticated]
    as_csv = False

    @extend_schema(
        operation_id="incidents_activity",
        summary="The case timeline (JSON)",
        responses={(200, "application/json"): dict},
    )
    def get(self, request, pk):
        from audit.recording import record_case_export

        incident = get_object_or_404(Incident.objects.visible_to(request.user), pk=pk)
        record_case_export(request, incident, "activity CSV" if self.as_csv else "activity JSON")
        if self.as_csv:
            response = HttpResponse(exports.activity_csv(incident), content_type="text/csv")
            response["Content-Disposition"] = (
                f'attachment; filename="{incident.reference}-activity.csv"'
            )
        else:
            response = HttpResponse(
                exports.activity_json(incident), content_type="application/json"
            )
            response["Content-Disposition"] = (
                f'attachment; filename="{incident.reference}-activity.json"'
            )
        response["X-Content-Type-Options"] = "nosniff"
        return response


@extend_schema_view(
    get=extend_schema(
        operation_id="incidents_activity_csv",
        summary="The case timeline (CSV)",
        responses={(200, "text/csv"): str},
    )
)
class IncidentActivityCsvView(IncidentActivityView):
    as_csv = True


class ObligationDecisionView(APIView):
    """Mark the obligation not required (``/not-required``) or waived (``/waived``), with the
    reason counsel gives; the reason is required and logged."""

    permission_classes = [IsAuthenticated, CanChangeCase]
    decision = "not_required"

    @extend_schema(request=DecisionSerializer, responses=ObligationSerializer)
    def post(self, request, pk):
        obligation = get_object_or_404(
            Obligation.objects.visible_to(request.user).select_related("incident"), pk=pk
        )
        self.check_object_permissions(request, obligation)
        body = _json_object(request.data)
        decide = actions.waive if self.decision == "waived" else actions.mark_not_required
        obligation = decide(obligation, reason=body.get("reason"), acting_user=request.user)
        return Response(ObligationSerializer(obligation).data)


# One class per decision so each has its own operation id in the schema (a generated client's
# function name): obligations_not_required, obligations_waived.
@extend_schema_view(
    post=extend_schema(operation_id="obligations_not_required", summary="Not required")
)
class ObligationNotRequiredView(ObligationDecisionView):
    decision = "not_required"


@extend_schema_view(post=extend_schema(operation_id="obligations_waived", summary="Waived"))
class ObligationWaivedView(ObligationDecisionView):
    decision = "waived"


class ObligationTargetView(APIView):
    """Set (or clear, with ``target_at`` null) the internal target of an open obligation the law
    gives no fixed deadline; reminders and calendar feeds then count down to it."""

    permission_classes = [IsAuthenticated, CanChangeCase]

    @extend_schema(
        operation_id="obligations_target",
        summary="Set or clear the internal target",
        request=TargetSerializer,
        responses=ObligationSerializer,
    )
    def post(self, request, pk):
        obligation = get_object_or_404(
            Obligation.objects.visible_to(request.user).select_related("incident"), pk=pk
        )
        self.check_object_permissions(request, obligation)
        body = _json_object(request.data)
        if "target_at" not in body:
            raise field_error("target_at", "This field is required (null clears the target).")
        raw = body.get("target_at")
        target_at = None if raw in (None, "") else parse_time(raw, "target_at")
        obligation = actions.set_internal_target(
            obligation, target_at=target_at, reason=body.get("reason"), acting_user=request.user
        )
        return Response(ObligationSerializer(obligation).data)


class ObligationFollowUpTargetView(APIView):
    """Move the internal target for the further information a notice given in phases (GDPR Art
    33(4)) still owes: the same door as the case page's "Move target", so the same checks, the
    timeline entry with the target before and after, and the reminders moved with it."""

    permission_classes = [IsAuthenticated, CanChangeCase]

    @extend_schema(
        operation_id="obligations_follow_up_target",
        summary="Move the target for the further information of a phased notice",
        description=(
            "Only while further information is owed (the obligation is notified and its latest "
            "phase was initial or follow-up); otherwise a 400 on `target_at`. The target cannot "
            "be cleared here: recording the final phase ends it."
        ),
        request=FollowUpTargetSerializer,
        responses=ObligationSerializer,
    )
    def post(self, request, pk):
        obligation = get_object_or_404(
            Obligation.objects.visible_to(request.user).select_related("incident"), pk=pk
        )
        self.check_object_permissions(request, obligation)
        body = _json_object(request.data)
        raw = body.get("target_at")
        if raw in (None, ""):
            raise field_error("target_at", "This field is required.")
        target_at = parse_time(raw, "target_at")  # refuses a time without its UTC offset
        obligation = drafting_actions.set_follow_up_target(
            obligation, target_at=target_at, reason=body.get("reason"), acting_user=request.user
        )
        return Response(ObligationSerializer(obligation).data)


class IncidentNotesView(generics.GenericAPIView):
    """``GET``: the notes of a case, oldest first, paginated; reading them is audited as a case
    view. ``POST``: add a note (editors of the case only; a viewer gets 403)."""

    permission_classes = [IsAuthenticated, CanChangeCase]
    parser_classes = [BoundedJSONParser]  # a form body would give lists, not the text: 415 instead
    serializer_class = NoteOutSerializer
    pagination_class = CasePagination
    queryset = Note.objects.none()

    def get_incident(self, request, pk):
        incident = get_object_or_404(Incident.objects.visible_to(request.user), pk=pk)
        self.check_object_permissions(request, incident)
        return incident

    @extend_schema(summary="The notes of a case", responses=NoteOutSerializer(many=True))
    def get(self, request, pk):
        from audit.recording import record_case_view

        incident = self.get_incident(request, pk)
        record_case_view(request, incident)  # notes are the case narrative, privileged ones too
        notes = Note.objects.filter(incident=incident).select_related("author")
        page = self.paginate_queryset(notes.order_by("created_at", "id"))
        return self.get_paginated_response(NoteOutSerializer(page, many=True).data)

    @extend_schema(
        summary="Add a note to a case",
        request=NoteCreateSerializer,
        responses={201: NoteOutSerializer},
    )
    def post(self, request, pk):
        incident = self.get_incident(request, pk)
        data = _json_object(request.data)
        _only_keys(data, ("text", "privileged", "personal"))
        note = actions.add_note(
            incident,
            data.get("text"),
            acting_user=request.user,
            privileged=data.get("privileged", False),
            personal=data.get("personal", False),
        )
        return Response(NoteOutSerializer(note).data, status=status.HTTP_201_CREATED)


class ConflictDecisionView(APIView):
    """Record counsel's decision on one of the case's current conflicts (by its ``key``); editors
    of the case only (a viewer gets 403)."""

    permission_classes = [IsAuthenticated, CanChangeCase]
    parser_classes = [BoundedJSONParser]

    @extend_schema(
        summary="Record a decision on a conflict between rules",
        request=ConflictDecisionInSerializer,
        responses={201: ConflictDecisionOutSerializer},
    )
    def post(self, request, pk):
        from ..conflicts import decisions_export

        incident = get_object_or_404(Incident.objects.visible_to(request.user), pk=pk)
        self.check_object_permissions(request, incident)
        data = _json_object(request.data)
        _only_keys(data, ("key", "decision"))
        if not isinstance(data.get("key"), str) or not data["key"]:
            raise field_error("key", "This field is required.")
        row = actions.decide_conflict(
            incident, data["key"], decision=data.get("decision"), acting_user=request.user
        )
        incident.refresh_from_db()
        body = next(d for d in reversed(decisions_export(incident)) if d["key"] == row.key)
        return Response(body, status=status.HTTP_201_CREATED)


class IncidentTeamView(APIView):
    """Who is on the case and in which role (changes to the team stay on the case page)."""

    permission_classes = [IsAuthenticated]

    @extend_schema(summary="The team of a case", responses=TeamMemberListSerializer(many=True))
    def get(self, request, pk):
        incident = get_object_or_404(Incident.objects.visible_to(request.user), pk=pk)
        # As the case page lists them: by role name, then by who joined first.
        team = TeamMember.objects.filter(incident=incident).select_related("user")
        return Response(TeamMemberListSerializer(team.order_by("role", "id"), many=True).data)
