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


class BusinessCalendar:
    def __init__(self, time_zone: str, *, closures: Iterable[date] = (),
                 closed_on: Iterable[str] = ("Civic Holiday",)) -> None:
        self.zone = ZoneInfo(time_zone)
        self.closures = frozenset(closures)
        self.closed_on = frozenset(closed_on)
        self._statutory = holidays.Canada(subdiv="ON")
        self._optional = holidays.Canada(subdiv="ON", categories=("optional",))

    def is_business_day(self, day: date) -> bool:
        if day.weekday() >= SATURDAY or day in self.closures or day in self._statutory:
            return False
        return not self.closed_on.intersection(self._optional.get_list(day))

    def local_date(self, moment: datetime) -> date:
        return moment.astimezone(self.zone).date()

    def days_waited(self, since: datetime, now: datetime) -> int:
        """Whole business days that passed after the day of `since` and before today."""
        first, today = self.local_date(since) + timedelta(days=1), self.local_date(now)
        return sum(1 for n in range((today - first).days)
                   if self.is_business_day(first + timedelta(days=n)))

    def optional_holiday_names(self, year: int) -> set[str]:
        return set(holidays.Canada(subdiv="ON", categories=("optional",), years=year).values())
