"""Settings from ``[tool.newslint]`` in ``pyproject.toml`` or from ``newslint.toml``.

The nearest file going up from the working directory wins (``newslint.toml``
before ``pyproject.toml`` in the same folder), as with ruff.  Unknown keys and
wrong types are errors: a typo in a linter's config must not silently turn a
rule off.
"""

from __future__ import annotations

import os
import sys
from typing import TYPE_CHECKING, Any

from newslint import _Fields
from newslint.errors import ConfigError

if TYPE_CHECKING:
    from pathlib import Path

CONFIG_FILES = ("newslint.toml", ".newslint.toml", "pyproject.toml")
LANGUAGES = ("id", "en")


class Settings(_Fields):
    """Resolved settings; ``source`` is the file they came from (or None)."""

    def __init__(
        self,
        select: list[str] | None = None,
        extend_select: list[str] | None = None,
        ignore: list[str] | None = None,
        language: str | None = None,
        exclude: list[str] | None = None,
        per_file_ignores: dict[str, list[str]] | None = None,
        options: dict[str, dict[str, Any]] | None = None,
        extend_rules: list[str] | None = None,
        source: Path | None = None,
    ) -> None:
        self.select = select
        self.extend_select: list[str] = [] if extend_select is None else extend_select
        self.ignore: list[str] = [] if ignore is None else ignore
        self.language = language
        self.exclude: list[str] = [] if exclude is None else exclude
        self.per_file_ignores: dict[str, list[str]] = (
            {} if per_file_ignores is None else per_file_ignores
        )
        self.options: dict[str, dict[str, Any]] = {} if options is None else options
        self.extend_rules: list[str] = [] if extend_rules is None else extend_rules
        self.source = source

    @property
    def source_dir(self) -> Path | None:
        """The config file's folder, or None for the working directory (a
        run with no config file needs no ``pathlib`` for it)."""
        return self.source.parent if self.source else None

    @property
    def root(self) -> Path:
        """Folder that relative globs in the config are matched against."""
        from pathlib import Path  # (only when a glob is matched: start-up)

        return self.source_dir or Path.cwd()


# key in the file -> (attribute, expected type description, validator)
def _str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _per_file(value: Any) -> bool:
    return isinstance(value, dict) and all(_str_list(v) for v in value.values())


def _options(value: Any) -> bool:
    return isinstance(value, dict) and all(
        isinstance(v, dict) and all(isinstance(k, str) for k in v) for v in value.values()
    )


def _language(value: Any) -> bool:
    return value in LANGUAGES


KEYS: dict[str, tuple[str, str, Any]] = {
    "select": ("select", "a list of rule codes", _str_list),
    "extend-select": ("extend_select", "a list of rule codes", _str_list),
    "ignore": ("ignore", "a list of rule codes", _str_list),
    "language": ("language", f"one of {', '.join(LANGUAGES)}", _language),
    "exclude": ("exclude", "a list of glob patterns", _str_list),
    "per-file-ignores": (
        "per_file_ignores",
        "a table of glob = [rule codes]",
        _per_file,
    ),
    "options": ("options", "a table of [options.CODE] tables (option = value)", _options),
    "extend-rules": ("extend_rules", "a list of rule pack files or folders", _str_list),
}


def find_config(start: Path | None = None) -> Path | None:
    """The nearest config file at or above ``start`` that configures newslint.

    Walked with ``os.path`` (``Path(start).resolve()`` and its parents, as
    strings): ``pathlib`` is imported only when a file is found, which keeps
    it (and the ``urllib``/``ipaddress`` it imports) out of a run without
    one."""
    folder = os.path.realpath(os.fspath(start) if start else os.getcwd())
    while True:
        for name in CONFIG_FILES:
            candidate = os.path.join(folder, name)
            if not os.path.isfile(candidate):
                continue
            if name != "pyproject.toml" or _configures_newslint(candidate):
                from pathlib import Path

                return Path(candidate)
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def _configures_newslint(pyproject: str) -> bool:
    """Whether a ``pyproject.toml`` has a ``[tool.newslint]`` table.  Most
    projects' files do not mention newslint at all: their bytes are looked
    at before the TOML is parsed (a quoted key could spell it with escapes,
    so a file with a backslash escape is parsed whatever it holds)."""
    try:
        with open(pyproject, "rb") as fh:
            raw = fh.read()
    except OSError:
        raw = None  # let _read_toml say why
    if raw is not None and b"newslint" not in raw and b"\\u" not in raw and b"\\U" not in raw:
        return False
    return "newslint" in _read_toml(pyproject).get("tool", {})


def _read_toml(path: str | Path) -> dict[str, Any]:
    # Imported here, not at the top: a run without a config file skips it.
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from exc
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: not UTF-8 (byte at offset {exc.start})") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read config: {exc.strerror or exc}") from exc


def load_settings(path: Path | None = None, *, discover: bool = True) -> Settings:
    """Read and validate settings from ``path``, or from the discovered file."""
    if path is None and discover:
        path = find_config()
    if path is None:
        return Settings()
    if not path.is_file():
        raise ConfigError(f"{path}: config file not found")
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("newslint", {})
        where = "[tool.newslint]"
    else:
        table = data
        where = "top level"
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: {where} must be a table")
    return settings_from_table(table, path, where)


def settings_from_table(table: dict[str, Any], path: Path, where: str) -> Settings:
    settings = Settings(source=path)
    for key, value in table.items():
        if key not in KEYS:
            known = ", ".join(sorted(KEYS))
            raise ConfigError(f"{path}: unknown key {key!r} in {where} (known keys: {known})")
        attr, expected, valid = KEYS[key]
        if not valid(value):
            raise ConfigError(f"{path}: {key!r} must be {expected}, got {value!r}")
        setattr(settings, attr, value)
    return settings
