"""The CLI in-process: exit codes and messages."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import chipfacts
from tests.conftest import MINI, MINI_SOURCES, Cli, WriteStore


def test_version_comes_from_package_metadata(cli: Cli) -> None:
    result = cli("--version")
    assert result.code == 0
    assert result.out == f"chipfacts {chipfacts.__version__}\n"
    assert chipfacts.__version__ != "0+unknown"


def test_validate_clean_store(cli: Cli) -> None:
    result = cli("validate", str(MINI), "--sources", str(MINI_SOURCES))
    assert result.code == 0
    assert result.err == ""
    assert result.out == (
        f"{MINI}: ok: 3 facts, 3 entities, 4 attributes, 1 source; "
        "3 quotes found in their sources\n"
    )


def test_validate_reports_problems_and_exits_3(write_store: WriteStore, cli: Cli) -> None:
    path = write_store(MINI.read_text(encoding="utf-8").replace("value: 80", "value: x"))
    result = cli("validate", str(path))
    assert result.code == 3
    assert result.out == f"{path}:37: 'value' must be a number, not 'x'\n"
    assert result.err == f"{path}: 1 problem\n"


def test_validate_uses_data_option_and_env(
    monkeypatch: object, write_store: WriteStore, cli: Cli
) -> None:
    result = cli("--data", str(MINI), "validate")
    assert result.code == 0 and "3 facts" in result.out
    result = cli("validate", env={"CHIPFACTS_DATA": str(MINI)})
    assert result.code == 0 and "3 facts" in result.out


def test_validate_missing_sources_dir_is_a_usage_error(tmp_path: Path, cli: Cli) -> None:
    result = cli("validate", str(MINI), "--sources", str(tmp_path / "none"))
    assert result.code == 2
    assert "is not a directory" in result.err


def _run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "chipfacts", *args], capture_output=True, text=True, cwd=cwd
    )


def test_python_m_chipfacts_and_the_error_line(tmp_path: Path) -> None:
    result = _run("--data", str(tmp_path / "missing.yaml"), "validate", cwd=tmp_path)
    assert result.returncode == 4
    assert result.stdout == ""
    assert result.stderr == f"chipfacts: error: {tmp_path / 'missing.yaml'}: no such file\n"


def test_hostile_file_gives_one_line_and_exit_3(tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("x: !!python/object/apply:os.system ['true']\n", encoding="utf-8")
    result = _run("validate", str(bad))
    assert result.returncode == 3
    assert result.stdout == (
        f"{bad}:1: unsupported YAML tag tag:yaml.org,2002:python/object/apply:os.system\n"
    )
    assert "Traceback" not in result.stderr
