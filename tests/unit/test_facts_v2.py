"""Facts format 2: both roles at once, roles per data set, encryption per data category, sector
tokens. Each table row would have failed under format 1 (refused, or one set of duties only)."""

import pytest

from jurisdictions.engine.facts import FactsError, facts_to_dict, parse_facts

V2 = "breachclock.facts/2"
DISCOVERED = "2026-03-02T09:00:00Z"  # 01:00 PST on Monday 2 March 2026 in California


def doc(**extra):
    return {
        "format": V2,
        "events": {"discovered_at": DISCOVERED},
        "risk_of_harm": "high",
        **extra,
    }


# A SaaS company: controller for its customers' admins (US-CA), processor for its customers' end
# users (DE), whose controller is the customer.
SAAS = doc(
    data_sets=[
        {
            "name": "customers' admins",
            "role": "controller",
            "data": ["name", "ssn"],
            "affected": {"US-CA": 600},
        },
        {
            "name": "end users of customers",
            "role": "processor",
            "data": ["name", "contact"],
            "affected": {"DE": 9000},
            "controller": "Acme GmbH",
        },
    ]
)


def test_a_saas_company_owes_controller_and_processor_duties(clocks):
    out = clocks(SAAS)
    ca = out.owed["US-CA-IND"]
    assert 'as controller for data set "customers\' admins"' in ca["why"]
    # 30 days after 2 March (trigger day not counted) is 1 April, 23:59:59 PDT = 06:59:59Z.
    assert ca["due_at"] == "2026-04-02T06:59:59Z"
    proc = out.owed["EU-GDPR-33-2-PROC"]
    assert (
        "as processor for data set 'end users of customers' (controller: Acme GmbH)"
        in (proc["why"])
    )
    # Judged on the processor's own data set: its categories, not the admins' SSNs.
    assert "personal data affected (name, contact details)" in proc["why"]
    # The Germans are the customer's data subjects: the controller's own GDPR duties do not arise.
    assert "DE-GDPR-33-SA" not in out.owed
    assert out.excluded["DE-GDPR-33-SA"]["why"] == "no residents of Germany affected"


def test_a_role_with_no_data_set_owes_nothing_and_says_so(clocks):
    only_processor = doc(
        data_sets=[
            {"name": "end users", "role": "processor", "data": ["name"], "affected": {"DE": 5}}
        ]
    )
    out = clocks(only_processor)
    assert "EU-GDPR-33-2-PROC" in out.owed
    assert out.excluded["DE-GDPR-33-SA"]["why"] == (
        "duty of the controller; the organisation is controller for none of the data sets "
        "('end users')"
    )


def test_both_roles_for_the_whole_breach(clocks):
    out = clocks(
        doc(
            organisation={"roles": ["processor", "controller"], "main_establishment": "DE"},
            data=["name", "contact"],
            affected={"DE": 100},
        )
    )
    assert (
        "as controller (the organisation is controller and processor)"
        in (out.owed["DE-GDPR-33-SA"]["why"])
    )
    assert "EU-GDPR-33-2-PROC" in out.owed


def test_format_1_keeps_its_single_role(clocks):
    v1 = {
        "events": {"discovered_at": DISCOVERED},
        "organisation": {"role": "processor"},
        "data": ["name"],
        "affected": {"DE": 100},
        "risk_of_harm": "high",
    }
    out = clocks(v1)
    assert "EU-GDPR-33-2-PROC" in out.owed
    assert "owes notice to its controller instead" in out.excluded["DE-GDPR-33-SA"]["why"]


@pytest.mark.parametrize(
    ("facts", "field", "words"),
    [
        (
            {"events": {"discovered_at": DISCOVERED}, "organisation": {"roles": ["controller"]}},
            "organisation.roles",
            "breachclock.facts/2",
        ),
        (
            {"events": {"discovered_at": DISCOVERED}, "data_sets": []},
            "data_sets",
            "breachclock.facts/2",
        ),
        (
            {"events": {"discovered_at": DISCOVERED}, "encryption": {"by_category": {}}},
            "encryption.by_category",
            "breachclock.facts/2",
        ),
        (doc(organisation={"roles": []}), "organisation.roles", "at least one role"),
        (doc(organisation={"roles": ["owner"]}), "organisation.roles.0", "must be one of"),
        (
            doc(organisation={"role": "processor", "roles": ["controller"]}),
            "organisation.role",
            "not among organisation.roles",
        ),
        (
            doc(
                organisation={"roles": ["controller"]},
                data_sets=[{"name": "x", "role": "processor"}],
            ),
            "data_sets.0.role",
            "not among the organisation's roles",
        ),
        (doc(data_sets=[{"role": "processor"}]), "data_sets.0.name", "is required"),
        (
            doc(
                data_sets=[{"name": "a", "role": "controller"}, {"name": "a", "role": "processor"}]
            ),
            "data_sets.1.name",
            "names another data set",
        ),
        (doc(data_sets=[{"name": "a", "role": "boss"}]), "data_sets.0.role", "must be one of"),
        (
            doc(data=["name"], data_sets=[{"name": "a", "role": "controller", "data": ["ssn"]}]),
            "data_sets.0.data",
            "'ssn' is not among the breach's data categories",
        ),
        (
            doc(
                affected={"DE": 5},
                data_sets=[{"name": "a", "role": "controller", "affected": {"DE": 6}}],
            ),
            "data_sets.0.affected.DE",
            "more than the breach's 5",
        ),
        (
            doc(data_sets=[{"name": "a", "role": "controller", "affected": {"CA-XX": 6}}]),
            "data_sets.0.affected.CA-XX",
            "not an ISO 3166-2 subdivision of Canada",
        ),
        (
            doc(data_sets=[{"name": "a", "role": "controller", "controller": "Acme"}]),
            "data_sets.0.controller",
            "only a processor's data set",
        ),
        (
            doc(encryption={"by_category": {"ssn": {"encrypted": "yes"}}}),
            "encryption.by_category.ssn.encrypted",
            "true or false",
        ),
        (
            doc(encryption={"by_category": {"shoe_size": {"encrypted": True}}}),
            "encryption.by_category.shoe_size",
            "unknown data category",
        ),
        (
            doc(encryption={"by_category": {"ssn": {"key_compromised": True}}}),
            "encryption.by_category.ssn.key_compromised",
            "only encrypted data",
        ),
        (doc(organisation={"sectors": ["Health"]}), "organisation.sectors.0", "regime key"),
    ],
)
def test_bad_format_2_facts_name_the_field(facts, field, words):
    with pytest.raises(FactsError) as caught:
        parse_facts(facts)
    assert caught.value.field == field
    assert words in caught.value.message


