"""The gazetteer: name keys, lookups in the built file, and when it is rebuilt."""

from __future__ import annotations

from pathlib import Path

import pytest

from fogwatch import gazetteer
from fogwatch.errors import FogwatchError
from fogwatch.gazetteer import Entry, cache_path, exact_key, load_gazetteer, loose_key
from fogwatch.gazetteer import builder as gazetteer_build
from fogwatch.gazetteer.resolve import Toponym, km, resolve


def test_exact_key_folds_case_diacritics_and_punctuation() -> None:
    assert exact_key("Sarāqib") == "saraqib"
    assert exact_key("Ma‘arrat an-Nu‘mān") == "maarrat an numan"
    assert exact_key("  Deir ez-Zor ") == "deir ez zor"


def test_loose_key_drops_articles_and_doubled_letters() -> None:
    assert loose_key("Maarat al-Numan") == loose_key("Ma‘arrat an Nu‘mān") == "marat numan"
    assert loose_key("Jisr al-Shughur") == loose_key("Jisr ash Shughūr") == "jisr shughur"


def test_loose_key_folds_the_spellings_of_ain() -> None:
    assert loose_key("Ein Issa") == loose_key("Ayn Isa") == loose_key("Ain Issa") == "ain isa"
    assert loose_key("Einbeck") == "einbeck"  # only the word "Ein", not a name's start


def test_loose_key_of_an_article_alone_is_empty() -> None:
    assert loose_key("al") == ""


def test_supplement_village_takes_its_units_reported_name() -> None:
    # our row says "Lower Shabelle", a spelling GeoNames knows only loosely
    (entry,) = [e for e in load_gazetteer().lookup("Awdheegle") if e.country == "SOM"]
    assert entry.admin1 == "Shabeellaha Hoose"


def test_supplement_village_is_found_with_its_source_facts() -> None:
    (entry,) = load_gazetteer().lookup("Kansafra")
    assert (entry.name, entry.kind, entry.country, entry.admin1, entry.lat, entry.lon) == \
        ("Kansafra", "city", "SYR", "Idlib", 35.6599, 36.4849)


def test_unit_is_found_by_its_name_with_the_generic_word() -> None:
    kinds = {(e.kind, e.country, e.admin1) for e in load_gazetteer().lookup("Idlib Governorate")}
    assert kinds == {("admin1", "SYR", "Idlib")}


def test_town_and_unit_of_the_same_name_are_both_candidates() -> None:
    kinds = {(e.kind, e.name) for e in load_gazetteer().lookup("Idlib")}
    assert kinds == {("admin1", "Idlib"), ("city", "Idlib")}


def test_unit_takes_the_english_name_of_its_town() -> None:
    units = [e for e in load_gazetteer().lookup("Aleppo") if e.kind == "admin1"]
    assert [(u.name, u.country) for u in units] == [("Aleppo", "SYR")]


def test_town_carries_its_admin1_name() -> None:
    towns = [e for e in load_gazetteer().lookup("Aktau") if e.country == "KAZ"]
    largest = max(towns, key=lambda t: t.population)
    assert (largest.name, largest.admin1) == ("Aktau", "Mangystau")


def test_loose_spelling_is_marked_loose() -> None:
    (entry,) = [e for e in load_gazetteer().lookup("Maarat al-Numan") if e.country == "SYR"]
    assert entry.loose is True


def test_country_names_of_our_own_table_resolve() -> None:
    entries = load_gazetteer().lookup("U.S.")
    assert [(e.kind, e.country) for e in entries] == [("country", "USA")]


def test_country_has_a_point() -> None:
    syria = load_gazetteer().country("SYR")
    assert syria is not None
    assert (syria.lat, syria.lon, syria.feature_code) == (35.0, 38.0, "PCLI")


@pytest.mark.parametrize(("word", "name"), [
    ("Syrian", "Syria"), ("Syrians", "Syria"), ("Turkish", "Turkey"), ("European", "Europe"),
])
def test_demonym_gives_its_country_or_continent(word: str, name: str) -> None:
    entry = load_gazetteer().demonym(word)
    assert entry is not None and entry.name == name


def test_unknown_word_is_no_demonym() -> None:
    assert load_gazetteer().demonym("Sunni") is None


