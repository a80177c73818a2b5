"""README.md documents every command, option, setting and make target there is."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import typer.main

from parley.cli import app
from parley.export import FORMATS

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src" / "parley"
README = (ROOT / "README.md").read_text(encoding="utf-8")
MAKEFILE = (ROOT / "Makefile").read_text(encoding="utf-8")


def _click_commands() -> dict[str, Any]:
    """Every leaf command by its full name ("extract", "actors add"), as built by Typer
    (click-style objects; typer may vendor its own click)."""
    out: dict[str, Any] = {}
    stack = [("", typer.main.get_command(app))]
    while stack:
        prefix, group = stack.pop()
        for name, cmd in group.commands.items():
            full = f"{prefix}{name}"
            if getattr(cmd, "commands", None):
                stack.append((full + " ", cmd))
            else:
                out[full] = cmd
    return out


def _command_names() -> list[str]:
    return sorted(_click_commands())


def _long_flags(command: Any) -> list[str]:
    return sorted(
        flag
        for param in command.params
        if param.param_type_name == "option"
        for flag in (*param.opts, *param.secondary_opts)
        if flag.startswith("--")
    )


def _mentioned(word: str, text: str = README) -> bool:
    """`word` appears on its own (so `--db` is not found inside `--dbx`)."""
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def _env_vars_in_src() -> set[str]:
    found: set[str] = set()
    for path in SRC.rglob("*.py"):
        source = path.read_text(encoding="utf-8")
        found |= set(re.findall(r"""envvar\s*=\s*["']([A-Z][A-Z0-9_]*)["']""", source))
        found |= set(re.findall(r"""["'](PARLEY_[A-Z0-9_]+)["']""", source))
    for command in _click_commands().values():
        for param in command.params:
            envvar = getattr(param, "envvar", None)
            found |= {envvar} if isinstance(envvar, str) else set(envvar or ())
    return found


def _make_targets_in_readme() -> set[str]:
    # `make x` in prose, or a `make x` command line in a code block.
    return set(re.findall(r"(?:`|^)make ([\w-]+)", README, flags=re.MULTILINE))


def _makefile_targets() -> set[str]:
    return set(re.findall(r"^([\w-]+)\s*:(?!=)", MAKEFILE, flags=re.MULTILINE))


def test_commands_are_found() -> None:
    # Guards the tests below against passing on an empty list.
    names = _command_names()
    assert {"extract", "ingest", "show", "export", "actors add"} <= set(names)
    top = {info.name or info.callback.__name__.replace("_", "-") for info in app.registered_commands}
    assert top <= set(names)


@pytest.mark.parametrize("name", _command_names())
def test_every_command_is_documented(name: str) -> None:
    assert re.search(rf"`parley {re.escape(name)}\b", README), f"README.md does not document `parley {name}`"


@pytest.mark.parametrize(
    ("command", "flag"),
    [(name, flag) for name, cmd in sorted(_click_commands().items()) for flag in _long_flags(cmd)],
)
def test_every_option_is_documented(command: str, flag: str) -> None:
    assert _mentioned(flag), f"README.md does not document {flag} of `parley {command}`"


def test_options_are_found() -> None:
    flags = {f for cmd in _click_commands().values() for f in _long_flags(cmd)}
    assert {"--format", "--db", "--output", "--date"} <= flags


def test_every_env_var_is_documented() -> None:
    env_vars = _env_vars_in_src()
    assert "PARLEY_DB" in env_vars  # the scan does find settings
    missing = sorted(v for v in env_vars if not _mentioned(v))
    assert not missing, f"environment variables used in src/ but not in README.md: {missing}"


def test_every_export_format_is_documented() -> None:
    missing = [name for name in FORMATS if not _mentioned(name)]
    assert not missing, f"formats missing from README.md: {missing}"


def test_every_make_target_in_readme_exists() -> None:
    documented = _make_targets_in_readme()
    assert {"demo", "test", "eval", "bench", "lint"} <= documented
    missing = sorted(documented - _makefile_targets())
    assert not missing, f"README.md names make targets the Makefile lacks: {missing}"


def test_readme_paths_exist() -> None:
    # Paths the README points readers to (src/..., examples/, benchmarks scripts the Makefile runs).
    paths = set(re.findall(r"(?<![\w./])(src/parley/[\w./-]*\w)", README))
    assert paths, "the README names source paths"
    missing = sorted(p for p in paths if not (ROOT / p).exists())
    assert not missing, f"README.md names paths that do not exist: {missing}"
