"""``/api/v1/webhooks``: outgoing hooks and their delivery log (``webhooks/api.py``)."""

from django.urls import path

from . import api

app_name = "webhooks_api"
urlpatterns = [
    path("webhooks", api.WebhookListView.as_view(), name="list"),
    path("webhooks/<id:pk>", api.WebhookDetailView.as_view(), name="detail"),
    path("webhooks/<id:pk>/deliveries", api.WebhookDeliveriesView.as_view(), name="deliveries"),
]
