"""`fogwatch extract` honours FORMAT.md: one line per input document, in order, errors included."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from fogwatch.cli.main import app
from fogwatch.records import Document, Extraction

runner = CliRunner()


def _lines(text: str) -> list[dict[str, object]]:
    return [json.loads(line) for line in text.splitlines() if line.startswith("{")]


def test_every_input_line_gets_an_output_line_in_order(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "d1", "text": "Police arrested two men.", "published": "2021-05-02"}\n'
                    '{"id": "d2", "text": "Rebels shelled the town.", "published": null}\n',
                    encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["extract", str(path), "--output", str(out)])
    assert result.exit_code == 0
    lines = _lines(out.read_text(encoding="utf-8"))
    assert [line["doc_id"] for line in lines] == ["d1", "d2"]
    assert [line["published"] for line in lines] == ["2021-05-02", None]
    assert all(isinstance(line["events"], list) for line in lines)


def test_an_unreadable_document_gets_an_error_line_and_a_non_zero_exit(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "d1", "text": "Police arrested two men."}\n'
                    '{"id": "d2", "text": "Rebels shelled the town.", "published": "soon"}\n',
                    encoding="utf-8")
    out = tmp_path / "pred.jsonl"
    result = runner.invoke(app, ["extract", str(path), "--output", str(out)])
    assert result.exit_code == 1
    lines = _lines(out.read_text(encoding="utf-8"))
    assert [line["doc_id"] for line in lines] == ["d1", "d2"]
    assert "error" not in lines[0]
    assert lines[1]["error"] == f"{path}:2: 'published' is not an ISO 8601 date: 'soon'"
    assert lines[1]["events"] == []


def test_without_output_lines_go_to_stdout_and_text_files_are_read(tmp_path: Path) -> None:
    story = tmp_path / "story-7.txt"
    story.write_text("Protesters marched through the capital on Friday.", encoding="utf-8")
    result = runner.invoke(app, ["extract", str(story)])
    assert result.exit_code == 0
    [line] = _lines(result.stdout)
    assert line["doc_id"] == "story-7"


def test_stdin_is_read_as_jsonl() -> None:
    result = runner.invoke(app, ["extract", "-"],
                           input='{"id": "s1", "text": "Troops clashed with militants."}\n')
    assert result.exit_code == 0
    assert [line["doc_id"] for line in _lines(result.stdout)] == ["s1"]


def test_an_unwritable_output_folder_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "d1", "text": "Police arrested two men."}\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path), "--output", "/nonexistent/dir/pred.jsonl"])
    assert result.exit_code == 2
    assert "cannot write /nonexistent/dir/pred.jsonl" in result.stderr


def test_a_document_the_pipeline_breaks_on_gets_an_error_line_and_the_rest_are_extracted(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from fogwatch import pipeline

    real = pipeline.extract_document

    def breaks_on_shelling(document: Document) -> Extraction:
        if "shelled" in document.text:
            raise RuntimeError("stage broke")
        return real(document)

    def one_at_a_time(documents: list[Document], batch_size: int = 64) -> Iterator[Extraction]:
        return (breaks_on_shelling(d) for d in documents)

    monkeypatch.setattr(pipeline, "extract_document", breaks_on_shelling)
    monkeypatch.setattr(pipeline, "extract_documents", one_at_a_time)
    path = tmp_path / "docs.jsonl"
    path.write_text('{"id": "d1", "text": "Police arrested two men."}\n'
                    '{"id": "d2", "text": "Rebels shelled the town."}\n'
                    '{"id": "d3", "text": "Protesters marched on Friday."}\n', encoding="utf-8")
    result = runner.invoke(app, ["extract", str(path)])
    assert result.exit_code == 1
    lines = _lines(result.stdout)
    assert [line["doc_id"] for line in lines] == ["d1", "d2", "d3"]
    assert "error" not in lines[0] and "error" not in lines[2]
    assert lines[1]["error"] == f"{path}:2: extraction failed: RuntimeError: stage broke"


def test_two_workers_give_the_same_lines_in_the_same_order(tmp_path: Path) -> None:
    stories = ["Police arrested two men in Basra on Monday.",
               "Rebels shelled the town of Kansafra, killing three civilians.",
               "Protesters marched in Khartoum on Friday."] * 3
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{n}", "text": f"{text} Report {n}.",
                                        "published": "2021-05-02"}) + "\n"
                            for n, text in enumerate(stories)), encoding="utf-8")
    one = runner.invoke(app, ["extract", str(path)])
    two = runner.invoke(app, ["extract", str(path), "--workers", "2"])
    assert (one.exit_code, two.exit_code) == (0, 0)
    assert [line["doc_id"] for line in _lines(two.stdout)] == [f"d{n}" for n in range(9)]
    assert _lines(one.stdout) == _lines(two.stdout)


def test_a_text_file_in_the_named_encoding_is_extracted(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_bytes("Protesters marched in Zürich on Friday.".encode("latin-1"))
    failed = runner.invoke(app, ["extract", str(path)])
    read = runner.invoke(app, ["extract", str(path), "--encoding", "latin-1"])
    assert failed.exit_code == 1 and "error" in _lines(failed.stdout)[0]
    assert read.exit_code == 0 and "error" not in _lines(read.stdout)[0]
