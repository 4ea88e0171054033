"""No 5xx, ever, from input: damaged copies of every payload the bot handles, really signed.

Each endpoint (Slack's, Teams' authenticated and in local mode, the moderation intake, the HR
leavers feed) gets damaged copies of real payloads of each kind it handles (see
`mutations.damaged`). Whatever
arrives, the answer is never a 5xx, and a refusal (4xx) leaves the store exactly as it was.
A damaged payload that is still well-formed may be acted on (a click with an unknown extra
field is still a click): then it is answered 2xx. `benchmarks/fuzz_endpoints.py` runs the
same properties 10,000 times per endpoint.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.fuzz.mutations import damaged
from tests.fuzz.targets import Fuzzing

EXAMPLES_PER_ENDPOINT = 2000  # 8,000 in all: about 45 s on the 2-core machine


def check_answer(fuzzing: Fuzzing, kind: str, payload: object) -> int:
    status, changed = fuzzing.send(kind, payload)
    assert status < 500, (kind, status, payload)
    assert status < 400 or not changed, (kind, status, "a refusal changed the store")
    return status


def property_for(fuzzing: Fuzzing, examples: int) -> Callable[[], None]:
    kinds = sorted(fuzzing.target.kinds)

    @settings(max_examples=examples, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    @given(st.data())
    def damaged_payloads_never_get_a_5xx(data: st.DataObject) -> None:
        kind = data.draw(st.sampled_from(kinds), label="kind")
        payload = data.draw(damaged(fuzzing.target.kinds[kind]()), label="payload")
        check_answer(fuzzing, kind, payload)

    return damaged_payloads_never_get_a_5xx


@pytest.fixture(params=["slack", "teams", "teams_local_mode", "intake", "hr"])
def fuzzing(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Fuzzing]:
    target = Fuzzing(request.param, tmp_path)
    try:
        yield target
    finally:
        target.close()


def test_every_valid_payload_is_handled_with_a_2xx(fuzzing: Fuzzing) -> None:
    """The undamaged payloads work: the fuzzing starts from what the bot really handles."""
    for kind, build in fuzzing.target.kinds.items():
        status, _ = fuzzing.send(kind, build())
        assert 200 <= status < 300, (kind, status)


def test_damaged_payloads_never_get_a_5xx_and_refusals_change_nothing(fuzzing: Fuzzing) -> None:
    property_for(fuzzing, EXAMPLES_PER_ENDPOINT)()
