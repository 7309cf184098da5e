"""Evidence for French or Dutch, and where a FR+NL sequence is best cut."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from converters.parse.language import (
    Vocabulary,
    best_split,
    text_evidence,
    word_evidence,
    words,
    words_evidence,
    words_of,
)

KNOWN_WORDS = ["les", "het", "médias", "sociale", "media", "federale", "twitter", "fédéraux", "x"]


def test_words_split_french_elisions() -> None:
    assert words("L’instauration d'idées") == ["l", "instauration", "d", "idées"]


def test_function_words_and_spelling() -> None:
    assert word_evidence("les") > 0
    assert word_evidence("het") < 0
    assert word_evidence("fédéraux") > 0
    assert word_evidence("overheidsdiensten") < 0
    assert word_evidence("twitter") == 0


def test_paragraph_evidence() -> None:
    assert text_evidence("Quelles mesures envisagez-vous de prendre à cet égard ?") > 0
    assert text_evidence("Welke maatregelen overweegt u in dat verband te nemen?") < 0


def test_document_vocabulary_decides_rare_words() -> None:
    vocabulary = Vocabulary.from_texts(["les médias sociaux"], ["de sociale media", "federale"])
    assert vocabulary.evidence("federale") < 0
    assert vocabulary.evidence("sociaux") > 0
    assert vocabulary.evidence("media") < 0
    assert vocabulary.evidence("twitter") == 0


def test_a_vocabulary_of_words_is_that_of_the_texts_they_were_split_from() -> None:
    french, dutch = ["les médias sociaux", "L'État"], ["de sociale media", "federale"]
    assert Vocabulary.from_words(words_of(french), words_of(dutch)) == Vocabulary.from_texts(
        french, dutch
    )
    assert words_of(french) == ["les", "médias", "sociaux", "l", "état"]


@given(
    st.lists(st.sampled_from(KNOWN_WORDS), max_size=40),
    st.lists(st.sampled_from(KNOWN_WORDS), max_size=5),
    st.lists(st.sampled_from(KNOWN_WORDS), max_size=5),
)
def test_summed_evidence_is_the_sum_word_by_word(
    found: list[str], french: list[str], dutch: list[str]
) -> None:
    """Summed per kind of evidence, in any order: every score is a multiple of 0.5."""
    vocabulary = Vocabulary.from_words(french, dutch)
    expected = 0.0
    for word in found:
        expected += word_evidence(word) + vocabulary.evidence(word)
    assert words_evidence(found, vocabulary) == expected
    assert text_evidence(" ".join(found), vocabulary) == expected


def test_best_split_follows_the_evidence() -> None:
    assert best_split([2, 1, -1, -2]) == 2
    assert best_split([2, 2]) == 2
    assert best_split([-1, -1]) == 0


def test_best_split_refuses_to_guess_and_takes_the_layout_hint() -> None:
    assert best_split([1, 0, -1]) is None
    assert best_split([1, 0, -1], preferred=2) == 2
    assert best_split([1, 0, -1], candidates=[1, 3]) == 1
