"""What an installed sakip-eval needs beyond its code: the rulebook and schemas found as package data, a user's
own rulebook (`--rules DIR`, SAKIP_EVAL_RULES), and `--version`. `make wheel-check` runs the built wheel
itself from a folder outside the checkout."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable
from importlib import metadata, resources
from pathlib import Path

import pytest

from sakip_eval.rulebook import RULES_ENV
from sakip_eval.rulebook.book import RULES_ROOT

from .conftest import Result, flat


@pytest.fixture(autouse=True)
def _installed_rulebook(monkeypatch: pytest.MonkeyPatch) -> None:
    """`--rules` passes the folder on through the environment: unset it, and unset it again after each test
    (monkeypatch restores only what it changed, so it sets the variable before deleting it)."""
    monkeypatch.setenv(RULES_ENV, "")
    monkeypatch.delenv(RULES_ENV)


def own_rulebook(tmp_path: Path, regime: str = "lke-2021") -> Path:
    """A copy of the installed rulebook whose first criterion reads differently."""
    root = tmp_path / "my-rules"
    shutil.copytree(RULES_ROOT / "lke-2021", root / regime, ignore=shutil.ignore_patterns("__pycache__"))
    criteria = root / regime / "criteria" / "1a.yaml"
    text = criteria.read_text(encoding="utf-8")
    criteria.write_text(text.replace("Terdapat pedoman teknis perencanaan kinerja", "Pedoman milik kami"),
                        encoding="utf-8")
    return root


def test_the_rulebook_and_schemas_are_package_data() -> None:
    regimes = resources.files("sakip_eval.regimes")
    assert (regimes / "lke-2021" / "regime.yaml").is_file()
    assert Path(str(regimes)) == RULES_ROOT
    for kind in ("workspace", "inventory", "assessment", "lkjip", "followup"):
        assert (resources.files("sakip_eval") / "schemas" / f"{kind}.schema.json").is_file()


def test_version_is_the_installed_distribution(run: Callable[..., Result]) -> None:
    result = run("--version")
    assert result.code == 0
    assert result.out.startswith(f"sakip-eval {metadata.version('sakip-eval')} (Python 3.")


@pytest.mark.parametrize("how", ["option", "environment"])
def test_own_rulebook_is_used(how: str, run: Callable[..., Result], tmp_path: Path,
                              monkeypatch: pytest.MonkeyPatch) -> None:
    root = own_rulebook(tmp_path)
    assert "Pedoman milik kami" not in flat(run("rules", "show", "1.a.1").out)
    if how == "option":
        result = run("--rules", root, "rules", "show", "1.a.1")
    else:
        monkeypatch.setenv(RULES_ENV, str(root))
        result = run("rules", "show", "1.a.1")
    assert result.code == 0, result.err
    assert "Pedoman milik kami" in flat(result.out)


def test_own_rulebook_without_the_workspace_regime(run: Callable[..., Result], tmp_path: Path) -> None:
    root = own_rulebook(tmp_path, regime="lke-2025")
    ws = Path(__file__).resolve().parent.parent / "evidence" / "mojosari-2025"
    result = run("--rules", root, "score", ws)
    assert result.code == 2
    message = flat(result.err)
    assert f"workspace.yaml:9, isian `regime`): folder rulebook {root} tidak memuat regime `lke-2021`" in message
    assert "(yang ada: lke-2025)" in message and "beri `--rules` folder yang memuat subfolder regime itu" in message


def test_rules_folder_that_does_not_exist(run: Callable[..., Result], tmp_path: Path) -> None:
    result = run("--rules", tmp_path / "nope", "rules", "list")
    assert result.code == 2
    assert "isian `--rules`): berkas atau folder tidak ditemukan" in flat(result.err)
    assert "satu subfolder per regime" in flat(result.err)


def test_unknown_regime_names_the_installed_ones(run: Callable[..., Result], ws_factory: Callable[..., Path]) -> None:
    ws = ws_factory(meta={"regime": "lke-2099"})
    result = run("score", ws, "--lang", "en")
    assert result.code == 2
    message = flat(result.err)
    assert "there is no rulebook for regime `lke-2099` (available: lke-2021)" in message
    assert "rules/" not in message


def test_an_engine_built_without_the_define_is_explained(tmp_path: Path) -> None:
    """durable-rules built for Python 3.13 without the define installs, then fails on import: say how to fix it."""
    (tmp_path / "durable_rules_engine.py").write_text(
        'raise ImportError("durable_rules_engine.so: undefined symbol: PyEval_CallObject")\n', encoding="utf-8")
    ws = Path(__file__).resolve().parent.parent / "evidence" / "mojosari-2025"
    done = subprocess.run([sys.executable, "-c", "from sakip_eval.cli import main; main()", "score", str(ws)],
                          capture_output=True, text=True, env={**os.environ, "PYTHONPATH": str(tmp_path)},
                          check=False)
    assert done.returncode == 2, done.stderr
    message = flat(done.stderr)
    assert "durable-rules tidak dapat dimuat: durable_rules_engine.so: undefined symbol: PyEval_CallObject" in message
    assert "CPPFLAGS=-DPyEval_CallObject=PyObject_CallObject pip install" in message
    assert "Traceback" not in done.stderr
