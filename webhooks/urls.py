from django.urls import path

from . import views

app_name = "webhooks"
urlpatterns = [
    path(
        "", views.webhook_list, name="settings"
    ),  # not "list"/"detail": the header marks "Cases" for those
    path("<id:pk>/", views.webhook_detail, name="deliveries"),
    path("<id:pk>/delete/", views.webhook_delete, name="delete"),
]
