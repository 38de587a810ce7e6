from django.urls import path

from . import views

app_name = "organisations"

urlpatterns = [
    path("", views.profile_list, name="list"),
    path("new/", views.profile_edit, name="create"),
    path("<id:pk>/", views.profile_detail, name="detail"),
    path("<id:pk>/edit/", views.profile_edit, name="edit"),
]
