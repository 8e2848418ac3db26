"""Path views of a record's source: exact views, blanks, and name trimming on them."""

from __future__ import annotations

import pytest

from transforms.records import Finding
from transforms.redaction.paths import (
    SENTENCE_DETECTORS,
    path_token_spans,
    path_views,
    text_path_views,
    trim_view_finding,
)


@pytest.mark.parametrize(
    "source, views",
    [
        # Word view only: the dotted view would be the same.
        ("hr/Tove Amundsen/payslip.pdf", ["hr Tove Amundsen payslip    "]),
        ("Ilkka_Vartiainen_CV.docx", ["Ilkka Vartiainen CV     "]),
        ("Passport scan - Odile Ferrand.pdf", ["Passport scan   Odile Ferrand    "]),
        # Both: dots, dashes and "@" stay whole in the dotted view.
        (
            "rosa.quintero@example.org_resume.txt",
            ["rosa quintero@example org resume    ", "rosa.quintero@example.org resume    "],
        ),
        ("tickets/OPS-20417_summary.md", ["tickets OPS 20417 summary   ", "tickets OPS-20417 summary   "]),
        # Archive member, record suffix, double extension.
        ("bundle.zip!Kestrel_plan.md", ["bundle     Kestrel plan   "]),
        ("exports/batch.jsonl#L12", ["exports batch" + " " * 10]),
        ("data/rows.parquet#row7", ["data rows" + " " * 13]),
        ("logs/app.log.gz", ["logs app       "]),
        # An unknown extension is a word; a dotted segment that is no extension stays.
        ("Marta.Lindgren", ["Marta Lindgren"]),
        ("notes.final", ["notes final"]),
        ("C:\\Users\\Ines Baptista\\todo.txt", ["C: Users Ines Baptista todo    "]),
        # Nothing to show: no separator, nothing blanked.
        ("README", []),
        ("Ines Baptista", []),
    ],
)
def test_views(source: str, views: list[str]) -> None:
    assert path_views(source) == views
    assert all(len(v) == len(source) for v in views)


@pytest.mark.parametrize(
    "view, entity_type, span, expected",
    [
        # Path vocabulary at the edges of a name goes; the name stays.
        ("Ilkka Vartiainen CV     ", "PERSON", (0, 19), (0, 16)),
        ("cv cv jorma salo   ", "PERSON", (0, 16), (6, 16)),
        ("Invoice Brightwell Marine Q3     ", "ORGANIZATION", (0, 28), (8, 25)),
        ("home ines baptista Desktop todo    ", "ORGANIZATION", (0, 26), (5, 18)),
        ("Odile Ferrand final v2   ", "PERSON", (0, 22), (0, 13)),
        # Only path words (or a camelCase identifier, or one lower-case word): dropped.
        ("docs src notes final v2    ", "PERSON", (0, 8), None),
        ("code web src pages LoginPage    ", "PERSON", (19, 28), None),
        ("spacy lang en stop words   ", "PERSON", (6, 10), None),
        # Surname prefixes are not camelCase identifiers.
        ("Ciaran McKenzie CV    ", "PERSON", (0, 15), (0, 15)),
        ("DeShawn Okoro     ", "PERSON", (0, 13), (0, 13)),
        # Other types keep their words, only blanks at the edges go.
        ("scan 4111 1111 1111 1111    ", "CREDIT_CARD", (4, 24), (5, 24)),
        ("final notes Kestrel   ", "CODENAME", (12, 19), (12, 19)),
        ("batch        ", "PERSON", (5, 12), None),
    ],
)
def test_trim_view_finding(view: str, entity_type: str, span: tuple[int, int], expected) -> None:
    found = trim_view_finding(view, Finding(entity_type, span[0], span[1], 0.7, "d.rule"))
    if expected is None:
        assert found is None
    else:
        assert (found.entity_type, found.start, found.end, found.score, found.detector) == (
            entity_type,
            *expected,
            0.7,
            "d.rule",
        )


def test_an_untrimmed_finding_is_returned_as_is() -> None:
    f = Finding("PERSON", 3, 16, 0.7, "d.rule")
    assert trim_view_finding("hr Tove Amundsen payslip    ", f) is f


