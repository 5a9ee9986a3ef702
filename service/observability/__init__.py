"""Metrics and request logs: what operators see of the service (served by service/platform.py)."""
