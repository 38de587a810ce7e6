"""Which addresses a hook may call: public ones only, unless the operator allows a host.

A hook makes our server send a request wherever its creator says; pointed at loopback, a private
network or a cloud metadata service it would reach what the internet cannot (SSRF). Every
address the name resolves to must be global, checked when the hook is created and again before
each delivery (DNS can change in between), and the request then goes to the address that was
checked, not to a second lookup. ``WEBHOOK_ALLOWED_HOSTS`` lists hosts (names or addresses) the
operator trusts anyway, e.g. a receiver on the same machine.
"""

from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings


class UnsafeAddress(ValueError):
    """The URL may not be called; the message says why, in the creator's words."""


@dataclass(frozen=True)
class Target:
    """A URL that passed the checks, with the address to connect to."""

    scheme: str
    host: str
    port: int
    path: str
    address: str


# IPv6 ranges that carry an IPv4 address a router or the host may forward to: NAT64 (RFC 6052
# well-known and local-use prefixes) and the deprecated IPv4-compatible form (::a.b.c.d).
_NAT64 = (ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48"))
_V4_COMPATIBLE = ipaddress.ip_network("::/96")


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> ipaddress.IPv4Address | None:
    """The IPv4 address inside an IPv6 one that reaches it (mapped, 6to4, NAT64, compatible)."""
    if ip.ipv4_mapped:
        return ip.ipv4_mapped
    if ip.sixtofour:  # 2002::/16: the relay delivers to the IPv4 address in bits 16-48
        return ip.sixtofour
    if any(ip in net for net in _NAT64) or (ip in _V4_COMPATIBLE and int(ip) > 1):
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def _kind(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> str | None:
    """What makes this address internal, or None for a public one."""
    if isinstance(ip, ipaddress.IPv6Address) and (inner := _embedded_ipv4(ip)) is not None:
        why = _kind(inner)
        if why is None and ip in _NAT64[1]:
            # Behind a shorter prefix the IPv4 address sits elsewhere (RFC 6052 2.2), and this
            # prefix is the operator's own (RFC 8215): no public address is reached through it.
            return "a NAT64 local-use address (an internal IPv4 address may be inside it)"
        return why
    if ip.is_unspecified:
        return "an unspecified address (this machine)"
    if ip.is_loopback:
        return "a loopback address"
    if ip.is_link_local:
        # 169.254.169.254 and fe80::/10: where cloud metadata services answer.
        return "a link-local (cloud metadata) address"
    if ip.is_private:
        return "a private network address"
    if isinstance(ip, ipaddress.IPv6Address) and ip.is_site_local:
        return "a site-local address (fec0::/10, a private network)"
    if ip.is_multicast or ip.is_reserved or not ip.is_global:
        return "not a public address"
    return None


def allowed_hosts() -> set[str]:
    return {h.strip().lower().strip("[]") for h in settings.WEBHOOK_ALLOWED_HOSTS if h.strip()}


def check_url(url: str) -> Target:
    """The checked target of ``url``, or ``UnsafeAddress`` saying what is wrong with it."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        raise UnsafeAddress(
            "Enter a full address such as https://hooks.example.com/breachclock."
        ) from None
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.hostname:
        raise UnsafeAddress("Enter a full http:// or https:// address.")
    if parts.username or parts.password:
        raise UnsafeAddress("Put no user name or password in the address; the signature is enough.")
    host = parts.hostname.lower()
    port = port or (443 if scheme == "https" else 80)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError):
        raise UnsafeAddress(f"The host {host} could not be found (DNS).") from None
    addresses = sorted({info[4][0] for info in infos})
    allowed = allowed_hosts()
    if host in allowed:
        return Target(scheme, host, port, path, addresses[0])
    for address in addresses:
        if address in allowed:
            continue
        # An allowed address does not vouch for the name's other answers (any name may also
        # resolve to 127.0.0.1), so each of those is checked as usual.
        why = _kind(ipaddress.ip_address(address.split("%", 1)[0]))
        if why:
            raise UnsafeAddress(
                f"{host} resolves to {address}, {why}: a hook may only call public addresses "
                "(the operator can allow a host in WEBHOOK_ALLOWED_HOSTS)."
            )
    return Target(scheme, host, port, path, addresses[0])
