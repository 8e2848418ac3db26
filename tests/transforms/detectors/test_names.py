"""Name-list detector: names in any case, full names across a line break, structured fields."""

from __future__ import annotations

import pytest

from tests.fakes import FakeNlp
from transforms.detectors.names import NameListDetector
from transforms.lexicon.names import load_name_lists

FIRST, FREQ = load_name_lists()
DETECTOR = NameListDetector(FIRST, FREQ)


def names(text: str) -> list[str]:
    (found,) = DETECTOR.detect([text])
    return [text[f.start : f.end] for f in found]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("[10:52] amaka.o: thanks svetlana 🙏", ["svetlana"]),
        ("María\nSánchez\nCustomer Success Manager", ["María\nSánchez"]),
        ("VALUES (1,'Ahmed','Darwish','a@b.com')", ["Ahmed", "Darwish"]),
        ("Cheers,\nMIN-JUN CHO\nSolutions Architect", ["MIN-JUN CHO"]),
        ("Hello Emma and Sergio,", ["Emma", "Sergio"]),
        ("Ayşe Demir joined", ["Ayşe Demir"]),
        ("Will do, after standup. Mark it as resolved. Can you?", []),
        ("import maria_db; user.name@x; /home/maria/x", []),
        ("The Python and Excel sheet in May", []),
        ("Tamsin Okafor\nKelbrook Harbour Authority", ["Tamsin Okafor"]),  # the name ends with its line
        ("Tamsin Okafor  Ferry Pilot  2019", ["Tamsin Okafor"]),  # ... and at a column gap
        ("Reports built in Crystal Reports and Mac OS", []),  # listed products that open with a given name
        ("Slides in Power Point, models in Mat Lab", []),  # ... also written apart
        ("Promoted to Art Editor in 2019", []),  # a common word as a given name, then a title noun
        ("Summer Orientation Leader, 2021", []),
        ("Imogen Editor", ["Imogen Editor"]),  # a given name rare as a word stays a name
        ("Acting Assistant Dean, School of Law", []),  # an office after its rank
        ("Volunteer Reading Mentor, 2019", []),  # an occupation after a capitalised word
        ("Ask Dean about it", ["Dean"]),
    ],
)
def test_name_lists(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the Autumn 2023 intake and the Summer 2024 cohort", []),
        ("Enrolled in Autumn '09, graduated in Spring 2013", []),
        ("See you in Summer 2027, Autumn", ["Autumn"]),
        ("Emily 2019 notes", ["Emily"]),
    ],
)
def test_a_name_that_is_a_word_before_a_year_names_a_time(text: str, expected: list[str]) -> None:
    assert names(text) == expected


def test_lists_are_large_and_international() -> None:
    assert len(FIRST) > 40_000
    assert {"svetlana", "łukasz", "ayşe", "priya", "yuki", "emre"} <= FIRST
    assert FREQ["will"] >= 6 and FREQ.get("svetlana", 0) < 3.5


@pytest.mark.parametrize("offset", [99_500, 99_700, 99_795, 99_800, 99_805, 99_990, 100_000, 100_200])
def test_names_across_window_edges_are_found_once(offset: int) -> None:
    text = "x" * (offset - 1) + " Ayşe Demir said thanks svetlana " + "y " * 60_000
    assert names(text) == ["Ayşe Demir", "svetlana"]


