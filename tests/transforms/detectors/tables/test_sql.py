"""SQL dumps: INSERT with and without a column list, CREATE TABLE, COPY ... FROM stdin."""

from __future__ import annotations

import pytest

from transforms.detectors.tables.sql import sql_values

DUMP = """CREATE TABLE `patients` (
  `id` int NOT NULL AUTO_INCREMENT,
  `first_name` varchar(64),
  `surname` varchar(64),
  `birth_date` date,
  `street` text,
  `mrn` varchar(16),
  PRIMARY KEY (`id`)
) ENGINE=InnoDB;

INSERT INTO `patients` VALUES (1,'Ilse','Brandt','1979-04-03','Kastanienallee 9','MRN-55120'),
(2,'Bo','O''Hare','1990-11-30',NULL,NULL);
INSERT INTO accounts (id, username, pw, phone) VALUES (1,'ilse.b','Fichte#77',4930555012),(2,'bo_l','',NULL);
INSERT INTO orders VALUES (1,'2024-01-02','Kettle');
"""


def values(text: str) -> list[tuple[str, str]]:
    return [(entity, text[s:e]) for entity, s, e in sorted(sql_values(text), key=lambda f: f[1])]


def test_insert_values_take_their_columns_from_the_insert_or_create_table() -> None:
    assert values(DUMP) == [
        ("PERSON", "Ilse"),
        ("PERSON", "Brandt"),
        ("DATE_OF_BIRTH", "1979-04-03"),
        ("STREET_ADDRESS", "Kastanienallee 9"),
        ("ID", "MRN-55120"),
        ("PERSON", "Bo"),
        ("PERSON", "O''Hare"),
        ("DATE_OF_BIRTH", "1990-11-30"),
        ("USERNAME", "ilse.b"),
        ("PASSWORD", "Fichte#77"),
        ("PHONE_NUMBER", "4930555012"),
        ("USERNAME", "bo_l"),
    ]


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "COPY public.clientes (id, nombre, correo, fecha_nacimiento) FROM stdin;\n"
            "1\tLucía Ruiz\tlucia@example.es\t1988-02-29\n2\t\\N\t\\N\t\\N\n\\.\nSELECT 1;\n",
            [("PERSON", "Lucía Ruiz"), ("EMAIL_ADDRESS", "lucia@example.es"), ("DATE_OF_BIRTH", "1988-02-29")],
        ),
        # A COPY of no personal column, and a name column of products.
        ("COPY items (id, name, price) FROM stdin;\n1\tKettle\t39.90\n\\.\n", []),
        ("INSERT INTO items (name, price) VALUES ('Kettle', 39.90);", []),
        # A bare number is a value only in a column of identifiers or phone numbers.
        ("INSERT INTO t (nachname, kundennummer) VALUES (Brandt, 88201);", [("ID", "88201")]),
        ("INSERT INTO t (login, created) VALUES ('ilse.b','2024-01-02');", [("USERNAME", "ilse.b")]),
    ],
)
def test_copy_blocks_and_bare_values(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_a_values_list_is_read_once() -> None:
    # An INSERT keyword inside a string of a statement already read starts no second read.
    text = "INSERT INTO t (email, note) VALUES ('a@example.org', 'INSERT INTO t (email) VALUES (''b@example.org'')');"
    assert values(text) == [("EMAIL_ADDRESS", "a@example.org")]
