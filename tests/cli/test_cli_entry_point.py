"""The installed `parley` console script works as a separate process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def test_console_script_runs_extract(talks_file, tmp_path) -> None:
    script = Path(sys.executable).with_name("parley")
    assert script.exists(), f"console script not installed next to {sys.executable}"
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    env = {k: v for k, v in os.environ.items() if k != "PARLEY_DB"}
    proc = subprocess.run(
        [str(script), "extract", str(talks_file), str(empty), "--format", "json"],
        capture_output=True,
        text=True,
        encoding="utf-8",
        cwd=tmp_path,
        env=env,
        timeout=300,
    )
    # A bad input makes the exit code 1, reported on stderr; the good article is on stdout.
    assert proc.returncode == 1, proc.stderr
    data = json.loads(proc.stdout)
    assert [r["doc_id"] for r in data] == ["istanbul-round"]
    assert data[0]["events"]
    assert proc.stderr.splitlines() == [f"error: {empty}: empty file"]
