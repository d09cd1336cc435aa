"""Real parts for every test: a Meilisearch server, a migrated database, the app.

The database is SQLite unless OPPORTUNITY_BANK_TEST_DATABASE_URL names a PostgreSQL server
(scripts/test.sh runs the suite both ways). Each test gets its own database, copied from a
template migrated once, and its own Meilisearch index, so tests cannot see each other.
"""

from __future__ import annotations

import dataclasses
import os
import shutil
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url

from opportunity_bank import db
from opportunity_bank.search.client import SearchClient
from opportunity_bank.search.managed import ManagedMeilisearch
from opportunity_bank.settings import Settings
from tests.smtp_server import SmtpServer, smtp_server

PG_URL = os.environ.get("OPPORTUNITY_BANK_TEST_DATABASE_URL")
TEMPLATE_DB = "ob_test_template"


@pytest.fixture(scope="session")
def meili(tmp_path_factory) -> Iterator[ManagedMeilisearch]:
    server = ManagedMeilisearch(tmp_path_factory.mktemp("meili"))
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def _template_database(tmp_path_factory) -> str:
    """A database migrated to head once; tests get copies of it."""
    if PG_URL:
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {TEMPLATE_DB}"))
            connection.execute(text(f"CREATE DATABASE {TEMPLATE_DB}"))
        admin.dispose()
        url = make_url(PG_URL).set(database=TEMPLATE_DB).render_as_string(hide_password=False)
    else:
        url = f"sqlite:///{tmp_path_factory.mktemp('template') / 'template.db'}"
    db.upgrade(Settings(database_url=url, data_dir=tmp_path_factory.mktemp("template-data")))
    return url


def fresh_database_url(template_url: str, tmp_path: Path) -> str:
    if PG_URL:
        name = f"ob_test_{uuid.uuid4().hex[:12]}"
        admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {name} TEMPLATE {TEMPLATE_DB}"))
        admin.dispose()
        return make_url(PG_URL).set(database=name).render_as_string(hide_password=False)
    path = tmp_path / "test.db"
    shutil.copyfile(make_url(template_url).database, path)
    return f"sqlite:///{path}"


def drop_database(url: str) -> None:
    if not PG_URL:
        return
    name = make_url(url).database
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        connection.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
    admin.dispose()


@contextmanager
def fresh_settings(directory: Path, meili: ManagedMeilisearch, template_url: str) -> Iterator[Settings]:
    """Settings with a fresh database and search index, both removed afterwards."""
    url = fresh_database_url(template_url, directory)
    index = f"test_{uuid.uuid4().hex[:12]}"
    yield Settings(
        data_dir=directory / "data",
        database_url=url,
        meili_url=meili.url,
        meili_master_key=meili.master_key,
        meili_index=index,
        secret_key="test-secret-" + "x" * 40,
        env="test",
        # Tests run scheduled jobs themselves (tests/integration/test_jobs.py), at times they choose.
        jobs=False,
    )
    client = SearchClient(meili.url, meili.master_key)
    for uid in (index, *(i.uid for i in client.get_indexes({"limit": 1000})["results"]
                         if i.uid.startswith(f"{index}_"))):
        client.delete_index(uid)
    client.close()
    drop_database(url)


@pytest.fixture
def settings(tmp_path, meili, _template_database) -> Iterator[Settings]:
    with fresh_settings(tmp_path, meili, _template_database) as made:
        yield made


@pytest.fixture
def engine(settings) -> Iterator[Engine]:
    engine = db.make_engine(settings)
    yield engine
    engine.dispose()


@pytest.fixture
def client(settings):
    """The app through Litestar's test client, lifespan (indexer thread included) running."""
    from litestar.testing import TestClient

    from opportunity_bank.app import create_app

    with TestClient(create_app(settings)) as test_client:
        # Tests read the English interface (the msgids) unless they ask for another language.
        test_client.headers["Accept-Language"] = "en"
        yield test_client


@pytest.fixture
def services(client):
    return client.app.state.services


@pytest.fixture
def smtp() -> Iterator[SmtpServer]:
    """A real SMTP server (aiosmtpd) on a free loopback port, recording what it accepts."""
    with smtp_server() as server:
        yield server


@pytest.fixture
def mail_settings(settings, smtp) -> Settings:
    return dataclasses.replace(settings, smtp_url=smtp.url, mail_from="Mahdollisuuspankki <noreply@espoo.fi>",
                               public_url="https://mahdollisuudet.espoo.fi")


@pytest.fixture
def mail_client(mail_settings):
    """The app with mail going to the test SMTP server."""
    from litestar.testing import TestClient

    from opportunity_bank.app import create_app

    with TestClient(create_app(mail_settings)) as test_client:
        test_client.headers["Accept-Language"] = "en"
        yield test_client
