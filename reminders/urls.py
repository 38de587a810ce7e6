from django.urls import path

from . import views

app_name = "reminders"
urlpatterns = [
    path(
        "incidents/<id:pk>/obligations/<id:ob_pk>/snooze/",
        views.snooze,
        name="snooze",
    ),
    path("outbox/", views.outbox, name="outbox"),
    path("outbox/<str:key>/", views.outbox, name="outbox_message"),
]
