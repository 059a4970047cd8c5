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


@pytest.mark.parametrize("env, name", [
    ({"MAX_FILE_MB": "abc"}, "MAX_FILE_MB"), ({"MAX_FILE_MB": "-1"}, "MAX_FILE_MB"), ({"TOP_K": "0"}, "TOP_K"),
    ({"CHROMA_PORT": "70000"}, "CHROMA_PORT"), ({"MAX_PASSAGES": "1.5"}, "MAX_PASSAGES"),
    ({"LLM_TIMEOUT": "nan"}, "LLM_TIMEOUT"),
])
def test_unusable_values_are_refused_in_one_vietnamese_line(env, name):
    from errors import SettingsError

    with pytest.raises(SettingsError) as info:
        load_settings(env)
    message = str(info.value)
    assert name in message and "không hợp lệ" in message and "\n" not in message


def test_cli_prints_one_line_and_exits_2_on_a_bad_setting(monkeypatch, capsys):
    from retriever.__main__ import main

    monkeypatch.setenv("MAX_FILE_MB", "abc")
    with pytest.raises(SystemExit) as info:
        main(["search", "x"])
    assert info.value.code == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "MAX_FILE_MB" in err and "Traceback" not in err
