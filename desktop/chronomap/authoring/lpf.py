"""World Historical Gazetteer's Linked Places Format (LPF) ⇄ Chronomap places.

LPF (github.com/LinkedPasts/linked-places-format) is a GeoJSON-LD
FeatureCollection with an ``@context``; each feature has an ``@id``,
``properties.title`` (and ``ccodes``, ``fclasses``), ``names`` [{``toponym``,
``lang``, ``citations``, ``when``}], ``types`` [{``identifier``, ``label``,
``sourceLabels``}], a ``geometry`` (usually a GeometryCollection), ``when``
{``timespans``: [{``start``: {``in``|``earliest``|``latest``}, ``end``: {…}}],
``periods``, ``label``, ``duration``}, ``links``, ``relations``,
``descriptions`` and ``depictions``.

A Chronomap place maps onto it closely: names by language, historical names
as names whose ``when`` ends on the day they lapsed, the kind as a Getty AAT
type (with the Chronomap word in ``sourceLabels``), point and outline in the
geometry.  Base-map regions, notes and the gazetteer key have no LPF home and
are listed as not carried; links, relations, depictions and citations have no
Chronomap home and are listed on import.

On import, geometries may be GeoJSON or WKT (``geowkt``, ``geo_wkt``); a
record's time span is its own ``when`` (all its timespans as one span; a start
alone is the interval it names, as the spec says), else that of its dated
geometries.  A name's ``when`` is when it is attested: it becomes a historical
name only when the name clearly went out of use (see :func:`_lapsed`).  On
export every record named by events carries their span as its ``when``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.gazetteer_index import ring_centre
from chronomap.authoring.ids import IdMaker
from chronomap.authoring.lpf_forms import READ_PROPERTIES, line_point, nfc, property_description, property_when
from chronomap.story.dates import DateError, iso_day, parse_date
from chronomap.story.model import Problem
from chronomap.story.schema import LANG_PATTERN

FORMAT_NAME = "Linked Places Format (LPF)"
LPF_CONTEXT = "https://raw.githubusercontent.com/LinkedPasts/linked-places/master/linkedplaces-context-v1.1.jsonld"
# Chronomap kind → (Getty AAT concept, its label, GeoNames feature class used by WHG's 'fclasses')
KIND_TYPES = {
    "city": ("aat:300008389", "city", "P"),
    "region": ("aat:300182722", "region (geographic)", "L"),
    "republic": ("aat:300232418", "administrative division", "A"),
    "state": ("aat:300232420", "sovereign state", "A"),
}
_KIND_BY_AAT = {aat: kind for kind, (aat, _, _) in KIND_TYPES.items()}
_KIND_BY_FCLASS = {"P": "city", "L": "region", "A": "state"}
_URN = re.compile(r"^urn:chronomap:[a-z0-9-]+:place:([a-z0-9][a-z0-9-]*)$")
#: The longest WKT read (a detailed country outline is about 200 KB).
MAX_WKT_CHARS = 2_000_000
#: The longest place name or title read (the longest real ones are under 200 characters).
MAX_NAME_CHARS = 1_000
#: Problems listed one by one before the rest are counted.
MAX_PROBLEMS = 20
#: Property names plain GeoJSON files use for a feature's name.
_TITLE_KEYS = ("title", "name", "Name", "NAME", "toponym", "label")
_ISO = re.compile(r"^(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T[\d:.]+Z?)?([~?%]?)$")


# --- export ----------------------------------------------------------------------------------------

def place_uri(exhibit_id: str, place_id: str) -> str:
    return f"urn:chronomap:{exhibit_id}:place:{place_id}"


def _names(place, citation: dict) -> list[dict]:
    names: list[dict] = [{"toponym": place.names.en, "lang": "en", "citations": [citation]}]
    for lang in ("kk", "ru"):
        value = getattr(place.names, lang)
        if value:
            names.append({"toponym": value, "lang": lang})
    for alt in place.names.alt:
        names.append({"toponym": alt})
    for record, _span in place.historical_names:
        when = {"timespans": [{"start": {"latest": record.until}, "end": {"in": record.until}}]}
        for lang in ("en", "kk", "ru"):
            value = getattr(record, lang)
            if value:
                names.append({"toponym": value, "lang": lang, "when": when})
    return names


def _side(edtf: str, which: int) -> str | None:
    """One end of an EDTF date as an ISO 8601 value LPF reads ('1986-12', '-0299'); None for a season or decade."""
    side = edtf.split("/")[which].rstrip("~?%")
    return side if _ISO.fullmatch(side) else None


def exhibit_to_lpf(exhibit) -> tuple[dict, list[str]]:
    """The places of a loaded exhibit as an LPF FeatureCollection, and what LPF could not carry."""
    features = []
    lost: dict[str, list[str]] = {}
    citation = {"label": f"{exhibit.meta.title} (Chronomap exhibit '{exhibit.meta.id}')"}
    for place in exhibit.places.values():
        aat, label, fclass = KIND_TYPES[place.kind]
        geometries: list[dict] = [{"type": "Point", "coordinates": [place.lon, place.lat]}]
        region = place.region
        if region is not None and region.geometry is not None:
            geometries.append(dict(region.geometry))
        feature: dict[str, Any] = {
            "@id": place_uri(exhibit.meta.id, place.id),
            "type": "Feature",
            "properties": {"title": place.names.en, "fclasses": [fclass]},
            "geometry": {"type": "GeometryCollection", "geometries": geometries},
            "names": _names(place, citation),
            "types": [{"identifier": aat, "label": label, "sourceLabels": [{"label": place.kind, "lang": "en"}]}],
        }
        spans = [e.span for e in exhibit.events if any(r.place.id == place.id for r in e.places)]
        if spans:  # LPF wants the record scoped in time: the span of the exhibit's events at this place
            first, last = min(spans, key=lambda sp: sp.start), max(spans, key=lambda sp: sp.end)
            start, end = _side(first.edtf, 0) or iso_day(first.start), _side(last.edtf, -1) or iso_day(last.end)
            feature["when"] = {"timespans": [{"start": {"in": start}, "end": {"in": end}}]}
        else:
            lost.setdefault("undated", []).append(place.id)
        if place.description:
            feature["descriptions"] = [{"value": place.description, "lang": exhibit.language}] + [
                {"value": t.description, "lang": lang} for lang, t in place.translations.items() if t.description]
        features.append(feature)
        if region is not None and region.basemap:
            lost.setdefault("basemap", []).append(place.id)
        if region is not None and region.note:
            lost.setdefault("region note", []).append(place.id)
        if any(record.note for record, _ in place.historical_names):
            lost.setdefault("historical note", []).append(place.id)
        if place.coordinate_source != "exhibit":
            lost.setdefault("gazetteer", []).append(place.id)
    document = {"type": "FeatureCollection", "@context": LPF_CONTEXT, "features": features}
    lines = []
    if lost.get("basemap"):
        lines.append(f"region.basemap ({', '.join(lost['basemap'])}): LPF cannot say 'draw as these base-map countries'; "
                     "only the point is written")
    if lost.get("region note"):
        lines.append(f"region.note ({', '.join(lost['region note'])})")
    if lost.get("historical note"):
        lines.append(f"historical_names[].note ({', '.join(lost['historical note'])}); the names and the day they lapsed "
                     "are kept")
    if lost.get("gazetteer"):
        lines.append(f"gazetteer keys ({', '.join(lost['gazetteer'])}): written as the coordinates they resolve to")
    if lost.get("undated"):
        lines.append(f"when ({', '.join(lost['undated'])}): no event names these places, so their records carry no "
                     "time span")
    lines.append(f"events: the {len(exhibit.events)} events are not part of LPF, only each place's span of them "
                 "as its 'when' (export them with --format timelinejs)")
    return document, lines


# --- import ----------------------------------------------------------------------------------------

@dataclass
class LpfImport:
    places: list[dict]  # story.json place records
    whens: dict[str, str]  # place id → EDTF of the feature's 'when'
    titles: dict[str, str]  # place id → the feature's title
    not_carried: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 80 else text[:79] + "…"


def iso_to_edtf(value: Any) -> str | None:
    """An OWL-Time/ISO 8601 value from LPF ('1832', '1832-08-01', '-0500~') as EDTF, or None."""
    if not isinstance(value, str):
        return None
    match = _ISO.fullmatch(value.strip())
    if not match:
        return None
    year, month, day, qualifier = match.groups()
    text = year + (f"-{month}" if month else "") + (f"-{day}" if day else "") + qualifier
    try:
        parse_date(text)
    except DateError:
        return None
    return text


def _bound(value: Any, first: bool) -> str | None:
    """One end of a timespan: {"in"|"earliest"|"latest": ISO} or, as the spec's geometry example writes it, a bare ISO."""
    if isinstance(value, str):
        return iso_to_edtf(value)
    if not isinstance(value, dict):
        return None
    order = ("in", "earliest", "latest") if first else ("in", "latest", "earliest")
    return next((e for e in (iso_to_edtf(value.get(key)) for key in order) if e), None)


