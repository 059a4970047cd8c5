"""Topic words of a Vietnamese question: what it is about, once the question and function words are set aside."""

from __future__ import annotations

from textnorm import fold_word, has_diacritics, lexicons, normalize_text, syllables

#: Words that carry no topic: question words, function words, generic verbs and fillers of chat questions
#: (``textnorm/lexicons/stopwords.json``). They are matched with their accents ("có" is a stopword, "cơ" of "cơ quan"
#: is not); a word typed without accents is matched by its folded form.
STOPWORDS_ACCENTED = frozenset(normalize_text(w) for w in lexicons.terms("stopwords"))
#: The same words folded, for questions typed without diacritics.
STOPWORDS = frozenset(fold_word(w) for w in STOPWORDS_ACCENTED)
#: Abbreviations of Vietnamese public administration, both ways (abbreviation → expansion, lower case;
#: ``textnorm/lexicons/abbreviations.json``).
ABBREVIATIONS = lexicons.mapping("abbreviations", "expansion")


def is_stopword(word: str) -> bool:
    """True for a function word; accents decide when the word carries them.

    >>> is_stopword("có"), is_stopword("cơ"), is_stopword("co"), is_stopword("cải")
    (True, False, True, False)
    """
    word = word.lower()
    if has_diacritics(word):
        return normalize_text(word) in STOPWORDS_ACCENTED
    return word in STOPWORDS


def content_terms(text: str) -> list[str]:
    """Folded syllables of a question that carry its topic, in order.

    Args:
        text: a question, with or without diacritics.

    Returns:
        Folded syllables that are not function words, question words or chat fillers.

    >>> content_terms("Những sở nào được kiểm tra trong quý III?")
    ['so', 'kiem', 'tra', 'quy', 'iii']
    >>> content_terms("cho em hỏi cơ quan nào chủ trì ạ")
    ['co', 'quan', 'chu', 'tri']
    """
    return [fold_word(s) for s in syllables(text) if not is_stopword(s)]


__all__ = ["ABBREVIATIONS", "STOPWORDS", "STOPWORDS_ACCENTED", "content_terms", "is_stopword"]
