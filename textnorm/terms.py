"""Topic words of a Vietnamese question: what it is about, once the question and function words are set aside."""

from __future__ import annotations

from textnorm import fold_word, has_diacritics, lexicons, normalize_text, syllables

#: Words that carry no topic: question words, function words, generic verbs and fillers of chat questions
#: (``textnorm/lexicons/stopwords.json``). They are matched with their accents ("có" is a stopword, "cơ" of "cơ quan"
#: is not); a word typed without accents is matched by its folded form.
STOPWORDS_ACCENTED = frozenset(normalize_text(w) for w in lexicons.terms("stopwords") if " " not in w)
#: Phrases that carry no topic though their syllables may ("làm gì" asks, "làm việc" is a topic; "dự kiến" hedges,
#: "dự án" and "ý kiến" are topics), as tuples of syllables, longest first.
STOPWORD_PHRASES = tuple(sorted((tuple(syllables(normalize_text(w))) for w in lexicons.terms("stopwords") if " " in w),
                                key=len, reverse=True))
#: The same words folded, for questions typed without diacritics.
STOPWORDS = frozenset(fold_word(w) for w in STOPWORDS_ACCENTED)
#: Abbreviations of Vietnamese public administration, both ways (abbreviation → expansion, lower case;
#: ``textnorm/lexicons/abbreviations.json``).
ABBREVIATIONS = lexicons.mapping("abbreviations", "expansion")
#: English function words that no Vietnamese syllable is, accented or folded
#: (``textnorm/lexicons/english_function_words.json``): what tells an English text from Vietnamese typed without marks.
ENGLISH_FUNCTION_WORDS = frozenset(lexicons.terms("english_function_words"))
#: A text is English when at least this share of its words are English function words: running English prose holds
#: 15–25 % of them ("of", "and", "is"…), Vietnamese none (a quoted English name or title holds a few in many words).
ENGLISH_FUNCTION_SHARE = 0.08
#: … and at most this share of its words carry a Vietnamese mark (an English post names "Đắk Lắk", "Sở Nội vụ" now
#: and then; Vietnamese prose marks about half of its syllables).
ENGLISH_MARKED_SHARE = 0.1
#: Fewer words than this say nothing of a language (a heading, a name, a number line).
ENGLISH_MIN_WORDS = 8


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
    >>> content_terms("Đoàn dự kiến làm việc với các xã để làm gì?")
    ['doan', 'lam', 'xa']
    """
    words = syllables(text)
    in_phrase = _phrase_words(words)
    return [fold_word(s) for i, s in enumerate(words) if i not in in_phrase and not is_stopword(s)]


def is_english(text: str) -> bool:
    """Whether a text is written in English (a machine-translated portal post, an English summary), which the word
    search over Vietnamese syllables cannot match with a Vietnamese question.

    >>> is_english("The People's Committee of Dak Lak province has decided to organize an inspection of "
    ...            "administrative reform work in 2024 in Krong Bong and Ea H'leo districts.")
    True
    >>> is_english("UY BAN NHAN DAN TINH GIA LAI Ke hoach kiem tra cong tac cai cach hanh chinh nam 2018")
    False
    >>> is_english("Sở Nội vụ được UBND tỉnh giao phối hợp với Sở Tư pháp triển khai nội dung"), is_english("")
    (False, False)
    """
    words = [w for w in syllables(text) if not w.isdigit()]
    if len(words) < ENGLISH_MIN_WORDS:
        return False
    function = sum(w in ENGLISH_FUNCTION_WORDS for w in words)
    marked = sum(has_diacritics(w) for w in words)
    return function >= ENGLISH_FUNCTION_SHARE * len(words) and marked <= ENGLISH_MARKED_SHARE * len(words)


#: English question words and auxiliaries → the answer type each asks ("" for none), longer phrases first
#: (``textnorm/lexicons/english_question_words.json``): how a question typed in English is read.
ENGLISH_QUESTION_WORDS = {e.term: e.field("asks") for e in sorted(lexicons.entries("english_question_words"),
                                                                  key=lambda e: -len(e.term.split()))}
#: The English words that say nothing of an English question's topic: its question words and the function words.
ENGLISH_NON_TOPIC = ENGLISH_FUNCTION_WORDS | {w for t in ENGLISH_QUESTION_WORDS for w in t.split()}
#: The question words that tell a question English: those no Vietnamese syllable is (the lexicon's ``vietnamese``
#: field names the syllable the others are: "to" is tổ).
_ENGLISH_TELLING = frozenset(e.term for e in lexicons.entries("english_question_words")
                             if " " not in e.term and not e.field("vietnamese")) | ENGLISH_FUNCTION_WORDS
#: Fewer words than this are no English question to read (a name, "how?").
ENGLISH_QUESTION_MIN_WORDS = 4


def is_english_question(text: str) -> bool:
    """Whether a question is typed in English: enough words, hardly any Vietnamese mark, and an English question
    word or function word that no Vietnamese syllable is.

    >>> is_english_question("How many points did Dak Lak province reach in the 2023 administrative reform index?")
    True
    >>> is_english_question("Who headed the inspection team of the Cao Bang Department of Construction?")
    True
    >>> is_english_question("so noi vu chu tri kiem tra cong tac cai cach hanh chinh cac huyen")
    False
    >>> is_english_question("Chỉ số CCHC năm 2023 của tỉnh Đắk Lắk đạt bao nhiêu điểm, which?")
    False
    """
    words = [w for w in syllables(text) if not w.isdigit()]
    if len(words) < ENGLISH_QUESTION_MIN_WORDS or sum(map(has_diacritics, words)) > ENGLISH_MARKED_SHARE * len(words):
        return False
    return any(w.lower() in _ENGLISH_TELLING for w in words)


def english_answer_types(text: str) -> list[str]:
    """The answer types an English question asks, in the order it asks them (:data:`ENGLISH_QUESTION_WORDS`).

    >>> english_answer_types("How many points did Dak Lak reach, and when?")
    ['amount', 'time']
    >>> english_answer_types("By what date must the inspection be completed?"), english_answer_types("Which plan?")
    (['time'], [])
    """
    lowered = " " + " ".join(w.lower() for w in syllables(text)) + " "
    found: list[tuple[int, str]] = []
    for phrase, asks in ENGLISH_QUESTION_WORDS.items():
        at = lowered.find(f" {phrase} ")
        if asks and at >= 0 and not any(start <= at < start + len(p) + 1 for start, p in found):
            found.append((at, phrase))
    return list(dict.fromkeys(ENGLISH_QUESTION_WORDS[p] for _, p in sorted(found)))


def _same_word(word: str, accented: str) -> bool:
    """``word`` (lower case) is ``accented``: with its accents when it carries any, else folded."""
    return normalize_text(word) == accented if has_diacritics(word) else word == fold_word(accented)


def _phrase_words(words: list[str]) -> set[int]:
    """Positions of the words that make up a stopword phrase (:data:`STOPWORD_PHRASES`).

    >>> sorted(_phrase_words(["ubnd", "yêu", "cầu", "làm", "gì"])), _phrase_words(["lịch", "làm", "việc"])
    ([3, 4], set())
    """
    out: set[int] = set()
    for i in range(len(words)):
        for phrase in STOPWORD_PHRASES:
            if all(i + k < len(words) and _same_word(words[i + k], p) for k, p in enumerate(phrase)):
                out.update(range(i, i + len(phrase)))
                break
    return out


__all__ = ["ABBREVIATIONS", "ENGLISH_FUNCTION_WORDS", "ENGLISH_NON_TOPIC", "ENGLISH_QUESTION_WORDS",
           "STOPWORDS", "STOPWORDS_ACCENTED", "STOPWORD_PHRASES",
           "content_terms", "english_answer_types", "is_english", "is_english_question", "is_stopword"]
