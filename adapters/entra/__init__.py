"""Microsoft Entra ID through Microsoft Graph: the directory's people (bot/directory_sync.py)."""
