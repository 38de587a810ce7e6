from django.urls import path

from . import views

app_name = "retention"
urlpatterns = [
    path("incidents/<id:pk>/legal-hold/", views.hold_set, name="hold_set"),
    path("incidents/<id:pk>/legal-hold/lift/", views.hold_lift, name="hold_lift"),
    path("retention/purge/", views.purge_preview, name="purge_preview"),
    path("organisations/<id:pk>/retention/", views.policy_edit, name="policy"),
]
