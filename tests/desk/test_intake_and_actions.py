"""Posts in over HTTP, alerts out, moderators decide once, removals reach the publishing side."""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from aiohttp import ClientSession, web

from adapters.console.session import ConsoleSession
from adapters.webhook.channel import RemovalWebhook
from bot.moderation.desk import AlertAlreadyDecided, AlertRefused
from socialbot.bootstrap import Runtime, build
from socialbot.server import create_app

TOKEN = "intake-token-for-tests"
SECRET = "webhook-secret-for-tests"


def post(post_id: str, text: str, **changes: Any) -> dict[str, Any]:
    body = {
        "platform": "facebook", "board": "City of Pickering",
        "folder": "Green bin collection changes 2027",
        "topic": "Changes to green bin collection days and what goes in the green bin.",
        "post_id": post_id, "author_id": "fb:100200", "author_name": "Pat Jones",
        "text": text, "url": f"https://facebook.example/posts/{post_id}",
        "created_at": "2027-03-04T09:15:00-05:00", "author_is_city": False,
    }
    body.update(changes)
    return body


class PublishingSide:
    """A local stand-in for the City's publishing system: records signed removal calls."""

    def __init__(self, failures: int = 0) -> None:
        self.failures = failures
        self.calls: list[tuple[dict[str, str], dict[str, Any]]] = []

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        stamp = request.headers["X-Socialbot-Timestamp"]
        expected = "v0=" + hmac.new(SECRET.encode(), f"v0:{stamp}:".encode() + body,
                                    hashlib.sha256).hexdigest()
        if request.headers["X-Socialbot-Signature"] != expected:
            return web.Response(status=401)
        self.calls.append((dict(request.headers), json.loads(body)))
        if self.failures:
            self.failures -= 1
            return web.Response(status=500)
        return web.json_response({"removed": True})


@pytest.fixture
async def server(tmp_path: Path, sample_config, clock,  # type: ignore[no-untyped-def]
                 monkeypatch: pytest.MonkeyPatch,
                 ) -> AsyncIterator[tuple[str, Runtime, PublishingSide]]:
    monkeypatch.setenv("MODERATION_INTAKE_TOKEN", TOKEN)
    publishing = PublishingSide(failures=1)
    hook_app = web.Application()
    hook_app.router.add_post("/remove", publishing.handle)
    hook_runner = web.AppRunner(hook_app)
    await hook_runner.setup()
    await web.TCPSite(hook_runner, "127.0.0.1", 0).start()
    hook_url = "http://{}:{}/remove".format(*hook_runner.addresses[0][:2])

    bot = build(sample_config, tmp_path, channel_names=("webhook",), clock=clock)
    bot.dispatcher.poll_seconds = 0.05
    webhook = RemovalWebhook(url=hook_url, secret=SECRET, desk=bot.desk)
    bot.dispatcher.channels["webhook"] = webhook
    app = create_app(bot)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    url = "http://{}:{}".format(*runner.addresses[0][:2])
    yield url, bot, publishing
    await runner.cleanup()
    await hook_runner.cleanup()
    bot.close()


async def send(url: str, body: Any, *, token: str = TOKEN, raw: bytes | None = None,
               headers: dict[str, str] | None = None) -> tuple[int, Any]:
    async with ClientSession() as http, http.post(
            f"{url}/api/moderation/posts", data=raw if raw is not None else json.dumps(body),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json",
                     **(headers or {})}) as answer:
        text = await answer.text()
        return answer.status, json.loads(text) if text.startswith("{") else text


def tables(bot: Runtime) -> dict[str, Any]:
    return {name: dict(bot.store.items(name)) for name in
            ("posts", "alerts", "bans", "outbox", "post_history")}


async def test_a_flagged_post_becomes_an_alert_and_a_removal_reaches_the_webhook(server) -> None:  # type: ignore[no-untyped-def]
    url, bot, publishing = server
    status, body = await send(url, [post("p1", "Thanks for the update, see you Tuesday!"),
                                    post("p2", "Call me at 905-555-0142 for cheap bins")])
    assert status == 200
    first, second = body["results"]
    assert (first["action"], first["alert_id"]) == ("keep", None)
    assert second["action"] == "remove" and second["alert_id"] == "A-1"
    assert "personal_info" in second["labels"] or "commercial" in second["labels"]

    console = ConsoleSession(bot.workflow, "rsingh", desk=bot.desk)
    listing = console.handle("alerts")
    assert "Moderation alert A-1" in listing and "905-555-0142" in listing
    assert "Remove (remove A-1)" in listing
    console.handle("remove A-1")
    bot.dispatcher.wake()
    for _ in range(100):  # the first call answers 500; the outbox retries after ~1 s
        await asyncio.sleep(0.05)
        if bot.desk.get("A-1").removal == "done":
            break
    alert = bot.desk.get("A-1")
    assert alert.removal == "done" and alert.state == "removed"
    assert len(publishing.calls) == 2
    headers, payload = publishing.calls[-1]
    assert payload["post_id"] == "p2" and payload["moderator"] == "Ravi Singh"
    assert headers["X-Socialbot-Delivery"] == "A-1:2:remove_post"
    with pytest.raises(AlertAlreadyDecided, match="removed by Ravi Singh"):
        bot.desk.decide("tlee", "console", "A-1", "keep", step=1)


