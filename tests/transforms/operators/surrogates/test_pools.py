"""The name pools: every name from the US Census 1990 lists, split by the gender it is more common for."""

from __future__ import annotations

from pathlib import Path

from transforms.operators.surrogates.pools import (
    FEMALE_FIRST_NAMES,
    FIRST_NAMES,
    LAST_NAMES,
    MALE_FIRST_NAMES,
    PLACE_WORDS,
)


def test_name_pools_come_from_the_us_census_lists() -> None:
    import names

    base = Path(names.__file__).parent

    def census(name: str) -> dict[str, float]:
        rows = (line.split() for line in (base / name).read_text().splitlines() if line.strip())
        return {row[0].title(): float(row[1]) for row in rows}

    female, male, last = census("dist.female.first"), census("dist.male.first"), census("dist.all.last")
    assert all(female.get(n, 0) > male.get(n, 0) for n in FEMALE_FIRST_NAMES)
    assert all(male.get(n, 0) > female.get(n, 0) for n in MALE_FIRST_NAMES)
    assert set(LAST_NAMES) <= set(last)
    for pool in (FIRST_NAMES, LAST_NAMES, PLACE_WORDS):
        assert len(set(pool)) == len(pool) >= 70 and all(n.isalpha() and n.istitle() for n in pool)
    assert len(FIRST_NAMES) >= 200 and len(LAST_NAMES) >= 200
