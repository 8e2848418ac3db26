"""Keys at any depth: JSON, Python and PHP dictionaries, YAML, INI and env lines, labels in text."""

from __future__ import annotations

import pytest

from transforms.detectors.tables.keyed import keyed_values


def values(text: str) -> list[tuple[str, str]]:
    return [(entity, text[s:e]) for entity, s, e in sorted(keyed_values(text), key=lambda f: f[1])]


@pytest.mark.parametrize(
    "text, expected",
    [
        ('{"first_name": "Ines", "dob": "1984-07-19"}', [("PERSON", "Ines"), ("DATE_OF_BIRTH", "1984-07-19")]),
        # Nested objects and arrays of objects: the leaf key sits before its value.
        (
            '{"user": {"email": "ines@example.org", "address": {"street": "Rua Verde 7"}}}',
            [("EMAIL_ADDRESS", "ines@example.org"), ("STREET_ADDRESS", "Rua Verde 7")],
        ),
        (
            '[{"ssn": 536224817, "x": 1}, {"ssn": "219-09-9999"}]',
            [("NATIONAL_ID", "536224817"), ("NATIONAL_ID", "219-09-9999")],
        ),
        # A quoted key is a field name: lower-case names pass; a JSON string may hold an apostrophe.
        ('{"lastName": "o\'hare"}', [("PERSON", "o'hare")]),
        # YAML blocks, INI and env lines, PHP arrays.
        (
            "staff:\n  - Vorname: Ilse Marie\n    Geburtsdatum: 03.04.1979\n    Passwort: Fichte#77\n",
            [("PERSON", "Ilse Marie"), ("DATE_OF_BIRTH", "03.04.1979"), ("PASSWORD", "Fichte#77")],
        ),
        ("[db]\npassword = Tanne#78\n", [("PASSWORD", "Tanne#78")]),
        ("'mot_de_passe' => 'Sapin#79',", [("PASSWORD", "Sapin#79")]),
        ("birth_date=02.01.1990\n", [("DATE_OF_BIRTH", "02.01.1990")]),
        ("Home address: 100 Kings Road, Bristol BS8 5RW\n", [("STREET_ADDRESS", "100 Kings Road, Bristol BS8 5RW")]),
        ("Employer: Aldergate Health\n", [("ORGANIZATION", "Aldergate Health")]),
        # Placeholders, masks and references; user names are left to the context rules.
        ("password: ${DB_PASS}\npasswd = ********\n", []),
        ('"password": "<PASSWORD>"', []),
        ("password: #{DB_PASS}\n", []),  # a brace of its own stays with its value
        # Code after a key is no value; the same text quoted is a literal.
        ("password = getpass.getpass()\npassword = self.password\n", []),
        ('password = "self.password"', [("PASSWORD", "self.password")]),
        ("password := Linde#80\n", [("PASSWORD", "Linde#80")]),  # Go's ":=" is one separator
        ("{dob: 1984-07-19}", [("DATE_OF_BIRTH", "1984-07-19")]),  # the object's "}" is no part of it
        ("user: ilse.b\nusername = ilse.b\n", []),
        # A bare "name" key is a step or a package unless its value has two words.
        ('"name": "orders-web"\n- name: Install dependencies\nname: Build', []),
        ("name: Ilse Brandt\n", [("PERSON", "Ilse Brandt")]),
        # Keys only a table header may use.
        ("PWD=/home/ilse\ncap: 10\n", []),
        # A label in prose needs the type's shape.
        ("Address: see the attached form\nPassword: is required\n", []),
    ],
)
def test_keyed_values(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_a_long_line_keeps_its_later_keys() -> None:
    # An unquoted value is read up to MAX_VALUE_CHARS, so a key further on the same line is still found.
    text = "Ort: " + "Utrecht und Umgebung " * 20 + "E-Mail: ilse@example.de"
    assert values(text) == [("EMAIL_ADDRESS", "ilse@example.de")]
