"""The wheel carries the directory: installed (not editable) in a fresh venv, outside the tree, it works."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import ROOT


@pytest.mark.skipif(os.environ.get("REFER_SKIP_INSTALL_TEST") == "1", reason="asked to skip")
def test_wheel_in_fresh_venv(tmp_path, catalog):
    dist = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(dist), str(ROOT)],
                   check=True, cwd=tmp_path)
    wheel = next(dist.glob("refertool-*.whl"))
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / ("Scripts" if os.name == "nt" else "bin") / "python"
    site = subprocess.run([str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", site, str(wheel)],
                   check=True)
    # the dependencies come from the test environment; refertool itself only from the wheel
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"], "PYTHONNOUSERSITE": "1"}
    out = subprocess.run([str(py), "-m", "refertool", "list", "--format", "json"], capture_output=True,
                         text=True, cwd=tmp_path, env=env)
    assert out.returncode == 0, out.stderr
    assert {s["id"] for s in json.loads(out.stdout)} == set(catalog.services)
    where = subprocess.run([str(py), "-c", "import refertool.catalog as c; print(c.bundled_dir())"],
                           capture_output=True, text=True, cwd=tmp_path, env=env).stdout.strip()
    assert Path(where).is_relative_to(Path(site))
    # the PDF handout's font travels in the wheel too
    poster = tmp_path / "poster.pdf"
    made = subprocess.run([str(py), "-m", "refertool", "handout", "--audience", "minors", "-o", str(poster)],
                          capture_output=True, text=True, cwd=tmp_path, env=env)
    assert made.returncode == 0, made.stderr
    assert poster.read_bytes().startswith(b"%PDF-")
