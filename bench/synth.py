"""Deterministic synthetic corpus for benchmarks, grown from the real documents in ``corpus/``.

Each synthetic document is one real document (its template) with its entities substituted: province, years,
dates, document numbers, the departments (Sở) named, the signer; a few list items are dropped so documents differ
in shape too. The text keeps the real paragraphs and table rows, so :func:`ingest.document.build_document` cuts real
passages from it. Document ``i`` depends only on ``(seed, i)``: every tier shares its first documents.

>>> synth = CorpusSynth(seed=7)
>>> a, b = synth.make(3), CorpusSynth(seed=7).make(3)
>>> a.document.text == b.document.text and len(a.origin) == len(a.document.passages)
True
>>> all(a.document.text[p.start:p.end] == p.text for p in a.document.passages)
True
"""

from __future__ import annotations

import hashlib
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from index.model import Document
from ingest.document import build_document
from ingest.loaders import load_file
from settings import PROJECT_ROOT
from textnorm import fold_accents
from textnorm.gazetteer import PROVINCES

DEFAULT_SEED = 20240601

#: Department names (after "Sở"), swapped among themselves; "Nội vụ" stays: it runs every CCHC plan.
DEPARTMENTS = (
    "Văn hóa, Thể thao và Du lịch", "Nông nghiệp và Phát triển nông thôn", "Lao động - Thương binh và Xã hội",
    "Tài nguyên và Môi trường", "Thông tin và Truyền thông", "Giáo dục và Đào tạo", "Khoa học và Công nghệ",
    "Kế hoạch và Đầu tư", "Giao thông vận tải", "Văn hóa và Thể thao", "Công Thương", "Xây dựng", "Tài chính",
    "Tư pháp", "Du lịch", "Y tế", "Ngoại vụ",
)
_SURNAMES = ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô",
             "Dương", "Lý", "Lâm", "Trương")
_MIDDLE = ("Văn", "Thị", "Minh", "Quốc", "Đức", "Thanh", "Hữu", "Ngọc", "Xuân", "Hồng", "Công", "Thành")
_GIVEN = ("An", "Bình", "Cường", "Dũng", "Giang", "Hà", "Hải", "Hùng", "Khánh", "Lan", "Long", "Mai", "Nam",
          "Phong", "Quang", "Sơn", "Tâm", "Thắng", "Trung", "Tuấn", "Việt", "Vinh", "Yến")

_DOC_NUMBER = re.compile(r"(?<![\d/])(\d{1,4})(/(?:KH|QĐ|BC|TB|CT|NQ|CV|TTr|HD)-[A-ZĐ]+)")
_YEAR = re.compile(r"(?<!\d)(20[0-3]\d)(?!\d)")
_DATE_WORDS = re.compile(r"ngày(\s+)(\d{1,2})(\s+)tháng(\s+)(\d{1,2})(\s+)năm")
_DATE_SLASH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})/(20\d\d)(?!\d)")
_DEPARTMENT = re.compile("|".join(re.escape(d) for d in sorted(DEPARTMENTS, key=len, reverse=True)))
_LIST_ITEM = re.compile(r"^\s*-\s+\S")


@dataclass(frozen=True)
class Template:
    """A real document: its raw text, the document built from it and the entities substitutions replace."""

    name: str
    raw_text: str
    document: Document
    province: str
    year: int
    signer: str


@dataclass(frozen=True)
class SynthDoc:
    """A synthetic document; ``origin[j]`` is the index of the template passage passage ``j`` was made from."""

    index: int
    document: Document
    template: str
    raw_text: str
    origin: tuple[int, ...]


def _glued(name: str) -> str:
    return "".join(w[:1].upper() + w[1:] for w in fold_accents(name).split())


def load_templates(corpus_dir: Path | None = None) -> list[Template]:
    """The real documents of ``corpus_dir`` (the bundled corpus by default), sorted by file name."""
    corpus_dir = Path(corpus_dir or PROJECT_ROOT / "corpus")
    out = []
    for path in sorted(p for p in corpus_dir.iterdir() if p.is_file() and not p.name.startswith(".")):
        raw = load_file(path).text
        doc = build_document(path.stem, f"corpus/{path.name}", raw)
        md = doc.metadata
        year = int(md.get("nam") or 2021)
        out.append(Template(path.stem, raw, doc, md.get("tinh", ""), year, md.get("nguoi_ky", "")))
    return out


