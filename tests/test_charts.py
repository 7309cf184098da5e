"""Charts as data the template draws: bars scaled to the largest value, inside the
drawing, in the order given."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from converters.site.charts import bar_chart, column_chart

values = st.lists(st.integers(0, 10_000), max_size=60)


@given(values)
def test_columns_stand_on_one_line_and_fit_the_drawing(data: list[int]) -> None:
    series: list[tuple[str, float]] = [(str(i), v) for i, v in enumerate(data)]
    chart = column_chart("c", "Questions", series, "q")
    assert [bar.value for bar in chart.bars] == data
    for bar in chart.bars:
        assert 0 <= bar.height <= chart.height - 40
        assert abs(bar.y + bar.height - (chart.height - 20)) < 1e-6  # one baseline
        assert bar.x >= 0 and bar.x + bar.width <= chart.width
    if any(data):
        assert max(bar.height for bar in chart.bars) == chart.height - 40


@given(values)
def test_bars_are_as_long_as_their_values_and_keep_their_links(data: list[int]) -> None:
    rows: list[tuple[str, float, str | None]] = [
        (f"label {i}", v, f"descriptor/{i}/") for i, v in enumerate(data)
    ]
    chart = bar_chart("b", "Descriptors", rows, "q")
    assert chart.horizontal and chart.height == int(20 + 22 * len(data))
    assert [bar.href for bar in chart.bars] == [href for _, _, href in rows]
    for bar in chart.bars:
        assert bar.x + bar.width <= chart.width
    top = max(data, default=0)
    for bar, value in zip(chart.bars, data, strict=True):
        if top:
            assert abs(bar.width / (chart.width - 360) - value / top) < 1e-9


def test_an_empty_series_is_a_chart_without_bars() -> None:
    assert column_chart("c", "t", [], "q").bars == ()
    assert bar_chart("b", "t", [], "q").bars == ()
