"""The evidence pack button on the case page: the same ZIP as the API, for a signed-in person."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required

from .evidence_pack import pack_response
from .views import get_case


@login_required
def evidence_pack(request, pk):
    return pack_response(request, get_case(request, pk))
