"""Splitting a print page's title line into its French and Dutch titles.

The print page runs both titles together on one line with no separator:
``… - Recours aux médias sociaux Federale overheidsdiensten - …``. Each title is
`` - ``-joined segments, so the cut lies between two words of one segment; the two
titles mostly have as many segments, and the Dutch one starts with a capital. Among
the cut points those hints leave, the one that agrees best with the words' language
(:mod:`.language`), helped by the document's own vocabulary, wins. Words that carry
no evidence either way (``Nombres Nationale``) can leave several cuts tied: then the
titles being translations of each other settles it, segment by segment (the cut that
makes the French and Dutch first and last segments closest in length), and then the
earliest cut, which gives the neutral words to the Dutch title (Dutch titles open with
cognates, ``Nationale Maatschappij``, ``FOD Economie``, more often than French ones end
with them in the real pages measured). A title with no evidence at all is refused.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import accumulate

from ..records import Bilingual
from .errors import ParseError
from .language import Vocabulary, split_agreement, text_evidence
from .lines import Line

_DASHES = frozenset({"-", "–"})
_MOST_TIES = 64
"""More cut points tied than this (a real title has a few dozen words) is no title."""


def split_title(lines: Sequence[Line], vocabulary: Vocabulary, source: str) -> Bilingual:
    tokens = " ".join(line.text for line in lines).split()
    cut_points = [
        k
        for k in range(1, len(tokens))
        if tokens[k - 1] not in _DASHES and tokens[k] not in _DASHES
    ]
    dashes_before = list(accumulate((token in _DASHES for token in tokens), initial=0))
    total_dashes = dashes_before[-1]
    balanced = [k for k in cut_points if 2 * dashes_before[k] == total_dashes]
    candidates = balanced or cut_points
    capitalised = [k for k in candidates if tokens[k][:1].isupper()]
    candidates = capitalised or candidates
    agreement = split_agreement([text_evidence(token, vocabulary) for token in tokens])
    best = max((agreement[k] for k in candidates), default=None)
    tied = [k for k in candidates if agreement[k] == best][:_MOST_TIES]
    mismatch = {k: _segment_mismatch(tokens, k) for k in tied}
    closest = [k for k in tied if mismatch[k] == min(mismatch.values())]
    undecided = len(closest) > 1 and not any(agreement)
    if not closest or undecided or len(tied) == _MOST_TIES:
        raise ParseError(
            source,
            lines[0].number,
            "a title line whose French and Dutch halves can be told apart",
        )
    cut = closest[0]
    return Bilingual(" ".join(tokens[:cut]), " ".join(tokens[cut:]))


def _segment_mismatch(tokens: list[str], cut: int) -> int:
    """How far apart in length the two titles' first segments, and their last ones,
    are when cut at ``cut``."""
    french = _segments(tokens[:cut])
    dutch = _segments(tokens[cut:])
    return abs(len(french[0]) - len(dutch[0])) + abs(len(french[-1]) - len(dutch[-1]))


def _segments(tokens: list[str]) -> list[str]:
    segments: list[list[str]] = [[]]
    for token in tokens:
        if token in _DASHES:
            segments.append([])
        else:
            segments[-1].append(token)
    return [" ".join(segment) for segment in segments]
