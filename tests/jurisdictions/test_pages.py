"""The read-only rule book pages: every signed-in user reads, nobody anonymous does."""

from __future__ import annotations

from django.urls import reverse


def test_anonymous_is_sent_to_login(client, rulebook, settings):
    settings.LOGIN_URL = "/admin/login/"
    for url in (reverse("rules:rule_list"), reverse("rules:rule_detail", args=["US-CA-AG"])):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


def test_responder_reads_list_with_search_and_filters(client, responder, rulebook):
    client.force_login(responder)
    page = client.get(reverse("rules:rule_list")).content.decode()
    assert "US-TX-AG" in page and "Tex. Bus. &amp; Com. Code 521.053(i)" in page
    assert "rule console" not in page  # no editing link for a reader

    def codes(**params):
        response = client.get(reverse("rules:rule_list"), params)
        return sorted(rule.code for rule, _v, _d in response.context["rows"])

    assert codes(q="1798.82") == ["US-CA-AG", "US-CA-IND"]
    assert codes(jurisdiction="US") == ["ACME-DPA", "US-CA-AG", "US-CA-IND", "US-TX-AG", "US-VT-AG"]
    assert codes(kind="contract") == ["ACME-DPA"]
    assert codes(recipient="supervisory_authority") == ["DE-SA"]
    assert "US-CA-AG" in codes(review="stale")


def test_rule_page_shows_citation_sources_versions_and_history(
    client, responder, rulebook, django_assert_max_num_queries
):
    client.force_login(responder)
    with django_assert_max_num_queries(12):
        response = client.get(reverse("rules:rule_detail", args=["US-CA-IND"]))
    page = response.content.decode()
    assert "Cal. Civ. Code 1798.82(a)" in page
    assert 'href="https://leginfo.legislature.ca.gov/"' in page
    assert "most expedient time possible" in page
    assert "Rule US-CA-IND created" in page or "new rule US-CA-IND" in page
    # No inline script or style: a strict Content-Security-Policy applies.
    assert "<script>" not in page and "style=" not in page


def test_contract_clause_page(client, responder, rulebook):
    client.force_login(responder)
    page = client.get(reverse("rules:rule_detail", args=["ACME-DPA"])).content.decode()
    assert "Acme Bank plc (DPA s.9.2)" in page and "security@acme.example" in page
    assert "acme-bank" in page
