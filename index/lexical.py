"""BM25 over Vietnamese syllables, underthesea word segments and their accent-folded forms.

Which BM25 (the names of Kamphuis et al. 2020, "Which BM25 do you mean? A large-scale reproducibility study of
scoring variants", ECIR 2020, which bm25s cites for each of its ``method`` values): :data:`BM25_VARIANT`. A passage's
score for a query is the sum over the query's terms t of ``idf(t) · tf·(k1 + 1) / (tf + k1·(1 − b + b·dl/avgdl))``
(tf: the term's count in the passage, dl: the passage's number of terms, avgdl: their mean over the index) times
the term's query weight; ``tests/test_bm25_scores.py`` checks it against bm25s.

Terms of a passage: accented syllables ("sở"), accented multi-syllable words ("nội_vụ"), folded syllables ("~so")
and folded syllable bigrams ("~noi_vu"). A query typed with diacritics matches precisely; one typed without them
still matches through the folded terms. Scores are a sparse matrix product: fast at 100k passages.
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
import zlib
from collections import Counter
from pathlib import Path

import numpy as np
from scipy import sparse

from textnorm import fold_word, syllables, word_segments

#: Version of the saved files; a cache of another version is rebuilt.
FORMAT_VERSION = 2

#: The variant :meth:`LexicalIndex.build` computes, as bm25s names its parts (``bm25s.BM25(method="atire",
#: idf_method="lucene")``): Lucene's idf ``log(1 + (N − df + 0.5)/(df + 0.5))`` (:func:`idf`), never negative where
#: Robertson's ``log((N − df + 0.5)/(df + 0.5))`` goes below zero for a term in over half the passages (a common
#: word would lower a passage's score), with the classical term part ``tf·(k1 + 1)/(tf + k1·(…))`` that Lucene used
#: before version 8 and ATIRE keeps (the constant factor k1 + 1 changes no ranking), on exact passage lengths
#: (Lucene encodes them in one byte: Kamphuis et al.'s "Lucene (accurate)").
BM25_VARIANT = "lucene-idf, atire-tf"
#: Term-frequency saturation: Lucene's default (BM25Similarity) and the low end of the 1.2–2.0 that Robertson and
#: Zaragoza 2009 ("The Probabilistic Relevance Framework: BM25 and Beyond") give as usual; every retrieval
#: figure of the README was measured with it. Settable: ``Settings.bm25_k1`` (BM25_K1).
K1 = 1.2
#: Length normalisation (0: none, 1: full): Lucene's default and Robertson and Zaragoza's usual 0.75, with which
#: every retrieval figure of the README was measured. Settable: ``Settings.bm25_b`` (BM25_B).
B = 0.75


def passage_terms(text: str, *, segment: bool = True) -> list[str]:
    """The BM25 terms of a text.

    >>> passage_terms("Sở Nội vụ", segment=False)
    ['sở', 'nội', 'vụ', '~so', '~noi', '~vu', '~so_noi', '~noi_vu']
    """
    sylls = syllables(text)
    folded = [fold_word(s) for s in sylls]
    terms = list(sylls)
    if segment:
        terms += word_segments(text)
    terms += ["~" + f for f in folded]
    terms += [f"~{a}_{b}" for a, b in zip(folded, folded[1:])]
    return terms


def idf(df, n: int):
    """BM25's inverse document frequency of a term found in ``df`` of ``n`` passages (``df`` a number or an array):
    Lucene's, ``log(1 + (n − df + 0.5)/(df + 0.5))`` (:data:`BM25_VARIANT`), positive even for a term in every passage.

    >>> round(float(idf(1, 10)), 4), round(float(idf(10, 10)), 4)
    (1.9924, 0.0465)
    """
    return np.log(1.0 + (n - df + 0.5) / (df + 0.5))


class LexicalIndex:
    """An immutable BM25 index over passages (:data:`BM25_VARIANT`, with its ``k1`` and ``b``); build it, save it
    (with its ``k1`` and ``b``: a cache built with others is rebuilt by the store), load it, search it."""

    def __init__(self, ids: list[str], vocab: dict[str, int], weights: sparse.csr_matrix, fingerprint: str,
                 k1: float, b: float) -> None:
        self.ids = ids
        self.vocab = vocab
        self.weights = weights  # terms × passages, BM25 weight of each term in each passage
        self.fingerprint = fingerprint
        self.k1, self.b = k1, b

    @classmethod
    def build(cls, ids: list[str], term_lists: list[list[str]], fingerprint: str = "", k1: float = K1,
              b: float = B) -> "LexicalIndex":
        """The index of passages ``ids`` with their terms (:func:`passage_terms`), each term's weight in each passage
        computed once: ``idf · tf·(k1 + 1)/(tf + k1·(1 − b + b·dl/avgdl))``.

        A term twice in a passage of three terms weighs less than once in a passage of one (length normalisation):

        >>> lex = LexicalIndex.build(["a", "b"], [["sở", "sở", "nội"], ["sở"]], k1=1.2, b=0.75)
        >>> [round(float(s), 4) for s in lex.scores({"sở": 1.0})], (lex.k1, lex.b)
        ([0.2198, 0.2292], (1.2, 0.75))
        """
        vocab: dict[str, int] = {}
        rows, cols, vals = [], [], []
        lengths = np.zeros(len(ids), dtype=np.float32)
        for doc, terms in enumerate(term_lists):
            counts = Counter(terms)
            lengths[doc] = len(terms)
            for term, tf in counts.items():
                rows.append(vocab.setdefault(term, len(vocab)))
                cols.append(doc)
                vals.append(tf)
        n_docs = max(len(ids), 1)
        tf = sparse.csr_matrix((np.asarray(vals, np.float32), (rows, cols)), shape=(len(vocab), len(ids)))
        df = np.diff(tf.indptr).astype(np.float32)
        term_idf = idf(df, n_docs).astype(np.float32)
        avgdl = float(lengths.mean()) if len(ids) else 1.0
        tf = tf.tocoo()
        norm = k1 * (1 - b + b * lengths[tf.col] / max(avgdl, 1e-6))
        w = term_idf[tf.row] * tf.data * (k1 + 1) / (tf.data + norm)
        weights = sparse.csr_matrix((w.astype(np.float32), (tf.row, tf.col)), shape=tf.shape)
        return cls(list(ids), vocab, weights, fingerprint, k1, b)

    def __len__(self) -> int:
        return len(self.ids)

    def scores(self, weighted_terms: dict[str, float]) -> np.ndarray:
        """BM25 score of every passage for terms with query weights."""
        idx = [self.vocab[t] for t in weighted_terms if t in self.vocab]
        if not idx:
            return np.zeros(len(self.ids), dtype=np.float32)
        q = np.asarray([weighted_terms[t] for t in weighted_terms if t in self.vocab], dtype=np.float32)
        return np.asarray(self.weights[idx].T @ q).ravel()

    def document_frequency(self, term: str) -> int:
        i = self.vocab.get(term)
        return 0 if i is None else int(self.weights.indptr[i + 1] - self.weights.indptr[i])

    def term_idf(self, term: str) -> float:
        """:func:`idf` of one term over this index's passages (a term it does not hold gets the highest weight)."""
        return float(idf(self.document_frequency(term), max(len(self.ids), 1)))

    def save(self, folder: Path, extras: dict[str, bytes] | None = None) -> None:
        """Write atomically (with ``extras``, other files of the same cache): a reader sees the old index or the
        new one, never half of one."""
        folder.parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=".lexical-", dir=folder.parent))
        for name, data in (extras or {}).items():
            (tmp / name).write_bytes(data)
        sparse.save_npz(tmp / "weights.npz", self.weights)
        meta = {"format": FORMAT_VERSION, "ids": self.ids, "vocab": self.vocab, "fingerprint": self.fingerprint,
                "k1": self.k1, "b": self.b}
        (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        old = folder.with_name(folder.name + ".old")
        if folder.exists():
            if old.exists():
                _rmtree(old)
            os.replace(folder, old)
        os.replace(tmp, folder)
        if old.exists():
            _rmtree(old)

    @classmethod
    def load(cls, folder: Path) -> "LexicalIndex":
        """Load a saved index; raises ValueError with a clear message when it is missing or damaged."""
        try:
            meta = json.loads((folder / "meta.json").read_text(encoding="utf-8"))
            if meta.get("format") != FORMAT_VERSION:
                raise ValueError("định dạng cũ")
            weights = sparse.load_npz(folder / "weights.npz").tocsr()
            if weights.shape != (len(meta["vocab"]), len(meta["ids"])):
                raise ValueError("kích thước không khớp")
            return cls(meta["ids"], meta["vocab"], weights, meta.get("fingerprint", ""), meta["k1"], meta["b"])
        except FileNotFoundError as exc:
            raise ValueError(f"chỉ mục từ khóa chưa có ở {folder}") from exc
        # unreadable files, JSON or .npz that is not what save wrote (a damaged or hand-edited cache): zipfile, zlib
        # and numpy each say so with their own errors
        except (OSError, ValueError, KeyError, TypeError, AttributeError, EOFError, NotImplementedError,
                zipfile.BadZipFile, zlib.error) as exc:
            raise ValueError(f"chỉ mục từ khóa ở {folder} bị hỏng ({exc})") from exc


def _rmtree(path: Path) -> None:
    import shutil

    shutil.rmtree(path, ignore_errors=True)


__all__ = ["LexicalIndex", "passage_terms", "idf", "BM25_VARIANT", "K1", "B"]
