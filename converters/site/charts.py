"""Inline SVG charts that need no JavaScript: bars drawn from numbers.

Each chart is a plain data structure the template draws (``templates/chart.html``),
with a data table beside it for screen readers and for anyone who wants the figures.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    x: float
    y: float
    width: float
    height: float
    href: str | None = None


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    bars: tuple[Bar, ...]
    width: int
    height: int
    horizontal: bool
    value_label: str


def column_chart(
    chart_id: str, title: str, data: list[tuple[str, float]], value_label: str, height: int = 180
) -> Chart:
    """Vertical bars, one per (label, value), for a series such as questions per month."""
    slot = 14.0
    width = max(200, int(slot * len(data)) + 40)
    top = max((value for _, value in data), default=0) or 1
    bars = tuple(
        Bar(
            label=label,
            value=value,
            x=30 + index * slot,
            y=height - 20 - (height - 40) * value / top,
            width=slot - 3,
            height=(height - 40) * value / top,
        )
        for index, (label, value) in enumerate(data)
    )
    return Chart(chart_id, title, bars, width, height, False, value_label)


def bar_chart(
    chart_id: str, title: str, data: list[tuple[str, float, str | None]], value_label: str
) -> Chart:
    """Horizontal bars with their labels, for rankings such as top descriptors."""
    row = 22.0
    width = 640
    label_width = 300.0
    top = max((value for _, value, _ in data), default=0) or 1
    bars = tuple(
        Bar(
            label=label,
            value=value,
            x=label_width,
            y=10 + index * row,
            width=(width - label_width - 60) * value / top,
            height=row - 6,
            href=href,
        )
        for index, (label, value, href) in enumerate(data)
    )
    return Chart(chart_id, title, bars, width, int(20 + row * len(data)), True, value_label)
