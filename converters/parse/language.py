"""Evidence for French versus Dutch in short texts.

Senate documents print French and Dutch next to each other with no marker in between
(a title line, the answer paragraphs). Deciding which words are which is done here,
from evidence in the words themselves: function words, spelling and word endings,
and optionally the document's own vocabulary. A positive score means French, a
negative one Dutch, zero no evidence. The scores are additive over words so callers
can find the split point of a FR+NL sequence that agrees best with the evidence.

General language-identification libraries (lingua, fastText) classify whole
paragraphs well but are unreliable on the two or three words around a title's split
point, and they ship large models; the function-word lists below are short, fixed and
auditable, and the document's own vocabulary settles what they cannot.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache

FRENCH_FUNCTION_WORDS = frozenset(
    """
    le la les l un une des du de d au aux
    à et ou où mais donc or ni car que qu qui
    quoi quel quelle quels quelles dont ce cet cette ces ceci cela
    ça il elle ils elles on nous vous je j me m
    te t se s lui leur leurs mon ma mes ton ta
    tes son sa ses notre nos votre vos en dans par pour
    sur sous avec sans chez entre vers selon depuis pendant contre est
    sont été être avoir ont a avez avons peut peuvent fait faire
    plus moins très aussi ne pas n non oui comme si quand
    comment pourquoi combien y tout tous toute toutes autre autres même mêmes
    afin lors dès ainsi déjà encore toujours jamais rien chaque quelques plusieurs
    certains certaines aucun aucune lequel laquelle lesquels lesquelles auprès parmi via cas
    également
    """.split()
)

DUTCH_FUNCTION_WORDS = frozenset(
    """
    de het een en of maar dus want dat die dit deze
    wie wat welk welke waar waarom hoe hoeveel wanneer ik je jij
    u hij zij ze wij we jullie mij me hem haar ons
    onze uw hun zijn is was waren wordt worden werd werden zal
    zullen kan kunnen moet moeten heeft hebben had hadden van in op
    aan met voor door bij naar over onder uit tot tegen tussen
    zonder volgens sinds tijdens om te er niet geen wel ook nog
    al reeds zo als dan toch nu hier daar alle alles elk
    elke ieder iedere andere enkele sommige veel meer minder zeer heel vanuit
    hiervoor daarvoor waarbij waarvan hierover daarover inzake betreffende omtrent ten ter des
    zich kreeg graag
    """.split()
)

_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)
_ELISION = re.compile(r"^(?:l|d|j|m|n|s|t|c|qu|jusqu|lorsqu|puisqu)['’]", re.IGNORECASE)

_FRENCH_LETTERS = frozenset("éèêàâçôûîùœæ")
_DUTCH_LETTERS = frozenset("ë")
_FRENCH_ENDINGS = (
    "tion",
    "tions",
    "eux",
    "euse",
    "aux",
    "ique",
    "iques",
    "ité",
    "ités",
    "ment",
    "ments",
    "eau",
    "eaux",
    "oir",
    "aire",
    "aires",
    "ées",
    "ée",
    "ière",
    "ier",
    "ois",
    "oise",
    "ance",
    "ence",
)
_DUTCH_ENDINGS = (
    "heid",
    "heden",
    "ing",
    "ingen",
    "lijk",
    "lijke",
    "isch",
    "ische",
    "schap",
    "achtig",
    "tje",
    "tjes",
    "diensten",
    "dienst",
    "aal",
    "eren",
    "ijk",
)
_DUTCH_CLUSTERS = ("ij", "oe", "aa", "uu", "ui", "sch", "kk", "ee", "oo")


def words_of(texts: Iterable[str]) -> list[str]:
    """The :func:`words` of each of ``texts``, one after the other."""
    return [w for text in texts for w in words(text)]


def words(text: str) -> list[str]:
    """The words of ``text`` in order, lower-cased, with French elisions split off."""
    found = _WORD.findall(unicodedata.normalize("NFC", text).lower())
    if "'" not in text and "’" not in text:
        return found
    split: list[str] = []
    for word in found:
        elided = _ELISION.match(word) if ("'" in word or "’" in word) else None
        if elided:
            split.append(elided.group(0)[:-1])
            word = word[elided.end() :]
        if word:
            split.append(word)
    return split


@lru_cache(maxsize=200_000)
def word_evidence(word: str) -> float:
    """How French (positive) or Dutch (negative) one lower-case word looks on its own."""
    score = 0.0
    if word in FRENCH_FUNCTION_WORDS:
        score += 2.0
    if word in DUTCH_FUNCTION_WORDS:
        score -= 2.0
    letters = set(word)
    if letters & _FRENCH_LETTERS:
        score += 1.0
    if letters & _DUTCH_LETTERS:
        score -= 1.0
    if len(word) > 4:
        if word.endswith(_FRENCH_ENDINGS):
            score += 0.5
        if word.endswith(_DUTCH_ENDINGS):
            score -= 0.5
        if any(cluster in word for cluster in _DUTCH_CLUSTERS):
            score -= 0.5
    return score


@dataclass(frozen=True)
class Vocabulary:
    """Words a document is known to use in each language, as further evidence.

    A document's own French and Dutch texts say which language a rare word belongs to
    far better than any general rule: ``overheidsdiensten`` in its title is Dutch
    because its Dutch question uses it and its French question does not.
    """

    french: frozenset[str] = field(default_factory=frozenset)
    dutch: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def from_texts(cls, french: Iterable[str], dutch: Iterable[str]) -> Vocabulary:
        return cls.from_words(words_of(french), words_of(dutch))

    @classmethod
    def from_words(cls, french: Iterable[str], dutch: Iterable[str]) -> Vocabulary:
        """The vocabulary of texts already split into :func:`words`."""
        fr_words, nl_words = set(french), set(dutch)
        return cls(frozenset(fr_words - nl_words), frozenset(nl_words - fr_words))

    def evidence(self, word: str) -> float:
        if word in self.french:
            return 1.5
        if word in self.dutch:
            return -1.5
        return 0.0

    def summed_evidence(self, found: Sequence[str]) -> float:
        """The sum of :meth:`evidence` over ``found``, counted at C speed."""
        if not (self.french or self.dutch):
            return 0.0
        french = sum(map(self.french.__contains__, found))
        dutch = sum(map(self.dutch.__contains__, found))
        return 1.5 * (french - dutch)


NO_VOCABULARY = Vocabulary()


def words_evidence(found: Sequence[str], vocabulary: Vocabulary = NO_VOCABULARY) -> float:
    """The summed evidence of ``found`` words, on their own and in ``vocabulary``.

    Every score is a multiple of 0.5, which floating point adds exactly in any order,
    so summing each kind of evidence apart gives the same total as word by word; a
    generator calling two functions per word took half of a document's parsing."""
    return sum(map(word_evidence, found)) + vocabulary.summed_evidence(found)


