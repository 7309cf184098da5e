"""The names of the months in French and Dutch: the Senate prints its dates with them,
and the site shows dates with them in the reader's language."""

FRENCH_MONTH_NAMES = (
    "janvier février mars avril mai juin juillet août septembre octobre novembre décembre".split()
)
DUTCH_MONTH_NAMES = (
    "januari februari maart april mei juni juli augustus september oktober november december"
).split()