def test_unknown_name_has_no_entries() -> None:
    assert load_gazetteer().lookup("Xyzzyville") == ()


def test_cache_dir_comes_from_the_environment(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(tmp_path))
    assert cache_path().parent == tmp_path
    assert cache_path().name == f"gazetteer-{gazetteer_build.source_version()}.sqlite"


def test_editing_a_table_changes_the_version(monkeypatch: pytest.MonkeyPatch) -> None:
    before = gazetteer_build.source_version()
    original = gazetteer_build.data_text

    def edited(name: str) -> str:
        text = original(name)
        return text + "Newvillage,,Idlib,SYR,35.0,36.0,PPL,,,test\n" \
            if name == "gazetteer_supplement.csv" else text

    monkeypatch.setattr(gazetteer_build, "data_text", edited)
    assert gazetteer_build.source_version() != before


def test_unwritable_cache_dir_is_a_fogwatch_error(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(blocker / "cache"))
    load_gazetteer.cache_clear()
    try:
        with pytest.raises(FogwatchError, match="cannot build the gazetteer"):
            load_gazetteer()
    finally:
        load_gazetteer.cache_clear()


def test_every_row_of_the_admin1_names_table_names_a_unit() -> None:
    gaz = load_gazetteer()
    for row in gazetteer_build.data_rows("gazetteer_admin1_names.csv"):
        units = [e for e in gaz.lookup(row["name"])
                 if e.kind == "admin1" and e.country == row["country"]]
        assert units, row


def test_abbreviation_of_a_us_state_resolves() -> None:
    entries = load_gazetteer().lookup("W.Va.")
    assert [(e.name, e.kind, e.country) for e in entries] == \
        [("West Virginia", "admin1", "USA")]


def test_our_table_sets_the_reported_name_of_a_unit() -> None:
    entries = load_gazetteer().lookup("Rif Dimashq")
    assert [(e.name, e.admin1) for e in entries if e.kind == "admin1"] == \
        [("Rural Damascus", "Rural Damascus")]


def test_unit_names_drop_apostrophes() -> None:
    units = [e for e in load_gazetteer().lookup("Marib") if e.kind == "admin1"]
    assert [(u.name, u.country) for u in units] == [("Marib", "YEM")]


# --- resolution, on entries built by hand ---------------------------------------------------

def entry(id: int, name: str, kind: str, country: str, admin1: str | None, population: int,
          lat: float = 0.0, lon: float = 0.0) -> Entry:
    code = {"city": "PPL", "admin1": "ADM1", "country": "PCLI"}[kind]
    return Entry(id, None, name, kind, code, country, admin1, lat, lon, population)


PARIS_FR = entry(1, "Paris", "city", "FRA", "Ile-de-France", 2_000_000, 48.85, 2.35)
PARIS_TX = entry(2, "Paris", "city", "USA", "Texas", 25_000, 33.66, -95.56)
TEXAS = entry(3, "Texas", "admin1", "USA", "Texas", 20_000_000, 31.1, -97.4)
USA = entry(4, "United States", "country", "USA", None, 300_000_000, 39.8, -98.5)
GEORGIA_US = entry(5, "Georgia", "admin1", "USA", "Georgia", 4_800_000, 33.3, -83.8)
GEORGIA = entry(6, "Georgia", "country", "GEO", None, 3_700_000, 42.0, 43.5)
IDLIB_TOWN = entry(7, "Idlib", "city", "SYR", "Idlib", 130_000, 35.93, 36.63)
IDLIB_UNIT = entry(8, "Idlib", "admin1", "SYR", "Idlib", 440_000, 35.87, 36.64)


def test_most_populous_candidate_wins_without_context() -> None:
    assert resolve([Toponym("Paris", (PARIS_TX, PARIS_FR))]) == [PARIS_FR]


def test_container_picks_the_town_inside_it() -> None:
    picks = resolve([Toponym("Paris", (PARIS_FR, PARIS_TX), container=(TEXAS,)),
                     Toponym("Texas", (TEXAS,), contents=(PARIS_FR, PARIS_TX))])
    assert picks == [PARIS_TX, TEXAS]


