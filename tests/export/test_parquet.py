"""`export/parquet.py`: events as an Arrow table of the documented schema."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from fogwatch.export.parquet import event_schema, events_table

from .conftest import protest_event, strike_event


def _written(tmp_path: Path) -> Path:
    path = tmp_path / "events.parquet"
    pq.write_table(events_table([strike_event(), protest_event()], {"0" * 40: "strike-story"}),
                   path)
    return path


def test_file_schema_is_the_documented_schema(tmp_path: Path) -> None:
    assert pq.read_schema(_written(tmp_path)).remove_metadata() == event_schema().remove_metadata()


def test_dates_are_date32_and_counts_nullable_int32() -> None:
    schema = event_schema()
    assert (schema.field("date_start").type, schema.field("fatalities_best").type,
            schema.field("geo_precision").type) == (pa.date32(), pa.int32(), pa.int8())


def test_pandas_reads_dates_as_dates_and_missing_counts_as_na(tmp_path: Path) -> None:
    frame = pd.read_parquet(_written(tmp_path), dtype_backend="numpy_nullable")
    assert str(frame["fatalities_best"].dtype) == "Int32"
    assert frame["fatalities_best"].tolist()[0] == 10
    assert frame["fatalities_best"].isna().tolist() == [False, True]
    assert pd.read_parquet(_written(tmp_path))["date_start"].tolist() == [
        dt.date(2020, 2, 10), dt.date(2021, 3, 1)]


def test_rows_carry_input_id_actors_and_sources(tmp_path: Path) -> None:
    rows = pq.read_table(_written(tmp_path)).to_pylist()
    strike = rows[0]
    assert (strike["doc_id"], strike["actor1"], strike["assoc_actors1"], strike["actor2_id"],
            strike["sources"], strike["latitude"], strike["certainty"]) == (
        "strike-story", "Military Forces of Russia", ["Military Forces of Syria"], "TUR-MIL",
        ["Ahval", "Al Masdar News"], 35.6599, "unconfirmed")


def test_event_without_place_has_null_location(tmp_path: Path) -> None:
    protest = pq.read_table(_written(tmp_path)).to_pylist()[1]
    assert (protest["location"], protest["latitude"], protest["geo_precision"]) == (None, None,
                                                                                   None)


def test_duckdb_reads_dates_and_counts_with_their_types(tmp_path: Path) -> None:
    duckdb = pytest.importorskip("duckdb")
    path = _written(tmp_path)
    rows = duckdb.sql(f"SELECT event_id, date_start, fatalities_best FROM '{path}' "
                      "ORDER BY date_start").fetchall()
    assert rows == [("strike", dt.date(2020, 2, 10), 10), ("protest", dt.date(2021, 3, 1), None)]


def test_each_row_says_what_decided_the_type() -> None:
    import dataclasses

    typed = dataclasses.replace(strike_event(), typed_by="events_triggers.csv: air strike*")
    table = events_table([typed, protest_event()], {})
    assert table.column("typed_by").to_pylist() == ["events_triggers.csv: air strike*", None]
