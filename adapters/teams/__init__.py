"""Microsoft Teams adapter: every botbuilder import in the project lives under this package.

Microsoft archived the Bot Framework SDK in favour of the Microsoft 365 Agents SDK; keeping
botbuilder here means a later swap touches only this folder.
"""
