"""An exhibit's places as a Linked Places Format FeatureCollection, and what LPF cannot carry of them.

Names by language, historical names as names whose ``when`` ends on the day they lapsed, the kind as a
Getty AAT type, point and outline in the geometry, and the span of the events at each place as its ``when``.
"""

from __future__ import annotations

from typing import Any

from chronomap.authoring.lpf_terms import KIND_TYPES, LPF_CONTEXT
from chronomap.authoring.lpf_when import ISO_VALUE
from chronomap.story.dates import iso_day


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
    return side if ISO_VALUE.fullmatch(side) else None


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
