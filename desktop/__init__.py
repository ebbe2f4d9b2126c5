"""Wappi Desk: a friendly desktop request builder for Wappi API support agents."""
