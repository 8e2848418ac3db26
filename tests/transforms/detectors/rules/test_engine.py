"""The rule engine: keyword prefilter, windows equivalent to a whole-text scan, checks, ids and order."""

from __future__ import annotations

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from transforms.detectors.rules import (
    CHECK_REGISTRY,
    RuleEngine,
    RuleFinding,
    RuleInfo,
    RuleMatch,
    RulePackError,
    parse_pack,
    register_check,
)

PACK = r"""
pack: engine-tests
detector: demo
fragments:
  sep: '[ \t]{0,2}[:=][ \t]{0,2}'
rules:
  - id: token
    entity: API_KEY
    score: 0.9
    keywords: [token]
    window: 12
    pattern: '(?i)\btoken{{sep}}(?P<v>[a-z0-9]{3,8})'
  - id: pin_before
    entity: PIN
    score: 0.6
    keywords: [pin]
    window: 7
    pattern: '(?i)(?P<v>\d{2,6})[ \t]?pin\b'
  - id: user_line
    entity: USERNAME
    score: 0.7
    keywords: [user]
    window: 10
    pattern: '(?m)^user:[ \t]?(?P<v>\w{1,8})$'
    flags: [ignore_case]
  - id: secret_assignment
    entity: PASSWORD
    score: 0.8
    keywords: [secret, pass]
    window: 11
    pattern: '(?i)(?:secret|pass)(?:word)?=(?P<kw>)(?P<v>\S{1,6})'
    checks: [{min_length: {chars: 2}}]
  - id: ticket
    entity: TICKET_ID
    score: 0.5
    pattern: '\b[A-Z]{2}-\d{3}\b'
"""

ENGINE = RuleEngine([parse_pack(PACK, "engine-tests.yaml")], sources=["engine-tests.yaml"])


def _found(text: str, engine: RuleEngine = ENGINE) -> list[tuple[str, str]]:
    return [(f.detector, text[f.start : f.end]) for f in engine.scan(text)]


def test_findings_carry_detector_dot_rule_id_and_rule_fields() -> None:
    assert ENGINE.scan("token: ab12") == [RuleFinding("API_KEY", 7, 11, 0.9, "demo.token")]


def test_rules_lists_every_rule_sorted() -> None:
    assert ENGINE.rules() == [
        RuleInfo("engine-tests", "demo", "pin_before", "PIN"),
        RuleInfo("engine-tests", "demo", "secret_assignment", "PASSWORD"),
        RuleInfo("engine-tests", "demo", "ticket", "TICKET_ID"),
        RuleInfo("engine-tests", "demo", "token", "API_KEY"),
        RuleInfo("engine-tests", "demo", "user_line", "USERNAME"),
    ]
    assert ENGINE.rules()[0].qualified_id == "demo.pin_before"


def test_scan_finds_each_rule_and_orders_by_start_end_entity_rule() -> None:
    text = "user: ann\nTOKEN=zz99 and 4321 PIN, pass=hunter; see AB-123\n"
    assert _found(text) == [
        ("demo.user_line", "ann"),
        ("demo.token", "zz99"),
        ("demo.pin_before", "4321"),
        ("demo.secret_assignment", "hunter"),
        ("demo.ticket", "AB-123"),
    ]


def test_same_span_from_two_rules_is_ordered_by_entity_then_rule() -> None:
    pack = parse_pack(
        "pack: p\ndetector: demo\nrules:\n"
        "  - {id: zz, entity: AAA, score: 0.5, pattern: 'k(?P<v>\\d+)'}\n"
        "  - {id: aa, entity: BBB, score: 0.5, pattern: 'k(?P<v>\\d+)'}\n"
        "  - {id: bb, entity: AAA, score: 0.5, pattern: 'k(?P<v>\\d+)'}\n",
        "p.yaml",
    )
    assert [f.detector for f in RuleEngine([pack]).scan("k12")] == ["demo.bb", "demo.zz", "demo.aa"]


def test_keyword_is_a_prefilter_pattern_decides() -> None:
    pack = parse_pack(
        "pack: p\ndetector: demo\nrules:\n"
        "  - {id: serial, entity: SERIAL, score: 0.5, keywords: [serial], window: 12,"
        " pattern: '\\b[A-Z]{3}\\d{4}\\b'}\n",
        "p.yaml",
    )
    engine = RuleEngine([pack])
    assert _found("Serial: ABC1234", engine) == [("demo.serial", "ABC1234")]
    assert _found("ABC1234", engine) == []  # no keyword: the pattern never runs
    assert [f.detector for f in engine.scan("ABC1234", windowed=False)] == ["demo.serial"]
    far = "serial\n" + "filler text " * 4 + "\nABC1234"
    assert _found(far, engine) == []  # two lines and 48 characters away
    same_line = "serial " + "." * 14 + " ABC1234"  # past the window, within the line (and the cap)
    assert _found(same_line, engine) == [("demo.serial", "ABC1234")]