def _timespans(when: Any) -> list[tuple[int, int, str, str]]:
    """Each readable timespan as (first day, last day, start EDTF, end EDTF).

    As the LPF spec says, a timespan without an end is the interval its start describes: {"start": {"in": "1832"}}
    is 'during 1832'.
    """
    if not isinstance(when, dict) or not isinstance(when.get("timespans"), list):
        return []
    out = []
    for span in when["timespans"]:
        if not isinstance(span, dict):
            continue
        first = _bound(span.get("start"), True)
        last = _bound(span.get("end"), False) or first
        first = first or last
        if first is None or last is None:
            continue
        try:
            a, b = parse_date(first), parse_date(last)
        except DateError:
            continue
        if b.end >= a.start:
            out.append((a.start, b.end, first, last))
    return out


def _span_edtf(spans: list[tuple[int, int, str, str]]) -> str | None:
    """The one span from the earliest start to the latest end, at the precision they were written."""
    if not spans:
        return None
    start = min(spans, key=lambda s: s[0])[2]
    end = max(spans, key=lambda s: s[1])[3]
    value = start if start == end else f"{start}/{end}"
    try:
        parse_date(value)
    except DateError:
        return None
    return value


def _when_edtf(when: Any) -> str | None:
    return _span_edtf(_timespans(when))