def test_other_names_in_a_country_pick_the_unit_there() -> None:
    picks = resolve([Toponym("Georgia", (GEORGIA, GEORGIA_US)), Toponym("Texas", (TEXAS,)),
                     Toponym("United States", (USA,)), Toponym("U.S.", (USA,))])
    assert picks[0] == GEORGIA_US


def test_country_beats_a_unit_of_its_name_without_context() -> None:
    assert resolve([Toponym("Georgia", (GEORGIA_US, GEORGIA))]) == [GEORGIA]


def test_name_of_a_town_and_its_unit_is_the_town() -> None:
    assert resolve([Toponym("Idlib", (IDLIB_UNIT, IDLIB_TOWN))]) == [IDLIB_TOWN]


def test_province_wanted_is_the_unit() -> None:
    picks = resolve([Toponym("Idlib", (IDLIB_UNIT, IDLIB_TOWN), want="admin1")])
    assert picks == [IDLIB_UNIT]


def test_region_takes_no_town_outside_the_documents_countries() -> None:
    assert resolve([Toponym("Paris", (PARIS_TX,), want="region")]) == [None]


def test_same_name_resolves_alike_everywhere() -> None:
    picks = resolve([Toponym("Paris", (PARIS_FR, PARIS_TX)), Toponym("Texas", (TEXAS,)),
                     Toponym("Paris", (PARIS_FR, PARIS_TX))])
    assert picks[0] == picks[2]


def test_km_of_one_degree_along_a_meridian() -> None:
    north = entry(9, "North", "city", "XXX", None, 0, 1.0, 0.0)
    south = entry(10, "South", "city", "XXX", None, 0, 0.0, 0.0)
    assert round(km(north, south)) == 111


# --- points, second-level units, romanisation, users' files, damaged caches ---------------

def test_large_country_sits_at_geonames_own_point() -> None:
    (usa,) = [e for e in load_gazetteer().lookup("United States") if e.kind == "country"]
    assert (usa.lat, usa.lon) == (39.76, -98.5)


def test_every_country_point_row_names_a_country_in_range() -> None:
    gaz = load_gazetteer()
    for row in gazetteer_build.data_rows("gazetteer_country_points.csv"):
        country = gaz.country(row["country"])
        assert country is not None, row
        assert (country.lat, country.lon) == (float(row["lat"]), float(row["lon"]))
        assert country.geonameid == int(row["geonameid"])


def test_box_centre_crosses_the_antimeridian_when_shorter() -> None:
    lat, lon = gazetteer_build._box_centre([(51.0, 178.0, 0), (60.0, -170.0, 0)])
    assert lat == 55.5 and lon == -176.0
    assert gazetteer_build._box_centre([(30.0, -100.0, 0), (40.0, -90.0, 0)]) == (35.0, -95.0)


def test_county_is_found_by_its_worded_name_only() -> None:
    gaz = load_gazetteer()
    counties = {(e.admin1, e.kind) for e in gaz.lookup("Fulton County")}
    assert ("Georgia", "admin2") in counties
    assert all(e.kind != "admin2" for e in gaz.lookup("Fulton"))


def test_town_carries_its_second_level_unit() -> None:
    atlanta = max(load_gazetteer().lookup("Atlanta"), key=lambda e: e.population)
    assert (atlanta.admin1, atlanta.admin2) == ("Georgia", "Fulton County")


@pytest.mark.parametrize(("a", "b"), [
    ("Hasakeh", "Al-Hasakah"), ("Kfar Nabl", "Kafr Nabl"), ("Qamishli", "Kamishli"),
    ("Makhmour", "Makhmur"), ("Djibo", "Jibo"),
])
def test_loose_key_folds_romanisation_variants(a: str, b: str) -> None:
    assert loose_key(a) == loose_key(b)


def test_loose_key_keeps_distinct_names_apart() -> None:
    assert loose_key("Homs") != loose_key("Hama")


def test_supplement_town_takes_the_reported_name_of_its_unit() -> None:
    (town,) = load_gazetteer().lookup("Latamneh")
    assert (town.country, town.admin1) == ("SYR", "Ḩamāh")


