"""The assessments' API addresses, under ``/api/v1/`` beside the cases' (config/urls.py)."""

from django.urls import path

from . import api

app_name = "assessments_api"
urlpatterns = [
    path("incidents/<id:pk>/assessments", api.AssessmentsView.as_view(), name="assessments"),
]
