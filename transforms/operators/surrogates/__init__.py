"""Realistic surrogates: a fake value of the same kind and shape, drawn from a keyed hash of the original.

``surrogate(entity_type, value, key)`` is pure and deterministic: the same key, type and value give the
same surrogate in every record, run and worker; another key gives other surrogates. Every draw comes
from HMAC-SHA256 under the pseudonymization key over a domain-separated label, never from ``random``.

Guarantees:

* The surrogate never equals the original, compared case-insensitively (each pick that would reproduce
  its original part takes the next candidate; a value that cannot be changed becomes the ``<TYPE>`` tag).
* Structured surrogates are recognisably fictional: e-mail and URL hosts are ``example.com``,
  ``example.org`` or ``example.net`` (RFC 2606); IPs are in the documentation ranges 192.0.2.0/24,
  198.51.100.0/24, 203.0.113.0/24 (RFC 5737) and 2001:db8::/32 (RFC 3849); North American phones are
  555-01XX and UK phones are in Ofcom's drama ranges (07700 900XXX, 020 7946 0XXX, ...); US SSNs have
  area 9XX with group 01-49 (never issued as an SSN or ITIN); UK NINOs start with QQ; IBANs fail
  their mod-97 check.
* Shape is kept: names keep their token count, order and letter case (for example "ada" -> "nora",
  "LOVELACE, Ada" -> "OKAFOR, Nora") and a census first name keeps its usual gender; e-mails keep
  their local-part style (first.last, digits); phones keep every separator, their digit grouping,
  country prefix and extension; cards keep their grouping and first digit and pass the Luhn check;
  anything else keeps its character classes (digits to digits, letters to letters of the same case,
  punctuation kept).
* The same name part maps to the same surrogate wherever it appears: "Dana Kowalski", "dana" and
  "dana.kowalski@acme.com" become, say, "Maria Tanaka", "maria" and "maria.tanaka@example.com".

Where each part lives (in data-flow order): ``dispatch`` picks the generator for an entity type and
redraws until the surrogate differs from the original; the generators are in ``people`` (names,
usernames, e-mail local parts), ``network`` (e-mail, IP, URL, host), ``phones``, ``identifiers``
(cards, IBANs, SSNs, NINOs), ``dates`` and ``places`` (addresses, organisations), with ``shape`` for
everything else; they draw from ``draws`` (the keyed stream) and the name pools in ``pools``.
``operator`` is the ``Surrogate`` Presidio operator over ``surrogate()``.
"""

from __future__ import annotations

from transforms.operators.surrogates.dispatch import in_reserved_range, surrogate
from transforms.operators.surrogates.network import RESERVED_EMAIL_DOMAINS
from transforms.operators.surrogates.operator import Surrogate, bind_surrogate

__all__ = ["RESERVED_EMAIL_DOMAINS", "Surrogate", "bind_surrogate", "in_reserved_range", "surrogate"]
