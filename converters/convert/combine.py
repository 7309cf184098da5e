"""Unilingual pages → questions: the second source form joined to the first.

The Senate publishes each question as a bilingual print page and as a French and a
Dutch unilingual page. A corpus may hold any of them. Here, pure functions decide
what a unilingual page adds:

- beside the print page (or a merged pair) of its question, nothing: it must say
  the same in its language (:func:`disagreement`), else the conflict is reported;
- with the page of the other language, the question in both (:func:`merge_pages`):
  what is said once for both languages (dates, links, author) must agree;
- alone, its own language, with the labels of its party, ministry and descriptors in
  the other language taken from the rest of the corpus where another question prints
  both (:class:`Translations`, :func:`complete`), so that it joins their resources
  rather than minting one-language twins.

The corpus also splits the descriptors that the table extraction joined on one line,
with the labels the other pages print (:func:`split_descriptors`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from ..records import Answer, Author, Bilingual, Language, QuestionRecord


def _flat(text: str) -> str:
    """Text as compared across extractions: the same words, however wrapped."""
    return " ".join(text.split())


def _shared_facts(record: QuestionRecord) -> tuple[object, ...]:
    """What a page says once for both languages."""
    return (
        record.number,
        record.author.name,
        record.date_sent,
        frozenset(event.fact for event in record.events),
        record.answer_deadline,
        record.siblings,
        record.links,
        record.answer.received if record.answer else None,
    )


_SHARED_FACT_NAMES = (
    "number",
    "author",
    "date sent",
    "dates block",
    "answer deadline",
    "sibling questions",
    "reintroductions or requalifications",
    "answer date",
)


def _language_facts(record: QuestionRecord, language: Language) -> tuple[tuple[str, object], ...]:
    """What a page says in ``language``, named."""
    party = record.author.party
    return (
        ("party", party.side(language) if party else None),
        ("addressee", record.addressee.side(language)),
        ("title", _flat(record.title.side(language))),
        ("descriptors", tuple(d.side(language) for d in record.descriptors)),
        ("question text", _flat(record.question_text.side(language))),
        ("answer text", _flat(record.answer.text.side(language)) if record.answer else None),
    )


def disagreement(page: QuestionRecord, question: QuestionRecord) -> str | None:
    """What the unilingual ``page`` says otherwise than ``question`` (a print page or
    merged pair of the same number) in the page's language; None if they agree."""
    language = page.page_language
    assert language is not None
    differing = _differing_shared(page, question)
    if differing is not None:
        return differing
    theirs = dict(_language_facts(question, language))
    if question.joined_descriptors is not None and not question.descriptors:
        del theirs["descriptors"]  # the print page lost their bounds: nothing to compare
    for name, value in _language_facts(page, language):
        if name in theirs and value != theirs[name]:
            return name
    if None not in (page.original_language, question.original_language) and (
        page.original_language is not question.original_language
    ):
        return "original language"
    return None


def _differing_shared(first: QuestionRecord, second: QuestionRecord) -> str | None:
    for name, one, other in zip(
        _SHARED_FACT_NAMES, _shared_facts(first), _shared_facts(second), strict=True
    ):
        if one != other:
            return name
    return None


@dataclass
class Translations:
    """French ↔ Dutch labels that questions printed in both languages pair."""

    pairs: dict[tuple[str, Language, str], str] = field(default_factory=dict)

    @classmethod
    def of(cls, records: Iterable[QuestionRecord]) -> Translations:
        translations = cls()
        for record in records:
            translations.learn_from(record)
        return translations

    def learn_from(self, record: QuestionRecord) -> None:
        if record.author.party is not None:
            self.learn("party", record.author.party)
        self.learn("ministry", record.addressee)
        for descriptor in record.descriptors:
            self.learn("descriptor", descriptor)

    def learn(self, kind: str, label: Bilingual) -> None:
        if label.fr and label.nl:
            self.pairs.setdefault((kind, Language.FR, label.fr), label.nl)
            self.pairs.setdefault((kind, Language.NL, label.nl), label.fr)

    def completed(self, kind: str, label: Bilingual, default_same: bool = False) -> Bilingual:
        """``label`` with its missing side, if known (or, with ``default_same``, the
        side it has: a party name is mostly printed alike in both languages)."""
        if label.fr and label.nl:
            return label
        if label.fr:
            found = self.pairs.get((kind, Language.FR, label.fr))
            return Bilingual(label.fr, found or (label.fr if default_same else ""))
        found = self.pairs.get((kind, Language.NL, label.nl))
        return Bilingual(found or (label.nl if default_same else ""), label.nl)


