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


def test_repr_and_str_never_show_the_admin_password_or_the_llm_key():
    from settings import load_settings

    s = load_settings({"ADMIN_PASSWORD": "Mat-khau-2026", "LLM_API_KEY": "sk-khoa-rieng-123"})
    for shown in (repr(s), str(s), f"{s}", repr([s])):
        assert "Mat-khau-2026" not in shown and "sk-khoa-rieng-123" not in shown
    assert "admin_password='***'" in repr(s) and "top_k=5" in repr(s)


def test_cache_key_follows_every_setting_secrets_included_without_holding_them():
    from settings import load_settings

    base = load_settings({"LLM_API_KEY": "sk-khoa-mot", "ADMIN_PASSWORD": "mot"})
    assert base.cache_key() == load_settings({"LLM_API_KEY": "sk-khoa-mot", "ADMIN_PASSWORD": "mot"}).cache_key()
    assert base.cache_key() != base.with_overrides(llm_api_key="sk-khoa-hai").cache_key()
    assert base.cache_key() != base.with_overrides(admin_password="hai").cache_key()
    assert base.cache_key() != base.with_overrides(top_k=7).cache_key()
    assert "sk-khoa-mot" not in base.cache_key()


def test_the_app_caches_its_library_by_the_key_that_hides_secrets(monkeypatch):
    import ui
    from settings import load_settings

    keys = []
    monkeypatch.setattr(ui, "get_settings", lambda: load_settings({"LLM_API_KEY": "sk-khoa-rieng"}))
    monkeypatch.setattr(ui, "_resource", lambda opener, spinner: lambda key, settings: keys.append(key))
    ui.get_library()
    ui.get_assistant()
    assert keys and all("sk-khoa-rieng" not in k for k in keys)
    assert keys[0] == load_settings({"LLM_API_KEY": "sk-khoa-rieng"}).cache_key()
