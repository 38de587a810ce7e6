"""The register's API addresses, under ``/api/v1/`` beside the cases' (config/urls.py)."""

from django.urls import path

from . import api

app_name = "register_api"
urlpatterns = [
    path("register", api.RegisterView.as_view(), name="register"),
    path("register.csv", api.RegisterCSVView.as_view(), name="register-csv"),
]
