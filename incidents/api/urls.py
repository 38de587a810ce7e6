"""``/api/v1/``: incidents (with their notes and team), obligations, what-if clocks, and the
OpenAPI schema with its docs."""

from django.urls import path
from django.views.generic import RedirectView
from drf_spectacular.views import (
    SpectacularAPIView,
    SpectacularSwaggerSplitView,
)

from retention.api import LegalHoldView

from ..drafting import api as drafting_api
from . import views
from .evidence_pack import EvidencePackView

app_name = "api"
urlpatterns = [
    # The API's own address leads to its documentation (which asks for a sign-in).
    path("", RedirectView.as_view(pattern_name="api:docs"), name="root"),
    path("incidents", views.IncidentListView.as_view(), name="incidents"),
    path("incidents/<id:pk>", views.IncidentDetailView.as_view(), name="incident"),
    path(
        "incidents/<id:pk>/obligations",
        views.IncidentObligationsView.as_view(),
        name="incident-obligations",
    ),
    path(
        "incidents/<id:pk>/activity",
        views.IncidentActivityView.as_view(),
        name="incident-activity",
    ),
    path(
        "incidents/<id:pk>/activity.csv",
        views.IncidentActivityCsvView.as_view(),
        name="incident-activity-csv",
    ),
    path(
        "incidents/<id:pk>/notes",
        views.IncidentNotesView.as_view(),
        name="incident-notes",
    ),
    path(
        "incidents/<id:pk>/conflicts/decisions",
        views.ConflictDecisionView.as_view(),
        name="incident-conflict-decisions",
    ),
    path(
        "incidents/<id:pk>/team",
        views.IncidentTeamView.as_view(),
        name="incident-team",
    ),
    path("incidents/<id:pk>/legal-hold", LegalHoldView.as_view(), name="incident-legal-hold"),
    path(
        "incidents/<id:pk>/evidence-pack",
        EvidencePackView.as_view(),
        name="incident-evidence-pack",
    ),
    path(
        "obligations/<id:pk>/notified",
        views.ObligationNotifiedView.as_view(),
        name="obligation-notified",
    ),
    path(
        "obligations/<id:pk>/not-required",
        views.ObligationNotRequiredView.as_view(),
        name="obligation-not-required",
    ),
    path(
        "obligations/<id:pk>/waived",
        views.ObligationWaivedView.as_view(),
        name="obligation-waived",
    ),
    path(
        "obligations/<id:pk>/target",
        views.ObligationTargetView.as_view(),
        name="obligation-target",
    ),
    path(
        "obligations/<id:pk>/follow-up-target",
        views.ObligationFollowUpTargetView.as_view(),
        name="obligation-follow-up-target",
    ),
    path(
        "obligations/<id:pk>/drafts",
        drafting_api.ObligationDraftsView.as_view(),
        name="obligation-drafts",
    ),
    path("drafts/<id:pk>", drafting_api.DraftView.as_view(), name="draft"),
    path("drafts/<id:pk>/approve", drafting_api.DraftApproveView.as_view(), name="draft-approve"),
    path("drafts/<id:pk>/sent", drafting_api.DraftSentView.as_view(), name="draft-sent"),
    path("clocks", views.ClocksView.as_view(), name="clocks"),
    path("schema", SpectacularAPIView.as_view(), name="schema"),
    path("docs", SpectacularSwaggerSplitView.as_view(url_name="api:schema"), name="docs"),
]
