"""Reading articles: text in, quantities, entities, facts and ignored numbers out.

`extract(text, published_on, gazetteer)` is pure: no I/O, no state kept between calls.
"""

from service.extraction.reader import EXTRACTOR_VERSION, extract

__all__ = ["EXTRACTOR_VERSION", "extract"]
