"""The parser: every field of a Senate document, its traps, and its errors."""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from converters.parse import FRENCH_MONTHS, ParseError, parse_document, parse_written_date
from converters.records import Bilingual, Language, QuestionNumber, QuestionRecord

from .conftest import BAD, FUZZ_EXAMPLES, MADE_UP, REAL, SEED, SEED_CRLF_BOM, parse_file

NBSP = "\u00a0"


class TestTheSeed:
    """Question 5-8904, the real document: each fact DESIGN.md section 3 relies on."""

    def test_number_and_legislature(self, seed: QuestionRecord) -> None:
        assert seed.number == QuestionNumber(5, 8904)
        assert str(seed.number) == "5-8904"

    def test_session(self, seed: QuestionRecord) -> None:
        assert seed.session.label == "2012-2013"

    def test_author_and_party(self, seed: QuestionRecord) -> None:
        assert seed.author.name == "Martine Taelman"
        assert seed.author.party == Bilingual("Open Vld", "Open Vld")

    def test_addressee_without_article(self, seed: QuestionRecord) -> None:
        assert seed.addressee == Bilingual(
            "vice-premier ministre et ministre des Pensions",
            "vice-eersteminister en minister van Pensioenen",
        )

    def test_title_split_between_french_and_dutch(self, seed: QuestionRecord) -> None:
        assert seed.title.fr == (
            "Services publics fédéraux - Communication avec les citoyens - "
            "Recours aux médias sociaux"
        )
        assert seed.title.nl == (
            "Federale overheidsdiensten - Communicatie met burgers - Gebruik van sociale media"
        )

    def test_descriptors_paired_by_position(self, seed: QuestionRecord) -> None:
        assert seed.descriptors == (
            Bilingual("ministère", "ministerie"),
            Bilingual("communauté virtuelle", "virtuele gemeenschap"),
            Bilingual("sensibilisation du public", "bewustmaking van de burgers"),
            Bilingual("relation administration-administré", "betrekking tussen overheid en burger"),
            Bilingual("médias sociaux", "sociale media"),
        )

    def test_dates(self, seed: QuestionRecord) -> None:
        assert seed.date_sent == date(2013, 4, 30)
        assert seed.answer is not None
        assert seed.answer.received == date(2013, 5, 8)

    def test_siblings_deduplicated_without_itself(self, seed: QuestionRecord) -> None:
        expected = [QuestionNumber(5, n) for n in range(8900, 8919) if n != 8904]
        assert list(seed.siblings) == expected
        assert len(seed.siblings) == 18

    def test_original_language_is_dutch(self, seed: QuestionRecord) -> None:
        assert seed.original_language is Language.NL

    def test_question_text_french_holds_no_dutch_paragraph(self, seed: QuestionRecord) -> None:
        french = seed.question_text.fr.split("\n\n")
        assert len(french) == 6
        assert french[0].startswith("Ces dernières années")
        assert french[-1].startswith("4) A-t-on enregistré")
        assert not any("sociale media" in p or " het " in p for p in french)

    def test_question_text_dutch_holds_no_french_paragraph(self, seed: QuestionRecord) -> None:
        dutch = seed.question_text.nl.split("\n\n")
        assert len(dutch) == 6
        assert dutch[0].startswith("Bedrijven en overheden")
        assert dutch[-1].endswith("permanente aandacht ?")
        assert not any("médias" in p or " les " in p for p in dutch)

    def test_french_typography_kept(self, seed: QuestionRecord) -> None:
        assert f"questions suivantes{NBSP}:" in seed.question_text.fr

    def test_answer_split_by_language(self, seed: QuestionRecord) -> None:
        assert seed.answer is not None
        french = seed.answer.text.fr.split("\n\n")
        dutch = seed.answer.text.nl.split("\n\n")
        assert french[0].startswith("En réponse à ses questions")
        assert french[1].startswith("Le service des Pensions")
        assert len(french) == 2 and len(dutch) == 2
        assert dutch[0].startswith("In antwoord op haar vragen")
        assert dutch[1].endswith("een afwachtende houding.")

    def test_source_is_recorded(self, seed: QuestionRecord) -> None:
        assert seed.source == "5-8904.txt"


def test_crlf_and_bom_give_the_same_record() -> None:
    plain = parse_file(SEED)
    crlf = parse_document(SEED_CRLF_BOM.read_bytes(), SEED.name)
    assert SEED_CRLF_BOM.read_bytes().startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in SEED_CRLF_BOM.read_bytes()
    assert crlf == plain


