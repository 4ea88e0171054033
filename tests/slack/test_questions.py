"""Citizens' questions in Slack: the account's users get the notice in their DM (the
citizen's words escaped), and `/socialmedia questions` lists the open ones they may see."""

from __future__ import annotations

from datetime import UTC, datetime

from bot.moderation.model import Post
from tests.slack.conftest import SlackHarness

RSINGH, ADOE = "U0RSINGH", "U0ADOE"


async def test_the_question_reaches_the_moderators_and_is_listed(slack: SlackHarness) -> None:
    asked = Post(platform="facebook", board="Recreation", folder="Posts", topic="",
                 post_id="q-1", author_id="c-1", author_name="Sam",
                 text="When does the pool reopen? <@U0KWONG> & <!channel>",
                 created_at=datetime(2026, 11, 24, 13, tzinfo=UTC))
    assert slack.bot.clocks.questions.observe(asked) == "Q-1"
    slack.bot.dispatcher.wake()
    await slack.settle()
    [notice] = [m for m in slack.dms(RSINGH) if "Q-1" in str(m.get("text"))]
    assert "&lt;@U0KWONG&gt; &amp; &lt;!channel&gt;" in notice["text"]  # escaped, no ping

    listed = await slack.command(RSINGH, "questions")
    assert "Q-1" in listed.text and "facebook:Recreation" in listed.text
    assert "&lt;!channel&gt;" in listed.text
    nothing = await slack.command(ADOE, "questions")  # not a user of the account
    assert "No citizen's question waits" in nothing.text


async def test_a_moderator_marks_an_alerts_post_with_needs_an_answer(
        slack: SlackHarness) -> None:
    flagged = Post(platform="facebook", board="Recreation", folder="Posts", topic="",
                   post_id="p-9", author_id="c-9", author_name="Pat",
                   text="Call 905-555-0199 now to buy cheap followers at spam.example.com!!!",
                   created_at=datetime(2026, 11, 24, 13, tzinfo=UTC))
    _, alert_id = slack.bot.desk.receive(flagged)
    assert alert_id == "A-1"
    slack.bot.dispatcher.wake()
    card = await slack.card_for(RSINGH, "needs_answer:A-1:1")
    await slack.click(ADOE, "needs_answer:A-1:1", channel=card["channel"])
    assert "Only moderators and the CCT" in await slack.ephemeral(ADOE)
    assert slack.bot.clocks.question_cases.get("Q-1") is None
    await slack.click(RSINGH, "needs_answer:A-1:1", channel=card["channel"])
    answered = await slack.ephemeral(RSINGH, lambda text: "Q-1" in text)
    assert "response clock runs on facebook:Recreation" in answered
    question = slack.bot.clocks.question_cases.get("Q-1")
    assert question is not None and question.history[0].actor_id == "rsingh"
    assert slack.bot.desk.get("A-1").state == "open"  # the alert itself is still to decide


async def test_a_reminder_about_a_question_closed_meanwhile_is_not_sent(
        slack: SlackHarness) -> None:
    from bot.clocked import case_notice

    desk = slack.bot.clocks.questions
    for n in (1, 2):
        desk.observe(Post(platform="facebook", board="Recreation", folder="Posts", topic="",
                          post_id=f"q-{n}", author_id=f"c-{n}", author_name="Sam",
                          text=f"Where is the pool number {n}?",
                          created_at=datetime(2026, 11, 24, 13, tzinfo=UTC)))
    reminders = [case_notice("question", f"Q-{n}", 1, ("rsingh",), f"Reminder: Q-{n} waits",
                             intent="reminder", suffix="reminder:0") for n in (1, 2)]
    slack.bot.repository.queue(reminders, marker="test-reminders")
    desk.clear("rsingh", "console", "Q-2", "not a question for the City")  # before delivery
    slack.bot.dispatcher.wake()
    await slack.settle()
    texts = [str(m.get("text")) for m in slack.dms(RSINGH)]
    assert any("Reminder: Q-1 waits" in t for t in texts)
    assert not any("Reminder: Q-2 waits" in t for t in texts)


async def test_questions_links_and_reviews_are_answered_with_the_slash_command(
        slack: SlackHarness) -> None:
    from bot.audit import Actor

    desk = slack.bot.clocks.questions
    desk.observe(Post(platform="facebook", board="Recreation", folder="Posts", topic="",
                      post_id="q-1", author_id="c-1", author_name="Sam",
                      text="Where do I park?", created_at=datetime(2026, 11, 24, 13, tzinfo=UTC)))
    refused = await slack.command(ADOE, "clear Q-1 spam")
    assert "Only moderators and the CCT clear question Q-1" in refused.text
    done = await slack.command(RSINGH, "clear Q-1 a resident talking to a resident")
    assert "Q-1 cleared." in done.text
    cleared = slack.bot.clocks.question_cases.get("Q-1")
    assert cleared is not None and cleared.history[-1].platform == "slack"
    assert "Usage: changed V-n" in (await slack.command(ADOE, "changed V-1")).text

    slack.bot.services.accounts.add(Actor("kwong", "console"), platform="Facebook",
                                    handle="@PickeringRec", department="community-services",
                                    users=["adoe"])
    account = slack.bot.services.accounts.all()[0]
    slack.bot.clocks.reviews._open(account)
    confirmed = await slack.command(ADOE, "current V-1")
    assert "V-1: thank you, Facebook @PickeringRec is confirmed current." in confirmed.text
