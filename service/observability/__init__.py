"""Health, metrics and logs: what operators see of the service."""
