"""API keys: how they are made, stored, checked, and what they allow."""
