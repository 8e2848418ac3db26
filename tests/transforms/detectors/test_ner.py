"""spaCy NER detector vetoes for vocabulary: degrees and their subjects, tool lists, acronyms and identifiers
in technical prose (with a fake model, so no trained model is needed)."""

from __future__ import annotations

import re

import pytest

from tests.fakes import FakeDoc, FakeEnt, FakeNlp
from transforms.config import NlpConfig
from transforms.detectors.ner import SpacyNerDetector

LABELS = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION"}


def ner(text: str, ents: list[tuple[str, str]]) -> list[str]:
    (found,) = SpacyNerDetector(FakeNlp(ents), NlpConfig(labels=LABELS)).detect([text])
    return [text[f.start : f.end] for f in found]


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        # A degree phrase, whole or its subject alone, is vocabulary...
        ("EDUCATION\nBachelor of Music in Marine Biology\n", [("Bachelor of Music", "ORG")], []),
        ("She holds a Diploma in Quantum Tailoring.", [("Quantum Tailoring", "ORG")], []),
        ("M.Tech in Orbital Mechanics, 2019", [("Orbital Mechanics", "ORG")], []),
        ("Licenciatura en Ciencias del Mar", [("Ciencias del Mar", "ORG")], []),
        ("MBA, 2015", [("MBA", "ORG")], []),
        # ...but the institution after it, or a person, is not.
        ("Diploma in Design from Quillmere Academy", [("Quillmere Academy", "ORG")], ["Quillmere Academy"]),
        ("Bachelor of Arts, Wendmoor University", [("Wendmoor University", "ORG")], ["Wendmoor University"]),
        ("Ask Tamsin Okoro about it", [("Tamsin Okoro", "PERSON")], ["Tamsin Okoro"]),
        # An item of a list of tools is a tool.
        ("Skills: Zorblax, Python, Power BI, Excel", [("Zorblax", "ORG")], []),
        ("• Excel (3 years), Quibbit (1 year), Tableau (2 years)", [("Quibbit", "PERSON")], []),
        ("Linux / Windows / Frobnix", [("Frobnix", "GPE")], []),
        ("We met Hana Sato, Piotr Nowak and Ines Duarte", [("Piotr Nowak", "PERSON")], ["Piotr Nowak"]),
        ("I worked at Zorblax and then with Python", [("Zorblax", "ORG")], ["Zorblax"]),
        # In technical prose, an acronym that names no country or town is a term; a country's is not.
        ("Configure the PLC with Python, then deploy with Docker and Kubernetes", [("PLC", "GPE")], []),
        ("Our USA team deploys with Python, Docker and Kubernetes", [("USA", "GPE")], ["USA"]),
        # A CamelCase identifier with two tool words or code tokens near it is code; links do not count, so a
        # handle beside links in a chat stays.
        ("Bind the grid to a DataTable in C# or Python", [("DataTable", "ORG")], []),
        ("lol follow GlowByMira https://t.co/x1 https://t.co/x2", [("GlowByMira", "ORG")], ["GlowByMira"]),
        ("Bind the grid to a DataTable tonight", [("DataTable", "ORG")], ["DataTable"]),
        ("Paul McCartney wrote it in Python", [("Paul McCartney", "PERSON")], ["Paul McCartney"]),
    ],
)
def test_vocabulary_is_no_entity(text: str, ents: list[tuple[str, str]], expected: list[str]) -> None:
    assert ner(text, ents) == expected


