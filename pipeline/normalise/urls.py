"""Web addresses. A URL is published with a web scheme (http, https, mailto) or none, as
articles write a bare host name (`www.example.org`, `example.org`). Any other scheme
(`javascript:`, `data:`, `file:`, `vbscript:`) would have a consumer that renders the column
as a link run code or open a local file, so such a value is not read as a URL: it goes to
`skipped` with the reason, like any value its type's normaliser refuses.
"""

import re

WEB_SCHEMES = frozenset({"http", "https", "mailto"})
SCHEME = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*):")
HOST_AND_PORT = re.compile(r"[\w-]+(?:\.[\w-]+)+:\d+(?:[/?#]|$)")  # example.org:8080/x
IGNORED_BY_BROWSERS = re.compile(r"[\x00-\x20]")  # "java\tscript:" is javascript: to them


def web_address(text: str) -> str:
    """The address as written (white space around it removed); ValueError for a scheme that
    is not a web scheme."""
    value = text.strip()
    bare = IGNORED_BY_BROWSERS.sub("", value)
    scheme = SCHEME.match(bare)
    if scheme and not HOST_AND_PORT.match(bare) and \
            scheme["scheme"].lower() not in WEB_SCHEMES:
        raise ValueError(f"the scheme {scheme['scheme'].lower()[:20]}: is not a web address's "
                         f"(only {', '.join(sorted(WEB_SCHEMES))} or none)")
    return value