def test_without_top_level_data_and_affected_the_data_sets_make_them_and_are_written_back():
    parsed = parse_facts(SAAS)
    assert parsed.data == frozenset({"name", "ssn", "contact"})
    assert parsed.affected == {"US-CA": 600, "DE": 9000}
    assert parsed.organisation.all_roles == ("controller", "processor")
    written = facts_to_dict(parsed)
    assert "data" not in written and "affected" not in written  # as given: derived
    assert written["data_sets"] == SAAS["data_sets"]
    assert written["format"] == V2
    assert parse_facts(written) == parsed


def test_format_1_is_written_back_as_format_1():
    v1 = {"events": {"discovered_at": DISCOVERED}, "organisation": {"role": "processor"}}
    written = facts_to_dict(parse_facts(v1))
    assert written["format"] == "breachclock.facts/1"
    assert written["organisation"]["role"] == "processor" and "roles" not in written["organisation"]


# --------------------------------------------------------------------------- encryption


CA_DATA = ["name", "ssn", "account_credentials"]


def enc(**by_category):
    return {
        "by_category": {
            cat: {"encrypted": state != "plain", "key_compromised": state == "lost"}
            for cat, state in by_category.items()
        }
    }


@pytest.mark.parametrize(
    ("encryption", "owed", "words"),
    [
        # Plain SSN with the name: the definition is met by unencrypted data.
        (
            enc(name="plain", ssn="plain", account_credentials="safe"),
            True,
            "no encryption safe harbour: name not encrypted; SSN (Social Security number) not "
            "encrypted",
        ),
        # Everything that could make the statute apply is encrypted with a safe key.
        (
            enc(name="safe", ssn="safe", account_credentials="safe"),
            False,
            "safe harbour: every category that makes the rule apply is encrypted with a safe key "
            "(name, SSN (Social Security number), account credentials)",
        ),
        # Name and SSN safe, but the credentials alone meet the definition, in the clear: a
        # first-found witness (name + ssn) would have wrongly granted the harbour.
        (
            enc(name="safe", ssn="safe", account_credentials="plain"),
            True,
            "no encryption safe harbour: account credentials not encrypted",
        ),
        (
            enc(name="safe", ssn="lost", account_credentials="safe"),
            True,
            "SSN (Social Security number) encrypted but the key was compromised (encrypted with a "
            "safe key: name)",
        ),
        # A category not listed takes the top-level flag (here: encrypted, key safe).
        ({"encrypted": True, **enc(account_credentials="safe")}, False, "safe harbour"),
        ({"encrypted": False, **enc(account_credentials="safe")}, True, "name not encrypted"),
    ],
)
def test_encryption_per_category_decides_the_safe_harbour(clocks, encryption, owed, words):
    out = clocks(doc(data=CA_DATA, affected={"US-CA": 600}, encryption=encryption))
    if owed:
        assert any(words in line for line in out.owed["US-CA-IND"]["why"])
    else:
        assert words in out.excluded["US-CA-IND"]["why"]


def test_hashed_passwords_do_not_shelter_plain_card_numbers_under_gdpr(clocks):
    out = clocks(
        doc(
            organisation={"main_establishment": "DE"},
            data=["account_credentials", "payment_card"],
            affected={"DE": 100},
            encryption=enc(account_credentials="safe", payment_card="plain"),
        )
    )
    assert (
        "no encryption safe harbour: payment card numbers not encrypted"
        in (out.owed["EU-GDPR-34-DS"]["why"])
    )


def test_a_processor_data_set_is_judged_on_its_own_categories(clocks):
    # The controller set holds only encrypted credentials; the processor's plain card numbers do
    # not take away the controller's safe harbour.
    out = clocks(
        doc(
            data=["name", "account_credentials", "payment_card"],
            affected={"US-CA": 600},
            data_sets=[
                {"name": "admins", "role": "controller", "data": ["account_credentials"]},
                {"name": "shoppers", "role": "processor", "data": ["name", "payment_card"]},
            ],
            encryption=enc(account_credentials="safe", name="plain", payment_card="plain"),
        )
    )
    assert "safe harbour" in out.excluded["US-CA-IND"]["why"]


def test_a_sector_token_meets_a_rule_that_requires_it(clocks):
    facts = doc(data=["name", "ssn"], affected={"US-CA": 10})
    without = clocks(facts)
    assert "US-GLBA-SAFEGUARDS-FTC" not in without.owed
    with_sector = clocks({**facts, "organisation": {"sectors": ["glba_financial_institution"]}})
    rule = with_sector.owed.get("US-GLBA-SAFEGUARDS-FTC") or with_sector.excluded.get(
        "US-GLBA-SAFEGUARDS-FTC"
    )
    assert "applies only to organisations subject to" not in str(rule["why"])
