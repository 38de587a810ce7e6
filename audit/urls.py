from django.urls import path

from audit import views

app_name = "audit"

urlpatterns = [
    path("", views.event_list, name="list"),
    path("export.csv", views.event_export, {"fmt": "csv"}, name="export_csv"),
    path("export.json", views.event_export, {"fmt": "json"}, name="export_json"),
    path("cases/<id:incident_id>/", views.event_list, name="incident"),
    path(
        "cases/<id:incident_id>/export.csv",
        views.event_export,
        {"fmt": "csv"},
        name="incident_export_csv",
    ),
    path(
        "cases/<id:incident_id>/export.json",
        views.event_export,
        {"fmt": "json"},
        name="incident_export_json",
    ),
]
