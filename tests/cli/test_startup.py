"""The CLI starts without its heavy libraries: `fogwatch --help`, `events` or `export` must not
wait seconds for spaCy, SciPy (datasketch), matplotlib, FastAPI, trafilatura, alembic or
pyarrow; each loads when a command first needs it."""

from __future__ import annotations

import json
import subprocess
import sys

from typer.testing import CliRunner

from fogwatch.cli.main import app

HEAVY = ("spacy", "datasketch", "scipy", "matplotlib", "fastapi", "uvicorn", "trafilatura",
         "alembic", "dask", "distributed", "pyarrow")


def _loaded_after(code: str) -> list[str]:
    probe = (f"import sys\n{code}\nimport json\n"
             f"print(json.dumps(sorted(m for m in {HEAVY!r} if m in sys.modules)))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          check=True, timeout=120)
    return list(json.loads(done.stdout.strip().splitlines()[-1]))


def test_importing_the_cli_loads_none_of_the_heavy_libraries() -> None:
    assert _loaded_after("import fogwatch.cli.main") == []


def test_the_help_of_every_command_needs_none_of_them() -> None:
    code = ("from typer.testing import CliRunner\nfrom fogwatch.cli.main import app\n"
            "for command in ([], ['ingest'], ['extract'], ['serve'], ['trends'], ['export']):\n"
            "    assert CliRunner().invoke(app, [*command, '--help']).exit_code == 0\n")
    assert _loaded_after(code) == []


def test_a_command_still_loads_what_it_needs() -> None:
    # the lazy imports resolve: extracting one text parses it with spaCy
    result = CliRunner().invoke(app, ["extract", "-"], input='{"text": "Gunmen killed two '
                                'soldiers near Gao on Monday.", "published": "2024-05-06"}\n')
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout.splitlines()[-1])["events"]
