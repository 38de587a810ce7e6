from django.urls import path

from jurisdictions import place_names, template_views, views

app_name = "rules"

urlpatterns = [
    path("", views.rule_list, name="rule_list"),
    path("places.json", place_names.places_json, name="places"),
    path("changes-coming/", views.changes_coming, name="changes_coming"),
    path("card-brands/", template_views.contract_template_list, name="contract_templates"),
    path("<str:code>/", views.rule_detail, name="rule_detail"),
]
