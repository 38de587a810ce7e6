from django.urls import path

from accounts.oidc import views

app_name = "oidc"
urlpatterns = [
    path("start/", views.SignInStart.as_view(), name="start"),
    path("callback/", views.SignInCallback.as_view(), name="callback"),
]
