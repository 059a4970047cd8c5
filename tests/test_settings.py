"""Settings: environment overrides and documentation."""

import dataclasses
from pathlib import Path

import pytest

from settings import PROJECT_ROOT, Settings, load_settings, setting_names


def test_every_setting_is_documented_in_the_readme():
    readme = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")
    missing = [name for name in setting_names() if f"`{name}`" not in readme]
    assert missing == []


def test_environment_overrides_each_type():
    s = load_settings({"DATA_DIR": "/tmp/x", "TOP_K": "9", "LLM_TIMEOUT": "2.5", "CHROMA_HOST": "127.0.0.1"})
    assert s.data_dir == Path("/tmp/x") and s.top_k == 9 and s.llm_timeout == 2.5 and s.chroma_host == "127.0.0.1"


def test_relative_paths_are_relative_to_the_project():
    assert load_settings({"CORPUS_DIR": "corpus"}).corpus_dir == PROJECT_ROOT / "corpus"


def test_bad_value_gives_a_clear_message():
    with pytest.raises(ValueError, match="TOP_K"):
        load_settings({"TOP_K": "năm"})


def test_settings_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        Settings().top_k = 3  # type: ignore[misc]
