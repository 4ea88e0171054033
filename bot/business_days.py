"""The City's calendar: which days count as business days for service levels.

A business day, in the City's time zone, is a weekday that is neither an Ontario statutory
(public) holiday, as the `holidays` library knows them, nor one of the Ontario optional holidays
the City also closes on (the Civic Holiday by default; Easter Monday and Remembrance Day are
working days at the City), nor a closure day the City lists in `calendar.closures`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import holidays

SATURDAY = 5
DAY = timedelta(days=1)


class BusinessCalendar:
    def __init__(self, time_zone: str, *, closures: Iterable[date] = (),
                 closed_on: Iterable[str] = ("Civic Holiday",)) -> None:
        self.zone = ZoneInfo(time_zone)
        self.closures = frozenset(closures)
        self.closed_on = frozenset(closed_on)
        self._statutory = holidays.Canada(subdiv="ON")
        self._optional = holidays.Canada(subdiv="ON", categories=("optional",))
        # Per year: how many business days come before each day of it (reports count many
        # spans; each year's days are looked up once).
        self._years: dict[int, list[int]] = {}

    def is_business_day(self, day: date) -> bool:
        if day.weekday() >= SATURDAY or day in self.closures or day in self._statutory:
            return False
        return not self.closed_on.intersection(self._optional.get_list(day))

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def days_waited(self, since: datetime, now: datetime) -> int:
        """Whole business days that passed after the day of `since` and before today."""
        first, today = self.local_date(since) + timedelta(days=1), self.local_date(now)
        return self.count(first, today)

    def count(self, first: date, stop: date) -> int:
        """Business days from `first` up to, not including, `stop`."""
        if stop <= first:
            return 0
        if first.year == stop.year:
            year = self._year(first.year)
            return year[_day_of_year(stop)] - year[_day_of_year(first)]
        total = self._year(first.year)[-1] - self._year(first.year)[_day_of_year(first)]
        total += sum(self._year(y)[-1] for y in range(first.year + 1, stop.year))
        return total + self._year(stop.year)[_day_of_year(stop)]

    def business_days_between(self, start: datetime, end: datetime) -> float:
        """The time from `start` to `end` that fell on business days, in days of 24 hours
        (local time): Friday noon to Monday noon is 1.0; a holiday adds nothing."""
        s = start.astimezone(self.zone).replace(tzinfo=None)
        e = end.astimezone(self.zone).replace(tzinfo=None)
        if e <= s:
            return 0.0
        first, last = s.date(), e.date()
        if first == last:
            return (e - s) / DAY if self._counts(first) else 0.0
        head = (_midnight(first) + DAY - s) / DAY if self._counts(first) else 0.0
        tail = (e - _midnight(last)) / DAY if self._counts(last) else 0.0
        return head + self.count(first + DAY, last) + tail

    def _counts(self, day: date) -> bool:
        """`is_business_day`, read from the year's table."""
        year, index = self._year(day.year), _day_of_year(day)
        return year[index + 1] > year[index]

    def _year(self, year: int) -> list[int]:
        before = self._years.get(year)
        if before is None:
            day, before = date(year, 1, 1), [0]
            while day.year == year:
                before.append(before[-1] + self.is_business_day(day))
                day += DAY
            self._years[year] = before
        return before

    def optional_holiday_names(self, year: int) -> set[str]:
        return set(holidays.Canada(subdiv="ON", categories=("optional",), years=year).values())


def _day_of_year(day: date) -> int:
    return day.toordinal() - date(day.year, 1, 1).toordinal()


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day)