class CorpusSynth:
    """Generator of synthetic documents; ``make(i)`` is a pure function of ``(seed, i)``."""

    def __init__(self, corpus_dir: Path | None = None, seed: int = DEFAULT_SEED, drop_items: float = 0.12) -> None:
        self.seed = seed
        self.drop_items = drop_items
        self.templates = load_templates(corpus_dir)
        if not self.templates:
            raise ValueError(f"no documents in {corpus_dir}")

    def make(self, i: int) -> SynthDoc:
        rng = random.Random(f"{self.seed}:{i}")
        template = self.templates[rng.randrange(len(self.templates))]
        raw = self.substitute(template, rng)
        doc_id = f"synth-{i:06d}"
        province = self._province
        source = f"bench/synth/{re.sub(r'[^a-z0-9]+', '-', fold_accents(province).lower())}-{i:06d}.txt"
        digest = hashlib.sha256(raw.encode("utf-8")).hexdigest()
        doc = build_document(doc_id, source, raw, digest=digest)
        n_s, n_t = len(doc.passages), len(template.document.passages)
        origin = tuple(min(n_t - 1, round(j * (n_t - 1) / max(n_s - 1, 1))) for j in range(n_s)) if n_t else ()
        return SynthDoc(i, doc, template.name, raw, origin)

    def substitute(self, template: Template, rng: random.Random) -> str:
        """The template's raw text with new entities (province, years, dates, numbers, departments, signer)."""
        text = template.raw_text
        province = rng.choice(PROVINCES)
        self._province = province
        if template.province:
            for old, new in ((template.province, province), (template.province.upper(), province.upper()),
                             (_glued(template.province), _glued(province))):
                # a converter may have hard-wrapped the name ("Kiên\nGiang")
                pattern = r"\s+".join(re.escape(w) for w in old.split())
                text = re.sub(pattern, lambda m, new=new: new, text)
        numbers: dict[str, str] = {}
        text = _DOC_NUMBER.sub(lambda m: numbers.setdefault(m.group(1), str(rng.randint(1, 480))) + m.group(2), text)
        delta = rng.randint(2016, 2025) - template.year
        text = _YEAR.sub(lambda m: str(int(m.group(1)) + delta), text)
        text = _DATE_WORDS.sub(lambda m: f"ngày{m.group(1)}{rng.randint(1, 28):02d}{m.group(3)}tháng{m.group(4)}"
                                         f"{rng.randint(1, 12):02d}{m.group(6)}năm", text)
        text = _DATE_SLASH.sub(lambda m: f"{rng.randint(1, 28)}/{rng.randint(1, 12)}/{m.group(3)}", text)
        shuffled = list(DEPARTMENTS)
        rng.shuffle(shuffled)
        mapping = dict(zip(DEPARTMENTS, shuffled, strict=True))
        text = _DEPARTMENT.sub(lambda m: mapping[m.group(0)], text)
        if template.signer:
            signer = f"{rng.choice(_SURNAMES)} {rng.choice(_MIDDLE)} {rng.choice(_GIVEN)}"
            text = re.sub(r"\s+".join(re.escape(w) for w in template.signer.split()), lambda m: signer, text)
        if self.drop_items:
            lines = text.split("\n")
            text = "\n".join(line for line in lines if not (_LIST_ITEM.match(line) and rng.random() < self.drop_items))
        return text

    def documents(self, target_passages: int, start: int = 0) -> Iterator[SynthDoc]:
        """Documents ``start, start+1, …`` until together they hold at least ``target_passages`` passages."""
        total, i = 0, start
        while total < target_passages:
            sd = self.make(i)
            i += 1
            if not sd.document.passages:
                continue
            total += len(sd.document.passages)
            yield sd


def derived_vectors(sd: SynthDoc, template_vectors: np.ndarray, noise: float = 0.08) -> np.ndarray:
    """Vectors for a synthetic document without running the model: for each passage, the vector of the template
    passage it came from, plus seeded Gaussian noise, renormalised (cosine ≈ 0.8 to the original at ``noise`` 0.08
    in 384 dimensions)."""
    base = np.asarray(template_vectors, dtype=np.float32)[list(sd.origin)]
    rng = np.random.default_rng(sd.index)
    out = base + rng.normal(0.0, noise, base.shape).astype(np.float32)
    out /= np.linalg.norm(out, axis=1, keepdims=True)
    return out.astype(np.float32)


__all__ = ["CorpusSynth", "SynthDoc", "Template", "load_templates", "derived_vectors", "DEFAULT_SEED"]
