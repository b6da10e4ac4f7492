"""The built wheel, installed into a fresh virtual environment, reads its own store.

This is what a user gets from ``pip install``: no source tree, no data/ folder
beside it, started from an unrelated directory.
"""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.conftest import REPO


@pytest.mark.slow
def test_installed_wheel_reads_the_builtin_store(tmp_path: Path) -> None:
    dist = tmp_path / "dist"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(dist),
            str(REPO),
        ],
        check=True,
        capture_output=True,
    )
    (wheel,) = dist.glob("chipfacts-*.whl")
    assert "chipfacts/data/facts.yaml" in zipfile.ZipFile(wheel).namelist()

    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
    pip = [
        str(venv / "bin" / "python"),
        "-m",
        "pip",
        "install",
        "--quiet",
        "--disable-pip-version-check",
    ]
    subprocess.run([*pip, str(wheel)], check=True, capture_output=True)

    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = subprocess.run(
        [str(venv / "bin" / "chipfacts"), "validate"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert result.returncode == 0, result.stderr
    packaged = venv / "lib" / f"python{sys.version_info.major}.{sys.version_info.minor}"
    assert str(packaged) in result.stdout and "/chipfacts/data/facts.yaml: ok:" in result.stdout

    # its built-in store is the package's copy, which `sources add` will not edit
    article = elsewhere / "article.txt"
    article.write_text("微软的芯片。\n", encoding="utf-8")
    command = [str(venv / "bin" / "chipfacts"), "sources", "add", str(article)]
    refused = subprocess.run(
        [*command, "--publisher", "P", "--date", "2024"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
        env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)},
    )
    assert (refused.returncode, refused.stdout) == (2, "")
    assert "built-in store of an installed chipfacts is not for editing" in refused.stderr
