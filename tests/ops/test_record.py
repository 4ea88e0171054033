"""The record the City relies on (issue 9): a hash-chained history that `verify` checks, a
complete audit (`socialbot audit`), and the exported Appendix 2 (Markdown and HTML)."""

from __future__ import annotations

import json
from pathlib import Path

from bot.audit import first_broken
from bot.config import load_config
from bot.workflow import Actor, Move
from cards.content import sop_for_reviewers
from socialbot.bootstrap import Runtime, build
from tests.moderation.posts import post
from tests.ops.test_operations_cli import config_file, socialbot
from tests.support import FixedClock, file_request, valid_form

__all__ = ["config_file"]  # the fixture, shared with the operations tests


def open_bot(config_file: Path) -> Runtime:
    config, base_dir = load_config(config_file)
    return build(config, base_dir, fsync=False, clock=FixedClock())


def journal_of(config_file: Path) -> Path:
    return config_file.parent / "data" / "bot.json.journal"


def test_verify_names_the_entry_whose_stored_byte_was_changed(config_file: Path) -> None:
    bot = open_bot(config_file)
    try:
        request = file_request(bot.workflow)
        bot.workflow.decide(Actor("msmith", "slack"), request.id,
                            Move("approve", comment="Looks good to me"))
        assert socialbot("verify", "--config", str(config_file)).returncode == 0
        journal = journal_of(config_file)
        raw = bytearray(journal.read_bytes())
        at = raw.rindex(b"Looks good")
        raw[at] = ord("B")  # "Books good": one byte, in the latest stored copy of R-1
        journal.write_bytes(bytes(raw))
        run = socialbot("verify", "--config", str(config_file))  # beside the open writer
    finally:
        bot.close()
    assert run.returncode == 1, run.stdout
    assert "requests/R-1: history entry 2 does not match its hash" in run.stderr


def test_entries_stored_before_hashes_are_chained_once_on_first_open(config_file: Path) -> None:
    bot = open_bot(config_file)
    try:
        file_request(bot.workflow)
    finally:
        bot.close()
    store_path = config_file.parent / "data" / "bot.json"
    snapshot = json.loads(store_path.read_text())
    for entry in snapshot["requests"]["R-1"]["history"]:
        del entry["hash"]  # as written before entries carried hashes
    store_path.write_text(json.dumps(snapshot))
    bot = open_bot(config_file)
    try:
        request = bot.workflow.get("R-1")
        assert request.history[0].hash and first_broken("R-1", request.history) is None
        migrations = [r for _, r in bot.store.items("migrations")]
        assert [(m["name"], m["cases"]) for m in migrations] == [("request-history-hashes", 1)]
        bot.workflow.decide(Actor("msmith", "console"), "R-1", Move("approve"))
    finally:
        bot.close()
    assert socialbot("verify", "--config", str(config_file)).returncode == 0


def test_audit_prints_every_fact_and_every_refusal(config_file: Path) -> None:
    bot = open_bot(config_file)
    try:
        request = file_request(bot.workflow)
        bot.workflow.decide(Actor("msmith", "console"), request.id,
                            Move("reassign", comment="I am away", reassign_to="pbrown"))
        try:
            bot.workflow.decide(Actor("tlee", "console"), request.id, Move("approve"))
        except Exception as refused:  # the refusal is stored, then raised
            assert "belongs to" in str(refused)
        stored = bot.workflow.get(request.id).history[-1]
        assert (stored.comment, stored.details) == ("I am away", {"from": "msmith", "to": "pbrown"})
    finally:
        bot.close()
    run = socialbot("audit", "R-1", "--config", str(config_file))
    assert run.returncode == 0, run.stderr
    assert "comment: I am away" in run.stdout
    assert "from: msmith" in run.stdout and "to: pbrown" in run.stdout
    assert "Refused attempts (1):" in run.stdout and "tlee via console: approve" in run.stdout
    assert "hash: " in run.stdout and "(not chained yet)" not in run.stdout
    missing = socialbot("audit", "R-9", "--config", str(config_file))
    assert missing.returncode == 1 and "R-9" in missing.stderr


