"""`fogwatch ingest`: new documents are extracted and stored once; bad input is reported on one
line naming file and line, the rest still goes in, and the exit code says something failed."""

from __future__ import annotations

import gzip
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import closing
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from fogwatch import pipeline
from fogwatch.cli.main import app
from fogwatch.ingest import files, html
from fogwatch.ingest.pool import ExtractionPool
from fogwatch.ingest.readers import Item
from fogwatch.ingest.run import ingest_items
from fogwatch.pipeline import make_document
from fogwatch.records import Document, Extraction, content_hash
from fogwatch.store import Store, database
from ingest.samples import BILLION_LAUGHS, PAGE, REPUBLISHED, RSS, WIRE, break_record, warc

runner = CliRunner()
STORY = "Gunmen attacked a checkpoint near Mosul on Tuesday."


def _ingest(*args: str, stdin: str | None = None) -> Result:
    return runner.invoke(app, ["ingest", *args], input=stdin)


def _summary(result: Result) -> str:
    """The ingest summary lines of stdout, without the linking line that follows them."""
    return "".join(line + "\n" for line in result.stdout.splitlines()
                   if not line.startswith(("linked ", "no new events to link")))


def _write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def _stored(db: Path, *texts: str) -> list[bool]:
    with Store.open(str(db)) as store:
        return [store.has(content_hash(text)) for text in texts]


def _counts(db: Path) -> tuple[int, ...]:
    """Rows in documents, extractions and events."""
    with closing(sqlite3.connect(db)) as conn:
        return tuple(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
                     for table in ("documents", "extractions", "events"))


def test_a_new_document_is_stored_and_counted(tmp_path: Path) -> None:
    story = _write(tmp_path, "story.txt", STORY)
    result = _ingest(str(story), "--db", str(tmp_path / "fog.db"))
    assert (result.exit_code, _summary(result)) == (0, "1 new, 0 already stored\n")
    assert _stored(tmp_path / "fog.db", STORY) == [True]


def test_the_new_events_are_linked_into_incidents_after_storing(tmp_path: Path) -> None:
    story = _write(tmp_path, "story.txt", STORY)
    first = _ingest(str(story), "--db", str(tmp_path / "fog.db"))
    again = _ingest(str(story), "--db", str(tmp_path / "fog.db"))
    assert first.stdout.splitlines()[1:] == ["linked 1 event: 1 incident stored, 0 replaced"]
    assert again.stdout.splitlines()[1:] == ["no new events to link"]