def text_evidence(text: str, vocabulary: Vocabulary = NO_VOCABULARY) -> float:
    """The summed evidence of all words in ``text``."""
    return words_evidence(words(text), vocabulary)


def split_agreement(scores: list[float]) -> list[float]:
    """For each cut point ``k`` of a French-then-Dutch sequence of scored items, how
    well "items ``[:k]`` are French and ``[k:]`` Dutch" agrees with the evidence."""
    total = sum(scores)
    agreement: list[float] = []
    french_so_far = 0.0
    for k in range(len(scores) + 1):
        agreement.append(french_so_far - (total - french_so_far))
        if k < len(scores):
            french_so_far += scores[k]
    return agreement


def best_split(
    scores: list[float], candidates: list[int] | None = None, preferred: int | None = None
) -> int | None:
    """Where a French-then-Dutch sequence of scored items is best cut in two.

    Returns ``k`` such that items ``[:k]`` are French and ``[k:]`` Dutch, chosen among
    ``candidates`` (default: every cut point), or ``None`` when the evidence cannot
    tell: two cut points agree with it equally well and neither is ``preferred``, the
    cut point that the layout suggests (an empty separator line) but does not prove.
    """
    agreement = split_agreement(scores)
    points = range(len(agreement)) if candidates is None else candidates
    if not points:
        return None
    best_agreement = max(agreement[k] for k in points)
    best = [k for k in points if agreement[k] == best_agreement]
    if len(best) == 1:
        return best[0]
    if preferred in best:
        return preferred
    return None
