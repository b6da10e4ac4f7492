"""Real processes and real pipes: what CliRunner cannot show."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

CHIPFACTS = [sys.executable, "-m", "chipfacts"]


def shell(command: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    exe = " ".join(CHIPFACTS)
    return subprocess.run(
        ["bash", "-c", command.replace("chipfacts", exe)], capture_output=True, text=True, cwd=cwd
    )


def test_head_closes_the_pipe_quietly(tmp_path: Path) -> None:
    result = shell("chipfacts search maia --all | head -1; exit ${PIPESTATUS[0]}", tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("maia100-")
    assert result.stderr == ""


def test_json_cut_short_is_quiet_too(tmp_path: Path) -> None:
    result = shell(
        "chipfacts search maia --all --json | head -c 10; exit ${PIPESTATUS[0]}", tmp_path
    )
    assert result.returncode == 0 and result.stderr == ""


def test_closed_stdout_is_one_line(tmp_path: Path) -> None:
    result = shell("chipfacts search maia >&-", tmp_path)
    assert result.returncode == 5
    assert result.stderr == "chipfacts: error: standard output is closed\n"


def test_a_full_disk_is_one_line(tmp_path: Path) -> None:
    result = shell("chipfacts search maia --all > /dev/full", tmp_path)
    assert result.returncode == 5
    assert result.stderr == "chipfacts: error: cannot write the output (No space left on device)\n"


def test_no_stdin_is_needed(tmp_path: Path) -> None:
    result = shell("chipfacts search maia < /dev/null", tmp_path)
    assert result.returncode == 0
