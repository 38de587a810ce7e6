"""API errors: every refused input is a 400 naming the field and the reason, never a 500.

``FactsError`` (the engine), ``ActionError`` (incidents.actions) and ``AffectedCSVError``
all carry a ``field``; the body is DRF's usual shape, ``{"<field>": ["<reason>"]}``.
"""

from __future__ import annotations

import math

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import status
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from jurisdictions.engine.facts import FactsError

from ..actions import ActionError, AffectedCSVError


def field_error(field: str, message: str) -> ValidationError:
    return ValidationError({field: [message]})


def exception_handler(exc, context):
    if isinstance(exc, AffectedCSVError):
        return Response(
            {"file": [f"line {n}: {m}" if n else m for n, m in exc.errors]},
            status=status.HTTP_400_BAD_REQUEST,
        )
    if isinstance(exc, FactsError):  # every bad path, each with its messages
        return Response(exc.errors, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, ActionError):
        return Response({exc.field: [exc.message]}, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, DjangoValidationError):
        if hasattr(exc, "error_dict"):
            body = {k: [str(m) for e in v for m in e.messages] for k, v in exc.error_dict.items()}
        else:
            body = {"non_field_errors": exc.messages}
        return Response(body, status=status.HTTP_400_BAD_REQUEST)
    if isinstance(exc, Throttled):
        response = drf_exception_handler(exc, context)  # sets Retry-After from exc.wait
        seconds = max(1, math.ceil(exc.wait or 1))
        response["Retry-After"] = str(seconds)
        response.data = {"detail": f"Too many requests: try again in {seconds} seconds."}
        return response
    return drf_exception_handler(exc, context)
