"""The business matching fair: set-up, participants, opportunities, suggestions, requests."""
