"""First-level units without a town in the city list still get a point from their smaller
towns; a name that only starts a longer one is no mid-sized town abroad."""

from __future__ import annotations

from fogwatch.gazetteer import load_gazetteer
from fogwatch.gazetteer.resolve import Toponym, km, resolve


def test_county_without_big_towns_sits_among_its_smaller_towns() -> None:
    (county,) = [e for e in load_gazetteer().lookup("County Tipperary") if e.kind == "admin1"]
    # Clonmel and Nenagh are Tipperary towns; the county's point lies between them.
    (clonmel,) = [e for e in load_gazetteer().lookup("Clonmel") if e.country == "IRL"]
    assert (county.country, county.lat is not None, county.population) == ("IRL", True, 0)
    assert km(county, clonmel) < 60


def test_only_the_start_of_a_longer_name_drops_a_mid_sized_town_abroad() -> None:
    gaz = load_gazetteer()
    bandar = tuple(e for e in gaz.lookup("Bandar") if e.country == "IND")
    khuzestan = tuple(e for e in gaz.lookup("Khuzestan") if e.kind == "admin1")
    whole = resolve([Toponym("Bandar", bandar), Toponym("Khuzestan", khuzestan)])
    cut = resolve([Toponym("Bandar", bandar, cut=True), Toponym("Khuzestan", khuzestan)])
    assert [e.name if e else None for e in whole] == ["Machilīpatnam", "Khūzestān"]
    assert [e.name if e else None for e in cut] == [None, "Khūzestān"]
