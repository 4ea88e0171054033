"""The key-value contract: small adapter state by namespace and key, last write wins."""

from __future__ import annotations

from tests.contract.conftest import Backend


def test_values_round_trip_by_namespace_and_key_and_are_overwritten(backend: Backend) -> None:
    kv = backend.requests
    assert kv.get_value("teams_ref", "adoe") is None
    kv.put_value("teams_ref", "adoe", {"conversation": {"id": "c1"}, "n": 1, "ok": True})
    kv.put_value("teams_ref", "jlee", {"conversation": {"id": "c2"}})
    kv.put_value("other", "adoe", {"x": None})
    kv.put_value("teams_ref", "adoe", {"conversation": {"id": "c3"}})
    backend.reopen()
    kv = backend.requests
    assert kv.get_value("teams_ref", "adoe") == {"conversation": {"id": "c3"}}
    assert kv.get_value("teams_ref", "jlee") == {"conversation": {"id": "c2"}}
    assert kv.get_value("other", "adoe") == {"x": None}
    assert kv.get_value("other", "jlee") is None


def test_a_stored_value_does_not_change_with_the_dict_it_was_given(backend: Backend) -> None:
    value = {"conversation": "c1"}
    backend.requests.put_value("teams_ref", "adoe", value)
    value["conversation"] = "changed"
    assert backend.requests.get_value("teams_ref", "adoe") == {"conversation": "c1"}
