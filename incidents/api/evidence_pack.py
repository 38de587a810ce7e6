"""``GET /api/v1/incidents/{id}/evidence-pack``: the case's evidence pack as ``application/zip``.

The case is read through ``visible_to`` (404 outside it); the download is recorded in the audit
trail as an export of the case.
"""

from __future__ import annotations

from django.shortcuts import get_object_or_404
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework.permissions import IsAuthenticated
from rest_framework.views import APIView

from ..evidence_pack import pack_response
from ..models import Incident


class EvidencePackView(APIView):
    permission_classes = [IsAuthenticated]

    @extend_schema(
        summary="The evidence pack of a case (ZIP with manifest.json of SHA-256 digests)",
        responses={
            (200, "application/zip"): OpenApiResponse(
                OpenApiTypes.BINARY, description="report.pdf, data files, the case's files"
            )
        },
    )
    def get(self, request, pk):
        incident = get_object_or_404(Incident.objects.visible_to(request.user), pk=pk)
        return pack_response(request, incident)
