from django.urls import path

from . import views

app_name = "assessments"
urlpatterns = [
    path("incidents/<id:pk>/assessment/", views.case_assessment, name="case"),
]
