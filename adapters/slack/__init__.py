"""Slack adapter: every slack_bolt import in the project lives under this package.

`mount` wires it into the bot's aiohttp server; `endpoint` guards the HTTP route; `listeners`
translate Slack's commands, clicks, submissions and events into core calls; `channel` delivers
the core's notifications; `payloads` reads Slack's payload shapes; `screens` turns requests into
Block Kit through `cards.slack`; `messages` holds what the bot says in Slack.
"""
