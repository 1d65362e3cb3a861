from __future__ import annotations

import os
import shutil

import pytest

from conftest import FIXTURES
from refertool.catalog import load_catalog
from refertool.errors import DataError

LOCAL = FIXTURES / "local"


def test_overlay_adds_and_replaces():
    cat = load_catalog([LOCAL])
    assert cat.get("lokaal-meldpunt") is not None
    assert cat.get("tele-onthaal").name == "Tele-onthaal (lokale versie)"
    assert cat.get("child-focus") is not None


def test_no_bundled():
    cat = load_catalog([LOCAL], bundled=False)
    assert sorted(cat.services) == ["lokaal-meldpunt", "tele-onthaal"]


def test_env_data_dir(monkeypatch):
    monkeypatch.setenv("REFER_DATA_DIR", os.pathsep.join([str(LOCAL)]))
    assert load_catalog().get("lokaal-meldpunt") is not None


def test_extra_vocabulary(tmp_path):
    shutil.copytree(LOCAL, tmp_path / "x")
    vocab = '[topics.bullying-online]\nnl = "Cyberpesten"\nen = "Cyberbullying"\n'
    (tmp_path / "x" / "vocabulary.toml").write_text(vocab)
    svc = tmp_path / "x" / "services" / "lokaal-meldpunt.toml"
    svc.write_text(svc.read_text().replace('topics = ["reporting"]', 'topics = ["bullying-online"]'))
    cat = load_catalog([tmp_path / "x"])
    assert cat.get("lokaal-meldpunt").topics == ("bullying-online",)


def test_broken_directory_raises_with_every_problem():
    with pytest.raises(DataError) as info:
        load_catalog([FIXTURES / "broken"])
    codes = {p.code for p in info.value.problems}
    assert {"REF001", "REF002", "REF003", "REF006", "REF011"} <= codes


def test_missing_directory():
    with pytest.raises(DataError):
        load_catalog([FIXTURES / "does-not-exist"])
