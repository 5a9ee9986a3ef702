"""How text is compared by search and `q` filters: Unicode compatibility forms and case folded.

NFKC maps compatibility forms to their plain equivalents (full-width Latin letters, U+FF21 on,
to ASCII; ligatures; superscripts) and composes combining marks (an NFD `Café` to the one-character
`é`), and case folding is caseless matching in any script (`ß` and `ss`). The same function
folds what is stored (`search_text`) and what is asked (`q`), so both sides always agree.
"""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """NFKC, case folded, NFKC again: case folding can undo a composition (Unicode's
    toNFKC_Casefold does the same)."""
    return unicodedata.normalize("NFKC", unicodedata.normalize("NFKC", text).casefold())