def ner(text: str, ents: list[tuple[str, str]]) -> list[str]:
    from transforms.config import NlpConfig
    from transforms.detectors.ner import SpacyNerDetector

    labels = {"PERSON": "PERSON", "ORG": "ORGANIZATION", "GPE": "LOCATION"}
    (found,) = SpacyNerDetector(FakeNlp(ents), NlpConfig(labels=labels)).detect([text])
    return [text[f.start : f.end] for f in found]


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        # Shouted common words and chat words are no organisation or person...
        ("That was absolutely AMAZING!", [("AMAZING", "ORG")], []),
        ("Stop giving TERRIBLE advice online", [("TERRIBLE", "ORG")], []),
        ("lol WTF was that", [("WTF", "ORG")], []),
        ("cool bro, SO WOW", [("SO WOW", "ORG")], []),
        ("best ending ever LMAOOO", [("LMAOOO", "PERSON")], []),
        ("YESSS finally", [("YESSS", "PERSON")], []),
        # ...nor is a plain word whose capital only opens a sentence, or an organisation typed in lower case.
        ("Kinda weird how it ended", [("Kinda", "GPE")], []),
        ("Quit whining and ship it", [("Quit", "ORG")], []),
        ("Super cute video, keep it up", [("Super", "ORG")], []),
        ("we gon win this", [("gon", "ORG")], []),
        ("ok imma watch it again", [("imma", "PERSON")], []),
        # Laughter at the edge of a name goes, the name stays.
        ("hahaha dennis is back", [("hahaha dennis", "PERSON")], ["dennis"]),
        ("Ahahah Marisol you legend", [("Ahahah Marisol", "PERSON")], ["Marisol"]),
        # Acronyms, names and brands stay, in capitals, in lower case or opening a sentence.
        ("She joined NASA in 2019", [("NASA", "ORG")], ["NASA"]),
        ("IS THAT OMARI?!!", [("OMARI", "PERSON")], ["OMARI"]),
        ("Ford recalled the trucks", [("Ford", "ORG")], ["Ford"]),
        ("Spotify raised prices again", [("Spotify", "ORG")], ["Spotify"]),
        ("WELCOME TO GENERAL ELECTRIC", [("GENERAL ELECTRIC", "ORG")], ["GENERAL ELECTRIC"]),
        ("yeah but declan earns more", [("declan", "ORG")], ["declan"]),
        ("honestly siobhan plays better", [("siobhan", "ORG")], ["siobhan"]),
        ("I work for Super Micro", [("Super Micro", "ORG")], ["Super Micro"]),
    ],
)
def test_ner_entities_whose_letter_case_is_no_evidence(
    text: str, ents: list[tuple[str, str]], expected: list[str]
) -> None:
    assert ner(text, ents) == expected


@pytest.mark.parametrize(
    "word, chat",
    [
        ("hahaha", True),
        ("Ahahah", True),
        ("LOLOLOL", True),
        ("Aaawww", True),
        ("YASSSS", True),
        ("lmfaooo", True),
        ("imma", True),
        ("Kinda", True),
        ("Ha", False),
        ("Hana", False),
        ("Lola", False),
        ("Ahmed", False),
        ("Anna", False),
    ],
)
def test_chat_words(word: str, chat: bool) -> None:
    from transforms.lexicon.vocabulary import is_chat_word

    assert is_chat_word(word) is chat


