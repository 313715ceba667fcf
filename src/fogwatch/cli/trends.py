"""`fogwatch trends`: a dyad's daily series (analysis/), as a table, JSON or a chart."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Annotated

import typer
from rich import box
from rich.console import Console
from rich.table import Table

from fogwatch.analysis import Alert, DyadSeries, alerts, dyad_series, known_dyads, parse_dyad
from fogwatch.analysis.chart import dyad_chart
from fogwatch.analysis.shapes import series_record, tally_record
from fogwatch.analysis.tallies import Tally, TallyGap, tally_gaps
from fogwatch.cli.common import DbOption, error_console, open_store, say_error, store_errors
from fogwatch.errors import InputError

__all__ = ["trends"]

PLOT_SUFFIXES = (".png", ".svg", ".pdf")


def trends(
    dyad: Annotated[str | None, typer.Option(
        metavar="A:B", help="The ordered dyad: actor countries (RUS:TUR) or actor ids "
                            "(RUS-MIL:TUR-MIL). Without it, list the dyads seen.")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the series as JSON.")] = False,
    plot: Annotated[Path | None, typer.Option(
        metavar="FILE", help="Draw the series to this .png, .svg or .pdf file.")] = None,
    tallies: Annotated[bool, typer.Option(
        "--tallies", help="Instead, compare each cumulative tally of a country's losses "
                          "(\"16 soldiers killed since December\") with the linked "
                          "incidents.")] = False,
    db: DbOption = None,
) -> None:
    """A dyad's daily series over the linked incidents: events by type, people killed
    (low/best/high), threats and talks."""
    with store_errors(), open_store(db, create=False) as store:
        incidents = store.incidents()
        told = [Tally(f, doc_id, day) for f, doc_id, day in store.tallies()] if tallies else []
        refs = store.refs(t.doc_id for t in told)
    if tallies:
        _show_tallies(tally_gaps(told, incidents), refs, as_json)
        return
    if dyad is None:
        dyads = [{"dyad": f"{a}:{b}", "incidents": n} for (a, b), n in known_dyads(incidents)]
        if as_json:
            typer.echo(json.dumps(dyads, indent=2))
        else:
            for row in dyads:
                typer.echo(f"{row['dyad']}\t{row['incidents']}")
        return
    try:
        series = dyad_series(incidents, parse_dyad(dyad))
    except InputError as exc:
        raise typer.BadParameter(str(exc), param_hint="--dyad") from None
    if plot is not None:
        _draw(series, plot, tuple(a for a in alerts(incidents) if a.dyad == series.dyad))
    if as_json:
        typer.echo(json.dumps(series_record(series), ensure_ascii=False, indent=2))
    elif plot is None:
        Console(highlight=False).print(_table(series))


def _draw(series: DyadSeries, path: Path, marks: tuple[Alert, ...]) -> None:
    if path.suffix.lower() not in PLOT_SUFFIXES:
        raise typer.BadParameter(f"{path}: name a .png, .svg or .pdf file", param_hint="--plot")
    try:
        dyad_chart(series, marks).savefig(path)
    except OSError as exc:
        say_error(error_console(), f"{path}: cannot write the chart ({exc.strerror})")
        raise typer.Exit(1) from None
    typer.echo(f"wrote {path}", err=True)


def _table(series: DyadSeries) -> Table:
    active = [d for d in series.days if d.incident_ids]
    table = Table(title=f"{series.label}: {len(active)} active day"
                        f"{'s' if len(active) != 1 else ''}", box=box.SIMPLE_HEAD)
    for name in ("date", "events by type", "killed (low-high)", "verbal conflict",
                 "cooperation", "incidents"):
        table.add_column(name)
    for day in active:
        table.add_row(day.day.isoformat(),
                      ", ".join(f"{t} {n}" for t, n in day.events_by_type),
                      f"{day.fatalities_best} ({day.fatalities_low}-{day.fatalities_high})",
                      str(day.verbal_conflict), str(day.cooperation),
                      " ".join(day.incident_ids))
    return table


def _show_tallies(gaps: list[TallyGap], refs: dict[str, str | None], as_json: bool) -> None:
    if as_json:
        typer.echo(json.dumps([tally_record(g, refs) for g in gaps], ensure_ascii=False,
                              indent=2))
        return
    if not gaps:
        typer.echo("No cumulative tallies of a country's losses are stored.")
    for g in gaps:
        since = g.since.isoformat() if g.since else "the start"
        typer.echo(f"{g.country} {g.kind} since {since}, as of {g.as_of.isoformat()}: "
                   f"told {g.told}, linked incidents {g.linked} ({len(g.incident_ids)}), "
                   f"gap {g.gap}")
