"""HTML pages served by the service itself: sources with their facts highlighted, regions and
organizations with their observations and charts, search, and the curator's review page."""
