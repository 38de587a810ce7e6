"""The drafting pages, under their case."""

from django.urls import path

from . import views

app_name = "drafting"
urlpatterns = [
    path("incidents/<id:pk>/obligations/<id:ob_pk>/draft/", views.start, name="start"),
    path(
        "incidents/<id:pk>/obligations/<id:ob_pk>/further-information-target/",
        views.follow_up_target,
        name="follow_up_target",
    ),
    path("incidents/<id:pk>/letters/", views.start_letter, name="start_letter"),
    path("incidents/<id:pk>/letters/<id:letter_pk>/", views.letter, name="letter"),
    path("incidents/<id:pk>/drafts/<id:draft_pk>/", views.draft_page, name="draft"),
    path("incidents/<id:pk>/drafts/<id:draft_pk>/check/", views.check, name="check"),
    path("incidents/<id:pk>/drafts/<id:draft_pk>/approve/", views.approve, name="approve"),
    path("incidents/<id:pk>/drafts/<id:draft_pk>/sent/", views.record_sent, name="sent"),
    path("incidents/<id:pk>/drafts/<id:draft_pk>/pdf/", views.draft_pdf, name="pdf"),
    path("incidents/<id:pk>/drafts/<id:draft_pk>/docx/", views.draft_docx, name="docx"),
    path("incidents/<id:pk>/drafts/<id:draft_pk>/filing/", views.filing_sheet, name="filing"),
]