def test_a_second_run_stores_nothing_and_says_so(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _write(tmp_path / "in", "a.txt", STORY)
    _write(tmp_path / "in", "b.txt", "Police dispersed a protest in Basra.")
    db = str(tmp_path / "fog.db")
    _ingest(str(tmp_path / "in"), "--db", db)
    result = _ingest(str(tmp_path / "in"), "--db", db)
    assert (result.exit_code, _summary(result)) == (0, "0 new, 2 already stored\n")
    assert _counts(tmp_path / "fog.db")[:2] == (2, 2)


def test_the_same_text_twice_in_one_run_is_stored_once(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", STORY)
    _write(tmp_path, "copy.txt", STORY + "\n")
    result = _ingest(str(tmp_path / "a.txt"), str(tmp_path / "copy.txt"),
                     "--db", str(tmp_path / "fog.db"))
    assert (result.exit_code, _summary(result)) == (0, "1 new, 1 already stored\n")


def test_jsonl_on_stdin_is_ingested(tmp_path: Path) -> None:
    result = _ingest("-", "--db", str(tmp_path / "fog.db"),
                     stdin='{"id": "s1", "text": "Protesters marched in Tunis.", '
                           '"published": "2023-05-02"}\n')
    assert (result.exit_code, _summary(result)) == (0, "1 new, 0 already stored\n")


def test_without_db_the_environment_variable_names_the_store(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FOGWATCH_DB", str(tmp_path / "env.db"))
    result = _ingest(str(_write(tmp_path, "a.txt", STORY)))
    assert result.exit_code == 0
    assert _stored(tmp_path / "env.db", STORY) == [True]


def test_without_db_or_environment_the_store_is_fogwatch_db_here(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FOGWATCH_DB", raising=False)
    monkeypatch.chdir(tmp_path)
    result = _ingest(str(_write(tmp_path, "a.txt", STORY)))
    assert result.exit_code == 0
    assert _stored(tmp_path / "fogwatch.db", STORY) == [True]


# --- bad input: one line on stderr, the rest still stored, exit 1 -------------------------------


def _ingest_with_good_story(tmp_path: Path, bad: Path) -> Result:
    good = _write(tmp_path, "good.txt", STORY)
    return _ingest(str(bad), str(good), "--db", str(tmp_path / "fog.db"))


def _assert_reported(result: Result, tmp_path: Path, line: str) -> None:
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [f"error: {line}"]
    assert _summary(result) == "1 new, 0 already stored, 1 failed\n"
    assert _stored(tmp_path / "fog.db", STORY) == [True]


def test_a_file_that_is_not_utf8_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    bad = tmp_path / "latin.txt"
    bad.write_bytes("Caf\xe9 owners protested.".encode("latin-1"))
    result = _ingest_with_good_story(tmp_path, bad)
    _assert_reported(result, tmp_path,
                     f"{bad}: not UTF-8 text (byte 3); name its encoding with --encoding or "
                     "convert it to UTF-8 first")


def test_a_text_file_in_the_named_encoding_is_read(tmp_path: Path) -> None:
    latin = _write_bytes(tmp_path, "latin.txt", "Caf\xe9 owners protested.".encode("latin-1"))
    result = _ingest(str(latin), "--encoding", "latin-1", "--db", str(tmp_path / "fog.db"))
    assert (result.exit_code, _summary(result)) == (0, "1 new, 0 already stored\n")
    assert _stored(tmp_path / "fog.db", "Caf\xe9 owners protested.") == [True]


def test_an_unknown_encoding_is_a_usage_error_before_reading(tmp_path: Path) -> None:
    path = _write(tmp_path, "a.txt", STORY)
    result = _ingest(str(path), "--encoding", "klingon-8", "--db", str(tmp_path / "fog.db"))
    assert result.exit_code == 2
    assert "unknown encoding 'klingon-8'" in result.output
    assert not (tmp_path / "fog.db").exists()


def test_an_empty_file_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    bad = _write(tmp_path, "empty.txt", "")
    _assert_reported(_ingest_with_good_story(tmp_path, bad), tmp_path,
                     f"{bad}: the text is empty")


def test_a_binary_file_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    bad = tmp_path / "image.txt"
    bad.write_bytes(b"GIF89a\x00\x01\x00\x01")
    _assert_reported(_ingest_with_good_story(tmp_path, bad), tmp_path,
                     f"{bad}: looks binary (contains NUL bytes); expected UTF-8 text")


def test_a_file_over_the_size_limit_is_reported_and_the_rest_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(files, "MAX_FILE_BYTES", 60)
    bad = _write(tmp_path, "long.txt", "Shelling continued. " * 4)
    _assert_reported(_ingest_with_good_story(tmp_path, bad), tmp_path,
                     f"{bad}: the file is 80 bytes, over the limit of 60")


def test_a_jsonl_line_that_is_not_json_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = _write(tmp_path, "docs.jsonl", '{"id": "a", "text": "Rockets hit Erbil."}\n{oops\n')
    result = _ingest(str(bad), "--db", str(tmp_path / "fog.db"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {bad}:2: not valid JSON (Expecting property name enclosed in double quotes)"]
    assert _summary(result) == "1 new, 0 already stored, 1 failed\n"


def test_a_jsonl_line_without_text_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = _write(tmp_path, "docs.jsonl", '{"id": "a", "body": "Rockets hit Erbil."}\n')
    _assert_reported(_ingest_with_good_story(tmp_path, bad), tmp_path,
                     f"{bad}:1: the object has no 'text' string")


def test_a_published_that_is_not_a_date_is_reported_with_its_line(tmp_path: Path) -> None:
    bad = _write(tmp_path, "docs.jsonl",
                 '{"id": "a", "text": "Rockets hit Erbil.", "published": "last week"}\n')
    _assert_reported(_ingest_with_good_story(tmp_path, bad), tmp_path,
                     f"{bad}:1: 'published' is not an ISO 8601 date: 'last week'")


def test_a_missing_file_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    bad = tmp_path / "absent.txt"
    _assert_reported(_ingest_with_good_story(tmp_path, bad), tmp_path,
                     f"{bad}: no such file or folder")


def test_a_document_the_pipeline_breaks_on_is_reported_and_leaves_no_rows(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_many, real_one = pipeline.extract_documents, pipeline.extract_document

    def breaks_on(text: str) -> None:
        if "BREAK" in text:
            raise RuntimeError("stage broke\non two lines")

    def many(documents: Iterable[Document], batch_size: int = 64) -> Iterator[Extraction]:
        for extraction in real_many(documents, batch_size):
            breaks_on(extraction.document.text)
            yield extraction

    def one(document: Document) -> Extraction:
        breaks_on(document.text)
        return real_one(document)

    monkeypatch.setattr(pipeline, "extract_documents", many)
    monkeypatch.setattr(pipeline, "extract_document", one)
    first = _write(tmp_path, "1.txt", STORY)
    broken = _write(tmp_path, "2.txt", "Clashes BREAK out in Sirte.")
    third = _write(tmp_path, "3.txt", "Police dispersed a protest in Basra.")
    result = _ingest(str(first), str(broken), str(third), "--db", str(tmp_path / "fog.db"))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {broken}: extraction failed (RuntimeError: stage broke on two lines); the "
        "other documents went on; please report this as a fogwatch bug"]
    assert _summary(result) == "2 new, 0 already stored, 1 failed\n"
    assert _counts(tmp_path / "fog.db")[:2] == (2, 2)
    assert _stored(tmp_path / "fog.db", STORY, "Clashes BREAK out in Sirte.",
                   "Police dispersed a protest in Basra.") == [True, False, True]


# --- the store cannot be used: one line naming it, exit 1 ---------------------------------------


def test_an_unwritable_db_path_is_reported_and_nothing_read(tmp_path: Path) -> None:
    _write(tmp_path, "plain-file", "not a folder")
    db = tmp_path / "plain-file" / "fog.db"
    result = _ingest(str(_write(tmp_path, "a.txt", STORY)), "--db", str(db))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {db}: cannot open or create the database file; check that its folder exists "
        "and is writable, or pass --db with another path"]
    assert _summary(result) == ""


def test_a_corrupt_database_file_is_reported_and_left_as_it_was(tmp_path: Path) -> None:
    db = tmp_path / "fog.db"
    db.write_bytes(b"Notes from the field, not a database. " * 40)
    result = _ingest(str(_write(tmp_path, "a.txt", STORY)), "--db", str(db))
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {db}: not a fogwatch database (SQLite says: file is not a database); move the "
        "file aside or pass --db with another path"]
    assert db.read_bytes() == b"Notes from the field, not a database. " * 40


def test_a_locked_database_is_reported_after_a_short_wait(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    db = tmp_path / "fog.db"
    Store.open(str(db)).close()
    monkeypatch.setattr(database, "LOCK_TIMEOUT_SECONDS", 0.1)
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another writer holds the lock
    try:
        result = _ingest(str(_write(tmp_path, "a.txt", STORY)), "--db", str(db))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert result.exit_code == 1
    assert result.stderr.splitlines() == [
        f"error: {db}: the database is locked by another program (waited 0.1 s); run this "
        "again when that program has finished (stopped here: the documents not yet stored "
        "were left out)"]
    assert _summary(result) == "0 new, 0 already stored\n"
    assert _counts(db) == (0, 0, 0)


# --- other formats: each bad item is one line, the rest stored, exit 1 -------------------------


def _write_bytes(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def test_csv_rows_are_ingested_from_the_named_columns(tmp_path: Path) -> None:
    table = _write(tmp_path, "news.csv", f"story_id,body,day\nr1,{STORY},2021-03-02\n")
    result = _ingest(str(table), "--text-column", "body", "--date-column", "day",
                     "--id-column", "story_id", "--db", str(tmp_path / "fog.db"))
    assert (result.exit_code, _summary(result)) == (0, "1 new, 0 already stored\n")
    with Store.open(str(tmp_path / "fog.db")) as store:
        extraction = store.extraction(content_hash(STORY))
    assert extraction is not None
    assert (extraction.document.ref, str(extraction.document.published)) == ("r1", "2021-03-02")


def test_a_ragged_csv_row_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    bad = _write(tmp_path, "news.csv", "text,id\nOne,two,three\n")
    _assert_reported(_ingest_with_good_story(tmp_path, bad), tmp_path,
                     f"{bad}:2: the row has 3 fields but the header has 2; quote fields that "
                     "hold commas")


def test_a_csv_row_in_another_encoding_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    bad = _write_bytes(tmp_path, "news.csv", "text\nCaf\xe9 owners protested.\n".encode("cp1252"))
    _assert_reported(_ingest_with_good_story(tmp_path, bad), tmp_path,
                     f"{bad}:2: not UTF-8 text; name its encoding with --encoding (e.g. "
                     "--encoding latin-1) or convert the file to UTF-8 first")


def test_a_csv_in_the_named_encoding_is_read(tmp_path: Path) -> None:
    path = _write_bytes(tmp_path, "news.csv", "text\nCaf\xe9 owners protested.\n".encode("cp1252"))
    result = _ingest(str(path), "--encoding", "cp1252", "--db", str(tmp_path / "fog.db"))
    assert (result.exit_code, _summary(result)) == (0, "1 new, 0 already stored\n")


def test_a_truncated_gzip_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    bad = _write_bytes(tmp_path, "news.jsonl.gz",
                       gzip.compress(b'{"text": "Rockets hit Erbil."}\n' * 50)[:25])
    _assert_reported(_ingest_with_good_story(tmp_path, bad), tmp_path,
                     f"{bad}: the gzip file is truncated (it ends before its end marker); "
                     "download or compress it again")


def test_a_billion_laughs_feed_is_reported_and_the_rest_stored(tmp_path: Path) -> None:
    bad = _write(tmp_path, "laughs.rss", BILLION_LAUGHS)
    _assert_reported(_ingest_with_good_story(tmp_path, bad), tmp_path,
                     f"{bad}: refused: the feed declares XML entities or external references "
                     "(EntitiesForbidden); fogwatch never expands them, as they can exhaust "
                     "memory or read local files")


def test_an_html_page_over_the_size_limit_is_reported_and_the_rest_stored(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(html, "MAX_HTML_BYTES", 100)
    bad = _write(tmp_path, "page.html", PAGE)
    _assert_reported(_ingest_with_good_story(tmp_path, bad), tmp_path,
                     f"{bad}: the HTML page is {len(PAGE.encode()):,} bytes, over the limit of "
                     "100")


def test_a_broken_warc_record_is_reported_and_the_other_records_stored(tmp_path: Path) -> None:
    bad = _write_bytes(tmp_path, "crawl.warc", break_record(warc(2), 3))
    result = _ingest(str(bad), "--db", str(tmp_path / "fog.db"))
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"error: {bad}#record4: broken WARC record at byte ")
    assert _summary(result) == "1 new, 0 already stored, 1 failed\n"
    assert _counts(tmp_path / "fog.db")[:2] == (1, 1)


def test_pages_feeds_and_warcs_in_a_folder_are_all_ingested(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    _write(tmp_path / "in", "page.html", PAGE)
    _write(tmp_path / "in", "wire.rss", RSS)
    _write_bytes(tmp_path / "in", "crawl.warc.gz", warc(2, gzip=True))
    result = _ingest(str(tmp_path / "in"), "--db", str(tmp_path / "fog.db"))
    # The feed's second item has no text: one error line for it.
    assert _summary(result) == "5 new, 0 already stored, 1 failed\n"
    assert _counts(tmp_path / "fog.db")[:2] == (5, 5)


def test_format_reads_a_file_whatever_its_extension(tmp_path: Path) -> None:
    dump = _write(tmp_path, "export.dat", f"text\n{STORY}\n")
    result = _ingest(str(dump), "--format", "csv", "--db", str(tmp_path / "fog.db"))
    assert (result.exit_code, _summary(result)) == (0, "1 new, 0 already stored\n")


def test_a_glob_pattern_is_expanded(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", STORY)
    _write(tmp_path, "b.txt", "Police dispersed a protest in Basra.")
    result = _ingest(str(tmp_path / "*.txt"), "--db", str(tmp_path / "fog.db"))
    assert (result.exit_code, _summary(result)) == (0, "2 new, 0 already stored\n")


def test_a_republished_story_is_stored_marked_as_a_near_duplicate(tmp_path: Path) -> None:
    _write(tmp_path, "1-wire.txt", WIRE)
    _write(tmp_path, "2-copy.txt", REPUBLISHED)
    result = _ingest(str(tmp_path / "*.txt"), "--db", str(tmp_path / "fog.db"))
    assert _summary(result) == "2 new, 0 already stored (1 of the new marked as near-duplicates)\n"
    with Store.open(str(tmp_path / "fog.db")) as store:
        copy = store.extraction(content_hash(REPUBLISHED))
    assert copy is not None and copy.document.near_duplicate_of == content_hash(WIRE)


def test_a_story_republished_after_an_earlier_run_is_linked_to_the_stored_copy(
        tmp_path: Path) -> None:
    db = str(tmp_path / "fog.db")
    first = _ingest(str(_write(tmp_path, "1-wire.txt", WIRE)), "--db", db)
    second = _ingest(str(_write(tmp_path, "2-copy.txt", REPUBLISHED)), "--db", db)
    assert (_summary(first), _summary(second)) == (
        "1 new, 0 already stored\n",
        "1 new, 0 already stored (1 of the new marked as near-duplicates)\n")
    with closing(sqlite3.connect(tmp_path / "fog.db")) as conn:
        rows = conn.execute("SELECT id, near_duplicate_of FROM documents ORDER BY ingested_at")
        assert rows.fetchall() == [(content_hash(WIRE), None),
                                   (content_hash(REPUBLISHED), content_hash(WIRE))]
        # Only the original keeps a fingerprint: later copies are compared with it alone.
        fingerprints = conn.execute("SELECT doc_id FROM near_duplicate_signatures").fetchall()
    assert fingerprints == [(content_hash(WIRE),)]


def test_rerunning_the_original_after_its_copy_marks_nothing(tmp_path: Path) -> None:
    db = str(tmp_path / "fog.db")
    _ingest(str(_write(tmp_path, "1-wire.txt", WIRE)), "--db", db)
    _ingest(str(_write(tmp_path, "2-copy.txt", REPUBLISHED)), "--db", db)
    again = _ingest(str(tmp_path / "*.txt"), "--db", db)
    assert _summary(again) == "0 new, 2 already stored\n"


def test_two_workers_store_every_document_once(tmp_path: Path) -> None:
    texts = [f"Gunmen attacked checkpoint {n} near Mosul on Tuesday." for n in range(5)]
    lines = "".join(f'{{"id": "d{n}", "text": "{text}"}}\n' for n, text in enumerate(texts))
    result = _ingest(str(_write(tmp_path, "docs.jsonl", lines)), "--workers", "2",
                     "--db", str(tmp_path / "fog.db"))
    assert (result.exit_code, _summary(result)) == (0, "5 new, 0 already stored\n")
    assert _stored(tmp_path / "fog.db", *texts) == [True] * 5


def test_batches_in_flight_store_every_document_and_a_copy_in_the_next_batch_once(
        tmp_path: Path) -> None:
    texts = ["Gunmen attacked a checkpoint.", "Police dispersed a protest.", STORY,
             "Gunmen attacked a checkpoint.", "Rockets hit Erbil."]
    items = [Item(f"doc{n}", None, make_document(text), None) for n, text in enumerate(texts)]
    with Store.open(str(tmp_path / "fog.db")) as store, ExtractionPool(2) as workers:
        outcomes = list(ingest_items(items, store, pool=workers, batch_size=2))
    assert sorted((o.origin, o.status) for o in outcomes) == [
        ("doc0", "new"), ("doc1", "new"), ("doc2", "new"), ("doc3", "already stored"),
        ("doc4", "new")]
    assert _counts(tmp_path / "fog.db")[:2] == (4, 4)
