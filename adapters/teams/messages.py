"""What the bot says in Teams, beyond the core's own sentences (bot/messages.py)."""

from __future__ import annotations

from bot.directory import Directory

COMMANDS: tuple[tuple[str, str], ...] = (
    ("request", "fill in the access form (Appendix 2)"),
    ("status", "your requests and where they stand"),
    ("inbox", "requests and tasks waiting for you to act"),
    ("questions", "citizens' questions waiting for the City's answer"),
    ("clear / answered / close / current / changed",
     "a question (Q-n), a broken link (L-n), an account review (V-n)"),
    ("accounts", "the City accounts you may use (the CCT: the whole register)"),
    ("tasks", "password-change tasks; 'done T-1' when a password is changed"),
    ("away", "away 2026-12-10 to 2026-12-14 @Someone: they act and sign for you meanwhile "
             "(away off: you are back)"),
    ("dashboard", "a personal one-time link to the web dashboard"),
    ("help", "this message (the CCT's account words: 'account', 'grant', 'revoke', "
             "'record', 'pass', 'offboard', 'departures', 'confirm', 'dismiss', "
             "'revoke-access')"),
)


def help_text() -> str:
    lines = "\n".join(f"- **{word}**: {meaning}" for word, meaning in COMMANDS)
    return (
        "I run the City's Social Media Procedure (ADM 140-007): you ask for access to the "
        "City's social media accounts, your supervisor, the Corporate Communications Team and "
        "your director approve, then you write your SOP. Type one of these words:\n\n"
        f"{lines}\n\nRequests waiting for you arrive here as cards with buttons."
    )


def unknown_command() -> str:
    # The typed text is not echoed: a Teams text message renders Markdown.
    return "I don't know that one. " + help_text()


def not_in_directory(directory: Directory) -> str:
    """For a Teams user the directory does not know: whom to ask, by name."""
    leader = directory.find(directory.cct_team_leader)
    who = f"{leader.full_name} ({leader.title}, {leader.email})" if leader else "them"
    return (f"I can't find your Teams account in the City's staff directory, so I can't act "
            f"for you. Ask {who}, the Corporate Communications Team Leader, to add your "
            "Microsoft Entra object id (teams_id) to the bot's directory.")


def greeting(full_name: str, title: str) -> str:
    return f"Hello {full_name} ({title})."


def no_requests() -> str:
    return "You have no requests. Type **request** to file one."


def nothing_waits() -> str:
    return "Nothing waits for you."


def waiting(count: int) -> str:
    return f"{count} request{'s' if count != 1 else ''} wait{'s' if count == 1 else ''} for you:"


def personal_chat_only() -> str:
    return ("Requests hold personal information, so I handle them only in our personal chat: "
            "open a chat with me and type it there.")


def not_in_chain() -> str:
    return "Only the people in this request's chain can see it; nothing was changed."


def bad_action() -> str:
    return "That card action is not one of mine, or it is damaged; nothing was changed."


def form_errors(count: int) -> str:
    return f"{count} field{'s' if count != 1 else ''} need{'s' if count == 1 else ''} a fix; " \
           "nothing was changed."
