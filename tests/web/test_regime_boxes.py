"""Every regime key of the facts vocabulary has a labelled tick-box in its group on the facts
form (and the organisation profile form): a key a person can only type under "Other regimes" is
one they may never know to type. The lists are read, not copied, so a key added later to the
vocabulary (``REGIME_LABELS``), to the rule book or to ``SUBJECT_TO`` without a box fails here."""

from __future__ import annotations

from html.parser import HTMLParser

import pytest
from django.urls import reverse

from incidents.fact_choices import SECTOR_TOKEN_BOXES, SUBJECT_TO, SUBJECT_TO_GROUPS
from incidents.forms import FactsForm
from jurisdictions.engine.conditions import subject_to_matches
from jurisdictions.engine.serialization import default_rulebook_path, read_rulebook_file
from jurisdictions.engine.vocabulary import REGIME_LABELS, known_regimes


class _Boxes(HTMLParser):
    """The ``subject_to`` tick-boxes of a page: {key: (group, label text)}, the group being the
    legend of the fieldset the box is in."""

    def __init__(self):
        super().__init__()
        self.boxes: dict[str, tuple[str, str]] = {}
        self._depth = 0  # inside div#id_subject_to
        self._group_label = False
        self._group = ""
        self._key = None
        self._text = ""

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "div" and (self._depth or attrs.get("id") == "id_subject_to"):
            self._depth += 1
        if not self._depth:
            return
        if tag == "legend":  # each group is a fieldset named by its legend
            self._group_label, self._group = True, ""
        if tag == "input" and attrs.get("name") == "subject_to":
            assert attrs.get("type") == "checkbox"
            self._key, self._text = attrs["value"], ""

    def handle_endtag(self, tag):
        if not self._depth:
            return
        if tag == "legend":
            self._group_label = False
        elif tag == "label" and self._key is not None:
            self.boxes[self._key] = (self._group.strip(), " ".join(self._text.split()))
            self._key = None
        if tag == "div":
            self._depth -= 1

    def handle_data(self, data):
        if self._group_label:
            self._group += data
        elif self._key is not None:
            self._text += data


def _boxes(html: str) -> dict[str, tuple[str, str]]:
    parser = _Boxes()
    parser.feed(html)
    return parser.boxes


def _rules():
    return read_rulebook_file(default_rulebook_path()).rules


def _vocabulary() -> set[str]:
    """The regime keys the product knows: labelled, and stated by the shipped rule book (less
    the sector tokens a regime key's box states)."""
    return (set(REGIME_LABELS) | set(known_regimes(_rules()))) - set(SECTOR_TOKEN_BOXES)


def test_every_vocabulary_key_is_a_form_choice():
    keys = [key for key, _ in SUBJECT_TO]
    assert len(keys) == len(set(keys)), "a key in two groups"
    missing = sorted(_vocabulary() - set(keys))
    assert not missing, f"regime keys without a tick-box (add them to SUBJECT_TO_GROUPS): {missing}"


def test_a_sector_token_without_a_box_is_stated_by_the_box_of_its_key():
    """``health`` is typed as a sector; ticking "Health information custodian" states the same
    to every rule: each list of the rule book naming the token is met by the key too."""
    lists = []
    for rule in _rules():
        lists += [getattr(rule, n, ()) or () for n in ("requires_subject_to", "relief_not_for")]
        lists += [getattr(e, "when_subject_to", ()) or () for e in rule.displaces or ()]
        lists += [getattr(a, "subject_to", ()) or () for a in (rule.authorities or {}).values()]
    keys = {key for key, _ in SUBJECT_TO}
    for token, key in SECTOR_TOKEN_BOXES.items():
        assert key in keys and token in REGIME_LABELS
        naming = [tokens for tokens in lists if token in tokens]
        assert naming, f"{token}: no rule takes it any more"
        # ``health`` takes ``health_information_custodian`` as it takes any ``health_...``.
        assert all(any(subject_to_matches(t, key) for t in tokens) for tokens in naming), token


def test_every_group_is_named_and_every_box_labelled_in_words():
    for group, choices in SUBJECT_TO_GROUPS:
        assert group.strip() and choices
        for key, label in choices:
            assert label.strip() and label != key and "_" not in label, (key, label)


@pytest.mark.django_db
@pytest.mark.parametrize("url", ["incidents:create", "organisations:create"])
def test_the_pages_show_a_labelled_box_in_its_group_for_every_key(
    login, counsel, privacy_officer, url
):
    user = privacy_officer if url.startswith("organisations") else counsel
    response = login(user).get(reverse(url))
    assert response.status_code == 200
    boxes = _boxes(response.content.decode())
    expected = {key for key, _ in SUBJECT_TO} | _vocabulary()
    assert set(boxes) == expected, sorted(expected ^ set(boxes))
    groups = {key: group for group, choices in SUBJECT_TO_GROUPS for key, _ in choices}
    for key, (group, label) in boxes.items():
        assert group == groups[key], key
        assert label == dict(SUBJECT_TO)[key], key
    assert boxes["cn_ciio"][0] == "Asia-Pacific"
    assert boxes["ut_governmental_entity"][0] == "United States: state"
    assert boxes["sec_reg_sp_service_provider"][0] == "United States: federal and sector"


def test_a_ticked_box_goes_into_the_facts_and_comes_back_ticked():
    """The newly boxed keys (a type after a colon too) are stated by a tick, not typed."""
    keys = ["cn_ciio", "phr_vendor", "intra_provincial:qc", "dora:credit_institution"]
    initial = FactsForm.initial_from_facts({"organisation": {"subject_to": keys}})
    assert initial["subject_to"] == keys and initial["subject_to_other"] == ""
    form = FactsForm()
    field = form.fields["subject_to"]
    for key in keys:
        assert field.valid_value(key)
