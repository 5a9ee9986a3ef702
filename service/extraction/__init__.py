"""Reading articles: text in, quantities, entities, facts and ignored numbers out.

`extract(text, published_on, gazetteer)` is pure: no I/O, nothing kept between calls, the same
result for the same arguments. In its `ExtractionRead`:

- every span counts code points of `text` and slices it exactly (`text[start:end]`);
- a fact's `start`/`end` and `as_reported` are its quantity's words (with their bound, unit and
  counted noun), its `citation` the whole sentence; its `subject` span is where the subject is
  named, which for "it" or "the area" is in an earlier sentence;
- a conversion ("($62.6 billion)") is a quantity with `conversion_of` and a fact with
  `conversion` true, of the same subject, indicator and period as the amount it converts;
- every quantity is in `quantities`, whether it states a fact or not: a speaker's figures, a
  commodity's price or a policy rate are quantities of no fact, their numbers in `ignored`
  with the reason;
- every number token of the text is either inside a fact's span or listed in `ignored`.

Layers, one module each: text (sentences, anchors), nonquantities, periods, quantities,
entities, indicators, facts, ignored; `reader` runs them in order.
"""

from service.compiled import extension_path

# The modules compiled with mypyc from exactly these sources, when built, come first (see
# service/compiled.py); otherwise the .py files run.
__path__[:0] = extension_path()

from service.extraction.reader import EXTRACTOR_VERSION, extract  # noqa: E402

__all__ = ["EXTRACTOR_VERSION", "extract"]
