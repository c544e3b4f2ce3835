"""Keeping an installation safe over the years: backups of the database and uploaded files."""
