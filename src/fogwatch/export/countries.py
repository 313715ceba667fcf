"""Country names, ISO 3166 numeric codes and ACLED regions for the CSV exports.

ACLED spells countries by their short English names ("Syria", "Iran", "Russia") and groups them
into its own regions, which differ from the UN's (Iran and Turkey are "Middle East", Russia is
"Europe", Mexico is "Central America"). Codes outside the tables give empty strings.
"""

from __future__ import annotations

import functools

import pycountry

__all__ = ["acled_region", "country_name", "iso_numeric"]

# ACLED's region of each country (ISO 3166 alpha-3).
_REGIONS: dict[str, str] = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MOZ RWA SYC SOM SSD TZA UGA ZMB "
                      "ZWE MYT REU",
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
    "Northern Africa": "DZA EGY LBY MAR TUN SDN ESH",
    "Middle East": "BHR CYP IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG JPN MAC MNG PRK KOR TWN",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "Europe": "ALB AND AUT BLR BEL BIH BGR HRV CZE DNK EST FIN FRA DEU GIB GRC HUN ISL IRL "
              "ITA XKX LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK "
              "SVN ESP SWE CHE UKR GBR VAT FRO IMN JEY GGY ALA",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "South America": "ARG BOL BRA CHL COL ECU GUY PRY PER SUR URY VEN FLK GUF",
    "Caribbean": "AIA ATG ABW BHS BRB VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM "
                 "KNA LCA MAF VCT SXM TTO TCA VIR BES",
    "North America": "USA CAN GRL BMU SPM",
    "Oceania": "AUS NZL PNG FJI SLB VUT NCL PYF WSM TON KIR FSM MHL PLW NRU TUV COK NIU GUM "
               "MNP ASM WLF TKL NFK PCN",
}

# Where ACLED's short name differs from pycountry's common or official name.
_NAMES: dict[str, str] = {
    "RUS": "Russia", "TUR": "Turkey", "COD": "Democratic Republic of Congo",
    "COG": "Republic of Congo", "PSE": "Palestine", "PRK": "North Korea", "KOR": "South Korea",
    "MDA": "Moldova", "VNM": "Vietnam", "LAO": "Laos", "CIV": "Ivory Coast",
    "CZE": "Czech Republic",
    "XKX": "Kosovo", "SWZ": "eSwatini", "CPV": "Cape Verde", "MKD": "North Macedonia",
}


@functools.cache
def _region_of() -> dict[str, str]:
    return {code: region for region, codes in _REGIONS.items() for code in codes.split()}


def acled_region(iso3: str | None) -> str:
    """ACLED's region name for a country, "" when unknown."""
    return _region_of().get((iso3 or "").upper(), "")


def country_name(iso3: str | None) -> str:
    """The country's short English name as ACLED writes it, "" when unknown."""
    if not iso3:
        return ""
    code = iso3.upper()
    if code in _NAMES:
        return _NAMES[code]
    record = pycountry.countries.get(alpha_3=code)
    if record is None:
        return ""
    return str(getattr(record, "common_name", None) or record.name)


def iso_numeric(iso3: str | None) -> int | None:
    """The ISO 3166-1 numeric code (Syria: 760), None when unknown."""
    if not iso3:
        return None
    record = pycountry.countries.get(alpha_3=iso3.upper())
    return None if record is None else int(record.numeric)