def _until(when: Any) -> str | None:
    """The last day a name is attested: the end of its latest timespan."""
    spans = _timespans(when)
    return max(spans, key=lambda s: s[1])[3] if spans else None


def _geometries(geometry: Any) -> list[dict]:
    if not isinstance(geometry, dict):
        return []
    if geometry.get("type") == "GeometryCollection":
        members = geometry.get("geometries")
        return [g for g in members if isinstance(g, dict)] if isinstance(members, list) else []
    return [geometry]


def _wkt(geometry: dict) -> dict | None:
    """The geometry written as WKT ('geowkt', as World Historical Gazetteer writes it, or the spec's 'geo_wkt'), as GeoJSON."""
    text = geometry.get("geowkt") or geometry.get("geo_wkt")
    if not isinstance(text, str) or not text.strip() or len(text) > MAX_WKT_CHARS:
        return None
    import shapely
    from shapely.geometry import mapping

    try:
        shape = shapely.from_wkt(text)
    except (shapely.errors.ShapelyError, ValueError):
        return None
    if shape is None or shape.is_empty:
        return None
    found = mapping(shape)
    return json.loads(json.dumps(found))  # tuples to lists, as GeoJSON read from a file


def _well_formed(outline: dict) -> bool:
    """Rings of numeric positions that shapely can build into an outline with an area to place a point in.

    The file is someone else's: whatever its coordinates hold (empty rings, nulls, numbers where rings
    belong), the answer is a yes or no, never an exception from deep inside the geometry code.
    """
    from shapely.geometry import shape

    try:
        geometry = shape(outline)
        return not geometry.is_empty and geometry.area > 0
    except Exception:  # shapely raises TypeError, ValueError, IndexError or its own GEOSException on junk
        return False


def _point(geometry: dict) -> tuple[float, float] | None:
    coords = geometry.get("coordinates")
    if geometry.get("type") == "Point" and isinstance(coords, list) and len(coords) >= 2 \
            and all(isinstance(c, int | float) and not isinstance(c, bool) for c in coords[:2]):
        return float(coords[1]), float(coords[0])
    wkt = _wkt(geometry)
    if wkt is not None and wkt.get("type") == "Point":
        return float(wkt["coordinates"][1]), float(wkt["coordinates"][0])
    return None


def _outline(geometry: dict) -> dict | None:
    """A Polygon or MultiPolygon, from GeoJSON coordinates or from WKT."""
    if geometry.get("type") in ("Polygon", "MultiPolygon") and isinstance(geometry.get("coordinates"), list) \
            and geometry["coordinates"]:
        outline = {"type": geometry["type"], "coordinates": geometry["coordinates"]}
        return outline if _well_formed(outline) else None
    wkt = _wkt(geometry)
    if wkt is not None and wkt.get("type") in ("Polygon", "MultiPolygon"):
        return {"type": wkt["type"], "coordinates": wkt["coordinates"]}
    return None