async def test_a_ban_flags_the_authors_next_post_and_strangers_are_refused(server) -> None:  # type: ignore[no-untyped-def]
    url, bot, _ = server
    await send(url, post("p3", "You are a useless idiot, Councillor Smith"))
    with pytest.raises(AlertRefused, match="Only the City's moderators"):
        bot.desk.decide("adoe", "slack", "A-1", "remove")
    with pytest.raises(AlertRefused, match="reason for the ban"):
        bot.desk.decide("tlee", "teams", "A-1", "ban")
    bot.desk.decide("tlee", "teams", "A-1", "ban", reason="Repeated personal attacks")
    status, body = await send(url, post("p4", "Lovely weather for the bin pickup today."))
    assert status == 200
    [result] = body["results"]
    assert result["banned_author"] is True and result["alert_id"] == "A-2"


async def test_the_same_post_three_times_is_screened_once(server) -> None:  # type: ignore[no-untyped-def]
    url, bot, _ = server
    answers = [await send(url, post("p5", "BUY cheap watches at www.cheapwatchz.biz!!!"))
               for _ in range(3)]
    assert [a[0] for a in answers] == [200, 200, 200]
    assert {a[1]["results"][0]["alert_id"] for a in answers} == {"A-1", None}
    assert len(dict(bot.store.items("alerts"))) == 1


@pytest.mark.parametrize("case", ["no-token", "wrong-token", "bad-json", "not-utf8", "list-of-junk",
                                  "missing-field", "naive-time", "too-long-text", "too-big-body",
                                  "bad-url", "empty-batch"])
async def test_bad_input_gets_a_clear_answer_and_changes_nothing(server, case: str) -> None:  # type: ignore[no-untyped-def]
    url, bot, _ = server
    before = tables(bot)
    kwargs: dict[str, Any] = {}
    body: Any = post("p9", "fine")
    if case == "no-token":
        kwargs["token"] = ""
    elif case == "wrong-token":
        kwargs["token"] = "guess"
    elif case == "bad-json":
        kwargs["raw"] = b'{"platform": "facebook",'
    elif case == "not-utf8":
        kwargs["raw"] = b'{"text": "\xff\xfe"}'
    elif case == "list-of-junk":
        body = [post("p9", "fine"), 42]
    elif case == "missing-field":
        body = {k: v for k, v in post("p9", "fine").items() if k != "author_id"}
    elif case == "naive-time":
        body = post("p9", "fine", created_at="2027-03-04T09:15:00")
    elif case == "too-long-text":
        body = post("p9", "a" * 10_001)
    elif case == "too-big-body":
        kwargs["raw"] = b"[" + b" " * (5 * 1024 * 1024) + b"]"
    elif case == "bad-url":
        body = post("p9", "fine", url="javascript:alert(1)")
    elif case == "empty-batch":
        body = []
    status, answer = await send(url, body, **kwargs)
    expected = {"no-token": 401, "wrong-token": 401, "too-big-body": 413}.get(case, 400)
    assert status == expected, answer
    assert isinstance(answer, dict) and answer["error"]
    if case == "missing-field":
        assert answer["error"].startswith("post.author_id:")
    if case == "list-of-junk":
        assert answer["error"] == "posts[1]: expected a JSON object"
    assert tables(bot) == before


async def test_emoji_heavy_and_non_english_posts_are_screened(server) -> None:  # type: ignore[no-untyped-def]
    url, _, _ = server
    status, body = await send(url, [post("e1", "Finally!! 🎉🌱♻️🙌 Thanks team 💚💚💚 " * 3),
                                    post("e2", "Merci pour la mise à jour du bac vert! 🌱")])
    assert status == 200
    assert [r["action"] for r in body["results"]] == ["keep", "keep"]


async def test_kept_posts_become_labeled_examples_for_evaluation(server, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    import subprocess
    import sys

    import yaml

    from tests.support import ROOT, SAMPLE_CONFIG

    url, bot, _ = server
    await send(url, post("k1", "This topic is so lame, who even cares about bins"))
    bot.desk.decide("tlee", "teams", "A-1", "keep")
    raw = yaml.safe_load(SAMPLE_CONFIG.read_text())
    raw["storage"]["path"] = str(bot.storage_path())
    config = tmp_path / "reader.yaml"
    config.write_text(yaml.safe_dump(raw))
    run = subprocess.run([sys.executable, "-m", "socialbot", "moderation-examples", "--config",
                          str(config)], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0, run.stderr
    [example] = [json.loads(line) for line in run.stdout.splitlines()]
    assert (example["id"], example["labels"], example["action"]) == ("k1", [], "keep")
    examples = tmp_path / "examples.jsonl"
    examples.write_text(run.stdout)
    evaluate = subprocess.run([sys.executable, "-m", "socialbot", "moderate", "--evaluate",
                               str(examples), "--config", str(config)], cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
    assert evaluate.returncode == 0, evaluate.stderr
