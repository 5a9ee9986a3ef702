"""Reading any text over HTTP: the extractor as a stateless service."""
