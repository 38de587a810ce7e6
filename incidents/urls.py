"""The case workspace pages (the JSON API and the calendar feeds have their own modules)."""

from django.urls import path

from incidents import conflict_views, evidence_views, views

app_name = "incidents"
urlpatterns = [
    path("incidents/", views.case_list, name="list"),
    path("incidents/new/", views.case_create, name="create"),
    path("incidents/new/guided/", views.case_create, {"guided": True}, name="create_guided"),
    path("incidents/<id:pk>/", views.case_detail, name="detail"),
    path("incidents/<id:pk>/edit/", views.case_edit, name="edit"),
    path("incidents/<id:pk>/status/", views.case_status, name="status"),
    path("incidents/<id:pk>/affected/", views.case_affected, name="affected"),
    path("incidents/<id:pk>/team/", views.case_team, name="team"),
    path("incidents/<id:pk>/team/<id:user_id>/role/", views.team_role, name="team_role"),
    path("incidents/<id:pk>/team/<id:user_id>/remove/", views.team_remove, name="team_remove"),
    path("incidents/<id:pk>/team/<id:user_id>/owner/", views.team_owner, name="team_owner"),
    path("incidents/<id:pk>/leave/", views.case_leave, name="leave"),
    path("incidents/<id:pk>/notes/", views.case_note, name="note"),
    path("incidents/<id:pk>/report/", views.case_report, name="report"),
    path("incidents/<id:pk>/evidence-pack/", evidence_views.evidence_pack, name="evidence_pack"),
    path("incidents/<id:pk>/report/pages.css", views.case_report_pages, name="report_pages"),
    path("incidents/<id:pk>/calendar/", views.case_calendar, name="case_calendar"),
    path(
        "cases/<id:pk>/files/<id:attachment_pk>/",
        views.attachment_download,
        name="attachment",
    ),
    path(
        "cases/<id:pk>/obligations/<id:ob_pk>/notify/",
        views.obligation_notify,
        name="notify",
    ),
    path(
        "cases/<id:pk>/obligations/<id:ob_pk>/decide/",
        views.obligation_decide,
        name="decide",
    ),
    path(
        "cases/<id:pk>/obligations/<id:ob_pk>/target/",
        views.obligation_target,
        name="target",
    ),
    path("incidents/<id:pk>/holds/<str:key>/", conflict_views.hold_record, name="hold"),
    path("incidents/<id:pk>/holds/<str:key>/lift/", conflict_views.hold_lift, name="hold_lift"),
    path(
        "incidents/<id:pk>/conflicts/decide/",
        conflict_views.conflict_decide,
        name="decide_conflict",
    ),
    path("calendar/", views.my_calendar, name="calendar"),
    path("what-if/", views.what_if, name="what_if"),
]
