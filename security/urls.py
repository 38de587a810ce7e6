from django.urls import path

from security import views

app_name = "security"

urlpatterns = [
    path("two-factor/", views.otp_setup, name="otp_setup"),
    path("two-factor/verify/", views.otp_verify, name="otp_verify"),
    path("tokens/", views.token_list, name="tokens"),
    path("tokens/new/", views.token_create, name="token_create"),
    path("tokens/<id:user_id>/revoke/", views.token_revoke, name="token_revoke"),
]
