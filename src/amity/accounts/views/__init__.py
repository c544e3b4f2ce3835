"""The accounts pages: logging in and out, accepting an invitation, managing people."""
