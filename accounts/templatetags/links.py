"""``{% link 'name' %}``: what ``{% url 'name' %}`` gives for a URL without arguments, reversed
once per URL configuration and script prefix instead of on every page. The menu of every page
and the case list's buttons use it: a dozen reversals were a tenth of the list's rendering."""

from functools import lru_cache

from django import template
from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

register = template.Library()


@register.simple_tag
def link(name: str) -> str:
    return _reversed(name, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


@lru_cache(maxsize=512)
def _reversed(name: str, urlconf: str, prefix: str) -> str:
    # ``prefix`` is in the key: reverse() reads the current script prefix itself.
    return reverse(name, urlconf=urlconf)
