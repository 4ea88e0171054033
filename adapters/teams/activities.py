"""Reading an activity's JSON into botbuilder's `Activity`: msrest's answer, at a third of its CPU.

`Activity().deserialize(body)` (msrest) was the largest single cost of a Teams click: about
190 us of a 1.1 ms invoke. msrest is general (XML, flattened keys, polymorphic models, strings
read as numbers), and pays for that generality on every attribute of every model: ~60
attribute descriptions copied, two key extractors, a regular expression per key, and the set of
each model's known keys worked out again. `ActivityReader` keeps msrest for everything it
decides and only walks the common case itself:

- every model under `Activity` is planned once from its `_attribute_map` (attribute, JSON key,
  type). A model with a polymorphic `_subtype_map`, a flattened ("a.b") key or a type the plan
  does not know is never walked here;
- a value is taken as it is only where msrest would return it unchanged: a JSON string for
  `str`, a boolean for `bool`, an integer (not a boolean) for `int`, a list for `[...]`, an
  object for `{...}` and for a model. A timestamp in Teams' own shape
  ("2026-12-05T10:01:02.1234567Z", or an offset such as "-05:00") is built directly, as msrest
  builds it (the fraction cut to microseconds, isodate's `UTC` or `FixedOffset`): isodate's
  general parser was about a twentieth of an invoke's CPU. Other timestamps and free-form objects go
  through msrest's own `deserialize_iso` and `deserialize_object`; the model is made by msrest's
  `_instantiate_model`, with the unknown keys as its `additional_properties`, as msrest does;
- anything else (a number where a string belongs, a string for a model, a timestamp msrest
  refuses, any surprise at all) sends the whole body to msrest (`_JsonDeserializer`, its
  deserializer built once), which answers or raises exactly as `Activity.deserialize` would.

`tests/teams/test_activity_reader.py` checks the two agree, object for object and type for
type, on Teams' activities and on hypothesis' damaged copies of them.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from botbuilder.schema import Activity
from isodate import UTC, FixedOffset
from msrest.serialization import (
    _FLATTEN,
    Deserializer,
    Model,
    _decode_attribute_map_key,
    rest_key_extractor,
)

# How a value of each msrest type is read: (kind, inner type), kind one of the names below.
Plan = tuple[tuple[str, str, tuple[str, Any]], ...]  # (attribute, JSON key, how)
_BASIC = ("str", "bool", "int", "iso-8601", "object")


# What Teams sends: a UTC time with 7 fractional digits, or a local one with its offset.
_TIMESTAMP = re.compile(r"(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)(?:\.(\d+))?"
                        r"(Z|([+-])(\d\d):(\d\d))?", re.ASCII)


def read_timestamp(raw: str) -> datetime:
    """`Deserializer.deserialize_iso(raw)`: the same datetime, the same time zone class."""
    match = _TIMESTAMP.fullmatch(raw)
    if match is None:
        return Deserializer.deserialize_iso(raw)
    year, month, day, hour, minute, second, fraction, zone, sign, zone_hours, zone_minutes = \
        match.groups()
    if zone is None:
        tzinfo = None
    elif zone == "Z":
        tzinfo = UTC
    else:
        direction = -1 if sign == "-" else 1
        tzinfo = FixedOffset(direction * int(zone_hours), direction * int(zone_minutes), zone)
    microsecond = int(fraction[:6].ljust(6, "0")) if fraction else 0
    try:
        read = datetime(int(year), int(month), int(day), int(hour), int(minute), int(second),
                        microsecond, tzinfo)
        read.utctimetuple()  # as msrest: an offset of a day or more, a year outside 1-9999 in UTC
    except (ValueError, OverflowError):  # no such time: msrest says how it refuses it
        return Deserializer.deserialize_iso(raw)
    return read


class _Unusual(Exception):
    """Outside the common case: msrest reads the whole body."""


class _JsonDeserializer(Deserializer):
    """msrest's own deserializer (what `Activity.deserialize` runs), built once, less two
    things that cannot change its answer for a JSON body: the XML key extractor (it returns
    None for anything but an XML element) and the set of a model's known keys, which msrest
    works out again (a regular expression per attribute) for every model it reads."""

    def __init__(self, classes: dict[str, Any]) -> None:
        super().__init__(classes)
        self.key_extractors = [rest_key_extractor]
        self._known: dict[int, tuple[dict[str, Any], set[str]]] = {}

    def _build_additional_properties(self, attribute_map: dict[str, Any],
                                     data: Any) -> dict[str, Any] | None:
        if not isinstance(data, dict) or not self.additional_properties_detection or (
                "additional_properties" in attribute_map
                and attribute_map.get("additional_properties", {}).get("key") != ""):
            return super()._build_additional_properties(attribute_map, data)
        cached = self._known.get(id(attribute_map))
        if cached is None or cached[0] is not attribute_map:
            cached = self._known[id(attribute_map)] = (attribute_map, {
                _decode_attribute_map_key(_FLATTEN.split(desc["key"])[0])
                for desc in attribute_map.values() if desc["key"] != ""})
        return {key: data[key] for key in set(data.keys()) - cached[1]}


class ActivityReader:
    """`reader(body)` is `Activity().deserialize(body)`: the same objects, the same errors."""

    def __init__(self) -> None:
        self._models: dict[str, Any] = Activity._infer_class_models()
        self.msrest = _JsonDeserializer(self._models)
        self._plans: dict[str, Plan | None] = {}

    def __call__(self, body: Any) -> Activity:
        try:
            activity = self._model("Activity", body)
        except Exception:  # _Unusual, or msrest refusing a leaf: msrest decides, as before
            return self.msrest("Activity", body)
        return activity

    # -- the walk ----------------------------------------------------------------------------

    def _model(self, name: str, data: Any) -> Any:
        plan = self._plan(name)
        if plan is None or type(data) is not dict:
            raise _Unusual(name)
        values = {}
        for attribute, key, how in plan:
            raw = data.get(key)
            values[attribute] = None if raw is None else self._value(raw, how)
        model = self._models[name]
        extra = self.msrest._build_additional_properties(model._attribute_map, data)
        return self.msrest._instantiate_model(model, values, extra)

    def _value(self, raw: Any, how: tuple[str, Any]) -> Any:
        kind, inner = how
        if kind == "str" and type(raw) is str:
            return raw
        if kind == "bool" and type(raw) is bool:
            return raw
        if kind == "int" and type(raw) is int:
            return raw
        if kind == "iso-8601" and type(raw) is str:
            return read_timestamp(raw)
        if kind == "object":
            return self.msrest.deserialize_object(raw)
        if kind == "model":
            return self._model(inner, raw)
        if kind == "list" and type(raw) is list:
            return [None if item is None else self._value(item, inner) for item in raw]
        if kind == "dict" and type(raw) is dict:
            return {k: None if v is None else self._value(v, inner) for k, v in raw.items()}
        raise _Unusual(kind)

    # -- the plans ---------------------------------------------------------------------------

    def _plan(self, name: str) -> Plan | None:
        if name in self._plans:
            return self._plans[name]
        model = self._models.get(name)
        plan: Plan | None = None
        if isinstance(model, type) and issubclass(model, Model) and \
                not getattr(model, "_subtype_map", None):
            steps = []
            for attribute, description in model._attribute_map.items():
                key = description["key"]
                if attribute == "additional_properties" and key == "":
                    continue  # what msrest skips too
                how = self._how(description["type"])
                if how is None or "." in key or "\\" in key or not key:
                    break
                steps.append((attribute, key, how))
            else:
                plan = tuple(steps)
        self._plans[name] = plan
        return plan

    def _how(self, data_type: str) -> tuple[str, Any] | None:
        if data_type in _BASIC:
            return data_type, None
        if len(data_type) > 2 and data_type[0] + data_type[-1] in ("[]", "{}"):
            inner = self._how(data_type[1:-1])
            if inner is None:
                return None
            return ("list" if data_type[0] == "[" else "dict"), inner
        model = self._models.get(data_type)
        if isinstance(model, type) and issubclass(model, Model):
            return "model", data_type
        return None


read_activity = ActivityReader()