@pytest.mark.parametrize(
    "text, expected",
    [
        # A listed first name in lower case, cued by a verb whose object or subject is a person...
        ("i want her to tell ryan that it's over", ["ryan"]),
        ("i asked tanner to film it", ["tanner"]),
        ("yeah but owen earns twice as much", ["owen"]),
        ("and then mason gets the ball", ["mason"]),
        # ...or opening a question to its bearer.
        ("hunter why do you always skip the intro", ["hunter"]),
        ("Grant how would you fix the brakes", ["Grant"]),
        ("Grant when can you swap the tyres", ["Grant"]),
        ("dude why do you do this", []),
        ("Just posted a photo of the launch", []),
        ("So what do you think", []),
        # A given name in no list before a listed one, and a frequent census surname after one, in lower case.
        ("salute to rajendra koirala and team", ["rajendra koirala"]),
        ("hahaha martin short was great", ["martin short"]),
        ("thanks maria long time no see", ["maria"]),
        # A word dictionaries write only capitalised or do not list, right after thanks or a greeting.
        ("thanks obama!", ["obama"]),
        ("thanks biden", ["biden"]),
        ("thanks google", []),
        # Stage-name, peerage and deity prefixes are part of the name (honorifics: the context detector).
        ("That moment lil durk gets on the track", ["lil durk"]),
        ("I saw DJ Mustard live", ["DJ Mustard"]),
        ("jokes about Lord Ganesha?", ["Lord Ganesha"]),
        ("the Lord Mayor spoke", []),
    ],
)
def test_names_in_chat(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # Outside technical prose, a capitalised word in no dictionary or list of places, inside a sentence...
        ("she plays far better than Dravonte, honestly", ["Dravonte"]),
        ("he looks exactly like Quenfrey from that show", ["Quenfrey"]),
        # ...but not after a word that introduces a tool, product or place, nor a place or known brand.
        ("we switched the builds to Buildkite last month", []),
        ("our cousins moved near Wollongong last year", []),
        ("people keep asking about Spotify lately", []),
        # A very frequent word in capitals inside lower-case text is emphasis, not a name.
        ("Thank you SO much for fixing this", []),
        ("thanks DAVID for the help", ["DAVID"]),
    ],
)
def test_proper_nouns_and_emphasis_in_posts(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        ("love ya girl 💕", [("ya girl 💕", "PERSON")], []),
        ("RIP old friend", [("RIP", "ORG")], []),
        ("that save was NICE ONE BROOO", [("NICE ONE BROOO", "ORG")], []),
        ("Dennis 😂 is back", [("Dennis 😂", "PERSON")], ["Dennis"]),
    ],
)
def test_ner_trims_emoji_and_chat(text: str, ents: list[tuple[str, str]], expected: list[str]) -> None:
    assert ner(text, ents) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # What is said only of a person, a sentence that goes on about "he" or "she", a person addressed.
        ("Dravonte is so cute", ["Dravonte"]),
        ("Skoltan my friend, we all miss you", ["Skoltan"]),
        ("Skoltan my sister you did it", ["Skoltan"]),
        ("Quenfrey keeps his title as the funniest cook", ["Quenfrey"]),
        ("Quenfrey extends his record as the slowest driver", ["Quenfrey"]),
        ("Where are my keys, Summer?", ["Summer"]),
        ("On se voit demain, Summer\u00a0?", ["Summer"]),
        ("Lorvey, do you have more stories", ["Lorvey"]),
        # Pronouns, function words and places opening such a sentence stay.
        ("Python is so slow", []),
        ("You can always count on him.", []),
        ("My dog was asleep when he heard it", []),
        ("Kettering has his old school in it", []),
    ],
)
def test_person_context_in_posts(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        # An organisation of plain words all in lower case is speech, not a company.
        ("we gon win dis one", [("gon win dis", "ORG")], []),
        ("i ordered an asus zenbook charger", [("asus zenbook", "ORG")], ["asus zenbook"]),
        ("my xiaomi redmi died again", [("xiaomi redmi", "ORG")], ["xiaomi redmi"]),
        # The first name spaCy left out of a person's name is taken in when it is only ever a name.
        ("Appreciate the quick reply Ebenezer Poirot", [("Poirot", "PERSON")], ["Ebenezer Poirot"]),
        ("Cheers for sorting it out Bartholomew Poirot", [("Poirot", "PERSON")], ["Bartholomew Poirot"]),
        ("Appreciate the quick reply Monday Poirot", [("Poirot", "PERSON")], ["Poirot"]),
        ("See Poirot for details", [("Poirot", "PERSON")], ["Poirot"]),
    ],
)
def test_ner_lower_case_organisations_and_given_names(
    text: str, ents: list[tuple[str, str]], expected: list[str]
) -> None:
    assert ner(text, ents) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # The author of a line of a chat export, after its timestamp.
        ("10/03/2024, 09:15 - Rutendo Chikwanha: Hi all", ["Rutendo Chikwanha"]),
        ("2024-03-10 09:15:01 tinashe: deploy done", ["tinashe"]),
        ("[9:05 PM] Nokuthula Dube: running late", ["Nokuthula Dube"]),
        # Log levels, agenda items and plain words where the author would be.
        ("2024-03-10 09:15:01 INFO: started", []),
        ("10:30 Keynote: budget review", []),
        ("09:15 main: ok", []),
    ],
)
def test_chat_export_speakers(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("shoutout to tsegaye for the ride", ["tsegaye"]),
        ("love you thandiwe", ["thandiwe"]),
        ("omg chukwuemeka you did it", ["chukwuemeka"]),
        ("is ngozi coming tonight?", ["ngozi"]),
        ("Was carter batting last night", ["carter"]),
        ("is hunter driving us home", ["hunter"]),
        ("is kubectl running?", []),
        ("was it working", []),
        ("Ugh you people are weird", []),
        ("would love to watch you explain it", []),
        ("Yikes you all look tired", []),
    ],
)
def test_chat_cues_for_names_of_many_cultures(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "is ollama running?",
        "does Ollama support GPUs on Linux",
        "I love Supabase for side projects, but Postgres is fine too",
    ],
)
def test_products_in_technical_questions_are_no_names(text: str) -> None:
    assert names(text) == []