def test_keywords_match_case_insensitively_with_offsets_kept() -> None:
    text = "İİ ſecret=Ωmega1 TOKEN:x1y2 \u212aey"  # İ folds to two chars, ſ to s, the Kelvin sign to k
    assert _found(text) == [("demo.secret_assignment", "Ωmega1"), ("demo.token", "x1y2")]


def test_anchors_and_word_edges_see_the_whole_text() -> None:
    assert _found("xuser: ann") == []
    assert _found("say user: ann") == []
    assert _found("a\nuser: ann\nb") == [("demo.user_line", "ann")]
    assert _found("mytoken: abc1") == []
    assert _found("user: annabel12") == []  # \w{1,8}$: nine word characters


def test_window_edges_have_the_context_of_the_whole_text() -> None:
    pack = parse_pack(
        "pack: p\ndetector: demo\nrules:\n"
        "  - {id: left, entity: X, score: 0.5, keywords: [kw], window: 2, pattern: '\\b\\w{4}kw'}\n"
        "  - {id: right, entity: X, score: 0.5, keywords: [qq], window: 2, pattern: 'qq\\w{4}\\b'}\n"
        "  - {id: start, entity: X, score: 0.5, keywords: [zz], window: 1, pattern: '^.zz'}\n",
        "p.yaml",
    )
    engine = RuleEngine([pack])
    # each window starts or ends inside a run of letters: the pattern must see the letter beyond the edge
    assert _found("x" * 10 + "abcdkw", engine) == []
    assert _found("qqabcd" + "x" * 10, engine) == []
    assert _found("x" * 10 + "azz", engine) == []
    assert _found("- abcdkw qqabcd -", engine) == [("demo.left", "abcdkw"), ("demo.right", "qqabcd")]
    assert _found("azz", engine) == [("demo.start", "azz")]


def test_overlapping_windows_report_a_match_once() -> None:
    text = "token: aa11 token token token"
    assert _found(text) == [("demo.token", "aa11")]


def test_empty_text_and_no_hits() -> None:
    assert ENGINE.scan("") == []
    assert ENGINE.scan("nothing to see here") == []


def test_checks_can_trim_extend_and_reject() -> None:
    @register_check("test_engine_unquote")
    def unquote(match: RuleMatch) -> bool | tuple[int, int]:
        value = match.value
        if value.startswith("'") and value.endswith("'"):
            return (match.start + 1, match.end - 1)
        return value != "none"

    @register_check("test_engine_to_match_start")
    def to_match_start(match: RuleMatch, *, enabled: bool = True) -> tuple[int, int]:
        return (match.match_start, match.end) if enabled else (match.start, match.end)

    try:
        pack = parse_pack(
            "pack: p\ndetector: demo\nrules:\n"
            "  - {id: q, entity: PASSWORD, score: 0.5, keywords: [pw], pattern: 'pw=(?P<v>\\S+)',"
            " checks: [test_engine_unquote, {min_length: {chars: 2}}]}\n"
            "  - {id: x, entity: OTHER, score: 0.5, keywords: [id], pattern: 'id#(?P<v>\\d+)',"
            " checks: [test_engine_to_match_start]}\n",
            "p.yaml",
        )
        engine = RuleEngine([pack])
        assert _found("pw='abc' pw=none pw='' pw='a' pw=xyz", engine) == [("demo.q", "abc"), ("demo.q", "xyz")]
        assert _found("see id#42", engine) == [("demo.x", "id#42")]
    finally:
        del CHECK_REGISTRY["test_engine_unquote"], CHECK_REGISTRY["test_engine_to_match_start"]


def test_check_returning_a_span_outside_the_text_raises() -> None:
    @register_check("test_engine_broken")
    def broken(match: RuleMatch) -> tuple[int, int]:
        return (match.start, len(match.text) + 1)

    try:
        pack = parse_pack(
            "pack: p\ndetector: demo\nrules:\n"
            "  - {id: b, entity: X, score: 0.5, pattern: 'k\\d', checks: [test_engine_broken]}\n",
            "p.yaml",
        )
        with pytest.raises(ValueError, match=r"^check of rule demo\.b returned a span outside the text$"):
            RuleEngine([pack]).scan("k1")
    finally:
        del CHECK_REGISTRY["test_engine_broken"]


def test_same_rule_id_in_two_packs_for_one_detector_is_an_error() -> None:
    text = "pack: {name}\ndetector: demo\nrules:\n  - {{id: r, entity: X, score: 0.5, pattern: a}}\n"
    first, second = parse_pack(text.format(name="one"), "one.yaml"), parse_pack(text.format(name="two"), "two.yaml")
    with pytest.raises(RulePackError) as caught:
        RuleEngine([first, second], sources=["one.yaml", "two.yaml"])
    assert str(caught.value) == "two.yaml: rule 'r': id: 'demo.r' is also defined in one.yaml"


