"""Every sentence the dashboard shows a person."""

from __future__ import annotations

TITLE = "Social media procedure dashboard"
SKIP = "Skip to the content"
LINK_USED = "This dashboard link has already been used. Ask the bot for a new one."
LINK_EXPIRED = "This dashboard link has expired. Ask the bot for a new one."
LINK_INVALID = "This dashboard link is not valid. Ask the bot for a new one."
NO_SESSION = ("Your dashboard session has ended or was never started. Ask the bot for a link: "
              "type 'dashboard' in the chat or run `socialbot dashboard-link --as YOU`.")
UNKNOWN_TABLE = "There is no such table."
REFUSED_TITLE = "The dashboard cannot be opened"
CSV = "Download CSV"
NOTHING = "Nothing to show."
BUSINESS_DAYS_NOTE = ("Business days follow the City's calendar: weekends, Ontario's statutory "
                      "holidays, the optional holidays the City closes on and the City's "
                      "closure days do not count. Waiting is counted in whole business days "
                      "after the day the request reached its holder, as the reminders count "
                      "it; cycle times count the hours that fell on business days.")
PAST_SERVICE = "past service level"
WAITING_TITLE = "Requests waiting, oldest first"
STAGES_TITLE = "Open requests by stage"
CYCLE_MONTH_TITLE = "Cycle time by month (business days)"
CYCLE_DEPARTMENT_TITLE = "Cycle time by department (business days)"
OUTCOMES_TITLE = "Requests filed and closed per month"
FLAGS_TITLE = "Flags per category per week"
FLAGS_WEEK_TITLE = "Flags per week"
ACTIONS_TITLE = "What moderators did, and how fast"
LEARNED_TITLE = "The learned model's share of flags"
BANS_TITLE = "Ban list"
REQUESTS_SECTION = "Requests"
MODERATION_SECTION = "Moderation"
END_TO_END = "end to end"


def signed_in(name: str, scope: str) -> str:
    return f"Signed in as {name}. You see {scope}."


SCOPE_ALL = ("every request, the moderation desk, the account register and the "
             "procedure's clocks")
SCOPE_MODERATOR = "the moderation desk and the requests you are part of"
SCOPE_REQUESTS = "the requests you are part of (your own, and those you approve)"


SERVICE_LEVEL_NOTE = ("Requests that have waited their stage's service level (business days, "
                      "service_levels in the configuration), and so are being reminded, are "
                      "marked.")


def shown_rows(shown: int, total: int) -> str:
    return f"Showing the {shown} oldest of {total}."


def dashboard_link(url: str, minutes: int) -> str:
    return (f"Your personal dashboard link (works once, for {minutes} minutes; do not share "
            f"it): {url}")


NO_DASHBOARD_HERE = "The dashboard is served by `socialbot serve`; start the server first."


# The account register and the procedure's clocks (shown when they have rows for the person).
ACCOUNTS_SECTION = "Accounts"
ACCOUNTS_TITLE = "Account register"
TASKS_TITLE = "Open password tasks"
REVIEWS_TITLE = "Open account reviews"
QUESTIONS_SECTION = "Citizens' questions"
QUESTIONS_TITLE = "Open citizens' questions, oldest first"
LINKS_SECTION = "Broken links"
LINKS_TITLE = "Broken links found by the last link check"
NO_PASSWORDS_NOTE = "No password is ever shown here: the register does not hold any."
CASE_DAYS_NOTE = ("Waiting is counted in whole business days of the City's calendar after the "
                  "day the case reached whoever must act, as the reminders count it; cases "
                  "that have waited their service level (service_levels.cases) are marked.")


def last_link_check(at: str) -> str:
    return f"The last link check started {at} (City time)."


def with_accounts(scope: str) -> str:
    return f"{scope}, and what concerns the accounts you use or the questions you watch"