def complete(page: QuestionRecord, translations: Translations) -> QuestionRecord:
    """A lone unilingual page with its labels in the other language where known."""
    party = page.author.party
    return replace(
        page,
        author=Author(
            page.author.name,
            translations.completed("party", party, default_same=True) if party else None,
        ),
        addressee=translations.completed("ministry", page.addressee),
        descriptors=tuple(translations.completed("descriptor", d) for d in page.descriptors),
    )


def merge_pages(
    french: QuestionRecord, dutch: QuestionRecord, translations: Translations
) -> QuestionRecord | str:
    """One question from its French and its Dutch page; or the name of what they say
    differently (a conflict: they are not merged)."""
    differing = _differing_shared(french, dutch)
    if differing is not None:
        return differing
    languages = {french.original_language, dutch.original_language} - {None}
    if len(languages) > 1:
        return "original language"
    party = None
    if french.author.party and dutch.author.party:
        party = Bilingual(french.author.party.fr, dutch.author.party.nl)
    elif french.author.party or dutch.author.party:
        return "party"
    answer = None
    if french.answer and dutch.answer:
        answer = Answer(french.answer.received, _both(french.answer.text, dutch.answer.text))
    return replace(
        french,
        source=f"{french.source} + {dutch.source}",
        author=Author(french.author.name, party),
        addressee=_both(french.addressee, dutch.addressee),
        title=_both(french.title, dutch.title),
        descriptors=_paired_descriptors(french, dutch, translations),
        original_language=languages.pop() if languages else None,
        question_text=_both(french.question_text, dutch.question_text),
        answer=answer,
        page_language=None,
    )


def _both(french: Bilingual, dutch: Bilingual) -> Bilingual:
    return Bilingual(french.fr, dutch.nl)


def _paired_descriptors(
    french: QuestionRecord, dutch: QuestionRecord, translations: Translations
) -> tuple[Bilingual, ...]:
    """Descriptors paired by position when both pages list as many; else paired where
    the corpus knows the translation, the others kept in their one language."""
    french_labels = [d.fr for d in french.descriptors]
    dutch_labels = [d.nl for d in dutch.descriptors]
    if len(french_labels) == len(dutch_labels):
        return tuple(Bilingual(fr, nl) for fr, nl in zip(french_labels, dutch_labels, strict=True))
    unpaired = list(dutch_labels)
    paired: list[Bilingual] = []
    for label in french_labels:
        known = translations.completed("descriptor", Bilingual(label, "")).nl
        if known in unpaired:
            unpaired.remove(known)
            paired.append(Bilingual(label, known))
        else:
            paired.append(Bilingual(label, ""))
    return (*paired, *(Bilingual("", label) for label in unpaired))


def split_descriptors(record: QuestionRecord, french: set[str], dutch: set[str]) -> QuestionRecord:
    """``record`` with its joined descriptors cut into the ``french`` and ``dutch``
    labels the rest of the corpus prints, paired by position, when each language cuts
    one way only and into as many; else still without descriptors."""
    joined = record.joined_descriptors
    if joined is None:
        return record
    cut_fr, cut_nl = split_joined(joined.fr, french), split_joined(joined.nl, dutch)
    if cut_fr is None or cut_nl is None or len(cut_fr) != len(cut_nl):
        return record
    pairs = tuple(Bilingual(fr, nl) for fr, nl in zip(cut_fr, cut_nl, strict=True))
    return replace(record, descriptors=pairs)


def split_joined(joined: str, labels: set[str]) -> tuple[str, ...] | None:
    """``joined`` cut into known ``labels`` (whole words), when exactly one way of
    cutting it needs the fewest labels; None when none or several do."""
    words = joined.split()
    known = {tuple(label.split()) for label in labels}
    longest = max(map(len, known), default=0)
    # best[end]: (labels used, ways) to cut words[:end]; start[end]: where the last began
    best: list[tuple[int, int] | None] = [(0, 1), *([None] * len(words))]
    start = [0] * (len(words) + 1)
    for end in range(1, len(words) + 1):
        for begin in range(max(0, end - longest), end):
            before = best[begin]
            if before is None or tuple(words[begin:end]) not in known:
                continue
            here = best[end]
            if here is None or before[0] + 1 < here[0]:
                best[end], start[end] = (before[0] + 1, before[1]), begin
            elif before[0] + 1 == here[0]:
                best[end] = (here[0], here[1] + before[1])
    found = best[-1]
    if not words or found is None or found[1] != 1:
        return None
    cut: list[str] = []
    end = len(words)
    while end:
        cut.append(" ".join(words[start[end] : end]))
        end = start[end]
    return tuple(reversed(cut))