def test_pack_order_does_not_change_results() -> None:
    other = parse_pack(
        "pack: other\ndetector: extra\nrules:\n  - {id: t, entity: API_KEY, score: 0.9, keywords: [token],"
        " pattern: '(?i)token: (?P<v>\\w+)'}\n",
        "other.yaml",
    )
    main = parse_pack(PACK, "engine-tests.yaml")
    text = "TOKEN: ab12 and 4321 pin"
    assert RuleEngine([main, other]).scan(text) == RuleEngine([other, main]).scan(text)
    assert [f.detector for f in RuleEngine([other, main]).scan(text)] == ["demo.token", "extra.t", "demo.pin_before"]


def test_validate_examples_reports_each_failure() -> None:
    pack = parse_pack(
        "pack: p\ndetector: demo\nrules:\n"
        "  - id: good\n    entity: X\n    score: 0.5\n    keywords: [code]\n    pattern: 'code (?P<v>\\d{4})'\n"
        "    examples: {match: [{text: 'code 1234', value: '1234'}], no_match: ['code 12']}\n"
        "  - id: bad\n    entity: X\n    score: 0.5\n    pattern: 'n(?P<v>\\d+)'\n"
        "    examples: {match: [{text: 'n12 n34', value: '12'}, {text: 'n5', value: 'n5'}], no_match: ['n7']}\n"
        "  - id: bare\n    entity: X\n    score: 0.5\n    pattern: 'z'\n",
        "p.yaml",
    )
    assert RuleEngine([pack]).validate_examples() == [
        "demo.bad: match[0] reports ['12', '34'], expected ['12']",
        "demo.bad: match[1] reports ['5'], expected ['n5']",
        "demo.bad: no_match[0] reports ['7']",
        "demo.bare: no match example",
        "demo.bare: no no_match example",
    ]


# --- windowed scan == whole-text scan ------------------------------------------------------------
# Every pattern above contains its keyword, and each rule's window is exactly the longest stretch its
# match can reach beyond the keyword, so a windowed scan must find exactly what a scan of the whole text
# finds, whatever surrounds the matches; one character less and it would not.
_PIECES = [
    "token", "TOKEN", "Token", "toKen", "pin", "PIN", "user:", "user", "User: ", "secret=", "password=", "pass=",
    "ſecret=", "\u212aey", ":", "=", " ", "  ", "\t", "\n", "\n", "\r\n", "ab12", "x9", "7", "12345", "zz",
    "AB-123", "q-77", "İ", "ß", "é", "Ω", "🙂", "x" * 30, "-", ";", "'", "abcdefgh", "123456",
]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_PIECES), max_size=120).map("".join)


@given(_TEXTS)
@example("user: ab12\nuser:x9")
@example("x" * 30 + "x" * 30 + "token: ab12" + "x" * 30)
@example("token=ab12token=ab12")
@example("x" * 30 + "token:  abcdefgh" + "x" * 30)
@example("x" * 30 + "123456 pin" + "x" * 30)
def test_windowed_scan_equals_whole_text_scan(text: str) -> None:
    windowed = ENGINE.scan(text)
    assert windowed == ENGINE.scan(text, windowed=False)
    assert windowed == sorted(windowed, key=lambda f: (f.start, f.end, f.entity_type, f.detector))
    assert len({(f.start, f.end, f.detector) for f in windowed}) == len(windowed)


@given(_TEXTS)
def test_scan_is_deterministic(text: str) -> None:
    assert ENGINE.scan(text) == ENGINE.scan(text) == RuleEngine([parse_pack(PACK, "again")]).scan(text)


@register_check("test_capitalised_start")
def _capitalised_start(match: RuleMatch) -> bool:
    return match.value[:1].isupper()


RETRY_PACK = r"""
pack: retry-tests
detector: demo
rules:
  - id: firm
    entity: ORGANIZATION
    score: 0.7
    pattern: '(?:^|\()(?P<v>\w+(?: \w+)* & \w+)'
    checks: [test_capitalised_start]
    retry_inside: true
"""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ruiz & Vega", ["Ruiz & Vega"]),
        # rejected as a whole; on the slice after each space "^" matches again, and "Ruiz & Vega" passes
        ("(our lawyers Ruiz & Vega)", ["Ruiz & Vega"]),
        ("(our lawyers ruiz & vega)", []),
        ("see our lawyers Ruiz & Vega", ["Ruiz & Vega"]),  # "^" at the text start, then the retry
        ("no firm named here", []),
    ],
)
def test_retry_inside_searches_again_from_each_later_word(text: str, expected: list[str]) -> None:
    engine = RuleEngine([parse_pack(RETRY_PACK, "retry.yaml")])
    assert [text[f.start : f.end] for f in engine.scan(text)] == expected
