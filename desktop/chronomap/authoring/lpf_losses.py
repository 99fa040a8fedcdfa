"""What a Linked Places import could not keep, counted per kind and said in one line each.

The reader counts as it goes (:func:`count_unkept`); :func:`import_losses` turns the counts into the
report's "not carried" lines.
"""

from __future__ import annotations

from chronomap.authoring.lpf_forms import READ_PROPERTIES, short
from chronomap.authoring.lpf_geometry import point_of
from chronomap.authoring.lpf_terms import KIND_BY_AAT


def count_unkept(feature: dict, properties: dict, geometries: list[dict], outline, count) -> None:
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
    points = [g for g in geometries if point_of(g)]
    if len(points) > 1:
        count("extra geometries", len(points) - 1)
    if any(g.get("when") or g.get("citations") or g.get("certainty") or g.get("src") for g in geometries):
        count("geometry when/citations/certainty")
    if any(g.get("type") in ("LineString", "MultiLineString", "MultiPoint") for g in geometries):
        count("lines")
    for entry in feature.get("types") or []:
        if isinstance(entry, dict) and entry.get("identifier") not in KIND_BY_AAT and entry.get("identifier"):
            count("other types")


def import_losses(counts: dict[str, int]) -> list[str]:
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
        shown = ", ".join(f"{short(k)[1:-1]} ({n})" for k, n in other[:12]) + (f", … ({len(other)} in all)"
                                                                               if len(other) > 12 else "")
        lines.append(f"other properties, by name (records holding each) — {shown}")
    return lines
