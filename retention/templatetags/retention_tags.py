"""The case page's retention panel, included with one tag: ``{% case_retention incident %}``."""

from django import template

register = template.Library()


@register.inclusion_tag("retention/_case_panel.html", takes_context=True)
def case_retention(context, incident):
    from retention.views import case_panel

    return case_panel(incident, context["request"].user)
