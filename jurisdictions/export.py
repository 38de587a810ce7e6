"""The rule book from the database in the shipped file format (``export_rules``, the API)."""

from __future__ import annotations

import re

from django.utils import timezone

from jurisdictions.engine.serialization import (
    RulebookData,
    jurisdiction_to_dict,
    rulebook_to_dict,
)
from jurisdictions.loader import current_rulebook


def rulebook_document() -> dict:
    """Every published version (with effective dates) and every jurisdiction, as a mapping."""
    rulebook = current_rulebook()
    # The file format's version is a date; the console's labels add "-r<revision>".
    match = re.match(r"\d{4}-\d{2}-\d{2}", rulebook.version or "")
    version = match.group(0) if match else timezone.now().date().isoformat()
    rules = sorted(rulebook.rules, key=lambda r: (r.code, r.version))
    data = RulebookData(
        version=version,
        jurisdictions=tuple(rulebook.jurisdictions[c] for c in sorted(rulebook.jurisdictions)),
        rules=tuple(rules),
    )
    document = rulebook_to_dict(data, compact=True)
    # Parents before children keeps the file readable; the importer accepts any order.
    document["jurisdictions"] = [
        jurisdiction_to_dict(j, compact=True)
        for j in sorted(data.jurisdictions, key=lambda j: (j.parent is not None, j.code))
    ]
    return document
