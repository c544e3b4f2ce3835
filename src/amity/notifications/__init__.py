"""Notifications to people: a row in the app, and an e-mail in the reader's language."""