def test_text_input_with_bom_is_accepted() -> None:
    text = "\ufeff" + SEED.read_text(encoding="utf-8")
    assert parse_document(text, "seed") == parse_document(SEED.read_bytes(), "seed")


class TestMadeUpVariants:
    def test_asked_in_french_to_a_female_minister(self, made_up: dict[str, QuestionRecord]) -> None:
        record = made_up["5-1201"]
        assert record.original_language is Language.FR
        assert record.addressee == Bilingual("ministre de la Justice", "minister van Justitie")
        assert record.title == Bilingual(
            "Prisons - Transport des détenus", "Gevangenissen - Vervoer van gedetineerden"
        )
        assert record.answer is not None and record.answer.received == date(2013, 2, 28)
        assert record.siblings == (QuestionNumber(5, 1202),)

    def test_unanswered_to_a_secretary_of_state(self, made_up: dict[str, QuestionRecord]) -> None:
        record = made_up["5-1202"]
        assert record.answer is None
        assert record.addressee.fr == "secrétaire d'État à la Mobilité"
        assert record.addressee.nl == "staatssecretaris voor Mobiliteit"
        assert record.question_text.nl.startswith("Dit document is verzonnen")

    def test_no_party_no_siblings_no_descriptors(self, made_up: dict[str, QuestionRecord]) -> None:
        record = made_up["5-1303"]
        assert record.author.party is None
        assert record.siblings == ()
        assert record.descriptors == ()
        assert record.addressee.fr == "vice-première ministre et ministre de l'Intérieur"
        assert record.session.label == "2013-2014"

    def test_every_made_up_document_says_it_is_made_up(self) -> None:
        for path in MADE_UP.glob("*.txt"):
            record = parse_file(path)
            assert "fictif" in record.question_text.fr
            assert "verzonnen" in record.question_text.nl


@pytest.mark.parametrize(
    ("name", "line", "expected"),
    [
        ("empty.txt", 1, "empty document"),
        ("truncated.txt", 26, "question header"),
        ("not-text.txt", 1, "UTF-8 text, found a NUL byte"),
        ("latin-1.txt", 1, "UTF-8 text, found byte 0xc9"),
        ("missing-title.txt", 17, "title"),
        ("answer-header-missing.txt", 109, "the answer"),
    ],
)
def test_bad_documents_give_one_clear_error(name: str, line: int, expected: str) -> None:
    path = BAD / name
    with pytest.raises(ParseError) as caught:
        parse_document(path.read_bytes(), f"bad/{name}")
    error = caught.value
    assert (error.source, error.line) == (f"bad/{name}", line)
    assert expected in error.expected
    assert str(error).startswith(f"bad/{name}:{line}: expected ")
    assert "\n" not in str(error)


def _seed_lines() -> list[str]:
    return SEED.read_text(encoding="utf-8").split("\n")


def _variant(replace: str, by: str) -> str:
    text = SEED.read_text(encoding="utf-8")
    assert replace in text
    return text.replace(replace, by)


@pytest.mark.parametrize(
    ("article_fr", "article_nl", "label_fr", "label_nl"),
    [
        ("au ", "aan de ", "ministre des Finances", "minister van Financiën"),
        ("à la ", "aan de ", "ministre de la Justice", "minister van Justitie"),
        ("à l'", "aan de ", "Intérieur", "Binnenlandse Zaken"),
        ("aux ", "aan het ", "Affaires étrangères", "Buitenlandse Zaken"),
    ],
)
def test_addressee_articles_are_stripped(
    article_fr: str, article_nl: str, label_fr: str, label_nl: str
) -> None:
    text = _variant(
        "au vice-premier ministre et ministre des Pensions", article_fr + label_fr
    ).replace("aan de vice-eersteminister en minister van Pensioenen", article_nl + label_nl)
    assert parse_document(text, "x").addressee == Bilingual(label_fr, label_nl)


def test_author_without_party() -> None:
    text = _variant("de Martine Taelman (Open Vld)", "de Martine Taelman").replace(
        "van Martine Taelman (Open Vld)", "van Martine Taelman"
    )
    author = parse_document(text, "x").author
    assert (author.name, author.party) == ("Martine Taelman", None)


def test_author_with_elided_article() -> None:
    text = _variant("de Martine Taelman (Open Vld)", "d'Anne Exemple (MR)").replace(
        "van Martine Taelman (Open Vld)", "van Anne Exemple (MR)"
    )
    assert parse_document(text, "x").author.name == "Anne Exemple"


