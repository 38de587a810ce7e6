"""The case page's prompt to enable the card brands' clauses when payment-card data is affected."""

from django import template

from jurisdictions.contract_templates import prompted

register = template.Library()


@register.inclusion_tag("jurisdictions/_card_brand_prompt.html", takes_context=True)
def card_brand_prompt(context, incident):
    # ``incident`` was read through the restricted manager by the page that includes this.
    user = context.get("user")
    return {
        "templates": prompted(incident.data_categories),
        "can_enable": bool(user and user.has_perm("jurisdictions.publish_rule")),
    }
