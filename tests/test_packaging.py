"""The wheel carries migrations and themes; a non-editable install opens a new database."""

from __future__ import annotations

import os
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "build",
            "--wheel",
            "--no-isolation",
            "--outdir",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
        timeout=300,
    )
    [built] = out.glob("leadtui-*.whl")
    return built


@pytest.mark.slow
def test_wheel_contains_migrations_themes_and_styles(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    migrations = sorted(p.name for p in (ROOT / "migrations").glob("*.sql"))
    themes = sorted(p.name for p in (ROOT / "themes").glob("*.toml"))
    assert migrations and themes
    for name in migrations:
        assert f"leadtui/migrations/{name}" in names
    for name in themes:
        assert f"leadtui/themes/{name}" in names
    styles = sorted(p.name for p in (ROOT / "src/leadtui/tui/styles").glob("*.tcss"))
    assert len(styles) >= 4
    for name in styles:
        assert f"leadtui/tui/styles/{name}" in names


@pytest.mark.slow
def test_non_editable_install_creates_and_uses_a_new_database(wheel: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()
    # Install the wheel alone (no network); dependencies come from this test environment
    # through a path entry placed after the fresh venv's own site-packages.
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-index",
            "--target",
            purelib,
            str(wheel),
        ],
        check=True,
    )
    Path(purelib, "zz_deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    env = {**os.environ, "LEADTUI_HOME": str(tmp_path / "home")}
    check = subprocess.run(
        [str(python), "-c", "import leadtui, sys; print(leadtui.__file__)"],
        check=True,
        capture_output=True,
        text=True,
        env=env,
    )
    assert check.stdout.startswith(purelib), check.stdout
    add = subprocess.run(
        [str(python), "-m", "leadtui.cli", "people", "add", "Sam"],
        capture_output=True,
        text=True,
        env=env,
    )
    assert add.returncode == 0, add.stderr
    assert (tmp_path / "home" / "leadtui.db").exists()
    listing = subprocess.run(
        [str(python), "-m", "leadtui.cli", "people", "list"],
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    assert "Sam" in listing.stdout
