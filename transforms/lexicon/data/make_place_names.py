"""Regenerate ``place_names.tsv``: the English names of towns, cities and regions that the ``phonenumbers``
package's geocoding data knows (the areas its numbering plans cover, from libphonenumber), one a line,
casefolded.

Run by a developer after upgrading ``phonenumbers``:
    python transforms/lexicon/data/make_place_names.py

The context detector uses it so that a cue for an organisation does not take a town ("Anna Berg of Uppsala",
"the Tartu office") and so that a town written after a street without a comma ends the address.
"""

from __future__ import annotations

from pathlib import Path


def main() -> None:
    """Write the list next to this script (see the module docstring for its sources)."""
    from phonenumbers.geocoder import GEOCODE_DATA  # type: ignore[attr-defined]  # not in phonenumbers' stubs

    names: set[str] = set()
    for by_language in GEOCODE_DATA.values():
        for part in by_language.get("en", "").split(","):
            part = part.strip().casefold()
            if len(part) >= 3 and not any(c.isdigit() for c in part):
                names.add(part)
    out = Path(__file__).with_name("place_names.tsv")
    out.write_text("".join(f"{n}\n" for n in sorted(names)), encoding="utf-8")
    print(f"{len(names)} place names -> {out}")


if __name__ == "__main__":
    main()
