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
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.gazetteer_index import ring_centre
from chronomap.authoring.ids import IdMaker
from chronomap.story.dates import DateError, parse_date
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
    lines.append(f"events: the {len(exhibit.events)} events are not part of LPF (export them with --format timelinejs)")
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


def _when_edtf(when: Any) -> str | None:
    if not isinstance(when, dict) or not isinstance(when.get("timespans"), list) or not when["timespans"]:
        return None
    span = when["timespans"][0]
    if not isinstance(span, dict):
        return None
    start = span.get("start") if isinstance(span.get("start"), dict) else {}
    end = span.get("end") if isinstance(span.get("end"), dict) else {}
    first = iso_to_edtf(start.get("in") or start.get("earliest") or start.get("latest"))
    last = iso_to_edtf(end.get("in") or end.get("latest") or end.get("earliest"))
    if first and last and first != last:
        value = f"{first}/{last}"
        try:
            parse_date(value)
        except DateError:
            return None
        return value
    return first or last


def _until(when: Any) -> str | None:
    """The day a name lapsed: the end of its first timespan."""
    if not isinstance(when, dict) or not isinstance(when.get("timespans"), list) or not when["timespans"]:
        return None
    span = when["timespans"][0]
    end = span.get("end") if isinstance(span, dict) and isinstance(span.get("end"), dict) else None
    if not end:
        return None
    return iso_to_edtf(end.get("in") or end.get("latest") or end.get("earliest"))


def _geometries(geometry: Any) -> list[dict]:
    if not isinstance(geometry, dict):
        return []
    if geometry.get("type") == "GeometryCollection":
        return [g for g in geometry.get("geometries") or [] if isinstance(g, dict)]
    return [geometry]


def _point(geometry: dict) -> tuple[float, float] | None:
    coords = geometry.get("coordinates")
    if geometry.get("type") == "Point" and isinstance(coords, list) and len(coords) >= 2 \
            and all(isinstance(c, int | float) and not isinstance(c, bool) for c in coords[:2]):
        return float(coords[1]), float(coords[0])
    wkt = geometry.get("geo_wkt")
    match = re.fullmatch(r"\s*POINT\s*\(\s*(-?[\d.]+)\s+(-?[\d.]+)\s*\)\s*", wkt or "", re.IGNORECASE)
    return (float(match.group(2)), float(match.group(1))) if match else None


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


