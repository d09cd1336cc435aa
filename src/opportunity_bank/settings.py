"""One settings object, built from the environment and passed in; never read at import time."""

from __future__ import annotations

import os
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

PREFIX = "OPPORTUNITY_BANK_"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
DEV_SECRET_FILE = "secret_key"  # noqa: S105 (a file name)
MIN_SECRET_LENGTH = 32
STAFF_ROLES = ("supervisor", "hr", "admin")
DEFAULT_OIDC_ROLES = "Supervisor=supervisor,HR=hr,Admin=admin"


class SettingsError(ValueError):
    """A setting is missing or unsafe; the message names the variable."""


def parse_role_map(text: str) -> tuple[tuple[str, str], ...]:
    """`Supervisor=supervisor,HR=hr` -> ((app role casefolded, our role), ...)."""
    pairs = []
    for part in filter(None, (p.strip() for p in text.split(","))):
        name, sep, role = (s.strip() for s in part.partition("="))
        if not sep or not name or role not in STAFF_ROLES:
            raise SettingsError(f"{PREFIX}OIDC_ROLES must look like {DEFAULT_OIDC_ROLES!r} with roles "
                                f"{', '.join(STAFF_ROLES)}; {part!r} is not")
        pairs.append((name.casefold(), role))
    return tuple(pairs)


def parse_flag(name: str, text: str) -> bool:
    value = text.strip().lower()
    if value not in ("true", "false", "1", "0", "yes", "no"):
        raise SettingsError(f"{PREFIX}{name} must be true or false, not {text!r}")
    return value in ("true", "1", "yes")


