"""find_field_values: every syntax at once, sorted, without duplicates."""

from __future__ import annotations

from transforms.detectors.tables import FIELD_ENTITIES, field_entity, find_field_values


def test_find_field_values_merges_every_syntax_in_text_order() -> None:
    text = (
        "Export below.\n\nemail,phone\nines@example.org,+31 30 555 0199\n\n"
        "INSERT INTO u (nachname) VALUES ('Brandt');\n"
        '{"e-mail": "ines@example.org"}\n'
    )
    assert [(e, text[s:t]) for e, s, t in find_field_values(text)] == [
        ("EMAIL_ADDRESS", "ines@example.org"),
        ("PHONE_NUMBER", "+31 30 555 0199"),
        ("PERSON", "Brandt"),
        ("EMAIL_ADDRESS", "ines@example.org"),
    ]


def test_a_value_found_by_two_syntaxes_is_reported_once() -> None:
    # "dob: ..." is a key; under the header "dob,email" nothing else: one finding.
    text = "dob,email\n1984-07-19,ines@example.org\n"
    assert find_field_values(text) == [("DATE_OF_BIRTH", 10, 20), ("EMAIL_ADDRESS", 21, 37)]


def test_public_names() -> None:
    assert field_entity("Geburtsdatum") == "DATE_OF_BIRTH"
    assert FIELD_ENTITIES["dob"] == "DATE_OF_BIRTH"


def test_the_context_detector_reports_table_values_as_its_field_step() -> None:
    from transforms.detectors.context import ContextDetector

    text = "Benutzername;Passwort\nilse.b;Fichte#77\n"
    (found,) = ContextDetector().detect([text])
    assert [(f.entity_type, text[f.start : f.end], f.score, f.detector) for f in found] == [
        ("USERNAME", "ilse.b", 0.85, "context.field"),
        ("PASSWORD", "Fichte#77", 0.85, "context.field"),
    ]
