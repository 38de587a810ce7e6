"""The "Sign in with <provider>" button, shown only when a provider is configured."""

from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def identity_provider_name() -> str:
    """The provider's name for the sign-in page, or "" when sign-in with it is off."""
    return settings.OIDC_PROVIDER_NAME if settings.OIDC_ENABLED else ""
