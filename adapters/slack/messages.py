"""What the bot says in Slack, beyond the core's own sentences (bot/messages.py)."""

from __future__ import annotations

from bot import messages
from bot.audit import HistoryEntry
from bot.directory import Directory
from bot.domain import SocialMediaRequest
from bot.messages import state_label

DASHBOARD_TITLE = "Your dashboard link"


def help_text(command: str) -> str:
    return (
        "I run the City's Social Media Procedure (ADM 140-007): you ask for access to the "
        "City's social media accounts, your supervisor, the Corporate Communications Team and "
        "your director approve, then you write your SOP.\n"
        f"`{command}` or `{command} request`: fill in the access form (Appendix 2)\n"
        f"`{command} status`: your requests and where they stand\n"
        f"`{command} questions`: citizens' questions waiting for the City's answer\n"
        f"`{command} clear Q-n REASON`, `answered Q-n HOW`, `close L-n REASON`, "
        f"`current V-n`, `changed V-n WHAT`: questions, broken links, account reviews\n"
        f"`{command} away 2026-12-10 to 2026-12-14 @someone`: you are away; they act and sign "
        "for you until you are back (`away` shows it, `away off` ends it)\n"
        f"`{command} dashboard`: a personal one-time link to the web dashboard (only you see "
        "it)\n"
        f"`{command} help`: this message\n"
        "Requests waiting for you arrive as direct messages with buttons; the bot's Home tab "
        "shows everything at once."
    )


def short_help(command: str) -> str:
    return f"Type `{command} help` for what I can do; approvals arrive as direct messages."


def unknown_command(text: str, command: str) -> str:
    return f"I don't know '{text[:30]}'. " + help_text(command)


def not_in_directory(slack_user: str, directory: Directory, name: str = "") -> str:
    """For a Slack user the directory does not know: whom to ask, by name."""
    leader = directory.find(directory.cct_team_leader)
    who = f"{leader.full_name} ({leader.title}, {leader.email})" if leader else "them"
    account = f"{name}, Slack member {slack_user}" if name else f"Slack member {slack_user}"
    return (f"I can't find your Slack account ({account}) in the City's staff directory, so I "
            f"can't act for you. Ask {who}, the Corporate Communications Team Leader, to add "
            "your Slack user id to the bot's directory.")


def not_our_button() -> str:
    return "That button is not one of mine, or it is damaged; nothing was changed."


def try_again() -> str:
    return "Slack did not let me open the form in time; nothing was changed. Please try again."


def filed(request: SocialMediaRequest, next_names: str) -> str:
    return messages.request_filed(request, next_names)


def requester_update(request: SocialMediaRequest, entry: HistoryEntry | None, next_names: str,
                     zone: str) -> str:
    """What the requester is told after `entry`, one step of their request."""
    return messages.requester_update(request, entry, next_names, zone,
                                     sop_hint="use the Submit SOP button I sent you")


def done(request: SocialMediaRequest) -> str:
    return f"Done: {request.id} is now {state_label(request)}."


def mention_not_in_directory() -> str:
    return "The person you mentioned is not in the City's staff directory; name someone who is."
