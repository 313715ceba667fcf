"""`fogwatch ingest`: read documents, extract the new ones and store them.

Documents already in the store (same content hash) are neither extracted nor stored again. A
document that cannot be read or extracted is reported on one line and the rest go on; the exit
code is 1 when anything failed. Near-duplicates are marked on the way in (ingest/near_duplicates);
with --workers N the extraction runs in a local process pool (ingest/pool), with --engine dask
on a Dask cluster (ingest/dask_engine); --prefilter skips documents without a conflict keyword
(pipeline/prefilter).
"""

from __future__ import annotations

import codecs
import time
from dataclasses import dataclass
from typing import Annotated

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from fogwatch.cli.common import DbOption, error_console, open_store, say_error
from fogwatch.cli.link import link_after_ingest
from fogwatch.errors import FogwatchError, StoreError
from fogwatch.ingest.engines import EngineKind, Prefiltered, open_engine
from fogwatch.ingest.items import Columns, Format, ReadOptions
from fogwatch.ingest.near_duplicates import NearDuplicateIndex, mark_near_duplicates
from fogwatch.ingest.readers import read_paths
from fogwatch.ingest.run import BATCH_SIZE, Outcome, ingest_items

__all__ = ["DateColumnOption", "EncodingOption", "FormatOption", "IdColumnOption",
           "PathsArgument", "Tally", "TextColumnOption", "ingest", "read_options"]

PathsArgument = Annotated[list[str], typer.Argument(
    help="Files, folders (searched recursively), glob patterns ('news/**/*.html') or '-' for "
         "stdin. Formats by extension: .txt, .jsonl/.ndjson, .csv, .html/.htm, .rss/.atom/.xml "
         "(feeds), .warc; any of them gzip'ed (.gz).")]
FormatOption = Annotated[Format | None, typer.Option(
    "--format", help="Read every input as this format instead of guessing from the extension "
                     "(stdin is jsonl unless named).")]
TextColumnOption = Annotated[str, typer.Option(
    "--text-column", help="The JSONL key or CSV column that holds the article text.")]
DateColumnOption = Annotated[str, typer.Option(
    "--date-column", help="The JSONL key or CSV column with the publication date (ISO 8601).")]
IdColumnOption = Annotated[str, typer.Option(
    "--id-column", help="The JSONL key or CSV column with your own id for the document.")]
EncodingOption = Annotated[str | None, typer.Option(
    "--encoding", help="The encoding of text, JSONL and CSV inputs (e.g. latin-1, cp1252); "
                       "default UTF-8. HTML, feeds and WARC declare their own.")]


def read_options(fmt: Format | None, text_column: str, date_column: str,
                 id_column: str, encoding: str | None = None) -> ReadOptions:
    """The reading options from the command line; an unknown encoding is a usage error."""
    if encoding is not None:
        try:
            codecs.lookup(encoding)
        except LookupError:
            raise typer.BadParameter(f"unknown encoding {encoding!r}",
                                     param_hint="--encoding") from None
    return ReadOptions(format=fmt, columns=Columns(text=text_column, date=date_column,
                                                   id=id_column), encoding=encoding)


@dataclass(slots=True)
class Tally:
    new: int = 0
    already_stored: int = 0
    failed: int = 0
    near_duplicates: int = 0

    def count(self, outcome: Outcome) -> None:
        if outcome.status == "new":
            self.new += 1
            self.near_duplicates += outcome.near_duplicate
        elif outcome.status == "already stored":
            self.already_stored += 1
        else:
            self.failed += 1

    @property
    def total(self) -> int:
        return self.new + self.already_stored + self.failed

    def summary(self) -> str:
        text = f"{self.new} new, {self.already_stored} already stored"
        if self.near_duplicates:
            text += f" ({self.near_duplicates} of the new marked as near-duplicates)"
        return f"{text}, {self.failed} failed" if self.failed else text


def ingest(
    paths: PathsArgument,
    db: DbOption = None,
    fmt: FormatOption = None,
    text_column: TextColumnOption = "text",
    date_column: DateColumnOption = "published",
    id_column: IdColumnOption = "id",
    encoding: EncodingOption = None,
    workers: Annotated[int | None, typer.Option(
        "--workers", min=1, help="Extract in this many local processes, or Dask workers in the "
                                 "local cluster (each loads the spaCy model once). Default: 1 "
                                 "local, 2 with --engine dask.")] = None,
    engine: Annotated[EngineKind, typer.Option(
        "--engine", help="Where extraction runs: local (this process or a process pool) or "
                         "dask (a Dask cluster; a local one unless --scheduler).")] = "local",
    scheduler: Annotated[str | None, typer.Option(
        "--scheduler", metavar="ADDRESS",
        help="With --engine dask: join this Dask scheduler (tcp://host:8786) instead of "
             "starting a local cluster; fogwatch must be installed on its workers.")] = None,
    prefilter: Annotated[bool, typer.Option(
        "--prefilter", help="Skip the pipeline for documents with no conflict keyword "
                            "(stored with no events); faster on mixed news.")] = False,
) -> None:
    """Extract events from documents and store them; documents already stored are skipped.

    Near-duplicates (the same wire story republished) are stored, linked to the first copy,
    whether that was stored by this run or an earlier one.
    """
    console = error_console()
    if scheduler is not None and engine != "dask":
        raise typer.BadParameter("--scheduler needs --engine dask", param_hint="--scheduler")
    if scheduler is not None and workers is not None:
        raise typer.BadParameter("the cluster behind --scheduler has its own workers; leave "
                                 "out --workers", param_hint="--workers")
    options = read_options(fmt, text_column, date_column, id_column, encoding)
    store = open_store(db)
    tally = Tally()
    progress = Progress(SpinnerColumn(), TextColumn("ingesting"), BarColumn(),
                        TextColumn("{task.completed} documents"),
                        TextColumn("{task.fields[rate]}"),
                        TimeElapsedColumn(), console=console, transient=True,
                        disable=not console.is_terminal)
    items = mark_near_duplicates(
        read_paths(paths, options), NearDuplicateIndex(stored=store.similar_documents))
    try:
        with progress, open_engine(engine, workers=workers, scheduler=scheduler,
                                   prefilter=prefilter) as pool:
            task = progress.add_task("ingest", total=None, rate="")
            started = time.monotonic()
            for outcome in ingest_items(items, store, pool=pool,
                                        batch_size=BATCH_SIZE * pool.workers):
                tally.count(outcome)
                if outcome.error is not None:
                    say_error(progress.console, outcome.error)
                progress.update(task, advance=1, rate=_rate(tally.total, started))
            skipped = pool.skipped if isinstance(pool, Prefiltered) else 0
    except StoreError as exc:
        say_error(console, f"{exc} (stopped here: the documents not yet stored were left out)")
        typer.echo(tally.summary())
        raise typer.Exit(1) from None
    except FogwatchError as exc:  # the engine cannot start (a Dask scheduler out of reach)
        say_error(console, str(exc))
        raise typer.Exit(1) from None
    finally:
        store.close()
    typer.echo(tally.summary())
    if tally.new or tally.already_stored:  # a rerun links what a killed run left unlinked
        link_after_ingest(db)  # the new events join the stored incidents (linking/)
    if prefilter:
        typer.echo(f"{skipped} of the new documents had no conflict keyword: stored "
                   "without events (--prefilter)")
    if tally.failed:
        raise typer.Exit(1)


def _rate(done: int, started: float) -> str:
    seconds = time.monotonic() - started
    return f"{done / seconds:,.1f} documents/s" if seconds > 0 else ""
