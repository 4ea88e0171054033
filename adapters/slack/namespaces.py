"""The Slack adapter's small state in the key-value port, by namespace."""

DM_NAMESPACE = "slack_dm"              # Slack user id -> the bot's DM channel with them
HOME_NAMESPACE = "slack_home"          # Slack users who opened App Home: kept up to date
FILED_NAMESPACE = "slack_filed_view"   # view id -> request id: a resubmitted form files once
