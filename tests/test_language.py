"""Evidence for French or Dutch, and where a FR+NL sequence is best cut."""

from __future__ import annotations

from converters.language import Vocabulary, best_split, text_evidence, word_evidence, words


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


def test_best_split_follows_the_evidence() -> None:
    assert best_split([2, 1, -1, -2]) == 2
    assert best_split([2, 2]) == 2
    assert best_split([-1, -1]) == 0


def test_best_split_refuses_to_guess_and_takes_the_layout_hint() -> None:
    assert best_split([1, 0, -1]) is None
    assert best_split([1, 0, -1], preferred=2) == 2
    assert best_split([1, 0, -1], candidates=[1, 3]) == 1
