"""Which addresses a hook may call: a table of internal addresses refused, public ones allowed,
and the operator's list (``WEBHOOK_ALLOWED_HOSTS``) as the one way in."""

from __future__ import annotations

import pytest

from webhooks.guard import UnsafeAddress, check_url

REFUSED = [
    ("http://127.0.0.1:9/", "loopback"),
    ("http://localhost/hook", "loopback"),
    ("http://[::1]/hook", "loopback"),
    ("http://[::ffff:127.0.0.1]/hook", "loopback"),
    ("http://10.1.2.3/hook", "private"),
    ("http://192.168.0.10/hook", "private"),
    ("http://172.16.5.4/hook", "private"),
    ("http://[fd00::1]/hook", "private"),
    ("http://169.254.169.254/latest/meta-data/", "link-local (cloud metadata)"),
    ("http://[fe80::1]/hook", "link-local"),
    ("http://100.100.100.200/", "not a public address"),  # carrier-grade NAT (Alibaba metadata)
    ("http://0.0.0.0/hook", "unspecified address (this machine)"),  # noqa: S104 - the address under test
    # IPv6 forms that carry an internal IPv4 address: 6to4, NAT64 and IPv4-compatible.
    ("http://[2002:7f00:1::1]/hook", "loopback"),
    ("http://[2002:a9fe:a9fe::1]/hook", "link-local (cloud metadata)"),
    ("http://[64:ff9b::10.0.0.1]/hook", "private"),
    ("http://[64:ff9b:1::a9fe:a9fe]/hook", "link-local"),
    ("http://[::127.0.0.1]/hook", "loopback"),
    # The local-use NAT64 prefix (RFC 8215) may embed the IPv4 address at any prefix length
    # (RFC 6052): 10.0.0.1 behind a /48, its last 32 bits looking public.
    ("http://[64:ff9b:1:a00:0:100:808:808]/hook", "NAT64 local-use"),
    # Deprecated site-local IPv6 (RFC 3879), still routed inside some networks.
    ("http://[fec0::1]/hook", "site-local"),
]


@pytest.fixture(autouse=True)
def by_default(settings):
    settings.WEBHOOK_ALLOWED_HOSTS = []  # the product's default, not the test suite's


@pytest.mark.parametrize("url, why", REFUSED, ids=[u for u, _ in REFUSED])
def test_internal_addresses_are_refused_with_the_reason(url, why):
    with pytest.raises(UnsafeAddress) as refused:
        check_url(url)
    assert why in str(refused.value)
    assert "WEBHOOK_ALLOWED_HOSTS" in str(refused.value)


@pytest.mark.parametrize(
    "url, message",
    [
        ("ftp://93.184.215.14/x", "http:// or https://"),
        ("https://user:pw@93.184.215.14/x", "no user name or password"),
        ("not a url", "http:// or https://"),
        ("https://no-such-host.invalid/x", "could not be found"),
    ],
)
def test_addresses_that_are_not_usable_say_why(url, message):
    with pytest.raises(UnsafeAddress) as refused:
        check_url(url)
    assert message in str(refused.value)


def test_a_public_address_is_the_one_connected_to():
    target = check_url("https://93.184.215.14:8443/hooks/bc?x=1")
    assert (target.scheme, target.host, target.port, target.path, target.address) == (
        "https",
        "93.184.215.14",
        8443,
        "/hooks/bc?x=1",
        "93.184.215.14",
    )


def test_the_operator_may_allow_an_internal_host(settings):
    settings.WEBHOOK_ALLOWED_HOSTS = ["127.0.0.1"]
    assert check_url("http://127.0.0.1:9/").address == "127.0.0.1"
    with pytest.raises(UnsafeAddress):
        check_url("http://10.0.0.1/")  # only what is listed


def test_an_ipv6_form_of_a_public_ipv4_address_is_allowed():
    # 6to4 of 93.184.215.14: the embedded address is public, so the hook may call it.
    assert check_url("https://[2002:5db8:d70e::1]/hook").address == "2002:5db8:d70e::1"
