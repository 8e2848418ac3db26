"""Delimited tables: CSV/TSV exports, spreadsheet sheets, Markdown and psql tables, read once."""

from __future__ import annotations

import pytest

from transforms.detectors.tables import delimited
from transforms.detectors.tables.delimited import delimited_values, split_record


def values(text: str) -> list[tuple[str, str]]:
    return [(entity, text[s:e]) for entity, s, e in sorted(delimited_values(text), key=lambda f: f[1])]


@pytest.mark.parametrize(
    "text, expected",
    [
        # A password manager's export: "name" is a site, not a person.
        (
            "name,url,username,password\nOrchard Mail,https://mail.example,ines.o,Vq3!rT9#\n",
            [("USERNAME", "ines.o"), ("PASSWORD", "Vq3!rT9#")],
        ),
        # An HR export with quoted fields holding the delimiter, a doubled quote and a line break.
        (
            'first_name,last_name,dob,ssn,iban,address\r\n"Ines","O\'Kafor","1984-07-19","536-22-4817",'
            '"NL02 ABNA 0123 4567 89","Rua Verde 7,\n3511 LX Utrecht"\r\n',
            [
                ("PERSON", "Ines"),
                ("PERSON", "O'Kafor"),
                ("DATE_OF_BIRTH", "1984-07-19"),
                ("NATIONAL_ID", "536-22-4817"),
                ("IBAN_CODE", "NL02 ABNA 0123 4567 89"),
                ("STREET_ADDRESS", "Rua Verde 7,\n3511 LX Utrecht"),
            ],
        ),
        # German semicolons, a byte-order mark, placeholders and an embedded doubled quote.
        (
            '\ufeffVorname;Nachname;Geburtsdatum;E-Mail;Passwort\nJürgen;Weiß;03.04.1979;jw@example.de;"Zq;8""x"\n'
            "anna;lindqvist;-;N/A;\n",
            [
                ("PERSON", "Jürgen"),
                ("PERSON", "Weiß"),
                ("DATE_OF_BIRTH", "03.04.1979"),
                ("EMAIL_ADDRESS", "jw@example.de"),
                ("PASSWORD", 'Zq;8""x'),
                ("PERSON", "anna"),
                ("PERSON", "lindqvist"),
            ],
        ),
        # French and Spanish headers, tab-separated.
        (
            "prénom\tnom\ttéléphone\nÉlodie\tMarchetti\t+33 4 72 00 11 22\n",
            [("PERSON", "Élodie"), ("PERSON", "Marchetti"), ("PHONE_NUMBER", "+33 4 72 00 11 22")],
        ),
        (
            "apellido|nombre|DNI\nRuiz|Lucía|47382915V\n",
            [("PERSON", "Ruiz"), ("PERSON", "Lucía"), ("NATIONAL_ID", "47382915V")],
        ),
        # Portuguese, Italian, Dutch and Polish headers.
        (
            "nome,telefone,CPF\nJoão Pires,+55 11 5555 0101,529.982.247-25\n",
            [("PERSON", "João Pires"), ("PHONE_NUMBER", "+55 11 5555 0101"), ("NATIONAL_ID", "529.982.247-25")],
        ),
        (
            "cognome,codice fiscale\nRossi,RSSMRA80A01H501U\n",
            [("PERSON", "Rossi"), ("NATIONAL_ID", "RSSMRA80A01H501U")],
        ),
        (
            "voornaam;achternaam;wachtwoord\nSanne;de Vries;tulp-42\n",
            [("PERSON", "Sanne"), ("PERSON", "de Vries"), ("PASSWORD", "tulp-42")],
        ),
        (
            "imię,nazwisko,hasło\nZofia,Wrona,Kot!2024\n",
            [("PERSON", "Zofia"), ("PERSON", "Wrona"), ("PASSWORD", "Kot!2024")],
        ),
        # A product table's "name" column and a table with no personal column.
        ("name,price,sku\nKettle,39.90,KT-1\n", []),
        ("city,country\nUtrecht,NL\n", []),
        # A blank line or a row of another width ends the table.
        (
            "email,phone\nines@example.org,+31 30 555 0199\n\nbob@example.org,1\n",
            [("EMAIL_ADDRESS", "ines@example.org"), ("PHONE_NUMBER", "+31 30 555 0199")],
        ),
        (
            "email,phone\nines@example.org,+31 30 555 0199\nsee you,then,Bob\n",
            [("EMAIL_ADDRESS", "ines@example.org"), ("PHONE_NUMBER", "+31 30 555 0199")],
        ),
    ],
)
def test_delimited_exports(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Markdown with outer pipes and an alignment rule.
        (
            "| Name | E-mail | Phone |\n|---|:---:|---:|\n| Ines Okafor | ines@example.org | +31 30 555 0199 |\n",
            [("PERSON", "Ines Okafor"), ("EMAIL_ADDRESS", "ines@example.org"), ("PHONE_NUMBER", "+31 30 555 0199")],
        ),
        # psql's output: a rule of dashes and plus signs, a row count after the rows.
        (
            " username | ip_address\n----------+------------\n ines.o   | 192.0.2.44\n(1 row)\n",
            [("USERNAME", "ines.o"), ("IP_ADDRESS", "192.0.2.44")],
        ),
    ],
)
def test_markdown_and_psql_tables(text: str, expected: list[tuple[str, str]]) -> None:
    assert values(text) == expected


def test_a_spreadsheet_sheet_drops_trailing_empty_cells() -> None:
    # readers/formats/xlsx.py writes "Sheet: <name>" and one tab-separated line per row.
    text = (
        "Sheet: Staff\nFull name\tDate of birth\tPersonalnummer\tNotes\n"
        "Ilse Brandt\t1979-04-03T00:00:00\tP-0042\nBo Li\n"
    )
    assert values(text) == [
        ("PERSON", "Ilse Brandt"),
        ("DATE_OF_BIRTH", "1979-04-03T00:00:00"),
        ("ID", "P-0042"),
        ("PERSON", "Bo Li"),
    ]


@pytest.mark.parametrize(
    "line, delim, expected",
    [
        ('a,"b,c",d\n', ",", ["a", "b,c", "d"]),
        ('"x""y",\n', ",", ['x""y', ""]),
        ("a\t b\n", "\t", ["a", " b"]),
        ('"open', ",", ['"open']),  # an unclosed quote is an unquoted field
    ],
)
def test_split_record(line: str, delim: str, expected: list[str]) -> None:
    record = split_record(line, 0, delim)
    assert record is not None
    assert [line[s:e] for s, e in record[0]] == expected


def test_text_after_a_closing_quote_is_a_malformed_record() -> None:
    assert split_record('"a"b,c\n', 0, ",") is None


def test_repeated_headers_are_read_once(monkeypatch: pytest.MonkeyPatch) -> None:
    # Every line is a header candidate; a single pass reads each line as one record, whatever the size.
    calls = []
    real = delimited.split_record
    monkeypatch.setattr(delimited, "split_record", lambda *a: calls.append(1) or real(*a))
    counts = []
    for n in (500, 1000):
        calls.clear()
        assert len(list(delimited_values("email,phone\n" * n))) == 0
        counts.append(len(calls))
    assert counts == [500, 1000]