def lpf_to_places(document: Any, file: str) -> LpfImport:
    """Read an LPF FeatureCollection into place records; every feature that cannot be placed is reported at once."""
    if not isinstance(document, dict) or document.get("type") != "FeatureCollection" \
            or not isinstance(document.get("features"), list):
        raise AuthoringError([Problem(file, "", "found no GeoJSON FeatureCollection; expected Linked Places Format: "
                                                "{\"type\": \"FeatureCollection\", \"@context\": …, \"features\": [...]}")])
    if not document["features"]:
        raise AuthoringError([Problem(file, "features", "found an empty list; expected at least one place feature")])
    problems: list[Problem] = []
    ids = IdMaker()
    places, whens, titles = [], {}, {}
    counts: dict[str, int] = {}
    notes: list[str] = []

    def count(what: str, n: int = 1) -> None:
        counts[what] = counts.get(what, 0) + n

    for index, feature in enumerate(document["features"]):
        where = f"features[{index}]"
        if not isinstance(feature, dict):
            problems.append(Problem(file, where, f"found {_short(feature)}; expected a GeoJSON Feature"))
            continue
        properties = feature.get("properties") if isinstance(feature.get("properties"), dict) else {}
        names = [n for n in feature.get("names") or [] if isinstance(n, dict) and isinstance(n.get("toponym"), str)
                 and n["toponym"].strip()]
        title = properties.get("title") if isinstance(properties.get("title"), str) and properties["title"].strip() else None
        title = title or (names[0]["toponym"] if names else None)
        if title is None:
            problems.append(Problem(file, f"{where}.properties.title", "missing; expected the place's title (or a name "
                                                                       "in 'names')"))
            continue
        geometries = _geometries(feature.get("geometry"))
        point = next((p for p in (_point(g) for g in geometries) if p), None)
        outline = next((g for g in geometries if g.get("type") in ("Polygon", "MultiPolygon")
                        and isinstance(g.get("coordinates"), list) and g["coordinates"]), None)
        if point is None and outline is not None:
            rings = outline["coordinates"] if outline["type"] == "Polygon" else [p[0] for p in outline["coordinates"]]
            point = ring_centre(rings[0] if outline["type"] == "Polygon" else max(rings, key=len))
            notes.append(f"{title}: no point given; placed at the centre of its outline")
        if point is None:
            found = "no geometry" if feature.get("geometry") in (None, {}) else \
                f"a geometry without a usable point or outline ({_short(feature.get('geometry'))})"
            problems.append(Problem(file, f"{where}.geometry", f"'{title}': found {found}; expected a GeoJSON Point "
                                                               "(or a GeometryCollection holding one, or a Polygon) so "
                                                               "the place can be drawn on the map"))
            continue
        lat, lon = point
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            problems.append(Problem(file, f"{where}.geometry", f"'{title}': found coordinates lat {lat}, lon {lon}; "
                                                               "expected [longitude, latitude] within range"))
            continue
        pid = _feature_id(feature, title, ids)
        kind, known = _kind(feature, properties)
        if not known:
            notes.append(f"{title}: no place type Chronomap knows; imported as a city")
        record: dict[str, Any] = {"id": pid, "kind": kind, "names": _record_names(title, names, count)}
        history = _historical(names)
        if history:
            record["historical_names"] = history
        record["point"] = {"lat": lat, "lon": lon}
        if outline is not None:
            record["region"] = {"geometry": {"type": outline["type"], "coordinates": outline["coordinates"]}}
        descriptions = [d for d in feature.get("descriptions") or [] if isinstance(d, dict) and isinstance(d.get("value"), str)]
        if descriptions:
            english = next((d for d in descriptions if d.get("lang") == "en"), descriptions[0])
            record["description"] = english["value"]
            translations = {d["lang"]: {"description": d["value"]} for d in descriptions
                            if d is not english and isinstance(d.get("lang"), str) and re.match(LANG_PATTERN, d["lang"])
                            and d["lang"] != english.get("lang", "en")}
            if translations:
                record["translations"] = translations
            count("descriptions", len(descriptions) - 1 - len(translations))
        places.append(record)
        titles[pid] = title
        when = _when_edtf(feature.get("when"))
        if when:
            whens[pid] = when
        elif feature.get("when"):
            count("unreadable when")
        _count_unkept(feature, properties, geometries, outline, count)
    if problems:
        raise AuthoringError(problems)
    return LpfImport(places, whens, titles, _import_losses(counts), notes)


def _record_names(title: str, names: list[dict], count) -> dict:
    current = [n for n in names if _until(n.get("when")) is None]
    english = next((n["toponym"] for n in current if n.get("lang") == "en"), None) or title
    out: dict[str, Any] = {"en": english}
    for lang in ("kk", "ru"):
        value = next((n["toponym"] for n in current if n.get("lang") == lang), None)
        if value:
            out[lang] = value
    taken = {english, out.get("kk"), out.get("ru")}
    alt = []
    for n in current:
        if n["toponym"] not in taken and n["toponym"] not in alt:
            alt.append(n["toponym"])
            if n.get("lang") not in (None, "en", "kk", "ru"):
                count("name languages")
    if alt:
        out["alt"] = alt
    count("citations", sum(1 for n in names if n.get("citations") or n.get("citation")))
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
    if any(isinstance(n, dict) and n.get("when") and _until(n.get("when")) is None for n in feature.get("names") or []):
        count("name start dates")


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
        "extra timespans": "timespans beyond the first",
        "extra geometries": "points beyond the first (Chronomap keeps one point per place)",
        "geometry when/citations/certainty": "dates, citations and certainty of geometries",
        "lines": "line geometries",
        "other types": "place types other than Chronomap's four kinds",
        "name start dates": "the dates from which names were used (only the day a name lapsed is kept)",
        "name languages": "languages of names other than English, Kazakh and Russian (kept as alternative names)",
        "unreadable when": "'when' values that are not ISO 8601 dates",
    }
    return [f"{labels.get(key, key)} — {n}" for key, n in counts.items() if n]