def test_author_must_agree_in_both_languages() -> None:
    text = _variant("van Martine Taelman (Open Vld)", "van Martine Vandenberghe (Open Vld)")
    with pytest.raises(ParseError, match="same author and party"):
        parse_document(text, "x")


def test_a_party_printed_differently_in_each_language_keeps_both_labels() -> None:
    text = _variant("de Martine Taelman (Open Vld)", "de Martine Taelman (Indépendant)").replace(
        "van Martine Taelman (Open Vld)", "van Martine Taelman (Onafhankelijke)"
    )
    party = parse_document(text, "x").author.party
    assert party == Bilingual("Indépendant", "Onafhankelijke")


def test_a_party_printed_in_one_language_only_is_an_error() -> None:
    text = _variant("van Martine Taelman (Open Vld)", "van Martine Taelman")
    with pytest.raises(ParseError, match="same author and party"):
        parse_document(text, "x")


def test_question_asked_in_french() -> None:
    text = _variant("(Question posée en néerlandais)", "(Question posée en français)").replace(
        "(Vraag gesteld in het Nederlands)", "(Vraag gesteld in het Frans)"
    )
    assert parse_document(text, "x").original_language is Language.FR


def test_original_language_must_agree() -> None:
    text = _variant("(Question posée en néerlandais)", "(Question posée en français)")
    with pytest.raises(ParseError, match="same original language"):
        parse_document(text, "x")


def test_odd_number_of_descriptor_lines_is_an_error() -> None:
    text = _variant("sociale media\n", "")
    with pytest.raises(ParseError, match="descriptors in pairs") as caught:
        parse_document(text, "x")
    assert caught.value.line == 19


def test_conflicting_dates_in_the_dates_block() -> None:
    lines = _seed_lines()
    index = lines.index("8/5/2013Antwoord", 31)
    lines[index] = "9/5/2013Antwoord"
    with pytest.raises(ParseError, match="the same dated events in both columns"):
        parse_document("\n".join(lines), "x")


def test_answer_date_must_match_the_dates_block() -> None:
    text = _variant("8/5/2013Antwoord", "9/5/2013Antwoord")
    with pytest.raises(ParseError, match="answer date of the dates block"):
        parse_document(text, "x")


def test_mismatched_numbers_are_an_error() -> None:
    text = _variant("Vraag nr. 5-8904 d.d.", "Vraag nr. 5-8905 d.d.")
    with pytest.raises(ParseError, match="repeat the number 5-8904"):
        parse_document(text, "x")


def test_impossible_calendar_date() -> None:
    text = _variant("30/4/2013Verzending vraag", "31/4/2013Verzending vraag")
    with pytest.raises(ParseError, match="real calendar date"):
        parse_document(text, "x")


def test_unreadable_sibling_line() -> None:
    text = _variant("question écrite 5-8900\n", "question 5 8900\n")
    with pytest.raises(ParseError, match="Aussi posée à"):
        parse_document(text, "x")


def test_question_without_text_is_an_error() -> None:
    lines = _seed_lines()
    header = next(i for i, line in enumerate(lines) if line.startswith("Question n°"))
    with pytest.raises(ParseError, match="the question text") as caught:
        parse_document("\n".join(lines[: header + 1]), "x")
    assert caught.value.line == header + 1


def test_undecidable_title_is_an_error_not_a_guess() -> None:
    text = _variant(
        "Services publics fédéraux - Communication avec les citoyens - Recours aux médias sociaux "
        "Federale overheidsdiensten - Communicatie met burgers - Gebruik van sociale media",
        "Xyz Qrs Tuv",
    )
    with pytest.raises(ParseError, match="French and Dutch halves"):
        parse_document(text, "x")


def test_huge_document_is_refused_without_reading_it_all() -> None:
    with pytest.raises(ParseError, match="a document under"):
        parse_document(b"x" * 3_000_000, "huge")


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("8 mai 2013", date(2013, 5, 8)),
        ("1er août 2014", date(2014, 8, 1)),
        ("31 décembre 2012", date(2012, 12, 31)),
        ("31 février 2012", None),
        ("8 mei 2013", None),
        ("mai 2013", None),
    ],
)
def test_french_written_dates(written: str, expected: date | None) -> None:
    assert parse_written_date(written, FRENCH_MONTHS) == expected


def test_source_is_the_name_given(tmp_path: Path) -> None:
    assert parse_document(SEED.read_bytes(), "any/name.txt").source == "any/name.txt"


# -- properties ----------------------------------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

