"""The peer: the three benchmarked endpoints as the full-stack FastAPI template writes them."""
