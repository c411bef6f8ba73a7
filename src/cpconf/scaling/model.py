"""The plain data a scaling chart is drawn from: the conferences in date order, the range
the local policy sets, and each participant's scores."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Scale:
    """The scaling question's range (0 to 10 or 1 to 10, from the policy) and what its ends mean."""

    low: int
    high: int
    low_means: str = ""
    high_means: str = ""

    def __post_init__(self) -> None:
        if self.high <= self.low:
            raise ValueError(f"A scale needs high above low, not {self.low} to {self.high}")

    def contains(self, score: int) -> bool:
        return self.low <= score <= self.high


@dataclass(frozen=True)
class Series:
    """One participant's scores: conference index (into `ScalingChart.occasions`) to score.

    `from_report` marks scores a professional gave in their written report, as against
    the scores recorded at the meeting."""

    name: str
    scores: dict[int, int] = field(default_factory=dict)
    from_report: bool = False


@dataclass(frozen=True)
class Wording:
    """The chart's fixed words, so the caller can pass them translated. `description`, when
    given, replaces the description the chart writes for itself."""

    score_axis: str = "Score ({low} to {high})"
    conference_axis: str = "Conference"
    description: str = ""


@dataclass(frozen=True)
class ScalingChart:
    """Everything one chart shows. `occasions` are the conferences' labels in date order."""

    title: str
    scale: Scale
    occasions: tuple[str, ...]
    series: tuple[Series, ...]
    wording: Wording = Wording()

    def __post_init__(self) -> None:
        for one in self.series:
            for index, score in one.scores.items():
                if not 0 <= index < len(self.occasions):
                    raise ValueError(f"{one.name}: no conference number {index}")
                if not self.scale.contains(score):
                    raise ValueError(
                        f"{one.name}: score {score} is outside "
                        f"{self.scale.low} to {self.scale.high}"
                    )


@dataclass(frozen=True)
class TableRow:
    """One participant's row of the table beside the chart: a score or None per occasion."""

    name: str
    from_report: bool
    scores: tuple[int | None, ...]


def table_rows(chart: ScalingChart) -> list[TableRow]:
    """The chart's numbers as table rows, so the table and the picture never disagree."""
    return [
        TableRow(
            name=one.name,
            from_report=one.from_report,
            scores=tuple(one.scores.get(index) for index in range(len(chart.occasions))),
        )
        for one in chart.series
    ]