def _feature_id(feature: dict, title: str, ids: IdMaker) -> str:
    raw = feature.get("@id") or feature.get("id")
    if isinstance(raw, str):
        own = _URN.match(raw)
        if own and own.group(1) not in ids.used:
            ids.used.add(own.group(1))
            return own.group(1)
        tail = re.split(r"[/#:=]", raw.rstrip("/"))[-1]
        if tail and not tail.isdigit():
            return ids(tail, "place")
    return ids(title, "place")


def _kind(feature: dict, properties: dict) -> tuple[str, bool]:
    for entry in feature.get("types") or []:
        if not isinstance(entry, dict):
            continue
        for label in entry.get("sourceLabels") or []:
            if isinstance(label, dict) and label.get("label") in KIND_TYPES:
                return label["label"], True
        if entry.get("identifier") in _KIND_BY_AAT:
            return _KIND_BY_AAT[entry["identifier"]], True
        if entry.get("label") in KIND_TYPES:
            return entry["label"], True
    for fclass in properties.get("fclasses") or []:
        if fclass in _KIND_BY_FCLASS:
            return _KIND_BY_FCLASS[fclass], True
    return "city", False


def _dict(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def is_plain_geojson(document: dict) -> bool:
    """A GeoJSON FeatureCollection with nothing of Linked Places: no @context, no feature with names, @id or when."""
    if document.get("@context"):
        return False
    return not any(isinstance(f, dict) and (f.get("names") or f.get("@id") or f.get("when"))
                   for f in document.get("features") or [])


def _title(properties: dict[str, Any], names: list[dict], plain: bool) -> str | None:
    for key in _TITLE_KEYS if plain else ("title",):
        value = properties.get(key)
        if isinstance(value, str) and value.strip():
            return nfc(value.strip())
    return names[0]["toponym"] if names else None


def _lapsed(names: list[dict], record_end: int | None) -> set[int]:
    """Which names (by position) had gone out of use: their attestation ended while the place went on.

    A name's ``when`` says when it is attested.  It counts as a historical name, lapsed on the last day of
    that attestation, when another name is given without dates (the name in use), or another name's
    attestation begins after it, or the record's own ``when`` runs on after it.  Otherwise (all names attested
    from the same time, as in World Historical Gazetteer's example) the dates are attestations of current
    names, listed as not carried.
    """
    spans = [_timespans(n.get("when")) for n in names]
    out = set()
    for i, mine in enumerate(spans):
        if not mine or _from_only(names[i].get("when")):
            continue
        last = max(s[1] for s in mine)
        others = [spans[j] for j in range(len(names)) if j != i]
        if any(not o for o in others) or any(min(s[0] for s in o) > last for o in others if o) \
                or (record_end is not None and last < record_end):
            out.add(i)
    return out


def _from_only(when: Any) -> bool:
    """Every timespan gives a start and no end: the name is attested from then on, which says nothing of its lapse."""
    spans = when.get("timespans") if isinstance(when, dict) else None
    return isinstance(spans, list) and bool(spans) and all(isinstance(s, dict) and s.get("start") and not s.get("end")
                                                            for s in spans)


def _refuse_plain(file: str, document: dict) -> AuthoringError:
    count = len(document["features"])
    keys = sorted({k for f in document["features"][:50] if isinstance(f, dict) for k in _dict(f.get("properties"))})
    return AuthoringError([Problem(file, "", f"found a plain GeoJSON FeatureCollection of {count:,} feature"
                                             f"{'s' if count != 1 else ''} with no place names (no @context, no 'names', "
                                             f"and no property among {', '.join(_TITLE_KEYS)}; properties: "
                                             f"{', '.join(keys[:8]) or 'none'}); expected Linked Places Format, or "
                                             "GeoJSON whose features have a 'name' or 'title' property")])


def lpf_to_places(document: Any, file: str) -> LpfImport:
    """Read an LPF FeatureCollection into place records; every feature that cannot be placed is reported at once.

    A plain GeoJSON FeatureCollection (no Linked Places fields) is read too when its features carry a
    name property, and refused in one line when none does.
    """
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection" \
            or not isinstance(document.get("features"), list):
        raise AuthoringError([Problem(file, "", "found no GeoJSON FeatureCollection; expected Linked Places Format: "
                                                "{\"type\": \"FeatureCollection\", \"@context\": …, \"features\": [...]}")])
    if not document["features"]:
        raise AuthoringError([Problem(file, "features", "found an empty list; expected at least one place feature")])
    plain = is_plain_geojson(document)
    if plain and not any(_title(_dict(_dict(f).get("properties")), [], True) for f in document["features"]):
        raise _refuse_plain(file, document)
    problems: list[Problem] = []
    ids = IdMaker()
    places: list[dict] = []
    whens: dict[str, str] = {}
    titles: dict[str, str] = {}
    counts: dict[str, int] = {}
    notes: list[str] = []
    attested: list[str] = []
    untitled = 0
    unlocated: list[str] = []
    seen_ids: dict[str, str] = {}

    def count(what: str, n: int = 1) -> None:
        counts[what] = counts.get(what, 0) + n

    for index, feature in enumerate(document["features"]):
        where = f"features[{index}]"
        if not isinstance(feature, dict):
            problems.append(Problem(file, where, f"found {_short(feature)}; expected a GeoJSON Feature"))
            continue
        properties = _dict(feature.get("properties"))
        listed = feature.get("names")
        names = [{**n, "toponym": nfc(n["toponym"].strip())} for n in (listed if isinstance(listed, list) else [])
                 if isinstance(n, dict) and isinstance(n.get("toponym"), str) and n["toponym"].strip()]
        title = _title(properties, names, plain)
        longest = max([title or "", *(n["toponym"] for n in names)], key=len)
        if len(longest) > MAX_NAME_CHARS:
            field_ = f"{where}.properties.title" if longest == title and properties.get("title") else f"{where}.names"
            problems.append(Problem(file, field_, f"found a name of {len(longest):,} characters ({_short(longest[:40])}…); "
                                                 f"expected a place name of at most {MAX_NAME_CHARS:,}"))
            continue
        if title is None:
            if plain:
                untitled += 1
                continue
            problems.append(Problem(file, f"{where}.properties.title", "missing; expected the place's title (or a name "
                                                                       "in 'names')"))
            continue
        geometries = _geometries(feature.get("geometry"))
        point = next((p for p in (_point(g) for g in geometries) if p), None)
        outline = next((o for o in (_outline(g) for g in geometries) if o), None)
        if point is None and outline is not None:
            coords = outline["coordinates"]
            rings = [coords[0]] if outline["type"] == "Polygon" else [poly[0] for poly in coords]
            point = ring_centre(max(rings, key=len))
            notes.append(f"{title}: no point given; placed at the centre of its outline")
        line = next((g for g in geometries if line_point(g)), None) if point is None else None
        if line is not None:
            point = line_point(line)
            notes.append(f"{title}: no point or outline; placed at the middle vertex of its {line.get('type')}")
        if point is None and feature.get("geometry") in (None, {}):  # GeoJSON's unlocated feature: listed, not placed
            unlocated.append(f"'{title}' ({where})")
            continue
        if point is None:
            found = f"a geometry without a usable point or outline ({_short(feature.get('geometry'))})"
            problems.append(Problem(file, f"{where}.geometry", f"'{title}': found {found}; expected a GeoJSON Point "
                                                               "(or a GeometryCollection holding one, a Polygon, or "
                                                               "'geowkt') so the place can be drawn on the map"))
            continue
        lat, lon = point
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            problems.append(Problem(file, f"{where}.geometry", f"'{title}': found coordinates lat {lat}, lon {lon}; "
                                                               "expected [longitude, latitude] within range"))
            continue
        pid = _feature_id(feature, title, ids)
        raw_id = feature.get("@id") or feature.get("id")
        if isinstance(raw_id, str) and raw_id in seen_ids:  # one identity claimed twice: both kept, and said so
            notes.append(f"{where}: @id {_short(raw_id)} repeats {seen_ids[raw_id]}'s; imported as a place of its own "
                         f"({pid!r}) — check which record is right")
        elif isinstance(raw_id, str):
            seen_ids[raw_id] = where
        kind, known = _kind(feature, properties)
        if not known and not plain:
            notes.append(f"{title}: no place type Chronomap knows; imported as a city")
        record_spans = _timespans(feature.get("when"))
        when = _span_edtf(record_spans)
        if when is None and feature.get("when") and not plain:
            count("unreadable when")
        if when is None:  # no record-level when: the place's span is that of its dated geometries
            when = _span_edtf([s for g in geometries for s in _timespans(g.get("when"))])
            if when:
                notes.append(f"{title}: no record-level 'when'; its span {when} is taken from its geometries' dates")
        if when is None and feature.get("when") is None and isinstance(properties.get("when"), dict):
            when = _span_edtf(_timespans(properties["when"]))  # an LPF 'when' object put among the properties
            count("property when" if when else "unreadable when")
        elif when is None and feature.get("when") is None and properties.get("when") not in (None, ""):
            read = property_when(properties["when"])
            if read is None:
                count("unreadable when")
            else:
                when = read[0]
                count("property when")
                if "closed span" in read[1] or "approximate" in read[1]:
                    notes.append(f"{title}: properties.when {_short(properties['when'])} read as {when} ({read[1]})")
        record_end = max(s[1] for s in record_spans) if record_spans else None
        lapsed = _lapsed(names, record_end)
        record: dict[str, Any] = {"id": pid, "kind": kind,
                                  "names": _record_names(title, [n for i, n in enumerate(names) if i not in lapsed], count)}
        count("citations", sum(1 for n in names if n.get("citations") or n.get("citation")))
        history = _historical([n for i, n in enumerate(names) if i in lapsed])
        if history:
            record["historical_names"] = history
        for i, n in enumerate(names):
            if i not in lapsed and _timespans(n.get("when")):
                attested.append(f"“{n['toponym']}” ({_when_edtf(n.get('when'))})")
        record["point"] = {"lat": lat, "lon": lon}
        if outline is not None:
            record["region"] = {"geometry": outline}
        descriptions = [d for d in feature.get("descriptions") or [] if isinstance(d, dict)
                        and isinstance(d.get("value"), str) and d["value"].strip()]
        if descriptions:
            english = next((d for d in descriptions if d.get("lang") == "en"), descriptions[0])
            record["description"] = english["value"]
            translations = {d["lang"]: {"description": d["value"]} for d in descriptions
                            if d is not english and isinstance(d.get("lang"), str) and re.match(LANG_PATTERN, d["lang"])
                            and d["lang"] != english.get("lang", "en")}
            if translations:
                record["translations"] = translations
            count("descriptions", len(descriptions) - 1 - len(translations))
        elif property_description(properties.get("description")):
            record["description"] = property_description(properties["description"])
        places.append(record)
        titles[pid] = title
        if when:
            whens[pid] = when
        _count_unkept(feature, properties, geometries, outline, count)
    if problems:
        if len(problems) > MAX_PROBLEMS:
            rest = len(problems) - MAX_PROBLEMS
            problems = problems[:MAX_PROBLEMS] + [Problem(file, "features", f"… and {rest:,} more feature(s) like these")]
        raise AuthoringError(problems)
    if not places and unlocated:
        raise AuthoringError([Problem(file, "features", f"found {len(unlocated):,} feature(s) and none with a geometry "
                                                        f"({', '.join(unlocated[:3])}{', …' if len(unlocated) > 3 else ''}); "
                                                        "expected at least one GeoJSON Point, Polygon or 'geowkt' so "
                                                        "places can be drawn on the map")])
    if not places:
        raise _refuse_plain(file, document)
    losses = _import_losses(counts)
    if unlocated:
        shown = ", ".join(unlocated[:20]) + (f", … ({len(unlocated):,} in all)" if len(unlocated) > 20 else "")
        losses.insert(0, f"places without a geometry (GeoJSON 'geometry': null), so not on the map — "
                         f"{len(unlocated):,}: {shown}")
    if attested:
        shown = ", ".join(attested[:6]) + (f", … ({len(attested)} in all)" if len(attested) > 6 else "")
        losses.append(f"names[].when: the dates when current names are attested — {shown}; Chronomap keeps only the "
                      "day a historical name lapsed")
    if plain:
        notes.insert(0, "read as plain GeoJSON (no Linked Places @context or names): titles from the features' "
                        "name properties")
    if untitled:
        notes.append(f"{untitled:,} feature(s) have no name property and were left out")
    return LpfImport(places, whens, titles, losses, notes)


def _record_names(title: str, names: list[dict], count: Callable[..., None]) -> dict:
    english = next((n["toponym"] for n in names if n.get("lang") == "en"), None) or title
    out: dict[str, Any] = {"en": english}
    for lang in ("kk", "ru"):
        value = next((n["toponym"] for n in names if n.get("lang") == lang), None)
        if value:
            out[lang] = value
    taken = {english, out.get("kk"), out.get("ru")}
    alt: list[str] = []
    for n in names:
        if n["toponym"] not in taken and n["toponym"] not in alt:
            alt.append(n["toponym"])
            if n.get("lang") not in (None, "en", "kk", "ru"):
                count("name languages")
    if alt:
        out["alt"] = alt
    return out


def _historical(names: list[dict]) -> list[dict]:
    groups: dict[str, dict] = {}
    for n in names:
        until = _until(n.get("when"))
        if until is None:
            continue
        record = groups.setdefault(until, {"until": until})
        lang = n.get("lang") if n.get("lang") in ("en", "kk", "ru") else "en"
        if lang not in record:
            record[lang] = n["toponym"]
    out = []
    for record in groups.values():
        if "en" not in record:  # Chronomap needs an English form; use the first one given
            record["en"] = record.get("ru") or record.get("kk")
        out.append(record)
    return out


def _count_unkept(feature: dict, properties: dict, geometries: list[dict], outline, count) -> None:
    for key in ("links", "relations", "depictions"):
        if feature.get(key):
            count(key, len(feature[key]) if isinstance(feature[key], list) else 1)
    if properties.get("ccodes") or properties.get("ccode"):
        count("ccodes")
    for key, value in properties.items():
        if key not in READ_PROPERTIES and value not in (None, "", [], {}):
            count(f"property {key}")
    when = feature.get("when")
    if isinstance(when, dict):
        for key in ("periods", "duration", "label", "certainty"):
            if when.get(key):
                count(f"when.{key}")
        if isinstance(when.get("timespans"), list) and len(when["timespans"]) > 1:
            count("extra timespans", len(when["timespans"]) - 1)
    points = [g for g in geometries if _point(g)]
    if len(points) > 1:
        count("extra geometries", len(points) - 1)
    if any(g.get("when") or g.get("citations") or g.get("certainty") or g.get("src") for g in geometries):
        count("geometry when/citations/certainty")
    if any(g.get("type") in ("LineString", "MultiLineString", "MultiPoint") for g in geometries):
        count("lines")
    for entry in feature.get("types") or []:
        if isinstance(entry, dict) and entry.get("identifier") not in _KIND_BY_AAT and entry.get("identifier"):
            count("other types")


def _import_losses(counts: dict[str, int]) -> list[str]:
    labels = {
        "links": "links (exactMatch, closeMatch, …) to other gazetteers",
        "relations": "relations between places",
        "depictions": "depictions (images)",
        "citations": "citations of names",
        "ccodes": "ccodes (modern country codes)",
        "descriptions": "descriptions beyond one per language",
        "when.periods": "named periods in 'when'",
        "when.duration": "durations in 'when'",
        "when.label": "labels in 'when'",
        "when.certainty": "certainty of 'when'",
        "extra timespans": "several timespans in one 'when' (read as one span, earliest start to latest end)",
        "extra geometries": "points beyond the first (Chronomap keeps one point per place)",
        "geometry when/citations/certainty": "dates, citations and certainty of geometries",
        "lines": "line geometries",
        "other types": "place types other than Chronomap's four kinds",
        "name languages": "languages of names other than English, Kazakh and Russian (kept as alternative names)",
        "unreadable when": "'when' values that are not ISO 8601 dates",
        "property when": "properties.when strings (not an LPF 'when'; read as the record's span, see the notes)",
    }
    lines = [f"{labels.get(key, key)} — {n}" for key, n in counts.items() if n and not key.startswith("property ")
             or key == "property when"]
    other = sorted(((key[9:], n) for key, n in counts.items() if key.startswith("property ") and key != "property when"),
                   key=lambda kn: (-kn[1], kn[0]))
    if other:
        shown = ", ".join(f"{_short(k)[1:-1]} ({n})" for k, n in other[:12]) + (f", … ({len(other)} in all)"
                                                                               if len(other) > 12 else "")
        lines.append(f"other properties, by name (records holding each) — {shown}")
    return lines
