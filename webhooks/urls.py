from django.urls import path

from . import views

app_name = "webhooks"
urlpatterns = [
    path("", views.webhook_list, name="list"),
    path("<id:pk>/", views.webhook_detail, name="detail"),
    path("<id:pk>/delete/", views.webhook_delete, name="delete"),
]