def test_every_sop_revision_is_kept_and_reviewers_see_the_changes_and_link(
        config_file: Path) -> None:
    bot = open_bot(config_file)
    try:
        w = bot.workflow
        request = file_request(w)
        for person in ("msmith", "kwong", "pbrown"):
            w.decide(Actor(person, "console"), request.id, Move("approve"))
        w.decide(Actor("adoe", "console"), request.id,
                 Move("submit_sop", sop_text="Post twice a week.\nReply within a day."))
        w.decide(Actor("kwong", "console"), request.id,
                 Move("request_changes", comment="Who covers weekends?"))
        request = w.decide(Actor("adoe", "console"), request.id, Move(
            "submit_sop", sop_text="Post twice a week.\nReply within a day.\nWeekends: Sam.",
            sop_link="https://example.org/sop"))
    finally:
        bot.close()
    assert [s.revision for s in request.sops] == [1, 2]
    assert request.sops[0].text == "Post twice a week.\nReply within a day."
    shown = sop_for_reviewers(request)
    assert "Link: https://example.org/sop" in shown
    assert "Changed since revision 1:" in shown and "+Weekends: Sam." in shown
    export = socialbot("export", "R-1", "--config", str(config_file)).stdout
    assert "(revision 1, submitted" in export and "(revision 2, submitted" in export


def test_export_of_a_promotion_signed_by_a_delegate(config_file: Path) -> None:
    bot = open_bot(config_file)
    try:
        w = bot.workflow
        request = w.submit(Actor("owilliams", "slack"), valid_form(
            first_name="Olivia", last_name="Williams", promote_department="fire-services",
            initiative="<b>Smoke alarm</b> week"), kind="promotion")
        w.decide(Actor("kwong", "teams"), request.id, Move("approve"))
        request = w.decide(Actor("sbaker", "slack"), request.id, Move("approve"))
    finally:
        bot.close()
    run = socialbot("export", "R-1", "--config", str(config_file))
    assert run.returncode == 0, run.stderr
    text = run.stdout
    assert text.startswith("# Request to Promote a City Initiative - R-1")
    assert "- Supervisor (agreement in principle): not required" in text
    assert "- ☒ Facebook" in text and "- ☐ Twitter" in text
    assert "- Director: Sam Baker for Casey MacDonald, Deputy Fire Chief, 2026-11-24 09:00 EST " \
        "(via slack, account U0SBAKER)" in text  # the City's time zone, not UTC
    assert "Kim Wong, Manager, Corporate Communications" in text and "via teams, account " \
        "3c4d5e6f-2222-4a7b-8c1d-2e3f4a5b6c03" in text
    assert f"last hash: `{request.history[-1].hash}`" in text
    page = socialbot("export", "R-1", "--format", "html", "--config", str(config_file)).stdout
    assert page.startswith("<!DOCTYPE html>") and "@media print" in page
    assert "&lt;b&gt;Smoke alarm&lt;/b&gt;" in page and "<b>Smoke" not in page
    assert "<link" not in page and "url(" not in page and "@import" not in page
    assert "Sam Baker for Casey MacDonald" in page and "not required" in page
    assert request.history[-1].hash in page


def test_verify_names_a_changed_moderation_alert_entry(config_file: Path) -> None:
    bot = open_bot(config_file)
    try:
        _, alert_id = bot.desk.receive(post("You are an idiot and a moron, you stupid clown."))
        assert alert_id == "A-1"
        bot.desk.decide("tlee", "teams", "A-1", "ban", reason="Repeated personal attacks")
        assert first_broken("A-1", bot.desk.repository.get("A-1").history) is None
        journal = journal_of(config_file)
        raw = bytearray(journal.read_bytes())
        alert_put = raw.rindex(b'"alerts","A-1"')  # not the ban's own copy of the reason
        raw[raw.index(b"Repeated personal", alert_put)] = ord("X")
        journal.write_bytes(bytes(raw))
        run = socialbot("verify", "--config", str(config_file))
    finally:
        bot.close()
    assert run.returncode == 1
    assert "alerts/A-1: history entry 1 does not match its hash" in run.stderr
    audit = socialbot("audit", "A-1", "--config", str(config_file))
    assert audit.returncode == 0, audit.stderr
    assert "comment: Repeated personal attacks" in audit.stdout
    assert "Taylor Lee" in audit.stdout and "Refused attempts: none" in audit.stdout
