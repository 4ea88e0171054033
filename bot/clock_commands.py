"""The procedure's clocks as chat commands for the console, Slack and Teams: clear or answer
a citizen's question, close a broken link, confirm an account review."""

from __future__ import annotations

from bot.errors import CaseError
from bot.links import LinkChecker
from bot.questions import QuestionDesk
from bot.reviews import AccountReviews

USAGE = {
    "clear": "clear Q-n REASON  (not a question for the City)",
    "answered": "answered Q-n HOW  (answered outside the thread)",
    "close": "close L-n REASON  (a broken link you dealt with)",
    "current": "current V-n  (the account's information is current)",
    "changed": "changed V-n WHAT YOU CHANGED",
}


class ClockCommands:
    def __init__(self, *, questions: QuestionDesk, links: LinkChecker,
                 reviews: AccountReviews) -> None:
        self.questions = questions
        self.links = links
        self.reviews = reviews

    def handles(self, word: str) -> bool:
        return word.lower() in USAGE

    def run(self, person_id: str, platform: str, words: list[str]) -> str:
        """Do what `words` say (committed before this returns); the answer to show."""
        verb, args = words[0].lower(), words[1:]
        needs_text = verb != "current"
        if not args or (needs_text and len(args) < 2):
            return f"Usage: {USAGE[verb]}"
        case_id, text = args[0], " ".join(args[1:])
        try:
            if verb == "clear":
                return f"{self.questions.clear(person_id, platform, case_id, text).id} cleared."
            if verb == "answered":
                done = self.questions.answered(person_id, platform, case_id, text)
                return f"{done.id} closed as answered."
            if verb == "close":
                return f"{self.links.close(person_id, platform, case_id, text).id} closed."
            if verb == "current":
                review = self.reviews.confirm(person_id, platform, case_id)
                return f"{review.id}: thank you, {review.account_label} is confirmed current."
            review = self.reviews.changed(person_id, platform, case_id, text)
            return f"{review.id}: thank you, {review.account_label} is recorded as updated."
        except CaseError as problem:
            return str(problem)
