"""Every limit on what a person types, defined once; the core enforces them, renderers show them."""

MAX_COMMENT = 1000      # a reason, comments, a reassignment note
MAX_SOP = 3000          # the SOP text (06.02)
MAX_LINK = 500          # the SOP link
MAX_BAN_REASON = 500    # why a moderator banned an author
MAX_POST_CHARS = 600    # how much of a public post an alert card shows (the link has the rest)
MAX_URL = 2000          # a link the weekly check follows (longer ones are not links people read)
MAX_QUESTION_EXCERPT = 280  # how much of a citizen's question the `questions` list keeps
MAX_AWAY_DAYS = 366     # one declared time away, first to last day
MAX_AWAY_AHEAD_DAYS = 730  # how far ahead time away may start (declared, not dreamt)
MAX_DIRECTORY_ROWS = 50_000           # people in one CSV import (a city is far smaller)
MAX_DIRECTORY_CSV_BYTES = 20 * 1024 * 1024
MAX_DIRECTORY_CELL = 200               # characters in one cell of that CSV
MAX_ACCOUNT_FIELD = 300  # an account's platform, handle or address, department
MAX_HR_BODY = 16_384     # one HR leaver notice (POST /api/hr/leavers)
