"""A form post too large to read gets its page back with a message, not a bare 400 page.

Django refuses a body whose form fields exceed ``DATA_UPLOAD_MAX_MEMORY_SIZE`` (a guard against
memory exhaustion) when a view or the CSRF check first reads ``request.POST``; the person then
sees "Bad Request" and does not know why. This middleware reads the form first: when it is too
large, the page is shown again as if opened afresh (status 413), with a message that says what
happened and that nothing was saved. What was typed cannot be kept: the body was never read,
which is the point of the limit. API requests keep their JSON answers (DRF reads its own body).
"""

from __future__ import annotations

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import RequestDataTooBig
from django.http import QueryDict
from django.utils.datastructures import MultiValueDict

FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")


class OversizedFormMiddleware:
    """Placed before every middleware that reads the form (the NUL guard, CSRF): it reads it
    first. The message is added in ``process_view``, once the messages middleware has run."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if (
            request.method == "POST"
            and request.content_type in FORM_TYPES
            and not request.path_info.startswith("/api/")
        ):
            try:
                request.POST  # noqa: B018 - reading it is the check
            except RequestDataTooBig:
                # The page as a GET: its form comes back empty and nothing changes.
                request.too_large = int(request.META.get("CONTENT_LENGTH") or 0)
                request.method = "GET"
                request._post, request._files = QueryDict(), MultiValueDict()
        response = self.get_response(request)
        if getattr(request, "too_large", None) and response.status_code == 200:
            response.status_code = 413
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        size = getattr(request, "too_large", None)
        if size is None:
            return None
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        messages.error(
            request,
            f"What you sent ({size / 1_048_576:.1f} MB) is larger than the {limit / 1_048_576:.1f}"
            " MB a form may hold, so it could not be read and nothing was saved. Shorten the "
            "longest text (attach long documents as files instead) and send it again.",
        )
        return None
