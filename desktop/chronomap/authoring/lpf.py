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
name only when the name clearly went out of use (see :func:`lpf_when.lapsed_names`).  On
export every record named by events carries their span as its ``when``.

This module reads the features; beside it, :mod:`lpf_export` writes them, :mod:`lpf_when` reads time,
:mod:`lpf_geometry` geometry, :mod:`lpf_forms` the non-spec forms real files use, and :mod:`lpf_losses`
counts what was not kept.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from chronomap.authoring.errors import AuthoringError
from chronomap.authoring.gazetteer_index import ring_centre
from chronomap.authoring.ids import IdMaker
from chronomap.authoring.lpf_export import exhibit_to_lpf, place_uri
from chronomap.authoring.lpf_forms import line_point, nfc, property_description, property_when, short
from chronomap.authoring.lpf_geometry import geometries_of, outline_of, point_of
from chronomap.authoring.lpf_losses import count_unkept, import_losses
from chronomap.authoring.lpf_terms import FORMAT_NAME, KIND_BY_AAT, KIND_BY_FCLASS, KIND_TYPES, LPF_CONTEXT
from chronomap.authoring.lpf_when import iso_to_edtf, lapsed_names, name_until, span_edtf, timespans, when_edtf
from chronomap.story.model import Problem
from chronomap.story.schema import LANG_PATTERN

#: What other modules import from here: the format's reader, and the writer and terms it stands beside.
__all__ = ["FORMAT_NAME", "KIND_TYPES", "LPF_CONTEXT", "LpfImport", "exhibit_to_lpf", "is_plain_geojson", "iso_to_edtf",
           "lpf_to_places", "place_uri"]

_URN = re.compile(r"^urn:chronomap:[a-z0-9-]+:place:([a-z0-9][a-z0-9-]*)$")
#: The longest place name or title read (the longest real ones are under 200 characters).
MAX_NAME_CHARS = 1_000
#: Problems listed one by one before the rest are counted.
MAX_PROBLEMS = 20
#: Property names plain GeoJSON files use for a feature's name.
_TITLE_KEYS = ("title", "name", "Name", "NAME", "toponym", "label")


@dataclass
class LpfImport:
    places: list[dict]  # story.json place records
    whens: dict[str, str]  # place id → EDTF of the feature's 'when'
    titles: dict[str, str]  # place id → the feature's title
    not_carried: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)








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
        if entry.get("identifier") in KIND_BY_AAT:
            return KIND_BY_AAT[entry["identifier"]], True
        if entry.get("label") in KIND_TYPES:
            return entry["label"], True
    for fclass in properties.get("fclasses") or []:
        if fclass in KIND_BY_FCLASS:
            return KIND_BY_FCLASS[fclass], True
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
            problems.append(Problem(file, where, f"found {short(feature)}; expected a GeoJSON Feature"))
            continue
        properties = _dict(feature.get("properties"))
        listed = feature.get("names")
        names = [{**n, "toponym": nfc(n["toponym"].strip())} for n in (listed if isinstance(listed, list) else [])
                 if isinstance(n, dict) and isinstance(n.get("toponym"), str) and n["toponym"].strip()]
        title = _title(properties, names, plain)
        longest = max([title or "", *(n["toponym"] for n in names)], key=len)
        if len(longest) > MAX_NAME_CHARS:
            field_ = f"{where}.properties.title" if longest == title and properties.get("title") else f"{where}.names"
            problems.append(Problem(file, field_, f"found a name of {len(longest):,} characters ({short(longest[:40])}…); "
                                                 f"expected a place name of at most {MAX_NAME_CHARS:,}"))
            continue
        if title is None:
            if plain:
                untitled += 1
                continue
            problems.append(Problem(file, f"{where}.properties.title", "missing; expected the place's title (or a name "
                                                                       "in 'names')"))
            continue
        geometries = geometries_of(feature.get("geometry"))
        point = next((p for p in (point_of(g) for g in geometries) if p), None)
        outline = next((o for o in (outline_of(g) for g in geometries) if o), None)
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
            found = f"a geometry without a usable point or outline ({short(feature.get('geometry'))})"
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
            notes.append(f"{where}: @id {short(raw_id)} repeats {seen_ids[raw_id]}'s; imported as a place of its own "
                         f"({pid!r}) — check which record is right")
        elif isinstance(raw_id, str):
            seen_ids[raw_id] = where
        kind, known = _kind(feature, properties)
        if not known and not plain:
            notes.append(f"{title}: no place type Chronomap knows; imported as a city")
        record_spans = timespans(feature.get("when"))
        when = span_edtf(record_spans)
        if when is None and feature.get("when") and not plain:
            count("unreadable when")
        if when is None:  # no record-level when: the place's span is that of its dated geometries
            when = span_edtf([s for g in geometries for s in timespans(g.get("when"))])
            if when:
                notes.append(f"{title}: no record-level 'when'; its span {when} is taken from its geometries' dates")
        if when is None and feature.get("when") is None and isinstance(properties.get("when"), dict):
            when = span_edtf(timespans(properties["when"]))  # an LPF 'when' object put among the properties
            count("property when" if when else "unreadable when")
        elif when is None and feature.get("when") is None and properties.get("when") not in (None, ""):
            read = property_when(properties["when"])
            if read is None:
                count("unreadable when")
            else:
                when = read[0]
                count("property when")
                if "closed span" in read[1] or "approximate" in read[1]:
                    notes.append(f"{title}: properties.when {short(properties['when'])} read as {when} ({read[1]})")
        record_end = max(s[1] for s in record_spans) if record_spans else None
        lapsed = lapsed_names(names, record_end)
        record: dict[str, Any] = {"id": pid, "kind": kind,
                                  "names": _record_names(title, [n for i, n in enumerate(names) if i not in lapsed], count)}
        count("citations", sum(1 for n in names if n.get("citations") or n.get("citation")))
        history = _historical([n for i, n in enumerate(names) if i in lapsed])
        if history:
            record["historical_names"] = history
        for i, n in enumerate(names):
            if i not in lapsed and timespans(n.get("when")):
                attested.append(f"“{n['toponym']}” ({when_edtf(n.get('when'))})")
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
        count_unkept(feature, properties, geometries, outline, count)
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
    losses = import_losses(counts)
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
        until = name_until(n.get("when"))
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


