from __future__ import annotations

import ast
from pathlib import Path

import pytest

import opportunity_bank
from opportunity_bank.settings import Settings, SettingsError


def env(**values: str) -> dict[str, str]:
    return {f"OPPORTUNITY_BANK_{k}": v for k, v in values.items()}


def test_defaults_are_an_embedded_sqlite_and_managed_search(tmp_path):
    settings = Settings.from_env(env(DATA_DIR=str(tmp_path)))
    assert settings.database_url == f"sqlite:///{tmp_path / 'opportunity-bank.db'}"
    assert settings.managed_meilisearch and settings.meili_index == "opportunities"
    assert (settings.host, settings.port) == ("127.0.0.1", 8000)


def test_plain_postgres_urls_use_the_shipped_driver():
    settings = Settings.from_env(env(DATABASE_URL="postgresql://u@db/bank"))
    assert settings.database_url == "postgresql+psycopg://u@db/bank"


@pytest.mark.parametrize(
    ("values", "named"),
    [
        ({"ENV": "production"}, "SECRET_KEY"),
        ({"ENV": "production", "SECRET_KEY": "short"}, "SECRET_KEY"),
        ({"ENV": "production", "SECRET_KEY": "k" * 40, "MEILI_URL": "https://search"}, "MEILI_MASTER_KEY"),
        ({"PORT": "eighty"}, "PORT"),
        ({"PORT": "70000"}, "PORT"),
        ({"ENV": "staging"}, "ENV"),
        ({"DATABASE_URL": "mysql://x"}, "DATABASE_URL"),
        ({"MEILI_INDEX": "bad index!"}, "MEILI_INDEX"),
        ({"MEILI_MAX_INDEXING_THREADS": "two"}, "MEILI_MAX_INDEXING_THREADS"),
        ({"MEILI_MAX_INDEXING_THREADS": "0"}, "MEILI_MAX_INDEXING_THREADS"),
    ],
)
def test_unsafe_or_invalid_settings_are_refused_naming_the_variable(values, named):
    with pytest.raises(SettingsError, match=f"OPPORTUNITY_BANK_{named} ") as refused:
        Settings.from_env(env(**values))
    assert "\n" not in str(refused.value)


def test_managed_meilisearch_and_voikko_settings_are_parsed(tmp_path):
    settings = Settings.from_env(env(MEILI_MAX_INDEXING_THREADS="1", MEILI_BINARY=str(tmp_path / "meili"),
                                     VOIKKO_PATH=str(tmp_path / "voikko")))
    assert settings.meili_max_indexing_threads == 1
    assert settings.meili_binary == tmp_path / "meili"
    assert settings.voikko_path == tmp_path / "voikko"
    unset = Settings.from_env(env())
    assert (unset.meili_max_indexing_threads, unset.meili_binary, unset.voikko_path) == (None, None, None)


def test_only_the_settings_module_reads_the_environment():
    """Everything else gets a Settings passed in, so a worker sees what its parent parsed."""
    package = Path(opportunity_bank.__file__).parent
    readers = set()
    for source in package.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Attribute) and node.attr in {"environ", "getenv", "environb"}:
                readers.add(source.relative_to(package).as_posix())
    assert readers == {"settings.py"}


def test_production_with_real_secrets_starts():
    settings = Settings.from_env(env(
        ENV="production", SECRET_KEY="k" * 40, MEILI_URL="https://search.example/", MEILI_MASTER_KEY="m"
    ))
    assert settings.production and settings.meili_url == "https://search.example"


def test_development_secret_is_generated_once_and_private(tmp_path):
    settings = Settings.from_env(env(DATA_DIR=str(tmp_path)))
    first = settings.resolved_secret_key()
    assert first == settings.resolved_secret_key()
    assert (tmp_path / "secret_key").stat().st_mode & 0o777 == 0o600