def test_every_supplement_row_has_a_source_and_is_found() -> None:
    gaz = load_gazetteer()
    for row in gazetteer_build.data_rows("gazetteer_supplement.csv"):
        assert row["source"].strip(), row
        assert any(e.kind == "city" and e.lat == float(row["lat"]) for e in gaz.lookup(
            row["name"])), row


def _user_rows(text: str) -> list[object]:
    iso3 = {"SY": "SYR", "UA": "UKR"}
    return list(gazetteer_build._supplement_rows(iso3, text, "mine.csv", {}))


def test_user_file_rows_need_known_countries() -> None:
    with pytest.raises(FogwatchError, match=r"mine.csv, row 2: unknown country 'XXX'"):
        _user_rows("name,country,lat,lon\nFoo,XXX,1,2\n")


def test_user_file_rows_need_the_required_columns() -> None:
    with pytest.raises(FogwatchError, match="missing column"):
        _user_rows("name,country\nFoo,SYR\n")


def test_user_file_rows_need_coordinates_in_range() -> None:
    with pytest.raises(FogwatchError, match="row 2"):
        _user_rows("name,country,lat,lon\nFoo,SYR,95,36\n")
    assert len(_user_rows("name,country,lat,lon\nFoo,SYR,35.1,36.2\n")) == 1


def test_a_user_file_changes_the_version_and_names_the_cache(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text("name,country,lat,lon\nFoo,SYR,35.1,36.2\n", encoding="utf-8")
    before = cache_path().name
    monkeypatch.setenv(gazetteer.USER_ENV, str(mine))
    assert cache_path().name.startswith("gazetteer-user-")
    assert cache_path().name != before
    first = cache_path().name
    mine.write_text("name,country,lat,lon\nFoo,SYR,35.2,36.2\n", encoding="utf-8")
    assert cache_path().name != first


def test_a_missing_user_file_is_a_fogwatch_error(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(gazetteer.USER_ENV, str(tmp_path / "absent.csv"))
    with pytest.raises(FogwatchError, match="does not exist"):
        cache_path()


def test_a_damaged_cache_file_is_detected(tmp_path: Path) -> None:
    damaged = tmp_path / "gazetteer-x.sqlite"
    damaged.write_bytes(b"this is not a database" * 100)
    assert gazetteer._unreadable(damaged, "x") is not None
    assert gazetteer._unreadable(load_gazetteer().path, "other-version") is not None
    built = load_gazetteer().path
    assert gazetteer._unreadable(built, built.stem.removeprefix("gazetteer-")) is None


@pytest.mark.slow
def test_a_damaged_cache_is_rebuilt_with_a_message(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(tmp_path))
    cache_path().write_bytes(b"garbage" * 1000)
    load_gazetteer.cache_clear()
    try:
        assert load_gazetteer().lookup("Kansafra")
        assert "unreadable" in capsys.readouterr().err
    finally:
        load_gazetteer.cache_clear()


@pytest.mark.slow
def test_a_user_file_adds_its_towns(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text("name,alternatenames,admin1,country,lat,lon\n"
                    "Zqarbanil,Zqar Banil,Idlib,SYR,35.71,36.52\n", encoding="utf-8")
    monkeypatch.setenv(gazetteer.CACHE_ENV, str(tmp_path))
    monkeypatch.setenv(gazetteer.USER_ENV, str(mine))
    load_gazetteer.cache_clear()
    try:
        (town,) = load_gazetteer().lookup("Zqar Banil")
        assert (town.name, town.admin1, town.lat, town.lon) == ("Zqarbanil", "Idlib", 35.71, 36.52)
    finally:
        load_gazetteer.cache_clear()


def test_extract_rejects_a_bad_gazetteer_file_before_reading(tmp_path: Path) -> None:
    from typer.testing import CliRunner

    from fogwatch.cli.main import app

    bad = tmp_path / "mine.csv"
    bad.write_text("name,country,lat,lon\nFoo,XXX,1,2\n", encoding="utf-8")
    docs = tmp_path / "docs.jsonl"
    docs.write_text('{"id": "a", "text": "Shelling hit Idlib."}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["extract", str(docs), "--gazetteer", str(bad)])
    assert result.exit_code == 2
    assert "row 2: unknown country 'XXX'" in result.output
