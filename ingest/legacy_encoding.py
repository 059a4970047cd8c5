"""Legacy Vietnamese encodings (TCVN3/ABC, VNI, Windows-1258): detection and conversion to Unicode.

Before Unicode, Vietnamese documents were typed with 8-bit "font encodings": the bytes are ordinary
Windows-1252 bytes and only the font (``.VnTime`` for TCVN3, ``VNI-Times`` for VNI) draws them as
Vietnamese letters.  Read as Windows-1252 they look like ``Uû ban nh©n d©n`` (TCVN3) or
``Uûy ban nhaân daân`` (VNI).  This module converts such text back to Unicode and decides, from
the share of valid Vietnamese syllables, which encoding (if any) a text was written in.

Tables are given per vowel in the order *no tone, huyền, hỏi, ngã, sắc, nặng*.

>>> convert_legacy("Uû ban nh©n d©n tØnh Kiªn Giang", "tcvn3")
'Uỷ ban nhân dân tỉnh Kiên Giang'
>>> convert_legacy("Uûy ban nhaân daân tænh Kieân Giang", "vni")
'Ủy ban nhân dân tỉnh Kiên Giang'
>>> detect_legacy_encoding("Quyết định số 12/QĐ-UBND") is None
True
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

LEGACY_ENCODINGS = ("cp1258", "tcvn3", "vni")
ENCODING_LABELS = {
    "cp1258": "Windows-1258 (cp1258)",
    "tcvn3": "TCVN3 (ABC)",
    "vni": "VNI",
}

# huyền, hỏi, ngã, sắc, nặng as combining marks (index 1..5 in the tables below; 0 = no tone).
_TONES = ("", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323")
_TONE_MARKS = frozenset(_TONES[1:])


def _letter(base: str, tone: int) -> str:
    return unicodedata.normalize("NFC", base + _TONES[tone])


# ---------------------------------------------------------------- TCVN3 (TCVN 5712:1993 VN3, "ABC")
# Byte codes for the six forms of each lower-case vowel; None = plain ASCII letter.
_TCVN3_VOWELS: dict[str, tuple[int | None, int, int, int, int, int]] = {
    "a": (None, 0xB5, 0xB6, 0xB7, 0xB8, 0xB9),
    "ă": (0xA8, 0xBB, 0xBC, 0xBD, 0xBE, 0xC6),
    "â": (0xA9, 0xC7, 0xC8, 0xC9, 0xCA, 0xCB),
    "e": (None, 0xCC, 0xCE, 0xCF, 0xD0, 0xD1),
    "ê": (0xAA, 0xD2, 0xD3, 0xD4, 0xD5, 0xD6),
    "i": (None, 0xD7, 0xD8, 0xDC, 0xDD, 0xDE),
    "o": (None, 0xDF, 0xE1, 0xE2, 0xE3, 0xE4),
    "ô": (0xAB, 0xE5, 0xE6, 0xE7, 0xE8, 0xE9),
    "ơ": (0xAC, 0xEA, 0xEB, 0xEC, 0xED, 0xEE),
    "u": (None, 0xEF, 0xF1, 0xF2, 0xF3, 0xF4),
    "ư": (0xAD, 0xF5, 0xF6, 0xF7, 0xF8, 0xF9),
    "y": (None, 0xFA, 0xFB, 0xFC, 0xFD, 0xFE),
}
# Letters that do have an upper-case code in VN3 (toned capitals do not: they are written lower-case).
_TCVN3_OTHER = {
    0xAE: "đ",
    0xA1: "Ă",
    0xA2: "Â",
    0xA3: "Ê",
    0xA4: "Ô",
    0xA5: "Ơ",
    0xA6: "Ư",
    0xA7: "Đ",
}

# ---------------------------------------------------------------- VNI (VNI for Windows)
# A vowel is its base letter followed by modifier byte(s); codes for tones 0..5, lower / upper case.
_VNI_TONE = ((None, 0xF8, 0xFB, 0xF5, 0xF9, 0xEF), (None, 0xD8, 0xDB, 0xD5, 0xD9, 0xCF))
_VNI_CIRCUMFLEX = (
    (0xE2, 0xE0, 0xE5, 0xE3, 0xE1, 0xE4),
    (0xC2, 0xC0, 0xC5, 0xC3, 0xC1, 0xC4),
)  # â ê ô
_VNI_BREVE = (
    (0xEA, 0xE8, 0xFA, 0xFC, 0xE9, 0xEB),
    (0xCA, 0xC8, 0xDA, 0xDC, 0xC9, 0xCB),
)  # ă
_VNI_I = (
    ("i", "\xec", "\xe6", "\xf3", "\xed", "\xf2"),
    ("I", "\xcc", "\xc6", "\xd3", "\xcd", "\xd2"),
)
_VNI_SINGLE = {
    "ơ": ("\xf4", "\xd4"),
    "ư": ("\xf6", "\xd6"),
    "đ": ("\xf1", "\xd1"),
}  # lower, upper
_VNI_Y_DOT = (
    "\xee",
    "\xce",
)  # ỵ Ỵ are single bytes; the other toned y are y + modifier


def _build_tcvn3() -> dict[str, str]:
    table: dict[str, str] = {}
    for base, codes in _TCVN3_VOWELS.items():
        for tone, code in enumerate(codes):
            if code is not None:
                table[_cp1252_char(code)] = _letter(base, tone)
    for code, letter in _TCVN3_OTHER.items():
        table[_cp1252_char(code)] = letter
    return table


def _build_vni() -> dict[str, str]:
    """Sequence (as Windows-1252 characters) -> Unicode letter, both cases."""
    table: dict[str, str] = {}
    for upper in (0, 1):
        table.update(_vni_case(upper))
    # Capitalised words typed in VNI sometimes pair an upper-case base with a lower-case modifier.
    for seq, letter in list(table.items()):
        if len(seq) == 2 and seq[0].isupper() and seq[1].isupper():
            table.setdefault(seq[0] + seq[1].lower(), letter)
    table.setdefault("y\xef", _letter("y", 5))
    table.setdefault("Y\xcf", _letter("Y", 5))
    return table


def _vni_case(upper: int) -> dict[str, str]:
    """The VNI sequences of one case (0 lower, 1 upper) -> Unicode letter."""

    def case(s: str) -> str:
        return s.upper() if upper else s

    tone_code = _VNI_TONE[upper]
    table: dict[str, str] = {}
    for base in "aeouy":
        for tone in range(1, 6):
            table[case(base) + chr(tone_code[tone])] = case(_letter(base, tone))
    for plain, hat in (("a", "â"), ("e", "ê"), ("o", "ô")):
        for tone in range(6):
            table[case(plain) + chr(_VNI_CIRCUMFLEX[upper][tone])] = case(_letter(hat, tone))
    for tone in range(6):
        table[case("a") + chr(_VNI_BREVE[upper][tone])] = case(_letter("ă", tone))
    for tone in range(1, 6):
        table[_VNI_I[upper][tone]] = case(_letter("i", tone))
    for letter, codes in _VNI_SINGLE.items():
        table[codes[upper]] = case(letter)
    for horned in ("ơ", "ư"):
        for tone in range(1, 6):
            table[_VNI_SINGLE[horned][upper] + chr(tone_code[tone])] = case(_letter(horned, tone))
    table[_VNI_Y_DOT[upper]] = case(_letter("y", 5))
    return table


def _cp1252_char(code: int) -> str:
    try:
        return bytes([code]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8D, 0x8F, 0x90, 0x9D are undefined in cp1252
        return chr(code)


# Bytes -> the characters a Windows-1252 reader would show (latin-1 for the five undefined bytes).
_LATIN1_TO_CP1252 = {code: _cp1252_char(code) for code in range(0x80, 0xA0)}
# Word stores text in "symbol" fonts in the private-use area U+F020–U+F0FF.
_PUA_TO_CP1252 = {0xF000 + code: _cp1252_char(code) for code in range(0x20, 0x100)}

_TCVN3_TO_UNICODE = _build_tcvn3()
_TCVN3_TRANSLATE = str.maketrans(_TCVN3_TO_UNICODE)
_TCVN3_AMBIGUOUS_CASE = frozenset(k for k, v in _TCVN3_TO_UNICODE.items() if v.islower())
# Words holding both a letter that may stand for a capital and a sure capital (see _tcvn3_line).
_CASE_CANDIDATE = re.compile(
    "(?=\\S*[" + re.escape("".join(sorted(_TCVN3_AMBIGUOUS_CASE))) + "])\\S*[A-Z\xa1-\xa7]\\S*"
)
_ASCII_LOWER = re.compile("[a-z]")
_VNI_TO_UNICODE = _build_vni()
_VNI_PATTERN = re.compile("|".join(re.escape(seq) for seq in sorted(_VNI_TO_UNICODE, key=len, reverse=True)))
_WORD = re.compile(r"\S+")
_UPPER_HINT = re.compile(r"[A-Z\xa1-\xa7]")


def _as_cp1252_text(text_or_bytes: bytes | str) -> str:
    if isinstance(text_or_bytes, bytes):
        return text_or_bytes.decode("latin-1").translate(_LATIN1_TO_CP1252)
    return text_or_bytes.translate(_PUA_TO_CP1252)


def _case_evidence(word: str) -> tuple[int, bool, bool]:
    """(letters whose case is certain, all of them upper-case, first one starts the word)."""
    certain = [
        (i, _TCVN3_TO_UNICODE.get(ch, ch))
        for i, ch in enumerate(word)
        if (ch.isalpha() or ch in _TCVN3_TO_UNICODE) and ch not in _TCVN3_AMBIGUOUS_CASE
    ]
    upper = bool(certain) and all(ch.isupper() for _, ch in certain)
    return len(certain), upper, bool(certain) and certain[0][0] == 0


def _tcvn3_line(line: str) -> str:
    """Convert one line of TCVN3 text.

    VN3 has no code for toned capitals, so "CéNG HOµ" means "CỘNG HOÀ".  A word is upper-cased
    when every letter whose case is certain is upper-case, unless that is only its first letter
    ("Tõ" stays "Từ"); in a line written in capitals ("CéNG HOµ X· HéI") even such short words
    ("X·" -> "XÃ") are upper-cased.
    """
    converted = line.translate(_TCVN3_TRANSLATE)  # one character for one: word spans are kept
    if not _UPPER_HINT.search(line):
        return converted
    caps_line = False
    if not _ASCII_LOWER.search(line):
        lettered = [ev for ev in map(_case_evidence, line.split()) if ev[0]]
        capital_words = sum(1 for n, upper, _ in lettered if upper and n >= 2)
        caps_line = (
            capital_words >= 2 and capital_words >= 0.6 * len(lettered) and all(upper for _, upper, _ in lettered)
        )
    pieces, done = [], 0
    for match in _CASE_CANDIDATE.finditer(line):
        n, upper, at_start = _case_evidence(match.group(0))
        if upper and (caps_line or n >= 2 or not at_start):
            pieces += [converted[done : match.start()], converted[match.start() : match.end()].upper()]
            done = match.end()
    return "".join(pieces) + converted[done:]


def convert_legacy(text_or_bytes: bytes | str, encoding: str) -> str:
    """Convert legacy-encoded Vietnamese to NFC Unicode.

    Args:
        text_or_bytes: raw file bytes, or text that was read as Windows-1252/latin-1 (mojibake).
        encoding: ``"tcvn3"``, ``"vni"`` or ``"cp1258"``.

    Returns:
        The Unicode text (NFC).  Characters outside the legacy table are kept unchanged.

    Raises:
        ValueError: unknown encoding, or cp1258 text that cannot be mapped back to bytes.

    >>> convert_legacy("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "tcvn3")
    'Cộng hoà xã hội chủ nghĩa Việt Nam'
    >>> convert_legacy(b"Vi\\xea\\xf2t Nam", "cp1258")
    'Việt Nam'
    """
    if encoding == "cp1258":
        raw = text_or_bytes if isinstance(text_or_bytes, bytes) else _str_to_cp1252_bytes(text_or_bytes)
        return unicodedata.normalize("NFC", raw.decode("cp1258", errors="replace"))
    text = _as_cp1252_text(text_or_bytes)
    if encoding == "tcvn3":
        out = "".join(_tcvn3_line(line) for line in text.splitlines(keepends=True))
    elif encoding == "vni":
        out = _VNI_PATTERN.sub(lambda m: _VNI_TO_UNICODE[m.group(0)], text)
    else:
        raise ValueError(f"bảng mã không hỗ trợ: {encoding!r} (chỉ có {', '.join(LEGACY_ENCODINGS)})")
    return unicodedata.normalize("NFC", out)


def _str_to_cp1252_bytes(text: str) -> bytes:
    out = bytearray()
    for ch in text.translate(_PUA_TO_CP1252):
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) > 0xFF:
                raise ValueError(f"ký tự {ch!r} không thuộc bảng mã Windows-1252") from None
            out.append(ord(ch))
    return bytes(out)


# ---------------------------------------------------------------- reverse tables (tests, tools)
def _encode_table(encoding: str) -> dict[str, str]:
    if encoding == "tcvn3":
        table = {v: k for k, v in _TCVN3_TO_UNICODE.items()}
        for letter, code in list(table.items()):  # toned capitals -> lower-case code
            if letter.upper() != letter and letter.upper() not in table:
                table[letter.upper()] = code
        return table
    if encoding == "vni":
        table = {}
        for seq, letter in _VNI_TO_UNICODE.items():
            if seq in ("y\xef", "Y\xcf") or (len(seq) == 2 and seq[0].isupper() != seq[1].isupper()):
                continue
            table[letter] = seq
        return table
    raise ValueError(f"bảng mã không hỗ trợ: {encoding!r}")


def encode_legacy(text: str, encoding: str) -> bytes:
    """Encode Unicode Vietnamese into TCVN3, VNI or cp1258 bytes (the reverse of :func:`convert_legacy`).

    >>> encode_legacy("Kiên Giang", "tcvn3")
    b'Ki\\xaan Giang'
    """
    text = unicodedata.normalize("NFC", text)
    if encoding == "cp1258":
        return _encode_cp1258(text)
    table = _encode_table(encoding)
    return "".join(table.get(ch, ch) for ch in text).encode("cp1252")


def _encode_cp1258(text: str) -> bytes:
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            nfd = unicodedata.normalize("NFD", ch)
            base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONE_MARKS))
            out += base.encode("cp1258") + "".join(c for c in nfd if c in _TONE_MARKS).encode("cp1258")
    return bytes(out)


# ---------------------------------------------------------------- detection
_INITIALS = (
    "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh",
    "p", "ph", "q", "qu", "r", "s", "t", "th", "tr", "v", "x",
)  # fmt: skip


def _words(text: str) -> frozenset[str]:
    """Space-separated word list -> set (lists read better as text)."""
    return frozenset(text.split())


_RIMES = _words(
    "a ac ach ai am an ang anh ao ap at au ay ăc ăm ăn ăng ăp ăt âc âm ân âng âp ât âu ây "
    "e ec em en eng eo ep et ê êch êm ên ênh êp êt êu i ia ich im in inh ip it iu iêc iêm "
    "iên iêng iêp iêt iêu y yêm yên yêng yêt yêu o oc oi om on ong op ot oong ooc oa oac "
    "oach oai oam oan oang oanh oao oap oat oay oăc oăm oăn oăng oăt oe oen oeo oet oem ô "
    "ôc ôi ôm ôn ông ôp ôt ơ ơi ơm ơn ơp ơt u uc ui um un ung up ut ua uôc uôi uôm uôn "
    "uông uôt uy uya uych uyên uyêt uynh uyt uyu uân uât uâng uây uê uêch uênh uơ uyn ư "
    "ưc ưi ưm ưn ưng ưt ưu ưa ươc ươi ươm ươn ương ươp ươt ươu"
)
_STOP_FINALS = ("c", "ch", "p", "t")
_COMMON = _words(
    "của và các là có được trong cho không người những một này với đã để theo về năm ngày "
    "tháng số nhân dân ủy uỷ ban tỉnh huyện xã phường thành phố quyết định công văn thực "
    "hiện cơ quan nhà nước việc điều khoản chính phủ bộ sở hành cấp đơn hồ sơ giải quyết "
    "thủ tục tại như đến từ nơi cộng hòa hoà hội chủ nghĩa việt độc lập tự do hạnh phúc "
    "trên dưới đồng thời ông bà"
)
_SAMPLE = 200_000  # characters/bytes looked at when guessing
_TOKEN = re.compile(r"[^\s!-@\[-`{-~]+")
_EDGE_PUNCT = "“”‘’–—…•\u00a0"


def _is_syllable(token: str) -> bool:
    nfd = unicodedata.normalize("NFD", token.lower())
    tones = [c for c in nfd if c in _TONE_MARKS]
    if len(tones) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in nfd if c not in _TONE_MARKS))
    for initial in _INITIALS:
        if base.startswith(initial):
            rime = base[len(initial) :]
            if rime in _RIMES:
                return not rime.endswith(_STOP_FINALS) or tones in (
                    ["\u0301"],
                    ["\u0323"],
                )
    return False


@dataclass(frozen=True)
class SyllableScore:
    """How Vietnamese a text reads: non-ASCII word count, share of valid syllables, share of common words."""

    tokens: int
    valid: float
    common: float

    @property
    def total(self) -> float:
        return self.valid + 0.25 * self.common


def vietnamese_score(text: str, *, sample_chars: int = _SAMPLE) -> SyllableScore:
    """Share of non-ASCII words in ``text`` that are well-formed Vietnamese syllables."""
    tokens = [t.strip(_EDGE_PUNCT) for t in _TOKEN.findall(text[:sample_chars])]
    tokens = [t for t in tokens if t and not t.isascii()]
    if not tokens:
        return SyllableScore(0, 0.0, 0.0)
    valid = sum(1 for t in tokens if _is_syllable(t))
    common = sum(1 for t in tokens if unicodedata.normalize("NFC", t.lower()) in _COMMON)
    return SyllableScore(len(tokens), valid / len(tokens), common / len(tokens))


def _candidates(raw: bytes | str) -> dict[str, str]:
    out: dict[str, str] = {}
    for enc in LEGACY_ENCODINGS:
        try:
            out[enc] = convert_legacy(raw, enc)
        except ValueError:
            continue
    return out


_MIN_VALID = 0.75  # a converted text must read as Vietnamese at least this well
_MIN_MARGIN = 0.1  # ... and clearly better than the runner-up


def _best(candidates: dict[str, str]) -> tuple[str | None, SyllableScore | None]:
    scored = sorted(
        ((vietnamese_score(text), enc) for enc, text in candidates.items()),
        key=lambda pair: pair[0].total,
        reverse=True,
    )
    if not scored or scored[0][0].tokens == 0 or scored[0][0].valid < _MIN_VALID:
        return None, scored[0][0] if scored else None
    best_score, best_enc = scored[0]
    for score, enc in scored[1:]:
        if best_score.total - score.total < _MIN_MARGIN and candidates[enc] != candidates[best_enc]:
            return None, best_score
    return best_enc, best_score


def detect_legacy_encoding(raw: bytes | str) -> str | None:
    """Guess whether ``raw`` is Vietnamese in a legacy encoding.

    Args:
        raw: file bytes that are *not* valid UTF-8, or text (typically valid UTF-8 whose content is
            TCVN3/VNI read as Windows-1252, e.g. ``"nh©n d©n"``).

    Returns:
        ``"tcvn3"``, ``"vni"`` or ``"cp1258"`` when one conversion clearly reads as Vietnamese;
        ``None`` when the text is already good Unicode, is not Vietnamese, or the evidence is weak.

    >>> detect_legacy_encoding("Uû ban nh©n d©n tØnh Kiªn Giang")
    'tcvn3'
    >>> detect_legacy_encoding("Uûy ban nhaân daân tænh Kieân Giang")
    'vni'
    """
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError:
            return _best(_candidates(raw[:_SAMPLE]))[0]
    baseline = vietnamese_score(raw)
    if baseline.tokens < 2 or baseline.valid >= 0.5:
        return None
    encoding, score = _best(_candidates(raw[:_SAMPLE]))
    if encoding is None or score is None or score.valid < 0.8 or score.total - baseline.total < 0.3:
        return None
    return encoding
