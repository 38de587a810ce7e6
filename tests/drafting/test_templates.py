"""Notice templates are data: rules administrators change them in the admin, every save is a
version (who, when, before, after), drafts pick the most specific template and language."""

from __future__ import annotations

import pytest

from incidents.drafting import actions
from incidents.drafting.models import NoticeTemplate, NoticeTemplateChange
from incidents.drafting.prefill import choose_template
from tests.jurisdictions.conftest import rules_admin  # noqa: F401, F811 - Rita, rules admin

from .conftest import obligation

pytestmark = pytest.mark.django_db


def _form(template, **changes):
    data = {
        "name": template.name,
        "kind": template.kind,
        "recipient": template.recipient,
        "key": template.key,
        "jurisdiction": template.jurisdiction,
        "language": template.language,
        "body": template.body,
        "active": "on",
        "changes-TOTAL_FORMS": "0",
        "changes-INITIAL_FORMS": "0",
        "changes-MIN_NUM_FORMS": "0",
        "changes-MAX_NUM_FORMS": "1000",
    }
    data.update(changes)
    return data


def test_rules_administrator_edits_a_template_and_the_change_is_versioned(
    client,
    rules_admin,  # noqa: F811 - the fixture imported above
):
    template = NoticeTemplate.objects.get(kind="letter", recipient="media", jurisdiction="")
    client.force_login(rules_admin)
    url = f"/admin/drafting/noticetemplate/{template.pk}/change/"
    assert client.get(url).status_code == 200
    before = template.body
    response = client.post(url, _form(template, body=before + "\nIssued by the press office.\n"))
    assert response.status_code == 302, response.content[:2000]
    template.refresh_from_db()
    assert template.version == 2 and template.updated_by == rules_admin
    change = NoticeTemplateChange.objects.get(template=template, version=2)
    assert change.changed_by == rules_admin
    assert change.before["body"] == before and change.after["body"].endswith("press office.")
    # Saving without a change makes no version.
    client.post(url, _form(template))
    template.refresh_from_db()
    assert template.version == 2
    # Templates are never deleted (drafts name them); they are retired with "active".
    assert client.get(f"/admin/drafting/noticetemplate/{template.pk}/delete/").status_code == 403


def test_counsel_cannot_change_templates(client, counsel):
    counsel.is_staff = True
    counsel.save()
    client.force_login(counsel)
    template = NoticeTemplate.objects.first()
    url = f"/admin/drafting/noticetemplate/{template.pk}/change/"
    assert client.post(url, _form(template, body="x")).status_code == 403


def test_the_most_specific_template_and_language_win():
    assert choose_template("individuals", "US-MA").jurisdiction == "US-MA"
    assert choose_template("individuals", "US-CA").jurisdiction == ""
    german = NoticeTemplate.objects.create(
        kind="letter",
        recipient="supervisory_authority",
        language="de",
        jurisdiction="DE",
        name="Meldung einer Datenpanne (Art. 33 DSGVO)",
        body="# Meldung einer Verletzung des Schutzes personenbezogener Daten\n\n"
        "{{ what_happened }}\n",
    )
    assert choose_template("supervisory_authority", "DE", "de") == german
    assert choose_template("supervisory_authority", "FR", "de").language == "en"  # fallback
    assert choose_template("supervisory_authority", "DE", "en").language == "en"


def test_a_draft_in_another_language_uses_its_template(three_places, counsel):
    NoticeTemplate.objects.create(
        kind="letter",
        recipient="supervisory_authority",
        language="de",
        jurisdiction="DE",
        name="Meldung",
        body="# Meldung einer Datenpanne\n\n{{ what_happened }}\n",
    )
    draft = actions.start_draft(
        obligation(three_places, "DE-GDPR-33-SA"), acting_user=counsel, language="de"
    )
    assert draft.language == "de"
    assert draft.latest().text.startswith("# Meldung einer Datenpanne")
