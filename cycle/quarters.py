"""Calendar quarters, as the partnership calendar navigates them (`?quarter=2026-Q4`)."""

import re
from dataclasses import dataclass
from datetime import date, timedelta

PATTERN = re.compile(r"^(\d{4})-Q([1-4])$")


@dataclass(frozen=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def of(cls, day: date) -> "Quarter":
        return cls(day.year, (day.month - 1) // 3 + 1)

    @classmethod
    def parse(cls, text: str | None, default: date) -> "Quarter":
        """The quarter named in `text`, or the one of `default` when it names none (or an absurd year)."""
        match = PATTERN.match(text or "")
        if match and 2000 <= int(match[1]) <= 2100:
            return cls(int(match[1]), int(match[2]))
        return cls.of(default)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        following = self.next
        return following.start - timedelta(days=1)

    @property
    def next(self) -> "Quarter":
        return Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)

    @property
    def previous(self) -> "Quarter":
        return Quarter(self.year - 1, 4) if self.number == 1 else Quarter(self.year, self.number - 1)

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"
