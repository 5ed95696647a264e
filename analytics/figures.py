"""The rows of the figures as pages, the API and the CSV show them: a group, its label, its counts and shares."""

from dataclasses import dataclass, field

from django.utils.translation import get_language

from analytics import selectors
from commitments.models import Member, Region
from common.cache import cached
from common.text import sort_key

LABELS = {"region": Region, "kind": Member.Kind}


@dataclass
class FigureRow:
    group: str
    label: str
    commitments: int = 0
    completion_assessed: int = 0
    completed: int = 0
    impact_assessed: int = 0
    transformative: int = 0
    starred: int = 0
    opened_government: int = 0
    diog_assessed: int = 0
    label_language: str = field(default="", compare=False)

    # `{{ row|localized }}` marks a name shown in another language than the page's.
    @property
    def display_name(self) -> str:
        return self.label

    @property
    def display_language(self) -> str | None:
        return self.label_language or None

    def as_dict(self) -> dict:
        """The row of the API and the CSV: exactly selectors.KEYS."""
        return {key: getattr(self, key) for key in selectors.KEYS}

    @staticmethod
    def _share(part: int, whole: int) -> float | None:
        return round(100 * part / whole, 1) if whole else None

    @property
    def completed_share(self):
        return self._share(self.completed, self.completion_assessed)

    @property
    def transformative_share(self):
        return self._share(self.transformative, self.impact_assessed)

    @property
    def starred_share(self):
        return self._share(self.starred, self.commitments)

    @property
    def opened_share(self):
        return self._share(self.opened_government, self.diog_assessed)


def _label(by: str, values: dict) -> tuple[str, str]:
    """(label, its language when it is a name kept in fewer languages than the page's)."""
    group = values["group"]
    if by in LABELS:
        return str(LABELS[by](group).label) if group in LABELS[by].values else str(group), ""
    if by in selectors.NAMED:
        language = (get_language() or "en")[:2]
        translated = values.get(f"name_{language}") if language in ("fr", "es") else ""
        return (translated, "") if translated else (values["name_en"], "en")
    return str(group), ""


def _counts(values: dict) -> dict:
    return {key: values.get(key) or 0 for key in (*selectors.COUNTS, "diog_assessed")}


def total_row(*, label: str, member: Member | None = None, challenge_area=None) -> FigureRow:
    """The figures of all assessed commitments (of the partnership, of one member or one challenge area)."""
    group = member.slug if member else challenge_area.slug if challenge_area else "all"
    if member is None and challenge_area is None:
        # The same beside every member's and challenge area's figures: counted once per content version (its
        # query costs more to build than to run: about 12 ms of CPU on each member page that was not cached).
        counts = cached("analytics:partnership-total", selectors.figures_total)
    else:
        counts = selectors.figures_total(member=member, challenge_area=challenge_area)
    return FigureRow(group=group, label=label, **_counts(counts))


def breakdown_rows(*, by: str, member: Member | None = None, challenge_area=None) -> list[FigureRow]:
    """One row per group of the breakdown `by`, ordered by label (start years in order)."""
    rows = []
    for values in selectors.figures_by(by=by, member=member, challenge_area=challenge_area):
        label, language = _label(by, values)
        rows.append(FigureRow(group=str(values["group"]), label=label, label_language=language, **_counts(values)))
    if by != "start_year":
        rows.sort(key=lambda row: sort_key(row.label))  # "États-Unis" among the E, not after "Zambie"
    return rows