def test_statistical_ner_does_not_read_views() -> None:
    assert SENTENCE_DETECTORS == frozenset({"spacy_ner"})


# --- File names and paths written inside a text -------------------------------------------------------


@pytest.mark.parametrize(
    "text, paths",
    [
        # E-mail and chat prose: file names with known extensions, a folder path with spaces in it.
        (
            "Attached: Tamsin_Okwu_offer.pdf, and scan-id-bruno-lacerda.jpeg.",
            ["Tamsin_Okwu_offer.pdf", "scan-id-bruno-lacerda.jpeg"],
        ),
        ("[09:12] dana: dropped it in payroll/Eero Kallio/march_2025.xlsx", ["payroll/Eero Kallio/march_2025.xlsx"]),
        # A log line: quotes and brackets end the path.
        (
            'open("/home/vsoto/out/ines.faria@example.pt_cv.odt") failed',
            ["/home/vsoto/out/ines.faria@example.pt_cv.odt"],
        ),
        # Shell: options, "=" and "~user".
        ("scp --out=~/in/Halvard_Berg.pdf ~kberg/notes", ["~/in/Halvard_Berg.pdf", "~kberg/notes"]),
        # Windows, UNC and a folder path that goes on across spaces to its file name.
        ("Saved C:\\Users\\pnovak\\Daňové přiznání Novák.pdf ok", ["C:\\Users\\pnovak\\Daňové přiznání Novák.pdf"]),
        ("\\\\files01\\hr\\Ruth Adeyemi\\2024.docx", ["\\\\files01\\hr\\Ruth Adeyemi\\2024.docx"]),
        (
            "moved /Users/ol/Desktop/Signe Dahl - leave form.pdf (20 KB)",
            ["/Users/ol/Desktop/Signe Dahl - leave form.pdf"],
        ),
        # An archive member.
        ("unpacked hr.zip!staff/Yusuf.Demir/payslip.pdf", ["hr.zip!staff/Yusuf.Demir/payslip.pdf"]),
        # No path: URLs, dates, fractions, "and/or", abbreviations, dotted names without an extension.
        ("see https://example.com/a/b.pdf or www.example.org/x.html", []),
        ("on 12/05/1990, 24/7, 3/4 of it, and/or e.g. v2.1", []),
        # Words joined by a slash alone are alternatives, not a path; so are escapes written out.
        ("College/University degree, LAN/WAN, Windows 98/2000/XP/Vista", []),
        ("\\xe2\\x80\\x9cQuoted\\xe2\\x80\\x9d", []),
        # ... unless a file name ends them, a few words on.
        ("filed under Legal/Contracts as Hexa plan.docx", ["Legal/Contracts as Hexa plan.docx"]),
        ("mail ines.faria@example.pt or call", []),
    ],
)
def test_path_tokens_in_a_text(text: str, paths: list[str]) -> None:
    assert [text[s:e] for s, e in path_token_spans(text)] == paths


def test_text_views_show_only_the_paths_and_keep_line_breaks() -> None:
    text = "Hi,\nsee Tamsin_Okwu_offer.pdf and ines.faria@example.pt_cv.odt.\nThanks"
    word, dotted = text_path_views(text)
    assert word == "   \n    Tamsin Okwu offer         ines faria@example pt cv     \n      "
    assert dotted == "   \n" + " " * 30 + "ines.faria@example.pt cv     \n      "
    assert len(word) == len(dotted) == len(text)


@pytest.mark.parametrize(
    "text",
    [
        "No file names here, only words.",
        "see https://example.com/docs/Tamsin_Okwu.pdf",
        "cd ~jo",  # nothing glued: the text itself shows it
        "dates 01/02/2024 and 3.5 percent",
    ],
)
def test_no_text_view_without_a_path_that_shows_something(text: str) -> None:
    assert text_path_views(text) == []


def test_a_package_scope_is_no_mention() -> None:
    assert text_path_views("see ./node_modules/@types/node/index.d.ts") == [
        "      node modules  types node index d   ",
        "    . node modules  types node index.d   ",
    ]
