"""A question's unilingual pages: merged, checked against its print page, or completed."""

from __future__ import annotations

from dataclasses import replace

import pytest

from converters.convert.combine import (
    Translations,
    complete,
    disagreement,
    merge_pages,
    split_descriptors,
    split_joined,
)
from converters.parse import read_document
from converters.records import Bilingual, Language, QuestionRecord
from converters.synth.source_writer import as_single_page
from converters.synth.synthetic import synthetic_questions

from .conftest import REAL


def page(name: str) -> QuestionRecord:
    return read_document((REAL / name).read_bytes(), name).record


def test_a_french_and_a_dutch_page_make_one_question_in_both_languages() -> None:
    merged = merge_pages(page("5-3040-uni-fr.txt"), page("5-3040-uni-nl.txt"), Translations())
    assert isinstance(merged, QuestionRecord)
    assert merged.page_language is None
    assert merged.source == "5-3040-uni-fr.txt + 5-3040-uni-nl.txt"
    assert merged.title == Bilingual(
        "Emploi des des langues - Déclarations d'impôt - Avertissements-extraits de rôle - "
        "Service public fédéral Finances - Région de Bruxelles-Capitale",
        "Taalgebruik - Belastingaangiften - Belastingaanslagen - Federale Overheidsdienst "
        "Financiën - Brussels Hoofdstedelijk Gewest",
    )
    assert merged.addressee == Bilingual(
        "vice-premier ministre et ministre des Finances et des Réformes institutionnelles",
        "vice-eersteminister en minister van Financiën en Institutionele Hervormingen",
    )
    assert merged.descriptors[0] == Bilingual("administration fiscale", "belastingadministratie")
    assert merged.author.party == Bilingual("N-VA", "N-VA")


def test_descriptor_lists_of_different_lengths_pair_only_where_a_translation_is_known() -> None:
    french, dutch = page("5-1232-uni-fr.txt"), page("5-1232-uni-nl.txt")
    assert (len(french.descriptors), len(dutch.descriptors)) == (4, 3)
    known = Translations()
    known.learn("descriptor", Bilingual("asile politique", "politiek asiel"))
    merged = merge_pages(french, dutch, known)
    assert isinstance(merged, QuestionRecord)
    assert Bilingual("asile politique", "politiek asiel") in merged.descriptors
    assert Bilingual("vacances", "") in merged.descriptors
    assert Bilingual("", "vakantie") in merged.descriptors


def test_pages_that_say_different_things_are_not_merged() -> None:
    french, dutch = page("5-3040-uni-fr.txt"), page("5-3040-uni-nl.txt")
    assert merge_pages(french, replace(dutch, answer_deadline=dutch.date_sent), Translations()) == (
        "answer deadline"
    )


def whole_question() -> QuestionRecord:
    return next(r for r in synthetic_questions(40, seed=5) if r.answer and r.author.party)


def test_a_unilingual_page_that_says_what_the_print_page_says_agrees_with_it() -> None:
    question = whole_question()
    for language in Language:
        assert disagreement(as_single_page(question, language, "p.txt"), question) is None


def test_a_unilingual_page_with_another_title_disagrees() -> None:
    question = whole_question()
    french = as_single_page(question, Language.FR, "p.txt")
    retitled = replace(french, title=Bilingual(french.title.fr + " (bis)", ""))
    assert disagreement(retitled, question) == "title"


def test_a_lone_page_takes_the_other_language_from_the_corpus_where_known() -> None:
    lone = page("4-4189-uni-nl.txt")
    known = Translations()
    known.learn(
        "ministry",
        Bilingual(
            "vice-premier ministre et ministre de la Fonction publique, des Entreprises "
            "publiques et des Réformes institutionnelles",
            lone.addressee.nl,
        ),
    )
    completed = complete(lone, known)
    assert completed.addressee.fr.startswith("vice-premier ministre")
    assert completed.author.party == Bilingual("Open Vld", "Open Vld")
    assert completed.descriptors == tuple(Bilingual("", d.nl) for d in lone.descriptors)
    assert completed.title == lone.title and completed.page_language is Language.NL


def test_descriptors_joined_on_one_line_are_cut_into_the_labels_the_corpus_knows() -> None:
    printed = page("4-5376-print-nl.txt")
    assert printed.descriptors == ()
    assert printed.joined_descriptors is not None
    dutch = page("4-5376-uni-nl.txt")
    french = {
        "République démocratique du Congo",
        "Rwanda",
        "conflit interethnique",
        "règlement des différends",
        "coopération militaire",
        "conflit",
    }
    split = split_descriptors(printed, french, {d.nl for d in dutch.descriptors})
    assert split.descriptors == (
        Bilingual("République démocratique du Congo", "Democratische Republiek Congo"),
        Bilingual("Rwanda", "Rwanda"),
        Bilingual("conflit interethnique", "conflict tussen etnische groeperingen"),
        Bilingual("règlement des différends", "beslechting van geschillen"),
        Bilingual("coopération militaire", "militaire samenwerking"),
    )


@pytest.mark.parametrize(
    ("labels", "cut"),
    [
        ({"a b", "c"}, ("a b", "c")),
        ({"a", "b", "a b", "c"}, ("a b", "c")),  # the fewest labels
        ({"a", "b c", "a b", "c"}, None),  # two ways with as few
        ({"a", "b"}, None),  # "c" is known to no one
    ],
)
def test_a_joined_line_is_cut_one_way_or_not_at_all(
    labels: set[str], cut: tuple[str, ...] | None
) -> None:
    assert split_joined("a b c", labels) == cut


def test_descriptors_that_cannot_be_cut_stay_out() -> None:
    printed = page("4-5376-print-nl.txt")
    assert split_descriptors(printed, set(), set()).descriptors == ()
