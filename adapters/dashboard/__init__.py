"""The web dashboard: where requests wait, how long the procedure takes, what moderators do.

Server-rendered HTML with SVG charts drawn here, each beside the table of its numbers; every
table has a CSV of exactly its rows. Who sees what is the core's answer (`may_view`, the
directory's roles). Access is a personal one-time link that starts a cookie session.
"""
