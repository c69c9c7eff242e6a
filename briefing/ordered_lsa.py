"""sumy's LSA summariser with its term rows in a fixed order.

sumy numbers the terms of a text in the order of a ``frozenset``, which changes with Python's
hash seed from one run to the next; the SVD of the same matrix with its rows in another order
breaks near ties differently, so ``summary.algorithm: lsa`` picked different sentences from the
same article on different runs. Numbering the terms in sorted order makes the brief repeatable.
"""

from __future__ import annotations

from sumy.summarizers.lsa import LsaSummarizer


class OrderedLsaSummarizer(LsaSummarizer):
    def _create_dictionary(self, document):
        """Each term of the document -> its row, terms in sorted order."""
        words = map(self.normalize_word, document.words)
        terms = sorted({self.stem_word(w) for w in words if w not in self._stop_words})
        return {term: row for row, term in enumerate(terms)}
