"""Per-state authorities and linked duties through the database: the shipped book as the
migrations load it names the member state's authority, and the console refuses a bad entry."""

from __future__ import annotations

import copy

import pytest
from django.core.exceptions import ValidationError

from jurisdictions.loader import clear_cache
from jurisdictions.models import RuleVersion
from jurisdictions.services import evaluate_facts, validate_version
from tests.factories import facts


def obligations(document_facts):
    return {o["rule"]: o for o in evaluate_facts(document_facts).to_dict()["obligations"]}


def test_shipped_book_names_authorities_from_the_database(db):
    clear_cache()
    bank = facts(
        events={
            "discovered_at": "2026-06-02T08:00:00Z",
            "classified_major_at": "2026-06-02T09:00:00Z",
        },
        organisation={"main_establishment": "DE-BE", "subject_to": ["dora:credit_institution"]},
        data=["name", "contact"],
        affected={"DE": 100},
    )
    owed = obligations(bank)
    nca = owed["EU-DORA-19-NCA"]
    assert (nca["jurisdiction"], nca["authority"]) == (
        "DE",
        "Bundesanstalt für Finanzdienstleistungsaufsicht (BaFin)",
    )
    assert nca["due_at"] == "2026-06-02T13:00:00Z"  # 4 h after classification
    assert "FinmadiG" in nca["transposition"]["citation"]
    assert owed["DE-GDPR-33-SA"]["authority"].startswith("Berliner Beauftragte")
    japan = facts(
        events={"discovered_at": "2026-06-01T08:00:00Z"},
        data=["name", "payment_card"],
        affected={"JP": 3},
    )
    assert {"JP-APPI-IND", "JP-APPI-PPC-PRELIM"} <= set(obligations(japan))


@pytest.mark.parametrize(
    ("authorities", "words"),
    [
        ({"Germany": {"name": "BSI"}}, "authorities.Germany"),
        ({"DE": {"name": "BSI", "portal": "x"}}, "authorities.DE.portal: unknown field"),
        ({"DE": {"name": ""}}, "authorities.DE.name: must not be empty"),
        ({"DE": {"name": "BSI", "status": "maybe"}}, "authorities.DE.status: must be one of"),
    ],
)
def test_console_refuses_a_bad_authorities_entry(db, authorities, words):
    clear_cache()
    published = RuleVersion.objects.filter(rule__code="EU-NIS2-23-EW").order_by("version").last()
    draft = copy.copy(published)
    draft.pk = draft.id = None
    draft.version = published.version + 1
    draft.authorities = authorities
    with pytest.raises(ValidationError) as caught:
        validate_version(draft)
    messages = caught.value.message_dict["authorities"]
    assert any(words in m for m in messages), messages
