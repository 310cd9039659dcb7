"""Settings from the environment (JIXIAO_*), with sensible defaults for a laptop."""

from __future__ import annotations

from pathlib import Path

from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="JIXIAO_", extra="ignore")

    data_dir: Path = Path("data")
    database_url: str = ""  # empty: an SQLite file in data_dir
    profile: str = "central"
    batch_results: Path | None = None  # the `jixiao batch audit --out` folder the finance pages browse

    @property
    def resolved_batch_results(self) -> Path:
        return self.batch_results or self.data_dir / "batch"

    @property
    def resolved_database_url(self) -> str:
        return self.database_url or f"sqlite:///{(self.data_dir / 'jixiao.sqlite3').resolve()}"


def get_settings() -> Settings:
    return Settings()
