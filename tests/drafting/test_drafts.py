"""Drafting a notice from a case: prefilled text, versions with diffs, approval, recording it as
sent with the approved text and PDF as evidence, phases, and privilege."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from django.utils import timezone
from pypdf import PdfReader

from incidents.actions import ActionError
from incidents.choices import ActivityKind, AttachmentKind, ObligationStatus
from incidents.drafting import actions
from incidents.drafting.choices import DraftStatus, Phase
from incidents.drafting.models import DraftVersion, NoticeDraft
from incidents.pdf import PRIVILEGE_BANNER

from .conftest import SUMMARY, obligation

pytestmark = pytest.mark.django_db


def _fill_gaps(text: str, filler: str = "Filled in by counsel.") -> str:
    from incidents.drafting.checklist import GAP_RE

    return GAP_RE.sub(filler, text)


def test_a_draft_is_prefilled_from_the_case(three_places, counsel):
    draft = actions.start_draft(obligation(three_places, "US-CA-IND"), acting_user=counsel)
    text = draft.latest().text
    assert SUMMARY in text  # what happened, from the summary
    assert "Acme Retail GmbH" in text  # the organisation profile
    assert "privacy@acme.example" in text  # its contact point
    assert "Social Security number" in text and "ssn" not in text  # data in plain words
    assert "March 20, 2026" in text  # a US date, in the reader's zone
    assert "[[" in text  # gaps for what the facts do not say (what we are doing)
    assert draft.status == DraftStatus.DRAFT and draft.latest().number == 1
    assert three_places.activity.filter(kind=ActivityKind.DRAFT_CREATED).exists()


def test_the_german_authority_letter_gives_times_in_its_zone(three_places, counsel):
    draft = actions.start_draft(obligation(three_places, "DE-GDPR-33-SA"), acting_user=counsel)
    text = draft.latest().text
    assert "20 March 2026 at 10:00 CET (09:00 UTC)" in text
    assert "approximately 1,000 people residing in Germany (1,660 in all jurisdictions)" in text


def test_every_edit_is_a_version_with_who_when_and_a_diff(three_places, counsel, responder):
    draft = actions.start_draft(obligation(three_places, "US-CA-IND"), acting_user=counsel)
    first = draft.latest().text
    second = actions.save_version(draft, first + "\nAn extra line.\n", acting_user=responder)
    assert second.number == 2 and second.created_by == responder
    assert "+An extra line." in second.diff
    # Saving the same text again makes no empty version.
    assert actions.save_version(draft, second.text, acting_user=responder).number == 2
    with pytest.raises(ValueError):
        second.delete()
    with pytest.raises(ValueError):
        second.text = "rewritten"
        second.save()
    assert list(draft.versions.values_list("number", flat=True)) == [1, 2]


def test_bad_text_is_refused_and_changes_nothing(three_places, counsel):
    draft = actions.start_draft(obligation(three_places, "US-CA-IND"), acting_user=counsel)
    for bad, words in (("   ", "empty"), ("a\x00b", "NUL"), (42, "text")):
        with pytest.raises(ActionError, match=words):
            actions.save_version(draft, bad, acting_user=counsel)
    assert draft.versions.count() == 1


def test_viewer_may_neither_edit_nor_approve(three_places, counsel, viewer):
    draft = actions.start_draft(obligation(three_places, "US-CA-IND"), acting_user=counsel)
    with pytest.raises(ActionError, match="may not edit"):
        actions.save_version(draft, "# x\n", acting_user=viewer)
    with pytest.raises(ActionError, match="only counsel"):
        actions.approve(draft, acting_user=viewer)
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT


def test_a_responder_drafts_but_does_not_approve(three_places, counsel, responder):
    draft = actions.start_draft(obligation(three_places, "US-CA-IND"), acting_user=responder)
    with pytest.raises(ActionError, match="only counsel"):
        actions.approve(draft, acting_user=responder)
    actions.approve(draft, acting_user=counsel)


def _sent(draft, user, **kw):
    return actions.record_sent(
        draft,
        sent_at=timezone.now() - timedelta(minutes=5),
        method="letter",
        sent_to="Residents by post",
        acting_user=user,
        **kw,
    )


def test_only_an_approved_version_is_recorded_as_sent(three_places, counsel):
    draft = actions.start_draft(obligation(three_places, "US-CA-IND"), acting_user=counsel)
    with pytest.raises(ActionError, match="only an approved version"):
        _sent(draft, counsel)
    actions.approve(draft, acting_user=counsel)
    # Editing after approval needs a new approval.
    actions.save_version(draft, draft.latest().text + "\nP.S.\n", acting_user=counsel)
    draft.refresh_from_db()
    assert draft.status == DraftStatus.DRAFT
    with pytest.raises(ActionError, match="only an approved version"):
        _sent(draft, counsel)
    with pytest.raises(ActionError, match="not the latest"):
        actions.approve(draft, acting_user=counsel, version_number=1)
    actions.approve(draft, acting_user=counsel, version_number=2)


def test_recording_attaches_the_exact_approved_text_and_its_pdf(three_places, counsel):
    ob = obligation(three_places, "US-CA-IND")
    draft = actions.start_draft(ob, acting_user=counsel)
    text = _fill_gaps(draft.latest().text)
    actions.save_version(draft, text, acting_user=counsel)
    actions.approve(draft, acting_user=counsel)
    phase = _sent(draft, counsel)
    ob.refresh_from_db()
    draft.refresh_from_db()
    assert ob.status == ObligationStatus.NOTIFIED and ob.evidence == phase.pdf_attachment
    assert draft.status == DraftStatus.SENT
    assert phase.text_attachment.file.read().decode() == text
    assert phase.text_attachment.kind == AttachmentKind.NOTIFICATION
    pdf = PdfReader(io.BytesIO(phase.pdf_attachment.file.read()))
    pdf_text = " ".join(" ".join(p.extract_text().split()) for p in pdf.pages)
    assert "Notice of Data Breach" in pdf_text and "Filled in by counsel." in pdf_text
    assert three_places.reference in pdf_text
    kinds = set(three_places.activity.values_list("kind", flat=True))
    assert {
        ActivityKind.NOTICE_PHASE,
        ActivityKind.ATTACHMENT_ADDED,
        ActivityKind.NOTIFICATION_RECORDED,
    } <= kinds
    # The record is kept: a sent draft takes no new text.
    with pytest.raises(ActionError, match="was sent"):
        actions.save_version(draft, "changed", acting_user=counsel)


def test_privileged_case_drafts_are_privileged_until_sent(three_places, counsel):
    three_places.privileged = True
    three_places.save()
    draft = actions.start_draft(obligation(three_places, "US-CA-IND"), acting_user=counsel)
    assert draft.is_privileged
    from incidents.drafting.outputs import draft_pdf

    pages = PdfReader(io.BytesIO(draft_pdf(draft, draft.latest()))).pages
    assert all(PRIVILEGE_BANNER in " ".join(p.extract_text().split()) for p in pages)
    actions.approve(draft, acting_user=counsel)
    phase = _sent(draft, counsel)
    draft.refresh_from_db()
    assert not draft.is_privileged
    assert not phase.pdf_attachment.privileged
    sent_pdf = PdfReader(io.BytesIO(phase.pdf_attachment.file.read()))
    assert PRIVILEGE_BANNER not in sent_pdf.pages[0].extract_text()


def test_phased_notice_tracks_the_follow_up_until_the_final_phase(client, three_places, counsel):
    ob = obligation(three_places, "DE-GDPR-33-SA")
    first = actions.start_draft(ob, acting_user=counsel)
    actions.approve(first, acting_user=counsel)
    with pytest.raises(ActionError, match="initial notice first"):
        _sent(first, counsel, phase=Phase.FINAL)
    initial = _sent(first, counsel, phase=Phase.INITIAL)
    ob.refresh_from_db()
    assert ob.status == ObligationStatus.NOTIFIED
    assert actions.follow_up_owed(ob) == initial
    assert initial.follow_up_target_at > initial.sent_at
    # The case page shows the further information owed and offers to draft it.
    client.force_login(counsel)
    page = client.get(f"/incidents/{three_places.pk}/").content.decode()
    assert "further information owed" in page and "Draft further information" in page
    # Further information: a new draft on the same obligation, recorded as the final phase.
    second = actions.start_draft(ob, acting_user=counsel)
    actions.approve(second, acting_user=counsel)
    final = _sent(second, counsel, phase=Phase.FINAL)
    assert actions.follow_up_owed(ob) is None
    assert final.pdf_attachment != initial.pdf_attachment
    assert [p.phase for p in ob.notice_phases.all()] == ["initial", "final"]
    # Nothing more is owed now.
    third = actions.start_draft(ob, acting_user=counsel)
    actions.approve(third, acting_user=counsel)
    with pytest.raises(ActionError, match="owes no further information"):
        _sent(third, counsel, phase=Phase.FOLLOW_UP)


def test_one_letter_has_a_variant_per_jurisdiction(three_places, counsel):
    letter = actions.start_letter(three_places, acting_user=counsel)
    variants = {d.obligation.jurisdiction: d for d in letter.variants.all()}
    assert {"US-CA", "US-MA"} <= set(variants)
    for place, draft in variants.items():
        assert draft.rule_code == draft.obligation.rule_code
        assert draft.context["jurisdiction"] == place
    assert "## What Happened" in variants["US-CA"].latest().text
    assert "## What Happened" not in variants["US-MA"].latest().text


def test_drafts_keep_every_version_forever(three_places, counsel):
    draft = actions.start_draft(obligation(three_places, "US-CA-IND"), acting_user=counsel)
    assert DraftVersion.objects.filter(draft=draft).count() == 1
    with pytest.raises(Exception):  # noqa: B017 - PROTECT: an obligation with drafts stays
        draft.obligation.delete()
    assert NoticeDraft.objects.filter(pk=draft.pk).exists()