_CORPUS_TEXTS = [SEED.read_text(encoding="utf-8")] + [
    path.read_text(encoding="utf-8")
    for path in [*sorted(MADE_UP.glob("*.txt")), *sorted(REAL.glob("*.txt"))]
]
"""The seed, the made-up documents and the real pages of both forms and extractions."""


@st.composite
def mutated_documents(draw: st.DrawFn) -> str:
    """A real or made-up page with lines dropped, duplicated, swapped, cut or garbled."""
    lines = draw(st.sampled_from(_CORPUS_TEXTS)).split("\n")
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        j = draw(st.integers(0, len(lines) - 1))
        operation = draw(
            st.sampled_from(["drop", "duplicate", "swap", "truncate", "garble", "insert"])
        )
        if operation == "drop":
            del lines[i]
        elif operation == "duplicate":
            lines.insert(i, lines[i])
        elif operation == "swap":
            lines[i], lines[j] = lines[j], lines[i]
        elif operation == "truncate":
            lines = lines[:i]
        elif operation == "garble":
            cut = draw(st.integers(0, len(lines[i])))
            lines[i] = lines[i][:cut] + draw(st.text(max_size=20)) + lines[i][cut:]
        else:
            lines.insert(i, draw(st.text(max_size=80)))
    return "\n".join(lines)


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_documents())
def test_mutated_documents_give_a_record_or_a_parse_error(text: str) -> None:
    try:
        record = parse_document(text.encode("utf-8", errors="surrogatepass"), "mutant")
    except ParseError as error:
        assert error.source == "mutant"
        lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        assert 1 <= error.line <= lines + 1
        assert error.expected
    else:
        assert isinstance(record, QuestionRecord)
        assert record.number not in record.siblings


@settings(max_examples=FUZZ_EXAMPLES // 2, deadline=None)
@given(st.binary(max_size=4000))
def test_random_bytes_never_crash_the_parser(data: bytes) -> None:
    try:
        parse_document(data, "random")
    except ParseError as error:
        assert error.line >= 1


# -- fuzzing: encodings, truncation, huge lines, bounded time ---------------------------

import time  # noqa: E402

SEED_TEXT = SEED.read_text(encoding="utf-8")


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252", "utf-16", "utf-16-le", "utf-32"])
def test_other_encodings_give_a_parse_error_with_a_line(encoding: str) -> None:
    data = SEED_TEXT.encode(encoding, errors="replace")
    with pytest.raises(ParseError) as caught:
        parse_document(data, "encoded.txt")
    assert caught.value.line >= 1
    assert "UTF-8" in caught.value.expected


def test_truncation_at_every_line_gives_a_record_or_a_parse_error() -> None:
    lines = SEED_TEXT.split("\n")
    outcomes: Counter[str] = Counter()
    for cut in range(len(lines) + 1):
        try:
            parse_document("\n".join(lines[:cut]), "cut")
            outcomes["record"] += 1
        except ParseError as error:
            assert 1 <= error.line <= cut + 1
            outcomes["error"] += 1
    assert outcomes["error"] > 50 and outcomes["record"] >= 1


@pytest.mark.parametrize(
    ("replace", "by"),
    [
        ("de Martine Taelman (Open Vld)", "de " + "x" * 1_000_000 + " ("),
        ("Services publics", "Services " + "a " * 500_000),
        ("Ces dernières", "mot " * 250_000),
        ("5-8904 Schriftelijke", "5-" + "9" * 100_000 + " Schriftelijke"),
        ("de Martine Taelman (Open Vld)", "de " + "(" * 300_000),
        ("30/4/2013Verzending", "30/4/2013" + "9" * 500_000),
    ],
)
def test_huge_lines_are_handled_in_bounded_time(replace: str, by: str) -> None:
    text = SEED_TEXT.replace(replace, by, 1)
    started = time.perf_counter()
    try:
        parse_document(text, "huge")
    except ParseError as error:
        assert len(str(error)) < 300, "a message must not quote a whole line"
    assert time.perf_counter() - started < 5


@settings(max_examples=FUZZ_EXAMPLES // 6, deadline=None)
@given(st.lists(st.integers(0, 120), min_size=1, max_size=6), st.integers(0, 2))
def test_swapped_and_repeated_sections_never_crash(order: list[int], copies: int) -> None:
    sections = SEED_TEXT.split("________________")
    mixed = [sections[i % len(sections)] for i in order] * (copies + 1)
    try:
        parse_document("________________".join(mixed), "mixed")
    except ParseError as error:
        assert error.line >= 1