@pytest.mark.parametrize(
    "text, ents, expected",
    [
        # A company whose name is also its product: an organisation in a post, a product in technical prose.
        ("Apple products should be cheaper", [("Apple", "ORG")], ["Apple"]),
        ("I just got an offer from Google", [("Google", "ORG")], ["Google"]),
        (
            "We deploy with Terraform and Docker to Kubernetes; Amazon S3 holds the artifacts",
            [("Amazon", "GPE")],
            [],
        ),
        ("We moved our chat to Microsoft Teams", [("Microsoft Teams", "ORG")], []),
        ("She joined Amazon Web Services", [("Amazon Web Services", "ORG")], ["Amazon Web Services"]),
    ],
)
def test_vendors_are_organisations_outside_technical_prose(
    text: str, ents: list[tuple[str, str]], expected: list[str]
) -> None:
    assert ner(text, ents) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("went to tendai's place after work", ["tendai"]),
        ("we liked nyasha’s cake", ["nyasha"]),
        ("the ollama's api is slow with docker", []),
    ],
)
def test_lower_case_possessives(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("tanner you went too far", ["tanner"]),
        ("sterling you took it too far", ["sterling"]),
        ("Grace you are amazing", ["Grace"]),
        ("Hope you are well", []),
        ("Mind you it was late", []),
    ],
)
def test_first_name_addressed_with_you(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Imogen that's us in your photo", ["Imogen"]),
        ("Priya that was me at the back", ["Priya"]),
        ("Mark that as done", []),
        ("Chase the vendor", []),
    ],
)
def test_capital_only_words_are_no_imperatives(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # A person named by their department, in lower case at a message's start.
        ("[16:57] otieno.o: wanjiru mutua from finance is asking", ["wanjiru mutua"]),
        ("the report from finance is late", []),
        # A given name that is also vocabulary, before a surname: a full name.
        ("Julia Schmidt left to become CTO", ["Julia Schmidt"]),
        ("the Julia Set is a fractal", []),
        ("May I request the statement", []),
    ],
)
def test_departments_and_vocabulary_given_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Attendees: Valentina, Julia Richter, A. Odhiambo", ["Valentina", "Julia Richter", "A. Odhiambo"]),
        ("May Day parade", []),
        ("April reports are due Friday", []),
    ],
)
def test_vocabulary_given_names_in_lists(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    "text, cue, cued",
    [
        # People type the mark against the name; French typography puts a no-break space before it.
        ("Is that you, Summer?", "vocative_end", True),
        ("Tu viens ce soir, Summer\u202f?", "vocative_end", True),
        ("Is that you, Summer ?", "vocative_end", False),
        ("Is that you ,Summer?", "vocative_end", False),
        # The comma of a request or of "my brother" follows the name directly.
        ("Zorvanya, could you check the rota", "vocative_request", True),
        ("Zorvanya , could you check the rota", "vocative_request", False),
        ("Zorvanya, my sister, never changes", "person_predicate", True),
        ("Zorvanya , my sister, never changes", "person_predicate", False),
    ],
)
def test_cues_take_typed_spacing_not_tokenised_spacing(text: str, cue: str, cued: bool) -> None:
    (found,) = DETECTOR.detect([text])
    assert (f"person_names.{cue}" in {f.detector for f in found}) is cued


def test_an_honorific_apart_from_its_stop_is_no_name_prefix() -> None:
    # Honorifics are the context detector's ("Dr. Okafor"); "Dr . X" is tokenised text, not a name prefix.
    (found,) = DETECTOR.detect(["Dr . Brightwater spoke"])
    assert [f for f in found if f.detector == "person_names.prefix"] == []


@pytest.mark.parametrize(
    "text, expected",
    [
        # A CamelCase word in technical prose is a class, not a name; a name with a particle stays.
        ("Run pip install, then call load_rows() and wrap it in a ListCursor.", []),
        ("Run pip install, then call load_rows() and ask DeShawn about it.", ["DeShawn"]),
        # A given name that is an item of a list of tools is a tool.
        ("Languages: Fortran, Pascal, Haskell", []),
        ("Team: Anna, Pascal, Haskell", ["Anna", "Pascal"]),
    ],
)
def test_camel_case_words_in_technical_prose_are_no_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A word that heads a paragraph (a label, a numbered edit, a heading alone on its line) is no name...
        ("It crashed again.\nEDIT 2: fixed by pinning the driver", []),
        ("It crashed again.\nUpdate\nthe driver was the cause", []),
        ("It crashed again.\nEdit - typo in the path", []),
        # ...but a given name alone on its line still is.
        ("Thanks for looking.\nSiobhan\n", ["Siobhan"]),
    ],
)
def test_headings_are_no_names(text: str, expected: list[str]) -> None:
    assert names(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("thanks to zdenko I found the leak", ["zdenko"]),
        ("good job ngozika, merged", ["ngozika"]),
        ("well done Tavonga!", ["Tavonga"]),
        ("happy birthday wanjiru!!", ["wanjiru"]),
        ("can you tag rumbidzai in the post", ["rumbidzai"]),
        ("thanks to the new cache it is faster", []),
        ("good job on the release, team", []),
    ],
)
def test_credit_praise_and_chat_address_cues(text: str, expected: list[str]) -> None:
    assert names(text) == expected
