from django.urls import path

from . import views

app_name = "register"
urlpatterns = [
    path("register/", views.register_page, name="index"),
    path("register.csv", views.register_csv, name="csv"),
    path("register.pdf", views.register_pdf, name="pdf"),
    path("numbers/", views.numbers_page, name="numbers"),
    path("numbers.csv", views.numbers_csv, name="numbers_csv"),
    path("incidents/<id:pk>/register-entry/", views.case_entry, name="entry"),
]
