"""Requests per minute under /v1, per API key or per client address, in Redis or in memory."""
