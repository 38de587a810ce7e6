"""``/feeds/<token>.ics``: calendar feeds by secret address (see ``incidents.feeds``)."""

from django.urls import path

from . import feeds

app_name = "feeds"
urlpatterns = [
    path("<str:token>.ics", feeds.calendar_feed, name="ics"),
]
