"""The lexicon tables load, agree with each other, and feed a modest EntityRuler."""

from __future__ import annotations

from fogwatch import lexicons
from fogwatch.records import ACLED_TAXONOMY


def test_demonym_maps_to_its_country_code() -> None:
    assert lexicons.country_codes()["turkish"] == "TUR"


def test_pycountry_name_maps_to_its_country_code() -> None:
    assert lexicons.country_codes()["syrian arab republic"] == "SYR"


def test_capitals_only_alias_keeps_its_case() -> None:
    assert lexicons.alias_key("US") == "US"
    assert lexicons.alias_key("Al Masdar News") == "al masdar news"


def test_country_name_is_the_short_name_acled_uses() -> None:
    assert lexicons.country_name("SYR") == "Syria"
    assert lexicons.country_name("TUR") == "Turkey"


def test_outlet_carries_kind_and_country() -> None:
    tass = next(o for o in lexicons.outlets() if o.name == "TASS")
    assert (tass.kind, tass.country) == ("state_media", "RUS")


def test_every_trigger_names_an_acled_sub_type_or_a_rule() -> None:
    subs = {s for subs in ACLED_TAXONOMY.values() for s in subs}
    for trigger in lexicons.triggers():
        if trigger.event_type is not None:
            assert trigger.sub_event_type in subs or (trigger.sub_event_type or "").startswith("@")
            assert trigger.event_type in ACLED_TAXONOMY


def test_triggers_cover_all_25_acled_sub_types() -> None:
    covered = {t.sub_event_type for t in lexicons.triggers()}
    covered |= {result[1] for result in lexicons.event_combinations().values()}
    covered |= {"Armed clash", "Attack", "Mob violence", "Government regains territory",
                "Non-state actor overtakes territory", "Disrupted weapons use",
                "Violent demonstration"}  # reached through @attack, @territory, @weapons, @riot
    assert {s for subs in ACLED_TAXONOMY.values() for s in subs} <= covered


def test_ruler_tags_a_group_by_its_exact_spelling() -> None:
    assert {"label": "ORG", "pattern": [{"ORTH": "Taliban"}]} in lexicons.ruler_patterns()


def test_ruler_leaves_out_two_letter_acronyms() -> None:
    assert all(p["pattern"] != [{"ORTH": "IS"}] for p in lexicons.ruler_patterns())
