"""`read_activity` is msrest's `Activity().deserialize`: the same objects, the same refusals.

The reader walks the common case itself and hands anything else to msrest
(`adapters/teams/activities.py`); an activity read differently would change what every
handler sees, so the two are compared object for object (types, time zones, the unknown keys
kept as `additional_properties`) on what Teams sends and on damaged copies of it.
"""

from __future__ import annotations

import copy
from datetime import datetime, timedelta
from typing import Any

import pytest
from botbuilder.schema import Activity
from hypothesis import given, settings
from hypothesis import strategies as st
from msrest.serialization import Model

from adapters.teams.activities import read_activity, read_timestamp
from tests.fakes.teams_activities import TeamsChat, TeamsUser

CHAT = TeamsChat(service_url="https://smba.trafficmanager.net/amer/")
ACTIVITIES = {
    "card click": CHAT.card_action("approve", {"action": "approve", "value": "approve:R-1:1"}),
    "message": CHAT.message("status"),
    "bot added": CHAT.bot_added(),
    "installation": CHAT.installation_update(),
    "another user": CHAT.for_user(TeamsUser(name="Émile Ñúñez")).message("inbox ✓"),
}


def same(a: Any, b: Any) -> bool:
    """Equal, and of the same types all the way down (msrest's == compares only __dict__)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, Model):
        return vars(a).keys() == vars(b).keys() and all(
            same(value, vars(b)[key]) for key, value in vars(a).items())
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(value, b[key]) for key, value in a.items())
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, datetime):
        return a == b and a.utcoffset() == b.utcoffset() and \
            type(a.tzinfo) is type(b.tzinfo)
    return bool(a == b)


def outcome(read: Any, body: Any) -> tuple[str, Any]:
    try:
        return "read", read(body)
    except Exception as error:  # msrest raises DeserializationError, TypeError...
        return "refused", type(error)


def agree(body: Any) -> None:
    theirs = outcome(lambda b: Activity().deserialize(b), copy.deepcopy(body))
    ours = outcome(read_activity, copy.deepcopy(body))
    assert ours[0] == theirs[0], (ours, theirs)
    assert same(ours[1], theirs[1]), (ours, theirs)


@pytest.mark.parametrize("name", sorted(ACTIVITIES))
def test_what_teams_sends_reads_the_same(name: str) -> None:
    agree(ACTIVITIES[name])


def test_the_common_case_is_not_handed_to_msrest(monkeypatch: pytest.MonkeyPatch) -> None:
    """The point of the reader: a Teams click never goes the slow way."""
    def refuse(*_: Any) -> None:
        raise AssertionError("handed to msrest")

    monkeypatch.setattr(type(read_activity.msrest), "__call__", refuse)
    for body in ACTIVITIES.values():
        assert isinstance(read_activity(body), Activity)


def test_unknown_keys_are_kept_as_msrest_keeps_them() -> None:
    body = {**ACTIVITIES["card click"], "somethingNew": {"x": [1, 2]}}
    body["from"] = {**body["from"], "userRole": "user"}
    agree(body)
    assert read_activity(body).additional_properties == {"somethingNew": {"x": [1, 2]}}
    assert read_activity(body).from_property.additional_properties == {"userRole": "user"}


JSON = st.recursive(
    st.none() | st.booleans() | st.integers(-2**40, 2**40) | st.floats(allow_nan=False)
    | st.text(max_size=12) | st.sampled_from(["2026-12-03T10:00:00Z", "2026-13-40T99:00Z",
                                              "2026-12-03T10:00:00.1234567+05:30", "", "1"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner,
                                                                max_size=3),
    max_leaves=8)


def paths(value: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    found = [prefix] if prefix else []
    if isinstance(value, dict):
        for key, inner in value.items():
            found += paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            found += paths(inner, (*prefix, index))
    return found


@settings(max_examples=300, deadline=None)
@given(name=st.sampled_from(sorted(ACTIVITIES)), data=st.data())
def test_damaged_activities_read_or_are_refused_the_same(name: str, data: st.DataObject) -> None:
    body = copy.deepcopy(ACTIVITIES[name])
    for _ in range(data.draw(st.integers(1, 3))):
        path = data.draw(st.sampled_from(paths(body)))
        parent = body
        for step in path[:-1]:
            parent = parent[step]
        parent[path[-1]] = data.draw(JSON)
    agree(body)


@given(body=JSON)
def test_anything_that_is_not_an_activity_is_refused_or_read_the_same(body: Any) -> None:
    agree(body)


def _digits(size: int) -> st.SearchStrategy[str]:
    return st.text("0123456789", min_size=size, max_size=size)


TIMESTAMPS = st.builds(
    lambda date, time, fraction, zone: f"{date}T{time}{fraction}{zone}",
    st.builds("{}-{}-{}".format, _digits(4), _digits(2), _digits(2))
    | st.sampled_from(["2026-12-05", "0001-01-01", "9999-12-31", "2024-02-29"]),
    st.builds("{}:{}:{}".format, _digits(2), _digits(2), _digits(2))
    | st.sampled_from(["10:01:02", "00:00:00", "23:59:59", "24:00:00"]),
    st.sampled_from(["", "."]).flatmap(
        lambda dot: st.just("") if not dot else st.text("0123456789", max_size=9).map(
            lambda digits: dot + digits)),
    st.sampled_from(["", "Z", "z", "+00:00", "-00:00"])
    | st.builds("{}{}:{}".format, st.sampled_from("+-"), _digits(2), _digits(2)))


@settings(max_examples=500, deadline=None)
@given(raw=TIMESTAMPS)
def test_timestamps_read_as_msrest_reads_them(raw: str) -> None:
    """Teams' timestamps are built directly; every other shape still goes to msrest."""
    from msrest.serialization import Deserializer

    ours, theirs = outcome(read_timestamp, raw), outcome(Deserializer.deserialize_iso, raw)
    assert ours[0] == theirs[0], (raw, ours, theirs)
    assert same(ours[1], theirs[1]), (raw, ours, theirs)  # the datetime, or the error's type


def test_a_teams_timestamp_is_read_without_msrest(monkeypatch: pytest.MonkeyPatch) -> None:
    from msrest.serialization import Deserializer

    def refuse(*_: Any) -> None:
        raise AssertionError("handed to msrest")

    monkeypatch.setattr(Deserializer, "deserialize_iso", staticmethod(refuse))
    read = read_timestamp("2026-12-05T15:01:02.1234567Z")
    assert (read.isoformat(), read.utcoffset()) == ("2026-12-05T15:01:02.123456+00:00",
                                                    timedelta(0))
    local = read_timestamp("2026-12-05T10:01:02.123-05:00")
    assert local == read.replace(microsecond=123000) and local.tzname() == "-05:00"
