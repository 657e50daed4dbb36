"""A plan's `%uri`, as sqitch 1.3.1 writes it into ids and the registry.

sqitch stores the URI as parsed (surrounding `<...>`, quotes and blanks removed, a server's
non-ASCII host in IDNA form, other characters outside RFC 2396's set percent-encoded) in
`projects.uri`, and hashes its canonical form into every change and tag id: scheme and (for
server schemes) host lower-cased, a default or empty port dropped, `%xx` of unreserved
characters decoded and the others upper-cased, an empty http(s) path written `/`, a URN's
namespace lower-cased. Checked against `sqitch plan` ids in tests/test_plan_grammar.py.
"""

from __future__ import annotations

import re
from urllib.parse import quote

_RESERVED = ";/?:@&=+$,"
_UNRESERVED = "A-Za-z0-9\\-_.!~*'()"
_SCHEME = re.compile(r"([a-zA-Z][a-zA-Z0-9.+\-]*):")
_NOT_URIC = re.compile(rf"[^{re.escape(_RESERVED)}{_UNRESERVED}%#]")
_ESCAPE = re.compile(r"%([0-9a-fA-F]{2})")
_UNRESERVED_CHAR = re.compile(rf"[{_UNRESERVED}]")
_AUTHORITY = re.compile(r"^(?P<scheme>[^:]+:)//(?P<authority>[^/?#]*)(?P<rest>.*)$", re.DOTALL)
# Schemes with a server part, and their default ports (Perl's URI classes).
DEFAULT_PORTS = {
    "http": 80, "https": 443, "ftp": 21, "gopher": 70, "news": 119, "nntp": 119,
    "nntps": 563, "snews": 563, "pop": 110, "rsync": 873, "rtsp": 554, "rtspu": 554,
    "mms": 1755, "ssh": 22, "sftp": 22, "telnet": 23, "tn3270": 23, "rlogin": 513,
    "sip": 5060, "sips": 5061, "ldap": 389, "ldaps": 636,
}
_HTTP_LIKE = {"http", "https", "mms", "rtsp", "rtspu"}


def parse(text: str) -> str:
    """The URI as sqitch keeps it (what `projects.uri` holds)."""
    uri = re.sub(r"^<(?:URL:)?(.*)>$", r"\1", text, flags=re.DOTALL)
    uri = re.sub(r'^"(.*)"$', r"\1", uri, flags=re.DOTALL)
    uri = uri.strip()
    uri = _idna_host(uri)
    uri = _NOT_URIC.sub(lambda m: quote(m[0], safe=""), uri)
    return _unescape_host_brackets(uri)


def _idna_host(uri: str) -> str:
    """A server URI's non-ASCII host in its IDNA (punycode) form, as Perl's URI writes it."""
    scheme = _SCHEME.match(uri)
    m = _AUTHORITY.match(uri)
    if not scheme or scheme[1].lower() not in DEFAULT_PORTS or not m:
        return uri
    user, at, hostport = m["authority"].rpartition("@")
    port = re.search(r":\d*$", hostport)
    host = hostport[: port.start()] if port else hostport
    if not _NOT_URIC.search(host):
        return uri
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        return uri
    tail = port[0] if port else ""
    return f"{m['scheme']}//{user}{at}{host}{tail}{m['rest']}"


def _unescape_host_brackets(uri: str) -> str:
    m = _AUTHORITY.match(uri)
    if "%" not in uri or m is None:
        return uri
    user, _, host = m["authority"].rpartition("@")
    host = re.sub("%5[Bb]", "[", re.sub("%5[Dd]", "]", host))
    return f"{m['scheme']}//{user + '@' if user else ''}{host}{m['rest']}"


def canonical(uri: str) -> str:
    """The canonical form sqitch hashes into change and tag ids."""
    m = _SCHEME.match(uri)
    scheme = m[1].lower() if m else ""
    if m:
        uri = scheme + uri[len(m[1]) :]
    uri = _ESCAPE.sub(_normal_escape, uri)
    if scheme in DEFAULT_PORTS:
        uri = _canonical_server(uri, scheme)
    elif scheme == "urn":
        nid, colon, rest = uri[4:].partition(":")
        if "%" not in nid:
            uri = f"urn:{nid.lower()}{colon}{rest}"
    return uri


def _normal_escape(m: re.Match[str]) -> str:
    char = chr(int(m[1], 16))
    return char if _UNRESERVED_CHAR.fullmatch(char) else f"%{m[1].upper()}"


def _canonical_server(uri: str, scheme: str) -> str:
    m = _AUTHORITY.match(uri)
    if m is None:
        return uri
    userinfo, at, hostport = m["authority"].rpartition("@")
    host, port = hostport, None
    port_match = re.search(r":(\d*)$", hostport)
    if port_match:
        host, port = hostport[: port_match.start()], port_match[1]
    if port is not None and (port == "" or int(port) == DEFAULT_PORTS[scheme]):
        port = None
    rest = m["rest"]
    if scheme in _HTTP_LIKE and (rest == "" or rest.startswith("#")):
        rest = "/" + rest
    authority = f"{userinfo}{at}{host.lower()}" + (f":{port}" if port is not None else "")
    return f"{m['scheme']}//{authority}{rest}"
