"""Content words of indicator names and of the text around a number, crudely stemmed, so
that "Exported countries" and "exports to countries" share their words."""

from __future__ import annotations

import functools
import re
from typing import Final

STOPWORDS: Final = frozenset(
    "of the a an and in on as among to for by with its it their all at from that this is was "
    "were has have had be been per than over more less about which who while but last this "
    "next year years total".split()
)
# Words that mean the same to an indicator's name: "a percentage of GDP" is a share of GDP.
_SYNONYMS: Final = {
    "provincial": "province",
    "newly": "new",
    "percentage": "share",
    "proportion": "share",
}
_WORD: Final = re.compile(r"[a-z0-9][a-z0-9&-]*")


def normalized_words(text: str) -> set[str]:
    """Content words, crudely stemmed: "Exported countries" -> {"export", "country"}."""
    return {_stem(word) for word in _WORD.findall(text.lower()) if word not in STOPWORDS}


def only_words_of(text: str, allowed: frozenset[str]) -> bool:
    """Whether every content word of `text` is a number or, stemmed, one of `allowed`: the
    same as `normalized_words(text) - allowed` holding only numbers, stopping at the first
    other word."""
    for word in _WORD.findall(text.lower()):
        if word in STOPWORDS or word in allowed or word.isdigit():
            continue
        stem = _stem(word)
        if stem not in allowed and not stem.isdigit():
            return False
    return True


_SUFFIXES: Final = (("ies", "y"), ("ment", ""), ("ing", ""), ("ed", ""), ("s", ""))
_SUFFIX_ENDINGS: Final = tuple(suffix for suffix, _ in _SUFFIXES)


@functools.lru_cache(maxsize=8192)
def _stem(word: str) -> str:
    word = _SYNONYMS.get(word, word)
    if len(word) < 5 or not word.endswith(_SUFFIX_ENDINGS) or word.endswith("ss"):
        return word
    for suffix, replacement in _SUFFIXES:
        if word.endswith(suffix) and len(word) > len(suffix) + 3 and not word.endswith("ss"):
            return _SYNONYMS.get(
                word[: -len(suffix)] + replacement, word[: -len(suffix)] + replacement
            )
    return word