TECH = "Call fetch_rows() and cache.get_item() from the worker, then run pip install and tox. "


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        # A software name with ordinary words or a version around it is a product, not an organisation.
        ("We migrated the reports to Oracle Warehouse Builder last year.", [("Oracle Warehouse", "ORG")], []),
        ("The team runs Jenkins Pipeline for every merge.", [("Jenkins Pipeline", "PERSON")], []),
        ("Upgrade Grafelix 4.2.1 before Friday.", [("Grafelix 4.2.1", "ORG")], []),
        ("Call the Trindle API with your token.", [("Trindle", "ORG")], []),
        # A job title is no organisation or person; a name in it keeps it a name.
        ("Museum Outreach Coordinator, 2019 to 2021", [("Museum Outreach Coordinator", "ORG")], []),
        ("Worked as Senior Museum Inspector for the county", [("Senior Museum Inspector", "PERSON")], []),
        ("Thanks to Priya Manager for the notes", [("Priya Manager", "PERSON")], ["Priya"]),
        # Fields of work and study are no organisations; a town that looks like one stays a place.
        ("Strengths: Conflict Resolution and Risk Management", [("Conflict Resolution", "ORG")], []),
        ("We moved to Reading in May", [("Reading", "GPE")], ["Reading"]),
        # Parts joined by "&" or "and" that are each vocabulary or plain words are skills; a firm named after
        # people is not.
        ("Strengths: Teamwork and Negotiation", [("Teamwork and Negotiation", "ORG")], []),
        ("Shop at Marks & Spencer", [("Marks & Spencer", "ORG")], ["Marks & Spencer"]),
        # Plain words in a list of vocabulary, also parted by runs of blanks, are skills.
        ("Skills  Budgeting  Public Speaking  Diligence", [("Diligence", "PERSON")], []),
        ("Skills  Budgeting  Public Speaking  Patience", [("Patience", "PERSON")], ["Patience"]),  # a given name
        # Runs of blanks are the line breaks of a flattened document: each side is judged on its own.
        ("Jorunn Vik  Data Analyst  Oslo", [("Jorunn Vik  Data Analyst", "PERSON")], ["Jorunn Vik"]),
        # In a text dense with code and tools, a CamelCase word, or one word in no dictionary as an organisation,
        # is a class or a product; a person named there stays.
        (TECH + "Wrap it in a RowCursor first.", [("RowCursor", "PERSON")], []),
        (TECH + "Then Quorvex handles the retries.", [("Quorvex", "ORG")], []),
        (TECH + "Then Svetlana handles the retries.", [("Svetlana", "PERSON")], ["Svetlana"]),
        ("My neighbour Quorvex waved at me.", [("Quorvex", "ORG")], ["Quorvex"]),
        # A title whose head noun the model left out, and the unit a title is of; a named employer stays.
        ("Regional Sales Manager, 2018", [("Regional Sales", "ORG")], []),
        ("Director of Student Services, 2018", [("Student Services", "ORG")], []),
        ("Chief Financial Officer of Zentrova Holdings", [("Zentrova Holdings", "ORG")], ["Zentrova Holdings"]),
        # Qualifications, degree abbreviations before their subject, and a verb that opens the entity.
        ("Licences  Food Safety Certificate  2016", [("Food Safety Certificate", "ORG")], []),
        ("BSc, Marine Biology, 2014", [("BSc", "ORG")], []),
        ("BA, Early Childhood, 2009", [("Early Childhood", "GPE")], []),
        ("Doctor of Education, Adult Learning (2011)", [("Adult Learning", "ORG")], []),
        ("MSc, Valmora University", [("Valmora University", "ORG")], ["Valmora University"]),
        ("Completed Masters in Maritime Law", [("Completed Masters", "ORG")], []),
        (
            "Completed Kelvedon Polytechnic",
            [("Completed Kelvedon Polytechnic", "ORG")],
            ["Completed Kelvedon Polytechnic"],
        ),
        ("fly with United Airlines", [("United Airlines", "ORG")], ["United Airlines"]),
        ("fly with United", [("United", "ORG")], ["United"]),
        # An acronym in brackets after the vocabulary it stands for is vocabulary, there and elsewhere in the text.
        ("Certified Food Inspector (CFI) since 2019; CFI renewed", [("CFI", "ORG")], []),
        ("Zentrova Holdings (ZH) hired me", [("ZH", "ORG")], ["ZH"]),
        # A plain word opening a field of a flattened document is that word.
        ("Strengths      Reliable and tidy", [("Reliable", "ORG")], []),
        # A single-word name of the skills gazetteer is a product in technical prose, a company outside it.
        (TECH + "Then Pyspark handles the retries.", [("Pyspark", "PERSON")], []),
        ("Shares in Pyspark rose on Monday.", [("Pyspark", "ORG")], ["Pyspark"]),
    ],
)
def test_software_titles_and_fields_are_no_entities(
    text: str, ents: list[tuple[str, str]], expected: list[str]
) -> None:
    assert ner(text, ents) == expected


def test_a_name_shown_to_be_software_is_software_throughout_the_text() -> None:
    class EveryMention(FakeNlp):
        """Every occurrence of each entity, not only the first."""

        def pipe(self, texts: list[str], batch_size: int) -> list[FakeDoc]:
            docs = []
            for text in texts:
                doc = FakeDoc()
                doc.ents = [FakeEnt(v, label, m.start()) for v, label in self._ents for m in re.finditer(v, text)]
                docs.append(doc)
            return docs

    text = "Install Brellix first. Later Brellix crashed, so I filed a bug against the Brellix plugin."
    ents = [("Brellix", "PERSON")]
    (found,) = SpacyNerDetector(EveryMention(ents), NlpConfig(labels=LABELS)).detect([text])
    assert found == []
    (other,) = SpacyNerDetector(EveryMention(ents), NlpConfig(labels=LABELS)).detect(["Install Brellix first."])
    assert [f.detector for f in other] == ["spacy_ner.PERSON"]


@pytest.mark.parametrize(
    ("text", "ents", "expected"),
    [
        # A lone given name the small model calls an organisation or a place is a person...
        ("lol Ottilie was right all along", [("Ottilie", "ORG")], "PERSON"),
        ("ask Siobhan about the tickets", [("Siobhan", "GPE")], "PERSON"),
        # ...but not a place, a word much used in English, a name in capitals or two words.
        ("we flew to Georgia last week", [("Georgia", "GPE")], "LOCATION"),
        ("the Grant covers two posts", [("Grant", "ORG")], "ORGANIZATION"),
        ("ping OTTILIE support", [("OTTILIE", "ORG")], "ORGANIZATION"),
        ("Ottilie Labs shipped it", [("Ottilie Labs", "ORG")], "ORGANIZATION"),
    ],
)
def test_a_lone_given_name_is_a_person_whatever_the_model_labels_it(
    text: str, ents: list[tuple[str, str]], expected: str
) -> None:
    (found,) = SpacyNerDetector(FakeNlp(ents), NlpConfig(labels=LABELS)).detect([text])
    assert [f.entity_type for f in found] == [expected]