@dataclass(frozen=True, slots=True)
class Settings:
    data_dir: Path = Path("./var")
    database_url: str = ""
    meili_url: str | None = None
    meili_master_key: str | None = None
    meili_search_key: str | None = None  # a key that may only search, for students' searches
    meili_index: str = "opportunities"
    secret_key: str = ""
    host: str = "127.0.0.1"
    port: int = 8000
    env: str = "development"
    # The service's public base (links in sitemaps, calendars, feeds and mails); never the
    # request's Host header, which a client chooses.
    public_url: str = ""
    oidc_issuer: str | None = None
    oidc_client_id: str | None = None
    oidc_client_secret: str | None = None
    oidc_tenant: str | None = None
    # App-role value (casefolded) -> our role, from OIDC_ROLES.
    oidc_roles: tuple[tuple[str, str], ...] = parse_role_map(DEFAULT_OIDC_ROLES)
    oidc_unit_claim: str | None = None
    local_login: bool = False
    templates_dir: Path = PROJECT_ROOT / "templates"
    migrations_dir: Path = PROJECT_ROOT / "migrations"

    @property
    def production(self) -> bool:
        return self.env == "production"

    @property
    def oidc_enabled(self) -> bool:
        return bool(self.oidc_issuer)

    @property
    def password_login(self) -> bool:
        """Passwords are for development and small installations: off in production behind SSO."""
        return not (self.production and self.oidc_enabled) or self.local_login

    @property
    def oidc_redirect_uri(self) -> str:
        return f"{self.public_url}/auth/oidc/callback"

    @property
    def managed_meilisearch(self) -> bool:
        return not self.meili_url

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    @property
    def base_url(self) -> str:
        return self.public_url or f"http://{self.host}:{self.port}"

    @property
    def attachments_dir(self) -> Path:
        return self.data_dir / "attachments"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Settings:
        env = dict(os.environ if environ is None else environ)

        def get(name: str, default: str | None = None) -> str | None:
            value = env.get(PREFIX + name)
            return value if value not in (None, "") else default

        data_dir = Path(get("DATA_DIR", "./var")).expanduser()
        mode = get("ENV", "development")
        if mode not in ("development", "production", "test"):
            raise SettingsError(
                f"{PREFIX}ENV must be development, production or test, not {mode!r}"
            )
        port_text = get("PORT", "8000")
        try:
            port = int(port_text)
        except ValueError:
            raise SettingsError(f"{PREFIX}PORT must be a whole number, not {port_text!r}") from None
        if not 0 < port < 65536:
            raise SettingsError(f"{PREFIX}PORT must be between 1 and 65535, not {port}")
        default_db = f"sqlite:///{(data_dir / 'opportunity-bank.db').resolve()}"
        database_url = get("DATABASE_URL") or default_db
        if database_url.startswith("postgresql://") or database_url.startswith("postgres://"):
            # psycopg 3 is the driver we ship; plain URLs from ops tooling should just work.
            database_url = "postgresql+psycopg://" + database_url.split("://", 1)[1]
        settings = cls(
            data_dir=data_dir,
            database_url=database_url,
            meili_url=(get("MEILI_URL") or "").rstrip("/") or None,
            meili_master_key=get("MEILI_MASTER_KEY"),
            meili_search_key=get("MEILI_SEARCH_KEY"),
            meili_index=get("MEILI_INDEX", "opportunities"),
            secret_key=get("SECRET_KEY", ""),
            host=get("HOST", "127.0.0.1"),
            port=port,
            env=mode,
            public_url=(get("PUBLIC_URL") or "").rstrip("/"),
            oidc_issuer=(get("OIDC_ISSUER") or "").rstrip("/") or None,
            oidc_client_id=get("OIDC_CLIENT_ID"),
            oidc_client_secret=get("OIDC_CLIENT_SECRET"),
            oidc_tenant=get("OIDC_TENANT"),
            oidc_roles=parse_role_map(get("OIDC_ROLES", DEFAULT_OIDC_ROLES)),
            oidc_unit_claim=get("OIDC_UNIT_CLAIM"),
            local_login=parse_flag("LOCAL_LOGIN", get("LOCAL_LOGIN", "false")),
        )
        settings.check()
        return settings

    def check(self) -> None:
        """Refuse values that would be unsafe in production."""
        if not self.meili_index.replace("_", "").replace("-", "").isalnum():
            raise SettingsError(f"{PREFIX}MEILI_INDEX may hold only letters, digits, - and _")
        if not self.database_url.startswith(("sqlite", "postgresql")):
            raise SettingsError(f"{PREFIX}DATABASE_URL must be a sqlite:// or postgresql:// URL")
        if self.public_url and not self.public_url.startswith(("http://", "https://")):
            raise SettingsError(f"{PREFIX}PUBLIC_URL must start with http:// or https://")
        if self.oidc_enabled:
            missing = [name for name, value in (("OIDC_CLIENT_ID", self.oidc_client_id),
                                                ("OIDC_CLIENT_SECRET", self.oidc_client_secret),
                                                ("PUBLIC_URL", self.public_url)) if not value]
            if missing:
                names = ", ".join(PREFIX + m for m in missing)
                raise SettingsError(f"{PREFIX}OIDC_ISSUER is set, so {names} must be set too")
        if not self.production:
            return
        if self.oidc_enabled and not (self.oidc_issuer.startswith("https://")
                                      and self.public_url.startswith("https://")):
            raise SettingsError(f"{PREFIX}OIDC_ISSUER and {PREFIX}PUBLIC_URL must be https:// addresses "
                                "in production")
        if len(self.secret_key) < MIN_SECRET_LENGTH or self.secret_key in {"change-me", "secret"}:
            raise SettingsError(
                f"{PREFIX}SECRET_KEY must be set to a random value of at least "
                f"{MIN_SECRET_LENGTH} characters in production"
            )
        if self.meili_url and not self.meili_master_key:
            raise SettingsError(
                f"{PREFIX}MEILI_MASTER_KEY must be set when {PREFIX}MEILI_URL points at "
                "an external Meilisearch in production"
            )

    def resolved_secret_key(self) -> str:
        """The configured secret, or in development one generated once and kept in DATA_DIR."""
        if self.secret_key:
            return self.secret_key
        path = self.data_dir / DEV_SECRET_FILE
        if path.exists():
            return path.read_text().strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        key = secrets.token_urlsafe(48)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as handle:
            handle.write(key)
        return key

